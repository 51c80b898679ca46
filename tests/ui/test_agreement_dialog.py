from pathlib import Path

from PySide6.QtCore import QDate

from inspector_app.services.agreements import agreement_pdf
from inspector_app.services.profile import unit_detail
from inspector_app.ui.agreement_dialog import AgreementDialog


def _unsigned(session):  # type: ignore[no-untyped-def]
    unit_id = session.store.db.execute("SELECT id FROM unit WHERE agreement_signed = 0 LIMIT 1").fetchone()[0]
    return unit_detail(session, unit_id)


def test_signing_on_screen_is_stored_and_printed(qtbot, officer_session, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    unit = _unsigned(officer_session)
    dialog = AgreementDialog(officer_session, runner, unit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()  # nothing signed yet
    assert dialog.isVisible() and "在屏幕上签名" in dialog.errors.text()
    dialog.pad.add_stroke([(20, 80), (80, 40), (140, 90), (200, 50)])
    dialog.aware.setChecked(True)
    dialog.save()
    assert not dialog.isVisible()
    row = officer_session.store.db.execute(
        "SELECT agreement_signed, agreement_signer, agreement_signature, awareness FROM unit WHERE id = ?",
        [unit["id"]]).fetchone()
    assert row[0] == 1 and row[1] and row[2] and row[3] == 1
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(agreement_pdf(officer_session, unit["id"]))
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "门前五包责任书" in text and unit["name"] in text and "包环境卫生" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert "image" in images or "smask" in images  # the signature is embedded


def test_future_date_is_refused(qtbot, officer_session, runner, zh) -> None:  # type: ignore[no-untyped-def]
    unit = _unsigned(officer_session)
    dialog = AgreementDialog(officer_session, runner, unit)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2030, 1, 1))
    dialog.pad.add_stroke([(20, 80), (200, 50)])
    dialog.save()
    assert "晚于今天" in dialog.errors.text()
