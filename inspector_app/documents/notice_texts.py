"""The running text of each enforcement document, section by section, composed from a snapshot's
structured fields with the sentence templates of domain/legal_text.py.

The composed sentences are frozen into the snapshot when a document is issued (``text``), so a
re-print prints what was issued even if a template changes later; a snapshot issued before the
fields were structured is composed from its old fields (``legacy``).
"""

from __future__ import annotations

from typing import Any

from inspector_app.domain import legal_text as lt
from inspector_app.domain.catalogs import FirstOffenceItem

# (heading, text key, kind): kind "text" is an indented paragraph, "plain" a field-like line
# (案由), "bold" the operative sentence of a decision.
SECTIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "warning": (
        ("违法事实", "facts", "text"), ("违反规定", "violated", "text"), ("首违不罚", "first_offence", "text"),
        ("责令改正", "correction", "text"), ("教育提示", "education", "text"),
        ("不改正的后果", "consequences", "text"), ("当事人承诺", "pledge", "text"), ("联系方式", "contact", "text"),
        ("权利告知", "rights", "text"),
    ),
    "rectify_order": (
        ("违法事实", "facts", "text"), ("法律依据", "basis", "text"), ("改正要求", "correction", "text"),
        ("逾期不改正的后果", "consequences", "text"), ("联系方式", "contact", "text"), ("权利告知", "rights", "text"),
    ),
    "no_penalty": (
        ("案由", "cause", "plain"), ("违法事实和证据", "facts", "text"), ("理由和依据", "reasons", "text"),
        ("决定", "decision", "bold"), ("教育", "education", "text"), ("联系方式", "contact", "text"),
        ("权利告知", "rights", "text"),
    ),
}
EDUCATION = ("城市环境需要全社会共同维护。请当事人自觉遵守城市管理法律法规，"
             "共同营造整洁有序的城市环境。")


def item_fields(item: FirstOffenceItem, catalog_version: str) -> dict[str, Any]:
    """The catalog row's structured legal fields as a snapshot holds them."""
    return {"violated_provisions": list(item.violated_provisions_zh), "penalty_provisions": list(item.penalty_provisions_zh),
            "correction": item.correction_zh, "case_name": item.case_name_zh, "item_code": item.code,
            "catalog_version": catalog_version, "violation": item.violation_zh}


def legacy(s: dict[str, Any]) -> dict[str, Any]:
    """A snapshot issued before the legal basis was structured, in the structured shape."""
    if "violated_provisions" in s:
        return s
    return {**s, "violated_provisions": [s.get("violated", "")], "penalty_provisions": [s.get("penalty_basis", "")],
            "correction": s.get("requirement", "").rstrip("。"), "case_name": s.get("violation", "").split("（")[0]}


def rights_text(s: dict[str, Any]) -> str:
    """陈述申辩, 复议 and 诉讼 (body, court, periods) and 不停止执行, as the district's data
    gave them when the document was issued (domain/rights.py)."""
    rights = s.get("rights")
    if not rights:  # issued before the rights were data
        rights = {"hearing": "当事人有陈述、申辩的权利。", "remedies": (
            f"当事人对本文书不服的，可以自收到本文书之日起六十日内向{s['review_body']}申请行政复议，"
            f"或者自收到本文书之日起六个月内向{s['court']}提起行政诉讼。")}
    return "".join(rights.get(k, "") for k in ("hearing", "remedies", "no_suspension"))


def compose(kind: str, snapshot: dict[str, Any]) -> dict[str, str]:
    """Every sentence of a document of this kind, by text key."""
    s = legacy(snapshot)
    f = s["facts"]
    on_the_spot = s.get("deadline_text") == "当场"
    text = {
        "facts": lt.facts_sentence(f["time"], f["place"], f["conduct"]),
        "violated": lt.violated_sentence(s["violated_provisions"]),
        "education": lt.sentence(s.get("education") or EDUCATION),
        "rights": rights_text(s),
        "contact": lt.sentence(s.get("contact", "")) if s.get("contact") else "",
    }
    if kind == "warning":
        text["first_offence"] = lt.first_offence_sentence(s["item_code"], s["catalog_version"])
        text["correction"] = lt.correction_sentence(s["correction"], s["deadline_text"])
        text["consequences"] = lt.consequences_sentence(s["penalty_provisions"], on_the_spot)
        if s.get("pledge", "").strip():
            text["pledge"] = lt.sentence(s["pledge"])
    elif kind == "rectify_order":
        text["basis"] = text.pop("violated") + lt.order_basis_sentence(s["penalty_provisions"], on_the_spot)
        text["correction"] = lt.correction_sentence(s["correction"], s["deadline_text"])
        consequences = lt.consequences_sentence(s["penalty_provisions"], on_the_spot)
        text["consequences"] = consequences + ("本案已转入立案调查程序。" if s.get("file_case") else "")
    elif kind == "no_penalty":
        evidence = f"现场检查笔录、现场照片{s['photo_count']}张" if s.get("photo_count") else "现场检查笔录"
        text["cause"] = f"{s['party']['name']}{s['case_name']}案"
        text["facts"] += f"以上事实有{evidence}等证据证实。"
        text["reasons"] = text.pop("violated") + lt.no_penalty_reason_sentence(
            s.get("notice_number", ""), s["rectified_on"], s["item_code"])
        text["decision"] = lt.no_penalty_decision_sentence()
    return text


def sections(kind: str, snapshot: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(heading, paragraph, kind) in print order, from the frozen text or composed now."""
    text = snapshot.get("text") or compose(kind, snapshot)
    return [(heading, text[key], style) for heading, key, style in SECTIONS[kind] if text.get(key)]
