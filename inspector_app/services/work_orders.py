"""Work orders on the laptop: receiving one (领导交办 or typed in by the dispatcher), dispatching
(by road or by hand), the handler's steps (start, reply with photos, 退单, 挂账, 延期申请) and the
supervisor's (approve an extension, 核查 and close or send back, 回访). Each step is one
transaction with its timeline entry and audit entry; none puts the reporter's contact in the
audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    UserError,
    ValidationFailed,
)
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission, Role
from inspector_app.domain.work_calendar import WorkCalendar, shipped_calendar
from inspector_app.domain.work_order_categories import OrderCategories, shipped_order_categories
from inspector_app.domain.work_orders import (
    APPROVED,
    DISPATCHER,
    MAX_EXTENSION_DAYS,
    REFUSED,
    REQUESTED,
    SATISFACTION,
    check_extension,
    check_step,
    may_see_contact,
    route_order,
    step,
)
from inspector_app.forms.engine import FormContext, validate
from inspector_app.forms.work_order import new_order_fields, work_order_form
from inspector_app.services.session import LOCAL_TZ, Operation, Session
from inspector_app.storage import work_orders as store
from inspector_app.storage.officers import officers
from inspector_app.storage.photos import attach_photos

MIN_REPLY = 5  # characters: "已处理" alone tells the reporter nothing
SUGGEST_DAYS = 30  # patrols looked at to suggest a handler by road


def categories() -> OrderCategories:
    """The work-order categories in use."""
    return shipped_order_categories()


def calendar() -> WorkCalendar:
    """The working-day calendar in use."""
    return shipped_calendar()


@dataclass(frozen=True)
class Received:
    """What receiving an order did: created it, or found the same platform number already."""

    changes: Changes
    order_id: str
    created: bool


def _require(problems: list[FieldError]) -> None:
    if problems:
        raise ValidationFailed(problems)


def _order(session: Session, order_id: str) -> dict[str, Any]:
    row = store.get_order(session.store.db, order_id)
    if row is None or row["deleted"]:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That work order no longer exists."),
                       QT_TRANSLATE_NOOP("errors", "Refresh the list; it may have been withdrawn."))
    return row


def _event(op: Operation, session: Session, order_id: str, kind: str, status_from: str = "",
           status_to: str = "", note: str = "") -> None:
    op.recorder.create("work_order_event", {
        "order_id": order_id, "at": utc_iso(op.now), "kind": kind, "status_from": status_from,
        "status_to": status_to, "note": note, "officer_id": session.actor.officer_id,
    })


def _require_handler(session: Session, row: dict[str, Any]) -> None:
    """Handler steps belong to the officer the order is dispatched to (or an administrator)."""
    session.require(Permission.INSPECT)
    if session.actor.role != Role.ADMIN and row["assignee_id"] != session.actor.officer_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "This work order is dispatched to {name}, not to you."),
            QT_TRANSLATE_NOOP("errors", "Ask the dispatcher to dispatch it to you if you are to handle it."),
            name=row["assignee_name"] or "—")


def _step(session: Session, order_id: str, name: str) -> tuple[dict[str, Any], str, str]:
    """(order, status before, status after) for a workflow step, after the role checks."""
    if step(name).by == DISPATCHER:
        session.require(Permission.DISPATCH_ORDERS)
    row = _order(session, order_id)
    s = check_step(name, row["status"])
    if s.by != DISPATCHER:
        _require_handler(session, row)
    return row, row["status"], s.target


def _move(session: Session, order_id: str, name: str, update: dict[str, Any], note: str = "",
          photos: list[str] | None = None) -> Changes:
    row, before, after = _step(session, order_id, name)
    with session.operation(f"work_order_{name}", Permission.INSPECT) as op:
        op.recorder.patch("work_order", order_id, {"status": after, **update})
        if photos:
            attach_photos(op.recorder, photos, "work_order", order_id)
        _event(op, session, order_id, name, before, after, note)
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"], step=name, status_from=before, status_to=after)
    return op.changes


# -- receiving and dispatching -----------------------------------------------------------------
def receive_order(session: Session, values: dict[str, Any]) -> Received:
    """Store an order typed in by the dispatcher (领导交办, a phoned-in 路长 referral). Routed to
    a road segment by grid code or road name; the same platform number twice gives the first."""
    session.require(Permission.DISPATCH_ORDERS)
    clean = validate(work_order_form(categories()), values, FormContext(session.today()))
    found = store.find_by_number(session.store.db, clean["source"], clean["platform_no"])
    if found is not None:
        return Received(Changes(), found["id"], False)
    fields = new_order_fields(clean, session.now(), categories(), calendar())
    fields.update(routed_fields(session, clean))
    form = work_order_form(categories())
    with session.operation("receive_work_order", Permission.DISPATCH_ORDERS) as op:
        order_id = op.recorder.create("work_order", fields, form_version=f"{form.name}/{form.version}")
        _event(op, session, order_id, "received", "", fields["status"])
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(source=fields["source"], platform_no=fields["platform_no"], category=fields["category"])
    return Received(op.changes, order_id, True)


def routed_fields(session: Session, clean: dict[str, Any]) -> dict[str, Any]:
    """Squad, road segment and grid code of an order, by grid code, road name or position
    (domain.work_orders.route_order); unrouted orders stay with the dispatcher's squad."""
    road, _how = route_order(clean.get("grid_code") or "", clean.get("road") or "", clean.get("lat"), clean.get("lon"),
                             store.road_refs(session.store.db))
    return {"squad_id": road.squad_id if road and road.squad_id else session.actor.squad_id,
            "road_segment_id": road.id if road else None,
            "grid_code": clean.get("grid_code") or (road.grid_code if road else "")}


