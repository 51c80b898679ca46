"""What the 待办 page, the sign-in badge and exports read about work orders. The reporter's
contact leaves this module in full only for the handler and supervisors (and then only in the
detail); lists never carry it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.masking import mask_name, mask_phone
from inspector_app.domain.roles import Permission
from inspector_app.domain.work_orders import (
    HANDLING,
    OFFICER_OPEN,
    RECEIVED,
    REPLIED,
    RETURNED,
    RUNNING,
    SHELVED,
)
from inspector_app.services.session import Session
from inspector_app.services.work_orders import categories, contact_visible, local_day_end
from inspector_app.storage import work_orders as store

VIEWS: dict[str, str] = {
    "mine": QT_TRANSLATE_NOOP("work_orders", "My open orders"),
    "to_dispatch": QT_TRANSLATE_NOOP("work_orders", "To dispatch"),
    "to_verify": QT_TRANSLATE_NOOP("work_orders", "To verify (核查)"),
    "extensions": QT_TRANSLATE_NOOP("work_orders", "Extension requests"),
    "shelved": QT_TRANSLATE_NOOP("work_orders", "On hold (挂账)"),
    "to_visit": QT_TRANSLATE_NOOP("work_orders", "To follow up (回访)"),
    "open": QT_TRANSLATE_NOOP("work_orders", "All open orders"),
    "closed": QT_TRANSLATE_NOOP("work_orders", "Closed"),
}
SUPERVISOR_VIEWS = ("to_dispatch", "to_verify", "extensions", "to_visit")


def views_for(session: Session) -> list[str]:
    """The lists the signed-in officer may open, theirs first."""
    if session.can(Permission.DISPATCH_ORDERS):
        return ["to_dispatch", "to_verify", "extensions", "to_visit", "shelved", "open", "closed", "mine"]
    return ["mine", "shelved", "open", "closed"]


def _filter(session: Session, view: str, text: str) -> store.OrderFilter:
    squad = session.actor.squad_id
    me = session.actor.officer_id
    mine = None if session.can(Permission.DISPATCH_ORDERS) else me
    return {
        "mine": store.OrderFilter(OFFICER_OPEN, assignee_id=me, text=text),
        "to_dispatch": store.OrderFilter((RECEIVED, RETURNED), squad_id=squad, text=text),
        "to_verify": store.OrderFilter((REPLIED,), squad_id=squad, text=text),
        "extensions": store.OrderFilter((), squad_id=squad, extension_requested=True, text=text),
        "shelved": store.OrderFilter((SHELVED,), squad_id=squad, assignee_id=mine, text=text),
        "to_visit": store.OrderFilter((), squad_id=squad, unvisited=True, text=text),
        # The squad's orders, so an officer sees what colleagues handle nearby (contacts masked).
        "open": store.OrderFilter((*RUNNING, SHELVED), squad_id=squad, text=text),
        "closed": store.OrderFilter(("closed",), squad_id=squad, text=text),
    }[view]


def order_list(session: Session, view: str = "mine", text: str = "") -> tuple[int, list[dict[str, Any]]]:
    """(how many, the rows) of one list: open ones by time left, closed ones newest first."""
    session.require(Permission.VIEW_UNITS)
    if view == "mine" and not text:
        rows = store.todo(session.store.db, session.actor.officer_id)
        return len(rows), rows
    return store.list_orders(session.store.db, _filter(session, view, text), newest_first=view == "closed")


@dataclass(frozen=True)
class Badge:
    """The sign-in badge: the officer's open orders and those due today or overdue; for a
    dispatcher, the squad's queues too."""

    open: int
    due_today: int
    overdue: int
    queues: dict[str, int]


def badge(session: Session) -> Badge:
    """Counts for the badge (two indexed reads)."""
    now = utc_iso(session.now())
    total, today, overdue = store.badge_counts(session.store.db, session.actor.officer_id, now,
                                               utc_iso(local_day_end(session)))
    queues: dict[str, int] = {}
    if session.can(Permission.DISPATCH_ORDERS):
        counts = store.queue_counts(session.store.db, session.actor.squad_id)
        queues = {"to_dispatch": counts.get(RECEIVED, 0) + counts.get(RETURNED, 0),
                  "to_verify": counts.get(REPLIED, 0), "extensions": counts["extension_requested"],
                  "to_visit": counts["unvisited"]}
    return Badge(total, today, overdue, queues)


