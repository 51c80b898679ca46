import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.agreements import agreement_pdf, confirm_awareness, record_agreement
from inspector_app.services.document_verify import verify_document
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from tests.photo_files import jpeg


def _unsigned(session: Session) -> str:
    return session.store.db.execute("SELECT id FROM unit WHERE agreement_signed = 0 LIMIT 1").fetchone()[0]


def test_signature_on_screen(officer_session: Session) -> None:
    unit_id = _unsigned(officer_session)
    record_agreement(officer_session, unit_id, date(2026, 11, 20), "张伟", signature_png=_png())
    row = officer_session.store.db.execute(
        "SELECT agreement_signed, agreement_date, agreement_signer, agreement_signature FROM unit WHERE id = ?",
        [unit_id]).fetchone()
    assert row[:3] == (1, "2026-11-20", "张伟")
    assert officer_session.blobs.read(row[3]) == _png()


def test_photo_of_the_signed_paper(officer_session: Session, tmp_path: Path) -> None:
    unit_id = _unsigned(officer_session)
    photo = store_photo(officer_session, jpeg(tmp_path / "paper.jpg", (1000, 1400)), stamp_for(officer_session, "", None, None))
    record_agreement(officer_session, unit_id, date(2026, 11, 19), "王芳", photo_id=photo.photo_id)
    db = officer_session.store.db
    assert db.execute("SELECT owner_id FROM photo WHERE id = ?", [photo.photo_id]).fetchone()[0] == unit_id


def test_no_evidence_future_date_no_signer(officer_session: Session) -> None:
    unit_id = _unsigned(officer_session)
    with pytest.raises(ValidationFailed) as info:
        record_agreement(officer_session, unit_id, date(2027, 1, 1), " ")
    assert {e.field for e in info.value.errors} == {"signer", "signed_on", "signature"}
    assert officer_session.store.db.execute("SELECT agreement_signed FROM unit WHERE id = ?", [unit_id]).fetchone()[0] == 0


def test_awareness(officer_session: Session) -> None:
    unit_id = _unsigned(officer_session)
    confirm_awareness(officer_session, unit_id, True)
    assert officer_session.store.db.execute(
        "SELECT awareness, awareness_date FROM unit WHERE id = ?", [unit_id]).fetchone() == (1, "2026-11-20")


def test_the_signed_agreement_is_a_numbered_frozen_document(officer_session: Session, clock: FixedClock,
                                                            tmp_path: Path) -> None:
    """Issue 17, part 6: re-printed 30 days later (and in a new year), the 责任书 is the same
    paper — number, date, hash — and a number the clerk can verify; signing again voids it."""
    unit_id = _unsigned(officer_session)
    form = agreement_pdf(officer_session, unit_id)
    assert "（签订后编号）" in _text(form, tmp_path)  # the form to sign has no number yet
    record_agreement(officer_session, unit_id, date(2026, 11, 20), "张伟", signature_png=_png())
    db = officer_session.store.db
    number, digest, snapshot = db.execute("SELECT number, content_sha256, snapshot FROM document "
                                          "WHERE doc_type = 'agreement'").fetchone()
    assert number.startswith("济历下城管五包字〔2026〕第") and json.loads(snapshot)["unit_id"] == unit_id
    first = agreement_pdf(officer_session, unit_id)
    clock.advance(days=30)
    db.execute("UPDATE unit SET phone = '0531-00000000' WHERE id = ?", [unit_id])  # the unit's data moves on
    later = agreement_pdf(officer_session, unit_id)
    clock.advance(days=50)  # 2027
    assert later == first == agreement_pdf(officer_session, unit_id)
    text = _text(later, tmp_path)
    assert number in text and "2026年11月20日" in text and digest[:16] in text
    check = verify_document(officer_session, number)
    assert (check.status, check.facts["party"], check.facts["date"]) == ("genuine", json.loads(snapshot)["unit"]["name"],
                                                                       "2026年11月20日")
    record_agreement(officer_session, unit_id, date(2027, 1, 9), "张伟", signature_png=_png())
    assert verify_document(officer_session, number).status == "voided"
    assert "2027年1月9日" in _text(agreement_pdf(officer_session, unit_id), tmp_path)


def _png() -> bytes:
    from tests.services.test_notices import _png as drawn

    return drawn()


def _text(pdf: bytes, tmp_path: Path) -> str:
    (tmp_path / "a.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