def _squad_officer(session: Session, officer_id: str, squad_id: str | None) -> dict[str, Any]:
    for o in officers(session.store.db, squad_id):
        if o["id"] == officer_id:
            return o
    raise UserError(QT_TRANSLATE_NOOP("errors", "That officer is not in the order's squad."),
                    QT_TRANSLATE_NOOP("errors", "Choose an officer of the squad the order belongs to."))


def dispatch_order(session: Session, order_id: str, officer_id: str, method: str = "hand") -> Changes:
    """Dispatch (派遣) an order to an officer of its squad; a returned order is dispatched again."""
    row, before, after = _step(session, order_id, "dispatch")
    officer = _squad_officer(session, officer_id, row["squad_id"] or session.actor.squad_id)
    with session.operation("work_order_dispatch", Permission.DISPATCH_ORDERS) as op:
        op.recorder.patch("work_order", order_id, {
            "status": after, "assignee_id": officer_id, "dispatched_at": utc_iso(op.now),
            "dispatched_by": session.actor.officer_id, "dispatch_method": method,
            "squad_id": row["squad_id"] or session.actor.squad_id})
        _event(op, session, order_id, "dispatch", before, after, officer["name"])
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"], officer=officer_id, method=method)
    return op.changes


def suggest_handler(session: Session, order_id: str) -> str | None:
    """The officer who patrolled the order's road most in the last 30 days (dispatch by road)."""
    row = _order(session, order_id)
    if not row["road_segment_id"]:
        return None
    since = (session.today() - timedelta(days=SUGGEST_DAYS)).isoformat()
    return store.suggest_officer(session.store.db, row["road_segment_id"], row["squad_id"], since)


@dataclass(frozen=True)
class Dispatched:
    """What dispatching by road did."""

    changes: Changes
    dispatched: int
    left: int  # orders without a road or without anyone who patrolled it


def dispatch_by_road(session: Session, order_ids: list[str]) -> Dispatched:
    """Dispatch each order to the officer who patrols its road most; the others stay for a
    dispatch by hand."""
    session.require(Permission.DISPATCH_ORDERS)
    changes, done, left = Changes(), 0, 0
    for order_id in order_ids:
        officer = suggest_handler(session, order_id)
        if officer is None:
            left += 1
            continue
        changes = changes.merge(dispatch_order(session, order_id, officer, "road"))
        done += 1
    return Dispatched(changes, done, left)


# -- the handler's steps ---------------------------------------------------------------------
def start_order(session: Session, order_id: str) -> Changes:
    """The handler starts work on a dispatched order (处置中)."""
    return _move(session, order_id, "start", {"started_at": utc_iso(session.now())})


