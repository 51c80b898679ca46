"""The self-check's rare-name step (ui/smoke.py): the build finds HanaMin A and B in its own
resources (``make package-test`` runs it with the system's fonts hidden), Qt draws 𠮷䶮㵘 on
screen with them, a notice issued to 王𠮷䶮㵘 embeds the rare face, and a party named 𰻞𰻞面馆
(CJK Extension G, which no shipped face has) is refused with the message that says what to do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from inspector_app.ui.smoke import SmokeFailed, _check, issue_sample_notice, sample_values

RARE_NAME = "王𠮷䶮㵘"
RARE_PARTY = {"party_name": RARE_NAME, "party_id_number": "370102199003071238",
              "party_address": "济南市历下区泉城路12号"}
UNDRAWABLE_NAME = "𰻞𰻞面馆"
_NO_SUCH_CHARACTER = "\U0010fffd"  # a private-use code point no face draws: Qt's "missing" box


def _bundle_faces() -> tuple[Any, list[str]]:
    from inspector_app.domain.resources import resources_dir
    from inspector_app.services.document_fonts import load_document_faces

    faces = load_document_faces()
    names = [face.path.name for face in faces]
    _check({"HanaMinA.ttf", "HanaMinB.ttf"} <= set(names), f"rare-character faces found: {names or 'none'}")
    if getattr(sys, "frozen", False):
        outside = [str(face.path) for face in faces if not face.path.resolve().is_relative_to(resources_dir().resolve())]
        _check(not outside, f"the build used faces from outside itself: {outside}")
    return faces, names


def _glyph_image(char: str) -> bytes:
    from PySide6.QtGui import QFont, QImage, QPainter

    image = QImage(48, 48, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(QFont(QFont().family(), 24))
    painter.drawText(6, 38, char)
    painter.end()
    return bytes(image.constBits())


def _drawn_on_screen(text: str) -> list[str]:
    """The characters of ``text`` Qt draws as something other than its missing-glyph box."""
    missing = _glyph_image(_NO_SUCH_CHARACTER)
    drawn = []
    for char in text:
        image = _glyph_image(char)
        if image != missing and min(image) < 128:
            drawn.append(char)
    return drawn


def _refusal(session: Any, values: dict[str, Any]) -> str:
    from inspector_app.domain.errors import ValidationFailed
    from inspector_app.services.violations import record_violation
    from inspector_app.ui.i18n import tr_field_error

    try:
        record_violation(session, values, set(range(10)))
    except ValidationFailed as exc:
        mine = [e for e in exc.errors if e.field == "party_name"]
        _check(bool(mine), f"{UNDRAWABLE_NAME} was refused for something else: {exc.render()}")
        return tr_field_error(mine[0])
    raise SmokeFailed(f"a party named {UNDRAWABLE_NAME} was accepted although no face draws 𰻞")


def _dialog_grab(session: Any, target: Path) -> None:
    """The violation form with the rare name typed, then the undrawable one (with its message)."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from inspector_app.ui.tasks import ImmediateTaskRunner
    from inspector_app.ui.violation_dialog import ViolationDialog

    sheet = QWidget()
    column = QVBoxLayout(sheet)
    for name in (RARE_NAME, UNDRAWABLE_NAME):
        dialog = ViolationDialog(session, ImmediateTaskRunner(), {**RARE_PARTY, "party_name": name})
        dialog.reassess()
        picture = QLabel()
        picture.setPixmap(dialog.grab())
        column.addWidget(picture)
    sheet.grab().save(str(target))


def check_rare_names(session: Any, data_dir: Path) -> str:
    """The step itself; its one-line report, or SmokeFailed."""
    from inspector_app.services.notice_documents import document_pdf
    from inspector_app.ui.document_faces import show_on_screen

    faces, names = _bundle_faces()
    show_on_screen(faces)
    drawn = _drawn_on_screen("𠮷䶮㵘")
    _check(drawn == list("𠮷䶮㵘"), f"the screen draws only {drawn} of 𠮷䶮㵘")
    issued = issue_sample_notice(session, **RARE_PARTY)
    pdf = document_pdf(session, issued.document_ids[0])
    _check(b"HanaMinA" in pdf, "the notice to 王𠮷䶮㵘 does not embed HanaMinA")
    (data_dir / "smoke-rare-notice.pdf").write_bytes(pdf)
    message = _refusal(session, sample_values(session, party_name=UNDRAWABLE_NAME))
    _check("𰻞" in message and "U+30EDE" in message, f"the refusal does not name the character: {message}")
    _dialog_grab(session, data_dir / "smoke-rare-dialog.png")
    where = "the build" if getattr(sys, "frozen", False) else "resources or the system"
    return f"{', '.join(names)} from {where}; on screen and in {issued.numbers[0]}; 𰻞 refused: {message}"

