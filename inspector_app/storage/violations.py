"""Violations, earlier violations of a party, issued documents, first-offence catalog versions."""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from inspector_app.domain.documents import number_key
from inspector_app.storage.records import EntitySpec, register_entity

register_entity(EntitySpec("violation"))
register_entity(EntitySpec("document"))
register_entity(EntitySpec("voided_number"))
register_entity(EntitySpec("catalog_version"))


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def prior_violations(
    db: sqlite_utils.Database, identity_key: str | None, name_key: str | None, since_iso: str,
    exclude_id: str | None = None,
) -> list[dict[str, Any]]:
    """Earlier violations of a party since a time: by identity (ID / USCC), and by normalised
    name + address among records where no identity was taken."""
    rows: list[dict[str, Any]] = []
    if identity_key:
        rows += [dict(r, matched_by="id") for r in _rows(db.execute(
            "SELECT id, occurred_at, item_code, squad_id FROM violation WHERE identity_key = ? AND occurred_at >= ? "
            "AND deleted = 0 AND id != ?", [identity_key, since_iso, exclude_id or ""]))]
    if name_key:
        rows += [dict(r, matched_by="name_address") for r in _rows(db.execute(
            "SELECT id, occurred_at, item_code, squad_id FROM violation WHERE name_key = ? AND occurred_at >= ? "
            "AND deleted = 0 AND id != ? AND (identity_key IS NULL OR identity_key = ? OR ? IS NULL)",
            [name_key, since_iso, exclude_id or "", identity_key, identity_key]))]
    seen: set[str] = set()
    unique = []
    for r in sorted(rows, key=lambda r: r["occurred_at"], reverse=True):
        if r["id"] not in seen:
            seen.add(r["id"])
            unique.append(r)
    return unique


def get_violation(db: sqlite_utils.Database, violation_id: str) -> dict[str, Any] | None:
    rows = _rows(db.execute("SELECT * FROM violation WHERE id = ?", [violation_id]))
    return rows[0] if rows else None


def list_violations(db: sqlite_utils.Database, squad_id: str | None, limit: int = 500) -> list[dict[str, Any]]:
    """Recent violations (of a squad) with their latest document number."""
    scope = "WHERE v.squad_id = ? AND v.deleted = 0" if squad_id else "WHERE v.deleted = 0"
    return _rows(db.execute(
        f"SELECT v.id, v.party_name, v.item_code, v.decision, v.status, v.deadline, v.occurred_at, v.file_case, "
        f"(SELECT number FROM document d WHERE d.violation_id = v.id AND d.status = 'issued' "
        f" ORDER BY d.issued_at DESC LIMIT 1) AS number, "
        f"(SELECT r.status || ' ' || r.doc_type FROM legal_review r WHERE r.violation_id = v.id AND r.deleted = 0 "
        f" ORDER BY r.requested_at DESC LIMIT 1) AS review "
        f"FROM violation v {scope} ORDER BY v.occurred_at DESC LIMIT {int(limit)}",
        [squad_id] if squad_id else [],
    ))


def get_document(db: sqlite_utils.Database, document_id: str) -> dict[str, Any] | None:
    rows = _rows(db.execute("SELECT * FROM document WHERE id = ?", [document_id]))
    return rows[0] if rows else None


def document_by_number(db: sqlite_utils.Database, number: str) -> dict[str, Any] | None:
    """The document with this number, however its brackets, spaces and zero padding were
    typed (domain.documents.number_key); the exact spelling wins."""
    rows = _rows(db.execute("SELECT * FROM document WHERE number = ?", [number]))
    if rows:
        return rows[0]
    key = number_key(number)
    running = re.findall(r"\d+", key)
    # The running number is the last figure of every format, so it narrows the look; a record
    # without number_value (an older version's) is still found by the full one.
    looks = ([("number_value = ?", [int(running[-1])])] if running else []) + [("1 = 1", [])]
    for where, params in looks:
        found = db.execute(f"SELECT id, number FROM document WHERE {where}", params).fetchall()
        match = next((document_id for document_id, stored in found if number_key(stored) == key), None)
        if match:
            return _rows(db.execute("SELECT * FROM document WHERE id = ?", [match]))[0]
    return None


def list_documents(
    db: sqlite_utils.Database, start_iso: str | None, end_iso: str | None, doc_type: str | None,
    squad_id: str | None, status: str | None, limit: int = 2000, query: str = "",
) -> list[dict[str, Any]]:
    """Documents for the clerk's list, newest first; ``query`` is a part of the party's name
    or of the number (typed with any brackets, spaces or zero padding)."""
    clauses, params = ["deleted = 0"], []
    for column, value in (("doc_type", doc_type), ("squad_id", squad_id), ("status", status)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if start_iso:
        clauses.append("issued_at >= ?")
        params.append(start_iso)
    if end_iso:
        clauses.append("issued_at < ?")
        params.append(end_iso)
    rows = _rows(db.execute(
        f"SELECT id, doc_type, number, number_source, party_name, issued_at, status, print_count, violation_id, "
        f"content_sha256 FROM document WHERE {' AND '.join(clauses)} ORDER BY issued_at DESC"
        + ("" if query.strip() else f" LIMIT {int(limit)}"),
        params,
    ))
    text, key = query.strip(), number_key(query)
    if not text:
        return rows
    # A number's key drops padding, so the typed part is matched against keys as well as text.
    return [r for r in rows if text in (r["party_name"] or "") or text in r["number"] or (key and key in number_key(r["number"]))][:limit]


def documents_of(db: sqlite_utils.Database, violation_id: str) -> list[dict[str, Any]]:
    return _rows(db.execute(
        "SELECT id, doc_type, number, status, issued_at FROM document WHERE violation_id = ? ORDER BY issued_at",
        [violation_id],
    ))


def catalog_versions(db: sqlite_utils.Database, kind: str) -> list[dict[str, Any]]:
    """Imported versions of a catalog, newest first."""
    return _rows(db.execute(
        "SELECT * FROM catalog_version WHERE kind = ? AND deleted = 0 ORDER BY imported_at DESC, rowid DESC", [kind]))


def rechecks_due(db: sqlite_utils.Database, squad_id: str | None, until: str) -> list[dict[str, Any]]:
    """Open violations whose deadline is on or before ``until``: the one definition of a
    re-check due, counted alike on the 首违不罚 page and on the map (placed or not)."""
    scope = "AND squad_id = ?" if squad_id else ""
    return _rows(db.execute(
        f"SELECT id, party_name, item_code, deadline, decision, lat, lon FROM violation WHERE status = 'open' "
        f"AND deadline IS NOT NULL AND deadline <= ? AND deleted = 0 {scope} ORDER BY deadline",
        [until] + ([squad_id] if squad_id else []),
    ))


def unit_violation_flags(db: sqlite_utils.Database, unit_id: str, since_iso: str, today: str) -> tuple[bool, bool]:
    """(a warning left unremedied past its deadline, a case filed) among a unit's violations
    since a time — what caps its star rating."""
    row = db.execute(
        "SELECT coalesce(max(status = 'open' AND deadline < :today), 0), coalesce(max(status = 'case'), 0) "
        "FROM violation WHERE unit_id = :unit AND deleted = 0 AND occurred_at >= :since",
        {"unit": unit_id, "since": since_iso, "today": today},
    ).fetchone()
    return bool(row[0]), bool(row[1])