def reply_order(session: Session, order_id: str, reply_text: str, after_photo_ids: list[str],
                before_photo_ids: list[str] | None = None) -> Changes:
    """The handler's reply (处置结果) with "after" photos: the order waits for 核查. A dispatched
    order is started and replied to in one go."""
    row = _order(session, order_id)
    text = reply_text.strip()
    problems = []
    if len(text) < MIN_REPLY:
        problems.append(FieldError("reply_text", QT_TRANSLATE_NOOP(
            "forms", "Write what was done ({min} characters at least): the reporter reads it."), {"min": MIN_REPLY}))
    if not after_photo_ids:
        problems.append(FieldError("after_photos", QT_TRANSLATE_NOOP(
            "forms", "Add an “after” photo showing the place put right.")))
    _require(problems)
    changes = Changes()
    if row["status"] == "dispatched":
        changes = start_order(session, order_id)
    before = list(before_photo_ids or [])
    return changes.merge(_move(session, order_id, "reply", {
        "reply_text": text, "after_photo_ids": list(after_photo_ids), "before_photo_ids": before,
        "replied_at": utc_iso(session.now())}, text, before + list(after_photo_ids)))


def _reason(reason: str, key: str = "reason") -> str:
    text = reason.strip()
    if not text:
        raise ValidationFailed([FieldError(key, QT_TRANSLATE_NOOP("forms", "Give the reason."))])
    return text


def return_order(session: Session, order_id: str, reason: str) -> Changes:
    """退单: back to the dispatcher with the reason (not ours, wrong place, duplicate…)."""
    text = _reason(reason)
    return _move(session, order_id, "return", {"return_reason": text, "assignee_id": None}, text)


def shelve_order(session: Session, order_id: str, reason: str, review_date: date) -> Changes:
    """挂账: cannot be solved now; the reason and the day to look at it again."""
    text = _reason(reason)
    if review_date <= session.today():
        raise ValidationFailed([FieldError("review_date", QT_TRANSLATE_NOOP(
            "forms", "The review date {when} must be after today."), {"when": review_date.isoformat()})])
    return _move(session, order_id, "shelve", {"shelve_reason": text, "shelve_review_date": review_date.isoformat()},
                 f"{text}（{review_date.isoformat()}复查）")


def resume_order(session: Session, order_id: str) -> Changes:
    """An order on hold is worked on again."""
    return _move(session, order_id, "resume", {})


def request_extension(session: Session, order_id: str, days: int, reason: str) -> Changes:
    """延期申请: the handler asks for more working days; a supervisor decides."""
    row = _order(session, order_id)
    _require_handler(session, row)
    if row["status"] not in ("dispatched", "handling", "shelved"):
        raise UserError(QT_TRANSLATE_NOOP("errors", "An extension is asked for while the order is being handled."),
                        QT_TRANSLATE_NOOP("errors", "Refresh the order: it may be replied to or closed already."))
    check_extension(row["extension_status"], REQUESTED)
    text = _reason(reason)
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationFailed([FieldError("extension_days", QT_TRANSLATE_NOOP(
            "forms", "Ask for 1 to {max} working days."), {"max": MAX_EXTENSION_DAYS})])
    with session.operation("work_order_extension_request", Permission.INSPECT) as op:
        op.recorder.patch("work_order", order_id, {"extension_status": REQUESTED, "extension_days": days,
                                                   "extension_reason": text})
        _event(op, session, order_id, "extension_request", note=f"{days}个工作日：{text}")
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"], days=days)
    return op.changes


def decide_extension(session: Session, order_id: str, approve: bool, note: str = "") -> Changes:
    """A supervisor approves (the deadline moves by the working days asked) or refuses."""
    session.require(Permission.DISPATCH_ORDERS)
    row = _order(session, order_id)
    target = APPROVED if approve else REFUSED
    check_extension(row["extension_status"], target)
    update: dict[str, Any] = {"extension_status": target}
    if approve:
        current = parse_utc(row["deadline"])
        due = calendar().add_working_days(current, int(row["extension_days"] or 1))
        update.update(deadline=utc_iso(due.at), original_deadline=row["original_deadline"] or row["deadline"],
                      deadline_estimated=int(bool(row["deadline_estimated"]) or due.estimated))
    with session.operation("work_order_extension_decision", Permission.DISPATCH_ORDERS) as op:
        op.recorder.patch("work_order", order_id, update)
        _event(op, session, order_id, f"extension_{target}", note=note.strip())
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"], decision=target)
    return op.changes


