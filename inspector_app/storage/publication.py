"""Decisions to publish (公示) and the record of what was published.

A decision is publishable when it is an issued 不予行政处罚决定书, or an issued 警示告知书 of a
首违不罚 decision (the 不予处罚 outcome given on the spot). Voided documents are never
published. ``publication`` rows say which export carried a document; the first is when it was
published.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("publication"))

# The first-offence decision value of domain.first_offence (storage does not import rules).
_FIRST_OFFENCE = "first_offence"
PUBLISHABLE_SQL = (
    "d.status = 'issued' AND d.deleted = 0 AND (d.doc_type = 'no_penalty' OR "
    f"(d.doc_type = 'warning' AND v.decision = '{_FIRST_OFFENCE}'))"
)
_FIRST_PUBLICATION = (
    "(SELECT {col} FROM publication p WHERE p.document_id = d.id AND p.deleted = 0 "
    "ORDER BY p.published_at, p.id LIMIT 1)"
)


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _scope(squad_ids: Sequence[str] | None) -> tuple[str, list[Any]]:
    if squad_ids is None:
        return "", []
    if not squad_ids:
        return " AND 0", []
    return f" AND d.squad_id IN ({','.join('?' * len(squad_ids))})", list(squad_ids)


def publishable_documents(
    db: sqlite_utils.Database, start_iso: str | None, end_iso: str | None,
    squad_ids: Sequence[str] | None = None, with_snapshot: bool = True,
) -> list[dict[str, Any]]:
    """Publishable documents issued in [start, end) (either bound may be None), oldest first,
    of the given squads (None: every squad on this device), with the squad's name and
    district and their first publication (published_at, published_by's name, file_name)."""
    scope, params = _scope(squad_ids)
    where = PUBLISHABLE_SQL + scope
    if start_iso:
        where += " AND d.issued_at >= ?"
        params.append(start_iso)
    if end_iso:
        where += " AND d.issued_at < ?"
        params.append(end_iso)
    first = {c: _FIRST_PUBLICATION.format(col=c) for c in ("published_at", "published_by", "file_name")}
    return _rows(db.execute(
        f"SELECT d.id, d.doc_type, d.number, d.party_name, d.issued_at, d.squad_id, d.violation_id,"
        f" {'d.snapshot,' if with_snapshot else ''} s.name AS squad_name, s.district_code,"
        f" {first['published_at']} AS published_at, {first['file_name']} AS published_file,"
        f" (SELECT o.name FROM officer o WHERE o.id = {first['published_by']}) AS published_by_name"
        f" FROM document d LEFT JOIN violation v ON v.id = d.violation_id"
        f" LEFT JOIN squad s ON s.id = d.squad_id WHERE {where} ORDER BY d.issued_at, d.number",
        params,
    ))


def unpublished_documents(db: sqlite_utils.Database, squad_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Publishable documents with no publication yet, oldest first (no snapshots)."""
    scope, params = _scope(squad_ids)
    return _rows(db.execute(
        f"SELECT d.id, d.doc_type, d.number, d.party_name, d.issued_at, d.squad_id, s.name AS squad_name,"
        f" s.district_code FROM document d LEFT JOIN violation v ON v.id = d.violation_id"
        f" LEFT JOIN squad s ON s.id = d.squad_id WHERE {PUBLISHABLE_SQL}{scope}"
        f" AND NOT EXISTS (SELECT 1 FROM publication p WHERE p.document_id = d.id AND p.deleted = 0)"
        f" ORDER BY d.issued_at, d.number",
        params,
    ))


def squads_of(db: sqlite_utils.Database, district_code: str | None) -> list[dict[str, Any]]:
    """Squads on this device (of one district), by name."""
    if district_code:
        return _rows(db.execute("SELECT id, name, district_code FROM squad WHERE deleted = 0 AND district_code = ?"
                                " ORDER BY name", [district_code]))
    return _rows(db.execute("SELECT id, name, district_code FROM squad WHERE deleted = 0 ORDER BY name"))
