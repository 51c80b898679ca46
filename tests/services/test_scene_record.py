"""The 现场检查（勘验）笔录 as the officer typed it (issue 17, part 7): no answer nobody gave,
real start and end times, only attachments that exist, and the party, the witness and both
officers sign on every page."""

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import ValidationFailed
from inspector_app.services.notice_documents import Signing, document_pdf, issue_document
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from tests.photo_files import jpeg
from tests.services.test_notices import _recorded, _values


def _pages(session: Session, document_id: str, tmp_path: Path) -> list[str]:
    (tmp_path / "r.pdf").write_bytes(document_pdf(session, document_id))
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    return [p.replace("\n", "") for p in text.split("\f") if p.strip()]


def _violation(session: Session, **values: object) -> str:
    return str(record_violation(session, _values(session, item_code="FO01", **values), set()).ids("violation")[0])


def _stored(session: Session) -> tuple[int, int]:
    db = session.store.db
    return db.execute("SELECT count(*) FROM document").fetchone()[0], db.execute("SELECT count(*) FROM number_block").fetchone()[0]


def test_an_answer_nobody_typed_is_refused_not_filled_in(officer_session: Session) -> None:
    violation_id = _violation(officer_session)
    before = _stored(officer_session)
    for record, field in (({"qa": [{"q": "你是否申请执法人员回避？", "a": " "}]}, "qa"), ({"qa": []}, "qa"),
                          ({"start": ""}, "start"), ({"scene": ""}, "scene")):
        with pytest.raises(ValidationFailed) as info:
            issue_document(officer_session, violation_id, "inspection_record", _recorded(officer_session, **record))
        assert field in [e.field for e in info.value.errors]
    assert _stored(officer_session) == before  # nothing stored, no number taken


def test_the_typed_entries_and_real_times_are_printed(officer_session: Session, tmp_path: Path) -> None:
    now = officer_session.now()
    qa = [{"q": "你是否申请执法人员回避？", "a": "申请，要求换一位执法人员。"}, {"q": "货架是谁摆放的？", "a": "是我摆的，今天刚进货。"}]
    issued = issue_document(officer_session, _violation(officer_session), "inspection_record",
                            _recorded(officer_session, qa=qa, start=utc_iso(now - timedelta(minutes=40))))
    text = "".join(_pages(officer_session, issued.document_ids[0], tmp_path))
    assert "9时20分至2026年11月20日10时00分" in text.replace(" ", "")  # start typed, end = when it was signed
    assert "答：申请，要求换一位执法人员。" in text and "问：货架是谁摆放的？" in text and "答：是我摆的" in text
    assert "答：不申请" not in text
    later = issue_document(officer_session, _violation(officer_session), "inspection_record",
                           _recorded(officer_session, start=utc_iso(now - timedelta(hours=1)), end=utc_iso(now - timedelta(hours=1))))
    assert "9时00分至2026年11月20日9时00分" in "".join(_pages(officer_session, later.document_ids[0], tmp_path)).replace(" ", "")
    with pytest.raises(ValidationFailed, match="end"):  # ends before it started
        issue_document(officer_session, _violation(officer_session), "inspection_record",
                       _recorded(officer_session, end=utc_iso(now - timedelta(hours=2))))


def test_only_attachments_that_exist_are_listed(officer_session: Session, tmp_path: Path) -> None:
    bare = issue_document(officer_session, _violation(officer_session), "inspection_record",
                          _recorded(officer_session, sketch_photo_id="no-such-photo"))
    text = "".join(_pages(officer_session, bare.document_ids[0], tmp_path))
    assert "未拍摄现场照片" in text and "见附件" not in text and "照片 1" not in text and "示意图" not in text
    photo = store_photo(officer_session, jpeg(tmp_path / "scene.jpg", (800, 600)), stamp_for(officer_session, "", None, None))
    sketch = store_photo(officer_session, jpeg(tmp_path / "sketch.jpg", (800, 600)), stamp_for(officer_session, "", None, None))
    with_photo = issue_document(officer_session, _violation(officer_session, photo_ids=[photo.photo_id]), "inspection_record",
                                _recorded(officer_session, sketch_photo_id=sketch.photo_id))
    text = "".join(_pages(officer_session, with_photo.document_ids[0], tmp_path))
    assert "照片 1" in text and "照片 2" not in text and "现场示意图" in text and "未拍摄" not in text


def test_party_witness_and_both_officers_sign_every_page(officer_session: Session, tmp_path: Path) -> None:
    scene = "当事人在店门外摆放货架、冰柜和桌椅，占用人行道经营。" * 80
    signing = _recorded(officer_session, scene=scene)
    refused = Signing(refused_reason="不认可", witness="泉城路社区居委会 刘敏", record=signing.record)
    for how in (signing, refused):
        issued = issue_document(officer_session, _violation(officer_session), "inspection_record", how)
        pages = _pages(officer_session, issued.document_ids[0], tmp_path)
        assert len(pages) >= 2
        for page in pages:
            assert "当事人" in page and "见证人：" in page and page.count("执法人员：") >= 2, page[-200:]
    assert "刘敏" in "".join(pages)
