"""The faces documents draw with, as the app uses them: which rare-character faces are in use
(and where they were found), faces an office adds in Settings, and the check of typed text
against all of them. Finding and reading faces is file I/O: run these off the UI thread,
except :func:`printable`, a set look-up once :func:`load_document_faces` has run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import FieldError
from inspector_app.domain.glyphs import Face


def load_document_faces(added: Sequence[str] = ()) -> tuple[Face, ...]:
    """Find and read every document face now (the body face, the shipped rare-character faces,
    the ones added in Settings), so later checks of typed text read no file; returns the
    rare-character faces in use, for the UI to draw the same characters on screen. A face
    added in Settings that cannot be used raises a UserError naming it; the shipped ones are
    in use all the same."""
    from inspector_app.documents.coverage import body_face, rare_faces
    from inspector_app.documents.fonts import use_added_faces

    body_face()
    rare_faces()
    return use_added_faces([Path(p) for p in added]) if added else rare_faces()


def check_font_file(path: str) -> Face:
    """A TrueType file an officer chose in Settings, loaded as a document would load it: the
    face with what it draws, or a UserError naming the file and why it cannot be used."""
    from inspector_app.documents.fonts import check_face

    return check_face(Path(path))


def shipped_faces() -> tuple[Face, ...]:
    """The rare-character faces in use besides the ones added in Settings (the build's own,
    or the system's), with where each was found."""
    from inspector_app.documents.coverage import rare_faces

    return tuple(face for face in rare_faces() if face.origin != "added")


def printable(char: str) -> bool:
    """Whether some document face draws ``char`` (FormContext.covers of the printed forms)."""
    from inspector_app.documents.coverage import covers

    return covers(char)


def unprintable_party(values: dict[str, Any]) -> list[FieldError]:
    """The violation form's printed fields (party, facts, place) whose text has a character
    no document face draws, as the officer types them: one problem per field."""
    from inspector_app.documents.printable import VIOLATION_FIELDS, unprintable_values

    return unprintable_values(values, VIOLATION_FIELDS)
