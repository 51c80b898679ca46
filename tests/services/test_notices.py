import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector_app.domain.errors import PermissionDenied, UserError, ValidationFailed
from inspector_app.services.document_verify import verify_document
from inspector_app.services.notice_documents import (
    Signing,
    batch_pdf,
    document_pdf,
    issue_document,
    list_documents,
    record_print,
    void_document,
)
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.violations import (
    assess,
    check_values,
    close_violation,
    record_violation,
)
from inspector_app.storage.officers import officers
from tests.legal_review_helpers import approved
from tests.photo_files import jpeg

ALL = set(range(10))  # every condition of a row confirmed on the spot


def _png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (100, 20), (200, 70), (290, 30)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _colleague(session: Session) -> str:
    return next(o["id"] for o in officers(session.store.db, session.actor.squad_id) if o["id"] != session.actor.officer_id)


def _values(session: Session, **extra) -> dict:  # type: ignore[no-untyped-def]
    values = {"party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
              "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号", "item_code": "FO25",
              "facts": "在泉城路12号门前的行道树上拴绳晾挂衣物。", "place": "泉城路12号门前", "officer2_id": _colleague(session)}
    values.update(extra)
    return values


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _signed() -> Signing:
    png = _png()
    return Signing(party_png=png, officer1_png=png, officer2_png=png)


def _recorded(session: Session, **record: object) -> Signing:
    """The signatures of a 笔录 with what the officer typed: started 25 minutes ago, one entry."""
    from datetime import timedelta

    from inspector_app.domain.clock import utc_iso

    signing = _signed()
    signing.record = {"start": utc_iso(session.now() - timedelta(minutes=25)), "end": "",
                      "qa": [{"q": "你是否申请执法人员回避？", "a": "不申请。"}], "scene": "店门外摆放货架占用人行道。", **record}
    return signing


def test_first_offence_with_all_conditions_confirmed(officer_session: Session, tmp_path: Path) -> None:
    values = _values(officer_session)
    a = assess(officer_session, values, ALL)
    assert a.decision.outcome == "first_offence" and a.decision.document == "warning"
    assert any("无同一事项违法记录" in r for r in a.decision.reasons)
    violation_id = record_violation(officer_session, values, ALL).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "warning", _signed())
    assert len(issued.numbers) == 2 and issued.numbers[0].startswith("济历下城管警告字〔2026〕第")
    text = _text(document_pdf(officer_session, issued.document_ids[0]), tmp_path)
    for expected in ("首违不罚告知书", "张伟", "11010519491231002X", "第三十三条第一款", "FO25", "六十日内",
                     "六个月内", "执法证号", "第 1 页 共", issued.numbers[0]):
        assert expected in text.replace("\n", ""), expected
    proof = _text(document_pdf(officer_session, issued.document_ids[1]), tmp_path)
    assert "送达回证" in proof and issued.numbers[0] in proof.replace("\n", "")


def test_second_violation_of_the_same_item_is_not_eligible(officer_session: Session) -> None:
    record_violation(officer_session, _values(officer_session), ALL)
    again = _values(officer_session, party_id_number="", party_name="张 伟", party_address="济南市历下区泉城路１２号")
    a = assess(officer_session, again, ALL)  # no ID this time: found by normalised name + address
    assert a.decision.outcome == "not_eligible" and a.decision.file_case
    assert a.decision.priors and a.decision.priors[0].matched_by == "name_address"
    other_item = assess(officer_session, _values(officer_session, item_code="FO26"), ALL)
    assert other_item.decision.outcome == "first_offence"


def test_unconfirmed_condition_and_order_only_rows(officer_session: Session) -> None:
    a = assess(officer_session, _values(officer_session), {1})
    assert a.decision.outcome == "not_eligible" and any("条件未满足" in r for r in a.decision.reasons)
    order = assess(officer_session, _values(officer_session, item_code="FO01"), set())
    assert order.decision.outcome == "order_only" and order.decision.document == "rectify_order"
    assert not order.decision.file_case


