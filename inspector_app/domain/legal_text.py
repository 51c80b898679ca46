"""Sentences of the enforcement documents, composed from the structured legal fields of a
first-offence row (violated provisions, penalty provisions, the correction required) instead of
pasting catalog text, and the checks that every composed paragraph reads as finished Chinese.

A provision is written as its act and article, e.g. 《济南市城市市容管理条例》第六十一条第（三）项;
a correction is an imperative phrase without final punctuation, e.g. 清除张贴、吊挂的宣传品.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PENALTY_LAW_ART_28 = "《中华人民共和国行政处罚法》第二十八条第一款"
PENALTY_LAW_ART_33 = "《中华人民共和国行政处罚法》第三十三条第一款"

# Fragments that give away pasted text: a reference a reader cannot resolve (同条例), the
# catalog's own shorthand (所指行为), penalty text (：责令…罚款) in a citation, or a doubled ending.
_PASTED = ("所指行为", "同条例", "同法", "同条：", "的规定的规定", "当事人当事人", "；的规定", "，的规定", "。的规定")
_PROVISION = re.compile(r"^(国务院)?《[^《》]+》([第〇一二三四五六七八九十百零（）()、款条项目章节之]*)$")
_END = ("。", "！", "？", "”", "）")


def provision_problem(text: str) -> str:
    """Why a provision as written in the catalog cannot be cited in a sentence ('' if it can)."""
    value = text.strip()
    if not value:
        return "为空"
    if any(p in value for p in _PASTED) or "罚款" in value or "：" in value:
        return "除法规名称和条款外还含有其他文字（如罚则、“所指行为”）"
    if not _PROVISION.match(value):
        return "应写作《法规名称》加条款，例如《济南市城市市容管理条例》第三十二条"
    return ""


def correction_problem(text: str) -> str:
    """Why a required correction cannot be put into 'please … by the deadline' ('' if it can)."""
    value = text.strip()
    if not value:
        return "为空"
    if value[-1] in "。，；：、,.;:":
        return "末尾不应有标点（文书会补上句号）"
    if "当场" in value or value.startswith(("请", "当事人", "责令")):
        return "只写应当做什么；期限和“当事人”由文书补上"
    return ""


def cite(provisions: Sequence[str]) -> str:
    """Several provisions in one citation: A、B和C (without 的规定)."""
    items = [p.strip() for p in provisions if p.strip()]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def sentence(text: str) -> str:
    """Text as a finished sentence: trailing commas or semicolons become 。, one 。 is added."""
    body = text.strip().rstrip("，,；;：:、 ")
    return body if body.endswith(_END) else body + "。"


def facts_sentence(time_text: str, place: str, conduct: str) -> str:
    """The facts: when and where the officers found it, then what the officer typed (which
    often starts with 当事人 or repeats the place; neither is doubled)."""
    typed = conduct.strip()
    for lead in ("经查，", "经查,", "当事人"):
        if typed.startswith(lead):
            typed = typed[len(lead):].lstrip("，, ")
    return sentence(f"{time_text}，本机关执法人员在{place}检查时发现，当事人{typed}")


def violated_sentence(violated: Sequence[str]) -> str:
    return f"当事人的上述行为违反了{cite(violated)}的规定。"


def order_basis_sentence(penalty: Sequence[str], on_the_spot: bool) -> str:
    how = "当场改正" if on_the_spot else "限期改正"
    return f"依据{cite([*penalty, PENALTY_LAW_ART_28])}的规定，本机关责令当事人{how}。"


def correction_sentence(correction: str, deadline_text: str) -> str:
    when = "当场" if deadline_text == "当场" else f"于{deadline_text}前"
    return sentence(f"请当事人{when}{correction.strip()}")


def consequences_sentence(penalty: Sequence[str], on_the_spot: bool) -> str:
    late = "拒不改正" if on_the_spot else "逾期不改正"
    return (f"当事人{late}或者再次实施同类违法行为的，本机关将依据{cite(penalty)}的规定依法处理。")


def first_offence_sentence(item_code: str, catalog_version: str) -> str:
    return (f"经查，当事人系初次违法且危害后果轻微，符合{PENALTY_LAW_ART_33}和本机关首违不罚清单第{item_code}项"
            f"（清单版本{catalog_version}）所列条件。本机关依法不予行政处罚，现予以警示告知。")


def no_penalty_reason_sentence(notice_number: str, rectified_on: str, item_code: str) -> str:
    ordered = f"经本机关{notice_number}警示告知、责令改正后" if notice_number else "经本机关责令改正后"
    return (f"当事人系初次违法且危害后果轻微，{ordered}，于{rectified_on}改正完毕，符合{PENALTY_LAW_ART_33}"
            f"和本机关首违不罚清单第{item_code}项规定的不予行政处罚情形。")


def no_penalty_decision_sentence() -> str:
    return f"依据{PENALTY_LAW_ART_33}的规定，本机关决定对当事人不予行政处罚。"


def paragraph_problems(text: str) -> list[str]:
    """What makes a composed paragraph read wrong (empty when it reads right)."""
    problems = [f"contains {p}" for p in _PASTED if p in text]
    if text.count("的规定") > 1 and re.search(r"的规定[^。]*的规定", text):
        problems.append("的规定 twice in one sentence")
    stripped = text.rstrip()
    if not stripped.endswith(_END):
        problems.append("does not end as a sentence")
    if re.search(r"[，、；：][。]|，$", stripped):
        problems.append("a sentence ends in a comma")
    if "《《" in text or "》》" in text:
        problems.append("doubled title marks")
    return problems
