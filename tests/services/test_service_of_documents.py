"""Rights, contact and service (送达) on the documents as issued through the service."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.services.document_verify import verify_document
from inspector_app.services.notice_documents import (
    Signing,
    document_pdf,
    issue_document,
    void_document,
)
from inspector_app.services.session import Session
from inspector_app.services.violations import close_violation, record_violation
from tests.legal_review_helpers import approved
from tests.services.test_notices import ALL, _png, _signed, _values


def _text(session: Session, document_id: str, tmp_path: Path) -> str:
    path = tmp_path / f"{document_id}.pdf"
    path.write_bytes(document_pdf(session, document_id))
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\n", "")


def _snapshot(session: Session, document_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads(session.store.db.execute("SELECT snapshot FROM document WHERE id = ?", [document_id]).fetchone()[0])


def _squad(session: Session) -> tuple[str, str, str]:
    db = session.store.db
    squad = db.execute("SELECT name FROM squad WHERE id = ?", [session.actor.squad_id]).fetchone()[0]
    me = db.execute("SELECT phone FROM officer WHERE id = ?", [session.actor.officer_id]).fetchone()[0]
    duty = db.execute("SELECT name, phone FROM officer WHERE squad_id = ? AND role = 'supervisor' ORDER BY name",
                      [session.actor.squad_id]).fetchone()
    return squad, me, f"{duty[0]}，联系电话：{duty[1]}"


def test_rights_bodies_periods_and_real_contact_on_the_notice(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    text = _text(officer_session, issued.document_ids[0], tmp_path)
    squad, phone, duty = _squad(officer_session)
    for expected in (f"三日内向{squad}提出陈述、申辩", "六十日内向济南市历下区人民政府申请行政复议",
                     "六个月内向济南市历下区人民法院提起行政诉讼", "不停止本文书的执行",
                     f"承办人：李强，联系电话：{phone}", f"{squad}值班长：{duty}"):
        assert expected in text, expected
    assert "12319" not in text and "承办执法人员" not in text  # no placeholder contact


def test_an_officer_without_a_phone_cannot_issue(officer_session: Session) -> None:
    db = officer_session.store.db
    db.execute("UPDATE officer SET phone = '' WHERE id = ?", [officer_session.actor.officer_id])
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    with pytest.raises(UserError, match="no phone number"):
        issue_document(officer_session, violation_id, "rectify_order", _signed())
    assert db.execute("SELECT count(*) FROM document").fetchone()[0] == 0


def test_the_proof_of_service_has_its_own_signature_and_receipt_date(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    proof = _snapshot(officer_session, issued.document_ids[1])
    assert "party" not in proof["signatures"]  # the notice's signature is not copied onto the receipt
    text = _text(officer_session, issued.document_ids[1], tmp_path)
    assert "受送达人（签名）" in text and re.search(r"签收日期：\s+年\s+月\s+日", text)
    assert "送达人（签名）" in text and issued.numbers[0] in text
    receipt = issue_document(officer_session, record_violation(
        officer_session, _values(officer_session, item_code="FO03"), set()).ids("violation")[0], "rectify_order",
        Signing(party_png=_png(), officer1_png=_png(), receipt_png=_png()))
    assert _snapshot(officer_session, receipt.document_ids[1])["signatures"]["party"]  # signed on screen
    assert "签收日期：2026年" in _text(officer_session, receipt.document_ids[1], tmp_path)


def test_a_refused_service_names_reason_date_servers_and_witness(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order",
                            Signing(refused_reason="不认可违法事实", witness="泉城路社区居委会 刘敏", remarks="执法记录仪 DSJ-0012"))
    text = _text(officer_session, issued.document_ids[1], tmp_path)
    for expected in ("拒收事由不认可违法事实", "拒收时间2026年", "见证人（签名）", "刘敏", "送达人（签名）", "留置",
                     "DSJ-0012"):
        assert expected in text, expected


def test_voiding_a_notice_voids_its_proof_on_paper_and_in_verify(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    void_document(officer_session, issued.document_ids[0], "当事人姓名录入错误")
    assert verify_document(officer_session, issued.numbers[1]).status == "voided"
    for document_id in issued.document_ids:
        text = _text(officer_session, document_id, tmp_path)
        assert "本文书已作废" in text and ("当事人姓名录入错误" in text), text[:200]


def test_electronic_service_only_with_recorded_consent(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    electronic = Signing(party_png=_png(), officer1_png=_png(), service_mode="电子送达")
    with pytest.raises(UserError, match="送达地址确认书"):
        issue_document(officer_session, violation_id, "rectify_order", electronic)
    with pytest.raises(ValidationFailed, match="own signature"):
        issue_document(officer_session, violation_id, "service_address", Signing(refused_reason="不签", witness="刘敏"))
    no_consent = issue_document(officer_session, violation_id, "service_address", Signing(party_png=_png()))
    assert "不同意以电子方式送达" in _text(officer_session, no_consent.document_ids[0], tmp_path)
    with pytest.raises(UserError, match="送达地址确认书"):
        issue_document(officer_session, violation_id, "rectify_order", electronic)
    void_document(officer_session, no_consent.document_ids[0], "当事人改为同意电子送达")
    consent = issue_document(officer_session, violation_id, "service_address",
                             Signing(party_png=_png(), electronic_address="13812345678（短信）"))
    assert "送达地址确认书" in _text(officer_session, consent.document_ids[0], tmp_path)
    issued = issue_document(officer_session, violation_id, "rectify_order", electronic)
    proof = _text(officer_session, issued.document_ids[1], tmp_path)
    assert "电子送达" in proof and "13812345678（短信）" in proof


def test_the_no_penalty_decision_is_served_with_its_own_proof(officer_session: Session, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.photos import stamp_for, store_photo
    from tests.photo_files import jpeg

    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    issue_document(officer_session, violation_id, "warning", _signed())
    clock.advance(days=1)
    photo = store_photo(officer_session, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(officer_session, "", None, None))
    close_violation(officer_session, violation_id, rectified=True, photo_ids=[photo.photo_id])
    approved(officer_session, violation_id, "no_penalty")  # 法制审核 before the decision
    decision = issue_document(officer_session, violation_id, "no_penalty", Signing())
    assert len(decision.numbers) == 2 and "送达" in decision.numbers[1]
    text = _text(officer_session, decision.document_ids[0], tmp_path)
    assert "送达方式直接送达" in text and "不停止本文书的执行" not in text
    proof = _text(officer_session, decision.document_ids[1], tmp_path)
    assert f"不予行政处罚决定书（{decision.numbers[0]}）" in proof