def _masked(session: Session, row: dict[str, Any], full_when_allowed: bool = False) -> dict[str, Any]:
    """The row with the contact masked; in full only where asked for and allowed (exports)."""
    out = dict(row)
    out["contact_visible"] = contact_visible(session, row)
    if not (full_when_allowed and out["contact_visible"]):
        out["reporter_name"], out["reporter_phone"] = mask_name(row["reporter_name"]), mask_phone(row["reporter_phone"])
    return out


def order_detail(session: Session, order_id: str) -> dict[str, Any]:
    """One order for the detail panel: the reporter's contact masked (the handler and supervisors
    see it in full with :func:`services.work_orders.reveal_contact`, an audited step), its category with 处置时限 and reply templates, timeline, photos and links."""
    session.require(Permission.VIEW_UNITS)
    from inspector_app.services.work_orders import _order

    row = _masked(session, _order(session, order_id))
    category = categories().get(row["category"])
    db = session.store.db
    check = store.linked_check(db, row["disorder_check_id"]) if row["disorder_check_id"] else None
    return {
        **row,
        "category_name": category.name_zh, "limit_text": category.limit_text(),
        "templates": list(category.reply_templates), "disorder": category.disorder,
        "reporter_photos": json.loads(row["reporter_photos"]), "before_photos": json.loads(row["before_photo_ids"]),
        "after_photos": json.loads(row["after_photo_ids"]), "timeline": store.timeline(db, order_id),
        "violations": store.linked_violations(db, order_id), "check": check,
        "is_handler": row["assignee_id"] == session.actor.officer_id,
        "can_dispatch": session.can(Permission.DISPATCH_ORDERS),
    }


def order_of_check(session: Session, check_id: str) -> dict[str, Any] | None:
    """The work order an 八乱 check was found for (the check's side of the link)."""
    return store.order_for_check(session.store.db, check_id)


def local_time(iso: str | None, fmt: str = "%m-%d %H:%M") -> str:
    """A stored UTC time in Jinan local time."""
    return local_text(iso, fmt)


EXPORT_SOURCE = {"hotline": "12345热线", "dcm": "数字城管", "snapshot": "随手拍", "road_chief": "路长吹哨",
                 "leader": "领导交办"}
EXPORT_STATUS = {"received": "受理", "dispatched": "已派遣", "handling": "处置中", "replied": "待核查", "closed": "已结案",
                 "returned": "已退单", "shelved": "挂账"}
EXPORT_SATISFACTION = {"satisfied": "满意", "basically": "基本满意", "dissatisfied": "不满意", "unreachable": "未接通"}
EXPORT_HEADERS = ["来源", "工单编号", "类别", "标题", "地点", "状态", "受理时间", "处置时限", "办理人", "反映人",
                  "联系电话", "回复", "结案时间", "按期", "满意度"]


def export_orders(session: Session, view: str, path: Path, text: str = "") -> int:
    """The orders of a list as .xlsx (every matching row). The reporter's contact is written
    only where the exporting officer may see it; elsewhere it is masked."""
    from inspector_app.spreadsheets.xlsx import Sheet, write_workbook
    from inspector_app.storage.work_orders import get_order

    session.require(Permission.VIEW_UNITS)
    _total, rows = store.list_orders(session.store.db, _filter(session, view, text), limit=10**7)
    body = []
    for r in rows:
        full = _masked(session, get_order(session.store.db, r["id"]) or r, full_when_allowed=True)
        body.append([EXPORT_SOURCE.get(full["source"], full["source"]), full["platform_no"], full["category"],
                     full["title"], full["address"], EXPORT_STATUS.get(full["status"], full["status"]),
                     local_time(full["received_at"], "%Y-%m-%d %H:%M"), local_time(full["deadline"], "%Y-%m-%d %H:%M"),
                     full["assignee_name"] or "", full["reporter_name"], full["reporter_phone"], full["reply_text"],
                     local_time(full["closed_at"], "%Y-%m-%d %H:%M"),
                     "" if full["closed_on_time"] is None else ("是" if full["closed_on_time"] else "否"),
                     EXPORT_SATISFACTION.get(full["satisfaction"], "")])
    write_workbook(path, [Sheet("工单", EXPORT_HEADERS, body)])
    return len(body)


__all__ = ["HANDLING", "VIEWS", "Badge", "badge", "export_orders", "order_detail", "order_list"]