# -- the supervisor's steps ------------------------------------------------------------------
def verify_order(session: Session, order_id: str, accept: bool, note: str = "") -> Changes:
    """核查: the reply holds (结案; on time if it was made by the deadline) or it is sent back to
    the handler with the reason."""
    row = _order(session, order_id)
    if not accept:
        text = _reason(note)
        return _move(session, order_id, "send_back", {"verify_note": text}, text)
    on_time = bool(row["replied_at"]) and row["replied_at"] <= row["deadline"]
    return _move(session, order_id, "close", {
        "verify_note": note.strip(), "closed_at": utc_iso(session.now()), "closed_by": session.actor.officer_id,
        "closed_on_time": int(on_time)}, note.strip())


def record_visit(session: Session, order_id: str, satisfaction: str, note: str = "") -> Changes:
    """回访: what the reporter said of the handling."""
    session.require(Permission.DISPATCH_ORDERS)
    row = _order(session, order_id)
    if satisfaction not in SATISFACTION:
        raise ValueError(satisfaction)
    if row["status"] != "closed":
        raise UserError(QT_TRANSLATE_NOOP("errors", "Only a closed work order is followed up with the reporter."),
                        QT_TRANSLATE_NOOP("errors", "Verify and close it first."))
    with session.operation("work_order_visit", Permission.DISPATCH_ORDERS) as op:
        op.recorder.patch("work_order", order_id, {"satisfaction": satisfaction, "visit_note": note.strip(),
                                                   "visited_at": utc_iso(op.now)})
        _event(op, session, order_id, "visit", note=satisfaction)
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"], satisfaction=satisfaction)
    return op.changes


# -- hand-over to a 八乱 check or a violation --------------------------------------------------
def check_values_for(session: Session, order_id: str) -> dict[str, Any]:
    """八乱 check form values from an order: its category, place and the reporter's words."""
    row = _order(session, order_id)
    category = categories().get(row["category"])
    return {"category": category.disorder, "event_code": row["category"] if category.disorder else None,
            "lat": row["lat"], "lon": row["lon"], "address": row["address"],
            "road_segment_id": row["road_segment_id"], "description": f"{row['platform_no']}：{row['description']}"}


def link_to_check(session: Session, order_id: str) -> Any:
    """The ``within`` hook for services.disorders.record_check: links the new check and the order
    both ways in the check's own transaction."""
    row = _order(session, order_id)
    _require_handler(session, row)

    def link(op: Operation, check_id: str) -> None:
        op.recorder.patch("disorder_check", check_id, {"work_order_id": order_id})
        op.recorder.patch("work_order", order_id, {"disorder_check_id": check_id})
        _event(op, session, order_id, "handover_check", note=check_id)
    return link


def violation_values_for(session: Session, order_id: str) -> dict[str, Any]:
    """Violation form values from an order: facts, place, photos; the order is its source."""
    row = _order(session, order_id)
    return {"facts": f"{row['title']}：{row['description']}", "place": row["address"], "lat": row["lat"],
            "lon": row["lon"], "photo_ids": json.loads(row["before_photo_ids"]), "source_entity": "work_order",
            "source_id": order_id}


def link_violation(session: Session, order_id: str, violation_id: str) -> Changes:
    """Note on the order the violation recorded for it (the violation names the order already)."""
    row = _order(session, order_id)
    _require_handler(session, row)
    with session.operation("work_order_handover_violation", Permission.INSPECT) as op:
        op.recorder.patch("work_order", order_id, {"violation_id": violation_id})
        _event(op, session, order_id, "handover_violation", note=violation_id)
        op.entity, op.entity_id = "work_order", order_id
    return op.changes


# -- reading -----------------------------------------------------------------------------------
def contact_visible(session: Session, row: dict[str, Any]) -> bool:
    """Whether the signed-in officer may see this order's reporter contact in full."""
    return may_see_contact(session.actor.role.value, session.actor.officer_id, row.get("assignee_id"))


def reveal_contact(session: Session, order_id: str) -> tuple[str, str]:
    """The reporter's name and phone in full, for the handler or a supervisor; the showing is
    audited (without the contact itself)."""
    row = _order(session, order_id)
    if not contact_visible(session, row):
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only the officer handling the order and supervisors "
                                                           "see the reporter's contact."))
    with session.operation("work_order_show_contact") as op:
        op.entity, op.entity_id = "work_order", order_id
        op.details.update(platform_no=row["platform_no"])
    return row["reporter_name"], row["reporter_phone"]


def local_day_end(session: Session, day: date | None = None) -> datetime:
    """Midnight at the end of a local day (today by default)."""
    return datetime.combine((day or session.today()) + timedelta(days=1), time(0), LOCAL_TZ)
