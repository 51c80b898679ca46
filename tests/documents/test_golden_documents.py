"""Every document type as the services issue it: key lines of its text (pdftotext), every font
embedded (pdffonts), Chinese line-breaking, and (with RENDER_PNG_DIR set) its pages as PNGs to
look at."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from inspector_app.services.notice_documents import Signing, document_pdf, issue_document
from inspector_app.services.session import Session
from inspector_app.services.violations import close_violation, record_violation
from tests.legal_review_helpers import approved
from tests.services.test_notices import ALL, _png, _recorded, _signed, _values

CLOSERS = "，。、；：？！）》」』】〕”’"


def _lines(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if os.environ.get("RENDER_PNG_DIR"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(Path(os.environ["RENDER_PNG_DIR"]) / name)],
                       check=True)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts), fonts  # embedded, subset
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if line.strip()]


def _check_breaks(lines: list[str]) -> None:
    for line in lines:
        assert line.lstrip()[0] not in CLOSERS, f"line starts with closing punctuation: {line}"


@pytest.fixture
def issued(officer_session: Session, tmp_path: Path, clock) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    from inspector_app.services.photos import stamp_for, store_photo
    from tests.photo_files import jpeg

    s = officer_session
    out: dict[str, list[str]] = {}
    first = record_violation(s, _values(s), ALL).ids("violation")[0]
    warning = issue_document(s, first, "warning", _signed())
    record = issue_document(s, first, "inspection_record", _recorded(s))
    order = issue_document(s, record_violation(s, _values(s, item_code="FO01", party_name="王𠮷䶮㵘",
                                                           party_id_number="370102199003071238"), set()).ids("violation")[0],
                           "rectify_order", Signing(refused_reason="不认可违法事实", witness="泉城路社区居委会 刘敏"))
    address = issue_document(s, record_violation(s, _values(s, item_code="FO03"), set()).ids("violation")[0],
                             "service_address", Signing(party_png=_png(), electronic_address="13812345678"))
    clock.advance(days=1)
    photo = store_photo(s, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(s, "", None, None))
    close_violation(s, first, rectified=True, photo_ids=[photo.photo_id])
    approved(s, first, "no_penalty")  # 法制审核 before the decision
    decision = issue_document(s, first, "no_penalty", Signing())
    for name, ids in (("warning", warning.document_ids), ("inspection_record", record.document_ids),
                      ("rectify_order", order.document_ids), ("no_penalty", decision.document_ids),
                      ("service_address", address.document_ids)):
        out[name] = _lines(document_pdf(s, ids[0]), tmp_path, name)
        if len(ids) > 1:
            out[f"{name}_proof"] = _lines(document_pdf(s, ids[1]), tmp_path, f"{name}_proof")
    out["_numbers"] = [*warning.numbers, *order.numbers, *decision.numbers]
    return out


def _has(lines: list[str], *expected: str) -> None:
    joined = "".join(lines)
    for e in expected:
        assert re.sub(r"\s", "", e) in re.sub(r"\s", "", joined), e


def test_golden_text_of_every_document_type(issued: dict[str, list[str]]) -> None:
    warning, order, decision = issued["warning"], issued["rectify_order"], issued["no_penalty"]
    assert warning[0] == "济南市历下区城市管理局" and warning[2] == "首违不罚告知书"
    assert re.fullmatch(r"济历下城管警告字〔2026〕第\d{4}号", warning[1])
    _has(warning, "一、违法事实", "本机关执法人员在泉城路12号门前检查时发现，当事人在泉城路12号门前的行道树上拴绳晾挂衣物。",
         "违反了《济南市绿化条例》第五十六条和《城市绿化条例》第二十条、第二十六条的规定。",
         "第三十三条第一款和本机关首违不罚清单第FO25项", "请当事人当场停止损害绿化的行为",
         "三日内向", "六十日内向济南市历下区人民政府申请行政复议", "出生日期1949年12月31日", "2026年11月20日")
    _has(order, "责令限期改正通知书", "王𠮷䶮㵘", "依据《济南市城市市容管理条例》第六十一条第（三）项和《中华人民共和国行政处罚法》"
         "第二十八条第一款的规定", "当事人拒绝签名。理由：不认可违法事实", "不停止本文书的执行")
    _has(decision, "不予行政处罚决定书", "案由", "张伟损害绿化成果及绿化设施案", "本机关决定对当事人不予行政处罚。",
         "送达方式", issued["_numbers"][0])
    _has(issued["rectify_order_proof"], "送达回证", "拒收事由", "见证人（签名）", issued["_numbers"][2])
    _has(issued["warning_proof"], "受送达人（签名）", "签收日期")
    _has(issued["no_penalty_proof"], "送达回证", f"不予行政处罚决定书（{issued['_numbers'][4]}）")
    _has(issued["service_address"], "送达地址确认书", "电子送达地址13812345678", "本人同意")
    _has(issued["inspection_record"], "现场检查（勘验）笔录")
    for name, lines in issued.items():
        if not name.startswith("_"):
            _check_breaks(lines)
            assert not any(re.search(r"\d{4}-\d{2}-\d{2}", line) for line in lines if "版本" not in line), name
