"""Which characters the document faces draw: the body face, then the rare-character faces
(HanaMin A and B, found by font_files: the build's own copy first), then the faces added in
Settings. Read from the files' character maps (documents/cmap.py), without reportlab, so a
party's name can be checked as it is typed at the cost of a set look-up per character.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from inspector_app.documents.cmap import FontFileError, code_points
from inspector_app.documents.font_files import find_faces, forget_faces_data, rare_face_names
from inspector_app.domain.errors import UserError
from inspector_app.domain.glyphs import Face
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

BODY = "DocBody"
DEFAULT_BODY_FILE = "gbsn00lp.ttf"

_lock = threading.RLock()  # re-entered: the union of all faces reads each face
_faces: dict[str, tuple[Face, ...]] = {}  # "body", "rare", "added"
_body_file: Path | None = None  # the office's own body face, if any
_added: tuple[Path, ...] = ()


def default_body() -> Path:
    """The built-in body face (AR PL SungtiL GB)."""
    return resource_path("fonts", DEFAULT_BODY_FILE)


def body_file() -> Path:
    """The body face's file: the office's own, or the built-in one."""
    return _body_file or default_body()


def _origin(path: Path) -> str:
    return "built-in" if path.resolve().is_relative_to(resource_path("fonts").resolve()) else "system"


def read_face(name: str, path: Path, origin: str) -> Face:
    """The face in ``path`` with the characters it draws; a UserError names a file that is
    not a TrueType face documents can embed."""
    try:
        chars = code_points(path)
    except FontFileError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The font file {path} cannot be used for documents: {reason}."),
            QT_TRANSLATE_NOOP("errors", "Choose a TrueType (.ttf) font that has the characters, or remove it in the settings."),
            path=str(path), reason=str(exc),
        ) from None
    return Face(name, path, origin, chars)


def _cached(key: str, load: Callable[[], tuple[Face, ...]]) -> tuple[Face, ...]:
    faces = _faces.get(key)  # read without the lock: a check runs this once per character
    if faces is not None:
        return faces
    with _lock:
        if key not in _faces:
            _faces[key] = load()
        return _faces[key]


def _read_body() -> tuple[Face, ...]:
    path = body_file()
    return (read_face(BODY, path, _origin(path)),)


def body_face() -> Face:
    """The body face with what it draws."""
    return _cached("body", _read_body)[0]


def set_body_file(path: Path | None) -> None:
    """The office's own body face (None: the built-in one)."""
    global _body_file
    with _lock:
        _body_file = path
        _faces.pop("body", None)
        _faces.pop("any", None)


def _find_rare() -> tuple[Face, ...]:
    found = find_faces(rare_face_names())
    return tuple(read_face(f"DocRare-{Path(name).stem}", path, _origin(path)) for name, path in found.items())


def _read_added() -> tuple[Face, ...]:
    return tuple(read_face(f"DocAdded{n}", path, "added") for n, path in enumerate(_added, 1))


def rare_faces() -> tuple[Face, ...]:
    """The faces for characters the body face lacks, in the order they are tried: the
    shipped (or system) rare-character faces, then the ones added in Settings."""
    return _cached("rare", _find_rare) + _cached("added", _read_added)


def _drawn() -> tuple[Face, ...]:
    """One pseudo-face drawing what any face draws (what :func:`covers` looks up)."""
    faces = (body_face(), *rare_faces())
    return (Face("any", faces[0].path, "union", frozenset().union(*(f.chars for f in faces))),)


def set_added_faces(faces: Sequence[Face]) -> None:
    """Use these faces (read with :func:`read_face`) after the shipped ones."""
    global _added
    with _lock:
        _added = tuple(face.path for face in faces)
        _faces["added"] = tuple(faces)
        _faces.pop("any", None)


def covers(char: str) -> bool:
    """Whether some document face draws ``char``."""
    return ord(char) in _cached("any", _drawn)[0].chars


def reset_faces() -> None:
    """Forget what was found and read (after fonts were installed, or in tests)."""
    with _lock:
        _faces.clear()
    forget_faces_data()
