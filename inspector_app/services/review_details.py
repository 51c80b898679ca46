"""What a supervisor opens from the review page: one inspection (each duty with its result,
the failed items, notes and photos) or one 八乱 check, as plain data for a detail view, and a
photo at full size. Run off the UI thread."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.clock import local_text
from inspector_app.domain.errors import NotFound
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage import disorders as disorder_store
from inspector_app.storage.inspections import get_inspection
from inspector_app.storage.officers import officer_by_id
from inspector_app.storage.photos import photo_rows
from inspector_app.storage.reviews import patrol_checks

TIME = "%Y-%m-%d %H:%M"


@dataclass
class DutyDetail:
    """One duty of an inspection as it was recorded."""

    code: str
    name: str
    result: str | None  # ok / fail / na
    failed_items: list[str] = field(default_factory=list)
    note: str = ""
    photo_ids: list[str] = field(default_factory=list)


@dataclass
class InspectionDetail:
    """An inspection for the supervisor's detail view."""

    id: str
    unit_name: str
    unit_address: str
    officer: str
    inspected_at: str  # China time, for display
    score: float | None
    compliant: bool
    awareness: str
    note: str
    review_status: str
    review_comment: str
    duties: list[DutyDetail]

    @property
    def photo_ids(self) -> list[str]:
        return [p for d in self.duties for p in d.photo_ids]


def _officer_name(session: Session, officer_id: str | None) -> str:
    row = officer_by_id(session.store.db, officer_id) if officer_id else None
    return f"{row['name']}（{row['badge_no']}）" if row else ""


def inspection_detail(session: Session, inspection_id: str) -> InspectionDetail:
    """One inspection with every duty, in the catalog's order."""
    session.require(Permission.REVIEW)
    row = get_inspection(session.store.db, inspection_id)
    if row is None or row["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That inspection no longer exists."))
    results = json.loads(row["results"] or "{}")
    duties = []
    for duty in session.catalogs.responsibilities:
        r = results.get(duty.code, {})
        items = {i.code: i.text_zh for i in duty.check_items}
        duties.append(DutyDetail(duty.code, duty.name_zh, r.get("result"),
                                 [items.get(c, c) for c in r.get("failed_items", [])],
                                 r.get("note", ""), list(r.get("photo_ids", []))))
    return InspectionDetail(
        row["id"], row["unit_name"], row["unit_address"] or "", _officer_name(session, row["officer_id"]),
        local_text(row["inspected_at"], TIME), row["score"], bool(row["compliant"]), row["awareness"] or "",
        row["note"] or "", row["review_status"], row["review_comment"] or "", duties)


def check_detail(session: Session, check_id: str) -> dict[str, Any]:
    """One 八乱 check with names filled in, its timeline and found time in China time."""
    session.require(Permission.REVIEW)
    row = disorder_store.get_check(session.store.db, check_id)
    if row is None or row["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That check no longer exists."))
    catalogs = session.catalogs
    event = {e.code: e for e in catalogs.event_codes}.get(row["event_code"])
    return {
        **row,
        "category_name": catalogs.disorder(row["category"]).name_zh,
        "event_name": f"{row['event_code']} {event.minor_zh}" if event else row["event_code"],
        "found_local": local_text(row["found_at"], TIME),
        "photo_ids": json.loads(row["photo_ids"] or "[]"),
        "after_photo_ids": json.loads(row["after_photo_ids"] or "[]"),
        "timeline": [{**e, "at_local": local_text(e["at"], TIME)}
                     for e in disorder_store.timeline(session.store.db, check_id)],
    }


def day_checks(session: Session, patrol_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The 八乱 checks recorded on these patrols, by patrol."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in patrol_checks(session.store.db, patrol_ids):
        row["category_name"] = session.catalogs.disorder(row["category"]).name_zh
        out.setdefault(row["patrol_id"], []).append(row)
    return out


def photo_bytes(session: Session, photo_id: str) -> bytes | None:
    """A stored photo at full size (the stamped copy), or None if it is not on this device."""
    rows = photo_rows(session.store.db, [photo_id])
    if not rows:
        return None
    try:
        return session.blobs.read(rows[0]["sha256"])
    except FileNotFoundError:
        return None
