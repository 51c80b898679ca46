"""The document faces on screen too: the rare-character faces the documents use (the build's
own HanaMin A and B, the faces added in Settings) are given to Qt as application fonts, so a
name typed with 𠮷 shows in the form as it will print, on a machine that has no such font.
The faces are found and read in the background; Qt is given them on the UI thread (fontconfig
reads each file's header there, ~15 ms a face, once a session): Qt's font database is said to
be thread-safe, but a test run that registered them from a worker crashed in Qt."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QFontDatabase

from inspector_app.domain.errors import UserError
from inspector_app.domain.glyphs import Face
from inspector_app.services.document_fonts import load_document_faces
from inspector_app.ui.tasks import TaskRunner

_on_screen: dict[str, list[str]] = {}  # file → the families Qt registered from it


def show_on_screen(faces: Sequence[Face]) -> list[str]:
    """Register each face's file with Qt once; the families now available from them."""
    families: list[str] = []
    for face in faces:
        path = str(face.path)
        if path not in _on_screen:
            font_id = QFontDatabase.addApplicationFont(path)
            _on_screen[path] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        families += _on_screen[path]
    return families


def _load(added: Sequence[str]) -> tuple[tuple[Face, ...], UserError | None]:
    """(faces to show, the problem with an added face if any): the shipped faces are shown
    even when an added one cannot be used."""
    try:
        return load_document_faces(added), None
    except UserError as exc:
        return load_document_faces(), exc


def load_faces(runner: TaskRunner, added: Sequence[str], on_error: Callable[[BaseException], None],
               on_done: Callable[[tuple[Face, ...]], None] | None = None) -> None:
    """Read the document faces (and the ones added in Settings) in the background and show
    them on screen; a face added in Settings that cannot be used goes to ``on_error``."""

    def loaded(result: tuple[tuple[Face, ...], UserError | None]) -> None:
        faces, problem = result
        show_on_screen(faces)
        if problem is not None:
            on_error(problem)
        elif on_done is not None:
            on_done(faces)

    runner.run(_load, list(added), on_done=loaded, on_error=on_error)
