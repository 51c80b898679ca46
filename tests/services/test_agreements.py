from datetime import date
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.agreements import confirm_awareness, record_agreement
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from tests.photo_files import jpeg

PNG = b"\x89PNG\r\n\x1a\n" + b"signature strokes" * 20


def _unsigned(session: Session) -> str:
    return session.store.db.execute("SELECT id FROM unit WHERE agreement_signed = 0 LIMIT 1").fetchone()[0]


def test_signature_on_screen(officer_session: Session) -> None:
    unit_id = _unsigned(officer_session)
    record_agreement(officer_session, unit_id, date(2026, 11, 20), "张伟", signature_png=PNG)
    row = officer_session.store.db.execute(
        "SELECT agreement_signed, agreement_date, agreement_signer, agreement_signature FROM unit WHERE id = ?",
        [unit_id]).fetchone()
    assert row[:3] == (1, "2026-11-20", "张伟")
    assert officer_session.blobs.read(row[3]) == PNG


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
