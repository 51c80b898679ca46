"""法制审核 reviews on this laptop: the gate before a document is issued (the reviews of one
violation's document), the reviewer's queue, and the reviews of an officer's violations that
the server asked for (shown on the sync page)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("legal_review"))

LIST_LIMIT = 500
_COLUMNS = (
    "r.id, r.violation_id, r.doc_type, r.origin, r.reasons, r.item_code, r.laptop_decision, r.laptop_reasons, "
    "r.server_decision, r.server_reasons, r.priors, r.status, r.requested_by, r.requested_at, r.reviewer_id, "
    "r.opinion, r.decided_at, r.squad_id, v.party_name, v.facts, v.place, v.occurred_at, v.decision, "
    "v.decision_reasons, v.override_reason, v.overridden, v.file_case, v.officer1_id, "
    "o.name AS requested_by_name, rv.name AS reviewer_name"
)
_FROM = ("FROM legal_review r LEFT JOIN violation v ON v.id = r.violation_id "
         "LEFT JOIN officer o ON o.id = r.requested_by LEFT JOIN officer rv ON rv.id = r.reviewer_id")


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def reviews_of(db: sqlite_utils.Database, violation_id: str) -> list[dict[str, Any]]:
    """Every live review of a violation, newest first."""
    return _rows(db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE r.violation_id = ? AND r.deleted = 0 "
        "ORDER BY r.requested_at DESC, r.rowid DESC", [violation_id]))


def get_review(db: sqlite_utils.Database, review_id: str) -> dict[str, Any] | None:
    """One review with its violation's facts and the names of who asked and who decided."""
    rows = _rows(db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE r.id = ?", [review_id]))
    return rows[0] if rows else None


def queue(db: sqlite_utils.Database, squad_id: str | None, statuses: tuple[str, ...],
          limit: int = LIST_LIMIT) -> list[dict[str, Any]]:
    """A squad's reviews in these statuses (every squad's for None): pending oldest first,
    decided newest first."""
    marks = ",".join("?" * len(statuses))
    scope, params = ("AND r.squad_id = ?", [squad_id]) if squad_id else ("", [])
    order = "r.requested_at" if statuses == ("pending",) else "coalesce(r.decided_at, r.requested_at) DESC"
    return _rows(db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE r.status IN ({marks}) AND r.deleted = 0 {scope} "
        f"ORDER BY {order} LIMIT {int(limit)}", [*statuses, *params]))


def server_reviews_for(db: sqlite_utils.Database, officer_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The reviews the server queued for violations this officer recorded, newest first."""
    return _rows(db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE r.origin = 'server' AND r.deleted = 0 AND v.officer1_id = ? "
        f"ORDER BY r.requested_at DESC LIMIT {int(limit)}", [officer_id]))


def prior_rows(db: sqlite_utils.Database, violation_ids: list[str]) -> list[dict[str, Any]]:
    """Item, time, squad name and first notice number of earlier violations (no personal data)."""
    if not violation_ids:
        return []
    marks = ",".join("?" * len(violation_ids))
    return _rows(db.execute(
        f"SELECT v.item_code AS item, v.occurred_at, s.name AS squad, "
        f"(SELECT number FROM document d WHERE d.violation_id = v.id AND d.doc_type IN ('warning','rectify_order') "
        f" ORDER BY d.issued_at LIMIT 1) AS number "
        f"FROM violation v LEFT JOIN squad s ON s.id = v.squad_id WHERE v.id IN ({marks}) ORDER BY v.occurred_at",
        violation_ids))
