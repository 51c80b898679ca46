"""Work orders from the city (12345 hotline, 数字城管, 随手拍, 路长吹哨, 领导交办): their
sources, the status workflow as data, extensions, who may see the reporter's contact, and the
time left.

Workflow (each step is a row of :data:`STEPS`; the server checks the same moves)::

    received ─dispatch─► dispatched ─start─► handling ─reply─► replied ─close─► closed
        ▲                  │    ▲               │  ▲  │           │
        │                  │    └──────────────────────────────── send_back
        └─dispatch── returned ◄── return ───────┘  │  │
                                                  resume shelve
                                                   └ shelved ┘

受理 received · 派遣 dispatched · 处置中 handling · 待核查 replied · 结案 closed ·
退单 returned (back to the dispatcher, with a reason) · 挂账 shelved (cannot be solved now:
a reason and a date to look at it again). A 延期申请 (extension) runs beside the status:
requested by the handler, approved or refused by a supervisor; approval moves the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector_app.domain.coverage import point_segment_distance_m
from inspector_app.domain.errors import InvalidTransition
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

SOURCES = {
    "hotline": QT_TRANSLATE_NOOP("work_orders", "12345 hotline"),
    "dcm": QT_TRANSLATE_NOOP("work_orders", "数字城管"),
    "snapshot": QT_TRANSLATE_NOOP("work_orders", "随手拍"),
    "road_chief": QT_TRANSLATE_NOOP("work_orders", "路长吹哨"),
    "leader": QT_TRANSLATE_NOOP("work_orders", "领导交办"),
}

RECEIVED, DISPATCHED, HANDLING, REPLIED, CLOSED, RETURNED, SHELVED = (
    "received", "dispatched", "handling", "replied", "closed", "returned", "shelved",
)
STATUS_LABELS = {
    RECEIVED: QT_TRANSLATE_NOOP("work_orders", "received"),
    DISPATCHED: QT_TRANSLATE_NOOP("work_orders", "dispatched"),
    HANDLING: QT_TRANSLATE_NOOP("work_orders", "being handled"),
    REPLIED: QT_TRANSLATE_NOOP("work_orders", "to verify"),
    CLOSED: QT_TRANSLATE_NOOP("work_orders", "closed"),
    RETURNED: QT_TRANSLATE_NOOP("work_orders", "returned"),
    SHELVED: QT_TRANSLATE_NOOP("work_orders", "on hold (挂账)"),
}
# Orders an officer still has to work on, and orders whose clock is running.
OFFICER_OPEN = (DISPATCHED, HANDLING)
RUNNING = (RECEIVED, DISPATCHED, HANDLING, REPLIED, RETURNED)

HANDLER, DISPATCHER = "handler", "dispatcher"


@dataclass(frozen=True)
class Step:
    """One step of the workflow: from which statuses, to which, by whom, needing what."""

    name: str
    sources: frozenset[str]
    target: str
    by: str  # HANDLER (the officer it is dispatched to) or DISPATCHER (a supervisor)
    label: str


STEPS: dict[str, Step] = {s.name: s for s in (
    Step("dispatch", frozenset({RECEIVED, RETURNED, DISPATCHED}), DISPATCHED, DISPATCHER,
         QT_TRANSLATE_NOOP("work_orders", "Dispatch")),
    Step("start", frozenset({DISPATCHED}), HANDLING, HANDLER, QT_TRANSLATE_NOOP("work_orders", "Start handling")),
    Step("reply", frozenset({HANDLING}), REPLIED, HANDLER, QT_TRANSLATE_NOOP("work_orders", "Reply")),
    Step("return", frozenset({DISPATCHED, HANDLING}), RETURNED, HANDLER,
         QT_TRANSLATE_NOOP("work_orders", "Return (退单)")),
    Step("shelve", frozenset({HANDLING}), SHELVED, HANDLER, QT_TRANSLATE_NOOP("work_orders", "Put on hold (挂账)")),
    Step("resume", frozenset({SHELVED}), HANDLING, HANDLER, QT_TRANSLATE_NOOP("work_orders", "Resume")),
    Step("close", frozenset({REPLIED}), CLOSED, DISPATCHER, QT_TRANSLATE_NOOP("work_orders", "Verify and close")),
    Step("send_back", frozenset({REPLIED}), HANDLING, DISPATCHER, QT_TRANSLATE_NOOP("work_orders", "Send back")),
)}

# What each timeline entry says (the steps, and what happens beside the status).
EVENT_LABELS: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("work_orders", "Received"),
    **{name: s.label for name, s in STEPS.items()},
    "extension_request": QT_TRANSLATE_NOOP("work_orders", "Extension requested"),
    "extension_approved": QT_TRANSLATE_NOOP("work_orders", "Extension approved"),
    "extension_refused": QT_TRANSLATE_NOOP("work_orders", "Extension refused"),
    "visit": QT_TRANSLATE_NOOP("work_orders", "回访"),
    "handover_check": QT_TRANSLATE_NOOP("work_orders", "Handed to a 八乱 check"),
    "handover_violation": QT_TRANSLATE_NOOP("work_orders", "Handed to a violation"),
}

MOVES: dict[str, frozenset[str]] = {
    status: frozenset(s.target for s in STEPS.values() if status in s.sources) for status in STATUS_LABELS
}
# Targets only a dispatcher (a supervisor) may set; the server enforces them too.
DISPATCHER_TARGETS = frozenset({DISPATCHED, CLOSED})

NO_EXTENSION, REQUESTED, APPROVED, REFUSED = "", "requested", "approved", "refused"
EXTENSION_MOVES: dict[str, frozenset[str]] = {
    NO_EXTENSION: frozenset({REQUESTED}),
    REQUESTED: frozenset({APPROVED, REFUSED}),
    APPROVED: frozenset({REQUESTED}),
    REFUSED: frozenset({REQUESTED}),
}
EXTENSION_DECISIONS = frozenset({APPROVED, REFUSED})
EXTENSION_LABELS = {
    REQUESTED: QT_TRANSLATE_NOOP("work_orders", "extension requested"),
    APPROVED: QT_TRANSLATE_NOOP("work_orders", "extension approved"),
    REFUSED: QT_TRANSLATE_NOOP("work_orders", "extension refused"),
}
MAX_EXTENSION_DAYS = 30

SATISFACTION = {
    "satisfied": QT_TRANSLATE_NOOP("work_orders", "satisfied"),
    "basically": QT_TRANSLATE_NOOP("work_orders", "basically satisfied"),
    "dissatisfied": QT_TRANSLATE_NOOP("work_orders", "dissatisfied"),
    "unreachable": QT_TRANSLATE_NOOP("work_orders", "could not be reached"),
}
# 满意度 counts 满意 and 基本满意 among the reporters who answered.
SATISFIED = frozenset({"satisfied", "basically"})
ANSWERED = frozenset({"satisfied", "basically", "dissatisfied"})


def step(name: str) -> Step:
    """The step with this name (KeyError if unknown)."""
    return STEPS[name]


def check_step(name: str, current: str) -> Step:
    """The step, or :class:`InvalidTransition` when an order in ``current`` cannot take it."""
    s = STEPS[name]
    if current not in s.sources:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP(
                "errors",
                "A work order that is {current} cannot take this step ({step}). Refresh it: it may "
                "have changed on another laptop or at the dispatcher.",
            ),
            current=STATUS_LABELS.get(current, current),
            step=s.label,
        )
    return s


def check_extension(current: str, target: str) -> None:
    """Raise :class:`InvalidTransition` unless the extension may move ``current`` → ``target``."""
    if target not in EXTENSION_MOVES.get(current, frozenset()):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP(
                "errors",
                "This extension request cannot be changed now ({current}). Refresh the order: a "
                "supervisor may have decided it already.",
            ),
            current=EXTENSION_LABELS.get(current, current or "—"),
        )


def may_see_contact(role: str, officer_id: str, assignee_id: str | None) -> bool:
    """The reporter's contact is shown to the officer handling the order and to supervisors
    and administrators; everyone else sees it masked."""
    return role in ("supervisor", "admin") or (bool(assignee_id) and officer_id == assignee_id)


def time_left(deadline: datetime, now: datetime) -> timedelta:
    """How long until the deadline (negative once it is past)."""
    return deadline - now


def urgency(deadline: datetime, now: datetime, local_day_end: datetime) -> str:
    """"overdue", "today" (due before the end of the local day), "soon" (within a day) or "ok"."""
    if deadline < now:
        return "overdue"
    if deadline <= local_day_end:
        return "today"
    if deadline - now <= timedelta(hours=24):
        return "soon"
    return "ok"


@dataclass(frozen=True)
class Indicators:
    """Counts behind a group's work-order figures (one squad, officer or category).

    - 办结率 = closed ÷ due, where *due* counts the orders received in the period that are
      closed or past their deadline (orders on hold, 挂账, are left out, as platforms do);
    - 按期办结率 = closed by the deadline (as extended) ÷ due;
    - 满意度 = 满意 + 基本满意 ÷ reporters who answered the 回访;
    - average handling time = mean hours from receipt to closure of the closed ones;
    - overdue now = open orders past their deadline at the moment of counting (any period).
    """

    key: str
    label: str
    received: int = 0
    due: int = 0
    closed: int = 0
    on_time: int = 0
    answered: int = 0
    satisfied: int = 0
    handling_hours: float = 0.0
    overdue_now: int = 0

    @property
    def completion_rate(self) -> float | None:
        return self.closed / self.due if self.due else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.answered if self.answered else None

    @property
    def average_hours(self) -> float | None:
        return self.handling_hours / self.closed if self.closed else None


@dataclass(frozen=True)
class RoadRef:
    """What routing needs of a road segment."""

    id: str
    squad_id: str | None
    grid_code: str
    name: str
    street_name: str
    line: tuple[tuple[float, float], ...]


ROUTE_RADIUS_M = 300.0


def route_order(grid_code: str, road: str, lat: float | None, lon: float | None,
                roads: list[RoadRef]) -> tuple[RoadRef | None, str]:
    """The road segment (and so the squad) an order belongs to, and how it was found: by its
    grid code, else by the road named, else the nearest segment within 300 m of its position."""
    if grid_code:
        for r in roads:
            if r.grid_code == grid_code:
                return r, "grid"
    if road:
        named = sorted((r for r in roads if road in (r.name, r.street_name)), key=lambda r: r.name)
        if named:
            return named[0], "road"
    if lat is not None and lon is not None:
        best: tuple[float, RoadRef] | None = None
        for r in roads:
            pairs = list(zip(r.line, r.line[1:], strict=False)) or [(r.line[0], r.line[0])] if r.line else []
            for a, b in pairs:
                d = point_segment_distance_m((lat, lon), a, b)
                if d <= ROUTE_RADIUS_M and (best is None or d < best[0]):
                    best = (d, r)
        if best is not None:
            return best[1], "position"
    return None, ""
