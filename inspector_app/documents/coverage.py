"""Which characters the document faces draw: the body face (the title face for titles), then the rare-character faces
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
TITLE = "DocTitle"
# The shipped free faces (Fandol, GPL + font exception; tools/make_fandol_faces.py): 仿宋 for
# the body as GB/T 9704 asks, a bold Song standing in for 小标宋 in titles.
DEFAULT_BODY_FILE = "FandolFang-Regular.ttf"
DEFAULT_TITLE_FILE = "FandolSong-Bold.ttf"

_lock = threading.RLock()  # re-entered: the union of all faces reads each face
_faces: dict[str, tuple[Face, ...]] = {}  # "body", "rare", "added"
_body_file: Path | None = None  # the office's own body face, if any
_title_file: Path | None = None  # the office's own title face, if any
_added: tuple[Path, ...] = ()


def default_body() -> Path:
    """The built-in body face (Fandol Fang, a 仿宋)."""
    return resource_path("fonts", DEFAULT_BODY_FILE)


def default_title() -> Path:
    """The built-in title face (Fandol Song Bold, standing in for 小标宋)."""
    return resource_path("fonts", DEFAULT_TITLE_FILE)


def body_file() -> Path:
    """The body face's file: the office's own, or the built-in one."""
    return _body_file or default_body()


def title_file() -> Path:
    """The title face's file: the office's own, or the built-in one."""
    return _title_file or default_title()


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


def title_chars() -> frozenset[int]:
    """What the title face draws (a title character it lacks is drawn by the body face)."""
    return _cached("title", lambda: (read_face(TITLE, title_file(), _origin(title_file())),))[0].chars


def set_body_file(path: Path | None, title: Path | None = None) -> None:
    """The office's own body and title faces (None: the built-in ones)."""
    global _body_file, _title_file
    with _lock:
        _body_file, _title_file = path, title
        for key in ("body", "title", "rare", "any"):
            _faces.pop(key, None)


def _find_rare() -> tuple[Face, ...]:
    found = find_faces(rare_face_names())
    faces = tuple(read_face(f"DocRare-{Path(name).stem}", path, _origin(path)) for name, path in found.items())
    if _body_file is None:
        return faces
    # An office's licensed 仿宋 (often GB 2312 only) lacks characters the shipped 仿宋 has:
    # those come from the shipped one, in the same style, before the Mincho rare faces.
    return (read_face("DocRare-FandolFang", default_body(), "built-in"), *faces)


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
