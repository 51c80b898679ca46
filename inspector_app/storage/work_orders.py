"""Work orders: the officer's 待办, the squad's queues, one order with its timeline, the sign-in
badge's counts, routing by grid / road / position, and the counts behind the indicators."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector_app.domain.work_orders import RoadRef
from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("work_order"))
register_entity(EntitySpec("work_order_event"))

LIST_LIMIT = 500
_LIST_COLUMNS = (
    "w.id, w.source, w.platform_no, w.category, w.title, w.address, w.status, w.deadline, "
    "w.deadline_estimated, w.received_at, w.assignee_id, w.extension_status, w.shelve_review_date, "
    "w.satisfaction, w.closed_at, w.lat, w.lon, o.name AS assignee_name"
)


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def find_by_number(db: sqlite_utils.Database, source: str, platform_no: str) -> dict[str, Any] | None:
    """The live order a platform numbered so, if this laptop has it."""
    rows = _rows(db.execute(
        "SELECT id, status, squad_id FROM work_order WHERE source = ? AND platform_no = ? AND deleted = 0",
        [source, platform_no]))
    return rows[0] if rows else None


def numbers_taken(db: sqlite_utils.Database, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which (source, platform_no) pairs already have an order."""
    taken: set[tuple[str, str]] = set()
    for start in range(0, len(keys), 400):
        chunk = keys[start:start + 400]
        clause = " OR ".join("(source = ? AND platform_no = ?)" for _ in chunk)
        params = [v for pair in chunk for v in pair]
        taken.update((s, n) for s, n in db.execute(
            f"SELECT source, platform_no FROM work_order WHERE deleted = 0 AND ({clause})", params))
    return taken


def todo(db: sqlite_utils.Database, officer_id: str, limit: int = LIST_LIMIT) -> list[dict[str, Any]]:
    """An officer's open orders (dispatched or being handled), the least time left first."""
    return _rows(db.execute(
        f"SELECT {_LIST_COLUMNS} FROM work_order w INDEXED BY work_order_todo "
        "LEFT JOIN officer o ON o.id = w.assignee_id "
        "WHERE w.assignee_id = ? AND w.status IN ('dispatched','handling') AND w.deleted = 0 "
        f"ORDER BY w.deadline LIMIT {int(limit)}", [officer_id]))


@dataclass(frozen=True)
class OrderFilter:
    """Which orders a list shows: by status (or the open ones), squad, officer, source, text."""

    statuses: tuple[str, ...] = ()
    squad_id: str | None = None
    assignee_id: str | None = None
    source: str | None = None
    extension_requested: bool = False
    unvisited: bool = False  # closed and not yet asked for satisfaction (回访)
    text: str = ""