def test_override_needs_a_reason_that_is_audited(officer_session: Session) -> None:
    values = _values(officer_session)
    with pytest.raises(ValidationFailed, match="audit"):
        record_violation(officer_session, values, {1}, override="first_offence")
    changes = record_violation(officer_session, values, {1}, override="first_offence", override_reason="当事人系残疾人，已当场改正")
    row = officer_session.store.db.execute("SELECT decision, overridden, override_reason FROM violation WHERE id = ?",
                                           [changes.ids("violation")[0]]).fetchone()
    assert row == ("first_offence", 1, "当事人系残疾人，已当场改正")
    audit = officer_session.store.db.execute("SELECT details FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert "当事人系残疾人" in audit


def test_refusal_needs_a_witness_and_is_printed(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    with pytest.raises(ValidationFailed, match="witness"):
        issue_document(officer_session, violation_id, "rectify_order", Signing(refused_reason="不认可"))
    issued = issue_document(officer_session, violation_id, "rectify_order",
                            Signing(refused_reason="不认可违法事实", witness="泉城路社区居委会 刘敏"))
    text = _text(document_pdf(officer_session, issued.document_ids[0]), tmp_path).replace("\n", "")
    assert "责令限期改正通知书" in text and "拒绝签名" in text and "刘敏" in text and "第二十八条" in text


def test_numbers_are_never_reused_and_voids_are_recorded(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    first = issue_document(officer_session, violation_id, "rectify_order", _signed())
    void_document(officer_session, first.document_ids[0], "当事人姓名录入错误")
    second = issue_document(officer_session, violation_id, "rectify_order", _signed())
    assert second.numbers[0] != first.numbers[0]
    assert int(second.numbers[0][-5:-1]) == int(first.numbers[0][-5:-1]) + 1
    voided = officer_session.store.db.execute("SELECT number, reason FROM voided_number").fetchall()
    assert voided == [(first.numbers[0], "当事人姓名录入错误"),  # and its 送达回证 with it
                      (first.numbers[1], f"所送达的文书{first.numbers[0]}已作废：当事人姓名录入错误")]
    check = verify_document(officer_session, first.numbers[0])  # voided, and the second one took its place
    assert (check.status, check.replaced_by) == ("superseded", second.numbers[0])


def test_failure_inside_issuing_gives_the_number_back(officer_session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    import inspector_app.documents.notices as notices

    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    original = notices.render_document

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut while rendering")

    monkeypatch.setattr(notices, "render_document", crash)
    with pytest.raises(RuntimeError):
        issue_document(officer_session, violation_id, "rectify_order", _signed())
    monkeypatch.setattr(notices, "render_document", original)
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    assert issued.numbers[0].endswith("第0001号")


def test_verify_reprint_print_count_and_batch(officer_session: Session, tmp_path: Path) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "warning", _signed())
    row = officer_session.store.db.execute("SELECT content_sha256 FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()
    assert verify_document(officer_session, f"JNCG1|{issued.numbers[0]}|{row[0]}").status == "genuine"
    assert verify_document(officer_session, f"JNCG1|{issued.numbers[0]}|{'0' * 64}").status == "altered"
    assert verify_document(officer_session, "济历下城管警告字〔2026〕第9999号").status == "unknown"
    pdf = document_pdf(officer_session, issued.document_ids[0])
    import json

    from inspector_app.documents.notices import render_document

    snapshot = json.loads(officer_session.store.db.execute("SELECT snapshot FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()[0])
    from inspector_app.services.notice_documents import _images

    assert render_document(snapshot, row[0], _images(officer_session, snapshot["signatures"])) == pdf  # same bytes
    record_print(officer_session, issued.document_ids[0])
    record_print(officer_session, issued.document_ids[0], copies=2)
    assert officer_session.store.db.execute("SELECT print_count FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()[0] == 3
    merged = batch_pdf(officer_session, issued.document_ids)
    assert "送达回证" in _text(merged, tmp_path) and "首违不罚告知书" in _text(merged, tmp_path)
    assert len(list_documents(officer_session)) == 2


def test_rectified_first_offence_closes_with_a_no_penalty_decision(officer_session: Session, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    notice = issue_document(officer_session, violation_id, "warning", _signed())
    with pytest.raises(UserError, match="rectified"):
        issue_document(officer_session, violation_id, "no_penalty", Signing())
    clock.advance(days=1)
    photo = store_photo(officer_session, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(officer_session, "", None, None))
    with pytest.raises(ValidationFailed):
        close_violation(officer_session, violation_id, rectified=True)
    close_violation(officer_session, violation_id, rectified=True, photo_ids=[photo.photo_id])
    approved(officer_session, violation_id, "no_penalty")  # 法制审核 before the decision
    decision = issue_document(officer_session, violation_id, "no_penalty", Signing())
    text = _text(document_pdf(officer_session, decision.document_ids[0]), tmp_path).replace("\n", "")
    assert "不予行政处罚决定书" in text and "本机关决定对当事人不予行政处罚" in text and notice.numbers[0] in text


def test_not_rectified_becomes_a_case(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    close_violation(officer_session, violation_id, rectified=False)
    assert officer_session.store.db.execute("SELECT status, file_case FROM violation WHERE id = ?", [violation_id]).fetchone() == ("case", 1)


def test_inspection_record_paginates_with_the_party_line_on_every_page(officer_session: Session, tmp_path: Path) -> None:
    long_facts = "当事人在店门外摆放货架、冰柜和桌椅，占用人行道经营。" * 120
    violation_id = record_violation(officer_session, _values(officer_session, facts=long_facts, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "inspection_record", _recorded(officer_session, scene=long_facts))
    text = _text(document_pdf(officer_session, issued.document_ids[0]), tmp_path)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert f"第 {n} 页 共 {len(pages)} 页" in page and "当事人：" in page
    assert "回避" in text and "与事实相符" in text


def test_bad_input_long_name_rare_characters_long_facts(officer_session: Session, tmp_path: Path) -> None:
    name = "济南市历下区泉城路街道鑫源𠮷䶮㵘便利店连锁经营管理有限公司泉城路第一分公司直营店"  # 40 characters
    assert len(name) == 40
    facts = "当事人" + "店外经营" * 750  # 3,000+ characters
    values = _values(officer_session, party_kind="unit", party_name=name, party_id_number="", party_uscc="91350100M000100Y43",
                     facts=facts, item_code="FO01", party_legal_person="王㵘")
    violation_id = record_violation(officer_session, values, set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    text = _text(document_pdf(officer_session, issued.document_ids[0]), tmp_path).replace("\n", "")
    pages = text.count("页 共")
    # Each page break may cut one repetition in two (the footer lands in the middle).
    assert name in text and "王㵘" in text and text.count("店外经营") >= 750 - pages


def test_wrong_id_check_digit_and_past_deadline_store_nothing(officer_session: Session) -> None:
    db = officer_session.store.db
    before = db.execute("SELECT count(*) FROM violation").fetchone()[0]
    with pytest.raises(ValidationFailed) as info:
        record_violation(officer_session, _values(officer_session, party_id_number="110105194912310021",
                                                  deadline="2026-11-01"), ALL)
    assert {e.field for e in info.value.errors} == {"party_id_number", "deadline"}
    assert db.execute("SELECT count(*) FROM violation").fetchone()[0] == before


def test_device_clock_in_2019(officer_session: Session, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock.set(datetime(2019, 5, 6, 2, 0, tzinfo=UTC))
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    issued = issue_document(officer_session, violation_id, "rectify_order", _signed())
    assert "〔2019〕" in issued.numbers[0]  # the number follows the document's date, as printed
    text = _text(document_pdf(officer_session, issued.document_ids[0]), tmp_path)
    assert "2019年5月6日" in text


def test_clerk_cannot_record_violations(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_session_for("zhaomin")
    with pytest.raises(PermissionDenied):
        record_violation(clerk, {"party_kind": "person"}, set())


def test_a_case_filed_against_a_unit_caps_its_stars_at_two(officer_session: Session) -> None:
    db = officer_session.store.db
    unit_id, stars = db.execute(
        "SELECT u.id, u.star_rating FROM unit u WHERE u.star_rating >= 4 AND u.squad_id = ? AND EXISTS "
        "(SELECT 1 FROM frontage_inspection fi WHERE fi.unit_id = u.id AND fi.inspected_at >= '2026-10-01') LIMIT 1",
        [officer_session.actor.squad_id]).fetchone()
    violation_id = record_violation(officer_session, _values(officer_session, item_code="FO01", unit_id=unit_id),
                                    set()).ids("violation")[0]
    assert db.execute("SELECT star_rating FROM unit WHERE id = ?", [unit_id]).fetchone()[0] == stars
    changes = close_violation(officer_session, violation_id, rectified=False)
    assert db.execute("SELECT star_rating FROM unit WHERE id = ?", [unit_id]).fetchone()[0] == 2
    assert changes.touches("unit")
    from inspector_app.services.rates import star_units

    listed = {u["id"]: u for u in star_units(officer_session, None, 1)}
    assert listed[unit_id]["star_rating"] == 2 and "demotion_due" in listed[unit_id]


def test_verify_finds_a_number_typed_with_other_brackets_spaces_and_no_padding(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    number = issue_document(officer_session, violation_id, "warning", _signed()).numbers[0]
    assert "〔" in number and number.endswith("第0001号")
    typed = number.replace("〔", "[").replace("〕", "] ").replace("第0001号", "第1号")
    found = verify_document(officer_session, typed)
    assert found.status == "genuine" and found.party == "张伟"
    assert verify_document(officer_session, number.replace("第0001号", "第2号")).status == "unknown"


def test_a_full_width_or_pasted_id_is_the_same_party(officer_session: Session) -> None:
    # Issue 21 case 6: typed as １１０１…Ｘ with a zero-width space, the ID is stored as digits
    # and still finds the party's earlier violation (no first offence twice).
    record_violation(officer_session, _values(officer_session), ALL)
    typed = "１１０１０５\u200b１９４９１２３１００２ｘ"
    values = _values(officer_session, party_id_number=typed)
    assert not [p for p in check_values(officer_session, values) if p.field == "party_id_number"]
    a = assess(officer_session, values, ALL)
    assert a.decision.outcome != "first_offence" and a.decision.priors
    violation_id = record_violation(officer_session, values, ALL).ids("violation")[0]
    stored = officer_session.store.db.execute(
        "SELECT party_id_number FROM violation WHERE id = ?", [violation_id]).fetchone()[0]
    assert stored == "11010519491231002X"
