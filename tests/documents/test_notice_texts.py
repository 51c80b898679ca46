"""Every catalog row, composed into every document type, reads as finished Chinese."""

import re

import pytest

from inspector_app.documents.notice_texts import SECTIONS, compose, item_fields, legacy, sections
from inspector_app.domain.catalogs import shipped_catalogs
from inspector_app.domain.legal_text import paragraph_problems
from inspector_app.domain.rights import rights_for

CONDUCTS = (  # what officers actually type: with and without 当事人, with a trailing comma, no full stop
    "当事人在泉城路12号门前的行道树上拴绳晾挂衣物。",
    "在店门外摆放货架三个",
    "经查，当事人在门前堆放纸箱，",
)


def _snapshot(item, conduct: str, deadline: str, kind: str = "warning") -> dict:  # type: ignore[no-untyped-def]
    rights = rights_for("370112")
    return {
        "rights": {"hearing": rights.hearing(kind, "历城区洪家楼街道中队"), "remedies": rights.remedies(),
                   "no_suspension": rights.no_suspension(kind)},
        **item_fields(item, "2026-11-24b"),
        "party": {"name": "张伟", "kind": "person"},
        "facts": {"time": "2026年12月1日9时05分", "place": "泉城路12号门前", "conduct": conduct},
        "deadline_text": deadline, "education": "", "pledge": "我保证按时改正",
        "contact": "承办人：李强，联系电话：0531-86081234", "file_case": True,
        "review_body": "济南市历下区人民政府", "court": "济南铁路运输法院",
        "notice_number": "济历下城管警告字〔2026〕第0001号", "rectified_on": "2026年12月2日", "photo_count": 2,
    }


ROWS = shipped_catalogs().first_offence


@pytest.mark.parametrize("item", ROWS, ids=[i.code for i in ROWS])
def test_every_row_reads_right_in_every_document(item) -> None:  # type: ignore[no-untyped-def]
    for kind in SECTIONS:
        for conduct in CONDUCTS:
            for deadline in ("当场", "2026年12月8日"):
                for heading, paragraph, style in sections(kind, _snapshot(item, conduct, deadline, kind)):
                    where = f"{item.code} {kind} {heading}: {paragraph}"
                    if style == "plain":  # 案由 is a name, not a sentence
                        assert paragraph.endswith("案") and "当事人" not in paragraph, where
                        continue
                    assert paragraph_problems(paragraph) == [], where
                    assert "当事人当事人" not in paragraph and "所指行为" not in paragraph, where
                    assert not re.search(r"的规定[^。]*的规定", paragraph), where
                    assert "当场当场" not in paragraph and "同条例" not in paragraph, where
                    for sentence in re.split(r"(?<=。)", paragraph):
                        assert not sentence.rstrip().endswith("，"), where


def test_the_sentences_cite_the_rows_own_provisions() -> None:
    item = shipped_catalogs().first_offence_item("FO25")
    text = compose("rectify_order", _snapshot(item, CONDUCTS[0], "2026年12月8日"))
    assert text["basis"] == ("当事人的上述行为违反了《济南市绿化条例》第五十六条和《城市绿化条例》第二十条、第二十六条的规定。"
                             "依据《济南市绿化条例》第五十六条和《中华人民共和国行政处罚法》第二十八条第一款的规定，"
                             "本机关责令当事人限期改正。")
    assert text["correction"].startswith("请当事人于2026年12月8日前停止损害绿化的行为")
    assert "门前五包" not in text["correction"]  # tree damage is not a frontage duty
    assert text["facts"] == "2026年12月1日9时05分，本机关执法人员在泉城路12号门前检查时发现，当事人在泉城路12号门前的行道树上拴绳晾挂衣物。"


def test_the_no_penalty_reasons_end_and_the_decision_follows() -> None:
    item = shipped_catalogs().first_offence_item("FO25")
    text = compose("no_penalty", _snapshot(item, CONDUCTS[0], "当场"))
    assert text["reasons"].endswith("规定的不予行政处罚情形。")
    assert text["decision"] == "依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定对当事人不予行政处罚。"
    assert text["cause"] == "张伟损害绿化成果及绿化设施案"


def test_an_old_snapshot_still_composes() -> None:
    old = {"violated": "《济南市城市市容管理条例》第三十二条", "penalty_basis": "《济南市城市市容管理条例》第六十一条",
           "requirement": "立即停止违法行为，恢复原状。", "violation": "店外经营（x）", "item_code": "FO01",
           "catalog_version": "v", **{k: v for k, v in _snapshot(ROWS[0], "在门外摆放", "当场").items()
                                       if k not in item_fields(ROWS[0], "v")}}
    text = compose("warning", legacy(old))
    assert text["correction"] == "请当事人当场立即停止违法行为，恢复原状。"
