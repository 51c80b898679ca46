"""One 公示 row per decision, in the columns of the 行政处罚信息 双公示 data standard, from the
document's frozen snapshot (what was issued, not what the record says now).

Personal data is masked with :mod:`inspector_app.domain.masking`: a natural person's name and
ID number, the operator of an individual business (个体工商户) and any of these where the
officer typed them into the facts; a phone number is never exported. A registered
organisation's name, 统一社会信用代码 and 法定代表人 are public registry data and stay whole.
Column choice and sources: notes/issue-19-publish.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from inspector_app.domain.clock import LOCAL_TZ, parse_utc
from inspector_app.domain.masking import mask_id_number, mask_name, mask_phone, mask_uscc
from inspector_app.domain.work_calendar import Deadline, WorkCalendar

# 行政执法决定 are published within 7 working days of being made (行政执法公示制度).
PUBLISH_WITHIN_WORKING_DAYS = 7
# The longest period a 一般 (not 严重) record stays on the credit sites (发改办财金〔2019〕527号).
PUBLIC_FOR_MONTHS = 12
NOT_PUNISHED = "不予行政处罚"
HEADERS = (
    "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
    "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
    "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
    "处罚决定日期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位",
    "数据来源单位统一社会信用代码", "最迟公示日期（决定之日起7个工作日）", "备注",
)
# Widths (characters) of the columns above in the .xlsx: long texts wide, codes as long as they are.
WIDTHS = (24, 14, 22, 10, 8, 20, 32, 22, 50, 50, 12, 40, 10, 12, 14, 12, 12, 24, 20, 24, 20, 18, 36)
PERSON, BUSINESS, ORGANISATION = "自然人", "个体工商户", "法人及非法人组织"


@dataclass(frozen=True)
class PublicRow:
    """A decision as published, with what the page needs besides the columns."""

    document_id: str
    doc_type: str
    number: str
    squad_id: str | None
    squad_name: str
    decided_at: datetime
    deadline: Deadline
    published_at: str | None
    values: tuple[str, ...]
    published_by: str = ""  # who exported it first, and in which file
    published_file: str = ""


def party_kind(party: dict[str, Any]) -> str:
    """自然人, 个体工商户 (a code whose 登记管理部门 and 机构类别 are 9 and 2) or 法人及非法人组织."""
    if party.get("kind") != "unit":
        return PERSON
    return BUSINESS if (party.get("uscc") or "").strip().upper().startswith("92") else ORGANISATION


def _id_type(id_number: str) -> str:
    text = id_number.strip()
    return "身份证" if len(text) in (15, 18) and text[:-1].isdigit() else ("其他" if text else "")


def _private(party: dict[str, Any], kind: str, place: str) -> list[tuple[str, str]]:
    """(clear text, its masked form) of everything personal that free text may repeat,
    longest first so a name inside an address is not masked twice."""
    pairs = [(party.get("phone", ""), mask_phone(party.get("phone", ""))),
             (party.get("id_number", ""), mask_id_number(party.get("id_number", "")))]
    if kind == PERSON:
        pairs.append((party.get("name", ""), mask_name(party.get("name", ""))))
        address = (party.get("address") or "").strip()
        if address and address != place.strip():  # a home address is not the place of the conduct
            pairs.append((address, "（住址不予公示）"))
    if kind in (PERSON, BUSINESS) and party.get("legal_person"):
        pairs.append((party["legal_person"], mask_name(party["legal_person"])))
    return sorted(((c.strip(), m) for c, m in pairs if c and c.strip()), key=lambda p: -len(p[0]))


def scrub(text: str, private: list[tuple[str, str]]) -> str:
    """``text`` with every personal value replaced by its masked form."""
    for clear, masked in private:
        text = text.replace(clear, masked)
    return text


def _date(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def publish_by(calendar: WorkCalendar, issued_at: str) -> Deadline:
    """When a decision issued at ``issued_at`` (UTC ISO) must be published: close of office on
    the 7th working day after the day of the decision."""
    return calendar.add_working_days(parse_utc(issued_at), PUBLISH_WITHIN_WORKING_DAYS)


def public_row(doc: dict[str, Any], calendar: WorkCalendar) -> PublicRow:
    """The 公示 row of a publishable document (a row of storage.publication with its snapshot)."""
    s = json.loads(doc["snapshot"])
    party = s.get("party") or {}
    text = s.get("text") or {}
    kind = party_kind(party)
    place = (s.get("facts") or {}).get("place", "")
    private = _private(party, kind, place)
    decided = parse_utc(doc["issued_at"]).astimezone(LOCAL_TZ)
    deadline = publish_by(calendar, doc["issued_at"])
    if doc["doc_type"] == "no_penalty":
        basis, content = text.get("reasons", ""), text.get("decision", "")
        note = "不予行政处罚决定书"
    else:
        basis = text.get("violated", "") + text.get("first_offence", "")
        content = f"依法不予行政处罚（首违不罚），予以警示告知。{text.get('correction', '')}"
        note = "首违不罚警示告知书"
    name = party.get("name", "")
    uscc = party.get("uscc", "")
    legal_person = party.get("legal_person", "")
    values = (
        mask_name(name) if kind == PERSON else name,
        kind,
        mask_uscc(uscc) if kind != PERSON else "",
        "" if kind == PERSON else (legal_person if kind == ORGANISATION else mask_name(legal_person)),
        _id_type(party.get("id_number", "")) if kind == PERSON else "",
        mask_id_number(party.get("id_number", "")) if kind == PERSON else "",
        doc["number"],
        s.get("case_name", ""),
        scrub(text.get("facts", ""), private),
        scrub(basis, private),
        NOT_PUNISHED,
        scrub(content, private),
        "0", "0", "",
        _date(decided.date()),
        _date(_months_later(decided.date(), PUBLIC_FOR_MONTHS)),
        s.get("authority", ""),
        "",
        s.get("authority", ""),
        "",
        _date(deadline.at.date()) + ("（估算）" if deadline.estimated else ""),
        f"{note}；{doc.get('squad_name') or ''}",
    )
    return PublicRow(doc["id"], doc["doc_type"], doc["number"], doc.get("squad_id"), doc.get("squad_name") or "", decided, deadline,
                     doc.get("published_at"), values, doc.get("published_by_name") or "", doc.get("published_file") or "")
