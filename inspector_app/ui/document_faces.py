"""The document faces on screen too: the rare-character faces the documents use (the build's
own HanaMin A and B, the faces added in Settings) are given to Qt as application fonts, so a
name typed with 𠮷 shows in the form as it will print, on a machine that has no such font.
Qt's font database is thread-safe, so this runs in the background with the rest."""

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


def _load(added: Sequence[str]) -> tuple[Face, ...]:
    try:
        faces = load_document_faces(added)
    except UserError:
        show_on_screen(load_document_faces())  # the shipped faces at least
        raise
    show_on_screen(faces)
    return faces


def load_faces(runner: TaskRunner, added: Sequence[str], on_error: Callable[[BaseException], None],
               on_done: Callable[[tuple[Face, ...]], None] | None = None) -> None:
    """Read the document faces (and the ones added in Settings) in the background and show
    them on screen; a face added in Settings that cannot be used goes to ``on_error``."""
    runner.run(_load, list(added), on_done=on_done, on_error=on_error)