def _where(f: OrderFilter) -> tuple[str, list[Any]]:
    clauses, params = ["w.deleted = 0"], []
    if f.statuses:
        clauses.append(f"w.status IN ({','.join('?' * len(f.statuses))})")
        params += list(f.statuses)
    for column, value in (("w.squad_id", f.squad_id), ("w.assignee_id", f.assignee_id), ("w.source", f.source)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.extension_requested:
        clauses.append("w.extension_status = 'requested'")
    if f.unvisited:
        clauses.append("w.status = 'closed' AND w.satisfaction = ''")
    if f.text.strip():
        clauses.append("(w.platform_no LIKE ? OR w.address LIKE ? OR w.title LIKE ? OR w.description LIKE ?)")
        params += [f"%{f.text.strip()}%"] * 4
    return " AND ".join(clauses), params


def list_orders(db: sqlite_utils.Database, f: OrderFilter, limit: int = LIST_LIMIT,
                newest_first: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """(how many match, the first ``limit`` by deadline, or the newest first)."""
    where, params = _where(f)
    total = db.execute(f"SELECT count(*) FROM work_order w WHERE {where}", params).fetchone()[0]
    order = "w.received_at DESC" if newest_first else "w.deadline"
    rows = _rows(db.execute(
        f"SELECT {_LIST_COLUMNS} FROM work_order w LEFT JOIN officer o ON o.id = w.assignee_id "
        f"WHERE {where} ORDER BY {order} LIMIT {int(limit)}", params))
    return int(total), rows


def get_order(db: sqlite_utils.Database, order_id: str) -> dict[str, Any] | None:
    """One order with the names of its handler, road and squad."""
    rows = _rows(db.execute(
        "SELECT w.*, o.name AS assignee_name, r.name AS road_name, s.name AS squad_name FROM work_order w "
        "LEFT JOIN officer o ON o.id = w.assignee_id LEFT JOIN road_segment r ON r.id = w.road_segment_id "
        "LEFT JOIN squad s ON s.id = w.squad_id WHERE w.id = ?", [order_id]))
    return rows[0] if rows else None


def timeline(db: sqlite_utils.Database, order_id: str) -> list[dict[str, Any]]:
    """An order's steps in order, with officer names."""
    return _rows(db.execute(
        "SELECT e.*, o.name AS officer_name FROM work_order_event e LEFT JOIN officer o ON o.id = e.officer_id "
        "WHERE e.order_id = ? AND e.deleted = 0 ORDER BY e.at, e.rowid", [order_id]))


def linked_violations(db: sqlite_utils.Database, order_id: str) -> list[dict[str, Any]]:
    """Violations recorded for an order (they name it as their source)."""
    return _rows(db.execute(
        "SELECT id, party_name, item_code, status, decision FROM violation WHERE source_entity = 'work_order' "
        "AND source_id = ? AND deleted = 0 ORDER BY occurred_at", [order_id]))


def linked_check(db: sqlite_utils.Database, check_id: str) -> dict[str, Any] | None:
    """The 八乱 check an order was handed over to (id and status), if it is on this laptop."""
    rows = _rows(db.execute("SELECT id, status FROM disorder_check WHERE id = ?", [check_id]))
    return rows[0] if rows else None


def order_for_check(db: sqlite_utils.Database, check_id: str) -> dict[str, Any] | None:
    """The order an 八乱 check was found for, if any."""
    rows = _rows(db.execute(
        "SELECT w.id, w.source, w.platform_no, w.status FROM disorder_check c JOIN work_order w "
        "ON w.id = c.work_order_id WHERE c.id = ?", [check_id]))
    return rows[0] if rows else None


def badge_counts(db: sqlite_utils.Database, officer_id: str, now_utc: str, day_end_utc: str) -> tuple[int, int, int]:
    """(open orders, due later today, already overdue) of one officer."""
    row = db.execute(
        "SELECT count(*), total(deadline >= ? AND deadline <= ?), total(deadline < ?) FROM work_order "
        "INDEXED BY work_order_todo WHERE assignee_id = ? AND status IN ('dispatched','handling') AND deleted = 0",
        [now_utc, day_end_utc, now_utc, officer_id]).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def queue_counts(db: sqlite_utils.Database, squad_id: str | None) -> dict[str, int]:
    """How many orders of a squad wait for the dispatcher: to dispatch (received, returned), to
    verify, extension requests, closed without a 回访 (small indexed reads)."""
    scope, params = ("AND squad_id = ?", [squad_id]) if squad_id else ("", [])
    counts = {s: int(n) for s, n in db.execute(
        f"SELECT status, count(*) FROM work_order WHERE status IN ('received','returned','replied') AND deleted = 0 "
        f"{scope} GROUP BY status", params)}
    counts["extension_requested"] = int(db.execute(
        f"SELECT count(*) FROM work_order INDEXED BY work_order_extension WHERE extension_status = 'requested' "
        f"AND deleted = 0 {scope}", params).fetchone()[0])
    counts["unvisited"] = int(db.execute(
        f"SELECT count(*) FROM work_order INDEXED BY work_order_unvisited WHERE status = 'closed' "
        f"AND satisfaction = '' AND deleted = 0 {scope}", params).fetchone()[0])
    return counts


def road_refs(db: sqlite_utils.Database) -> list[RoadRef]:
    """Every live road segment as routing needs it (grid code, names, geometry)."""
    return [RoadRef(r[0], r[1], r[2] or "", r[3], r[4] or "", tuple((p[0], p[1]) for p in json.loads(r[5] or "[]")))
            for r in db.execute("SELECT id, squad_id, grid_code, name, street_name, geometry FROM road_segment "
                                "WHERE deleted = 0")]


def suggest_officer(db: sqlite_utils.Database, road_segment_id: str, squad_id: str | None,
                    since_date: str) -> str | None:
    """The squad officer who patrolled the road segment most since ``since_date``."""
    row = db.execute(
        "SELECT p.officer_id, count(*) AS n FROM patrol p, json_each(p.road_segment_ids) j "
        "JOIN officer o ON o.id = p.officer_id "
        "WHERE j.value = ? AND p.patrol_date >= ? AND p.deleted = 0 AND o.deleted = 0 AND o.active = 1 "
        "AND (o.squad_id IS ? OR ? IS NULL) GROUP BY p.officer_id ORDER BY n DESC, p.officer_id LIMIT 1",
        [road_segment_id, since_date, squad_id, squad_id]).fetchone()
    return str(row[0]) if row else None


def indicator_counts(db: sqlite_utils.Database, start_utc: str, end_utc: str, now_utc: str,
                     squad_id: str | None) -> list[tuple[Any, ...]]:
    """Per (squad, officer, category) of the orders received in [start, end): received, due,
    closed, closed on time, answered 回访, satisfied, hours from receipt to closure. Written for
    speed: closed_at, closed_on_time and the hours are NULL until closure, so plain counts and
    sums skip the open orders."""
    scope, index = ("AND squad_id = :squad", "work_order_indicators") if squad_id else ("", "work_order_city_indicators")
    return [tuple(r) for r in db.execute(
        f"""
        SELECT squad_id, assignee_id, category, count(*),
               count(closed_at) + total(closed_at IS NULL AND deadline < :now AND status != 'shelved'),
               count(closed_at), total(closed_on_time),
               total(satisfaction IN ('satisfied','basically','dissatisfied')),
               total(satisfaction IN ('satisfied','basically')),
               total(julianday(closed_at) - julianday(received_at)) * 24
        FROM work_order INDEXED BY {index}
        WHERE received_at >= :start AND received_at < :end AND deleted = 0 {scope}
        GROUP BY {"" if squad_id else "squad_id, "}assignee_id, category
        """, {"start": start_utc, "end": end_utc, "now": now_utc, "squad": squad_id}).fetchall()]


def overdue_counts(db: sqlite_utils.Database, now_utc: str, squad_id: str | None) -> list[tuple[Any, ...]]:
    """Per (squad, officer, category): open orders past their deadline now (any receipt date)."""
    scope = "AND squad_id = :squad" if squad_id else ""
    return [tuple(r) for r in db.execute(
        f"SELECT squad_id, assignee_id, category, count(*) FROM work_order INDEXED BY work_order_running "
        f"WHERE status IN ('received','dispatched','handling','returned') AND deadline < :now AND deleted = 0 "
        f"{scope} GROUP BY squad_id, assignee_id, category", {"now": now_utc, "squad": squad_id}).fetchall()]


def placed_open_orders(db: sqlite_utils.Database, squad_id: str | None) -> list[tuple[Any, ...]]:
    """(lat, lon, id, deadline, title, address, status, platform_no) of open orders with a position."""
    scope = "AND squad_id = :squad" if squad_id else ""
    return db.execute(
        f"SELECT lat, lon, id, deadline, title, address, status, platform_no FROM work_order "
        f"WHERE status IN ('received','dispatched','handling','returned','replied') AND lat IS NOT NULL "
        f"AND deleted = 0 {scope}", {"squad": squad_id}).fetchall()
