"""Work-order indicators per squad, officer and category: 办结率, 按期办结率, 满意度, average
handling time and overdue now (definitions: domain.work_orders.Indicators). One indexed pass
over the period's orders, summed up per grouping in Python."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.domain.work_orders import Indicators
from inspector_app.services.rates import _utc_bounds
from inspector_app.services.session import Session
from inspector_app.services.work_orders import categories
from inspector_app.storage import work_orders as store

GROUPS = {
    "squad": QT_TRANSLATE_NOOP("work_orders", "Squad"),
    "officer": QT_TRANSLATE_NOOP("work_orders", "Officer"),
    "category": QT_TRANSLATE_NOOP("work_orders", "Category"),
}
_POSITION = {"squad": 0, "officer": 1, "category": 2}


@dataclass(frozen=True)
class IndicatorReport:
    """The figures of every group of one grouping, and of all together."""

    group: str
    start: date
    end: date
    rows: list[Indicators]
    total: Indicators


def compute_indicators(session: Session, start: date, end: date, squad_only: bool = True) -> dict[str, IndicatorReport]:
    """Every grouping's figures for orders received on the local dates ``start``..``end``."""
    session.require(Permission.VIEW_UNITS)
    if end < start:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The period ends ({end}) before it starts ({start}); swap the dates."),
                        start=start.isoformat(), end=end.isoformat())
    lo, hi = _utc_bounds(start, end)
    now = utc_iso(session.now())
    squad = session.actor.squad_id if squad_only else None
    db = session.store.db
    fine = store.indicator_counts(db, lo, hi, now, squad)
    overdue = store.overdue_counts(db, now, squad)
    names = _names(session)
    out = {}
    for group, pos in _POSITION.items():
        sums: dict[str, list[float]] = {}
        for row in fine:
            acc = sums.setdefault(str(row[pos] or ""), [0.0] * 8)
            for i, value in enumerate(row[3:10]):
                acc[i] += float(value or 0)
        for row in overdue:
            sums.setdefault(str(row[pos] or ""), [0.0] * 8)[7] += float(row[3])
        rows = [Indicators(key, names[group].get(key, key or "—"), int(c[0]), int(c[1]), int(c[2]), int(c[3]),
                           int(c[4]), int(c[5]), c[6], int(c[7])) for key, c in sums.items()]
        rows.sort(key=lambda r: (-r.received, r.label))
        total = Indicators("", "", *(sum(getattr(r, f) for r in rows) for f in (
            "received", "due", "closed", "on_time", "answered", "satisfied", "handling_hours", "overdue_now")))
        out[group] = IndicatorReport(group, start, end, rows, replace(total, label=""))
    return out


def _names(session: Session) -> dict[str, dict[str, str]]:
    from inspector_app.storage.officers import officers, squads

    cats = {c.event_code: f"{c.event_code} {c.name_zh.split('·')[-1]}" for c in categories().items}
    return {"squad": {s["id"]: s["name"] for s in squads(session.store.db)},
            "officer": {o["id"]: o["name"] for o in officers(session.store.db)}, "category": cats}


def day_summary(session: Session, day: date, squad_id: str | None) -> dict[str, object]:
    """The daily report's work-order section: the day's orders and the month's rates."""
    now = utc_iso(session.now())
    db = session.store.db

    def figures(start: date) -> dict[str, object]:
        a, b = _utc_bounds(start, day)
        rows = store.indicator_counts(db, a, b, now, squad_id)
        sums = [int(sum(float(r[i] or 0) for r in rows)) for i in range(3, 9)]
        t = Indicators("", "", received=sums[0], due=sums[1], closed=sums[2], on_time=sums[3], answered=sums[4],
                       satisfied=sums[5], handling_hours=sum(float(r[9] or 0) for r in rows))

        def pct(x: float | None) -> float | None:
            return None if x is None else round(x * 100, 1)

        return {"received": t.received, "closed": t.closed, "completion": pct(t.completion_rate),
                "on_time": pct(t.on_time_rate), "satisfaction": pct(t.satisfaction_rate),
                "average_hours": None if t.average_hours is None else round(t.average_hours, 1)}

    return {"day": figures(day), "month": figures(day.replace(day=1)),
            "overdue_now": sum(int(r[3]) for r in store.overdue_counts(db, now, squad_id))}
