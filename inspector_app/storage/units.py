"""Frontage units: derived search keys, and the queries behind the units table and search."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector_app.storage.records import EntitySpec, register_entity
from inspector_app.storage.search import (
    fts_phrase,
    grams,
    has_cjk,
    latin_keys,
    pinyin_full,
    split_terms,
)


def derive_unit_keys(row: dict[str, Any]) -> dict[str, Any]:
    """Sort and search keys computed from the unit's own fields (never synced)."""
    name = row.get("name") or ""
    texts = (name, row.get("address") or "", row.get("contact") or "")
    latin = latin_keys(
        *texts,
        (row.get("uscc") or "").lower(),
        (row.get("id_number") or "").lower(),
        row.get("phone") or "",
    )
    # The name's pinyin is the first part of ``latin`` when it has Chinese (no second call).
    name_full = latin.split(" | ", 1)[0] if name and has_cjk(name) else pinyin_full(name)
    return {
        "sort_key": name_full + "\x00" + name,
        "search_latin": latin,
        "search_grams": grams(*texts, *latin.split(" | ")),
    }


register_entity(
    EntitySpec(
        "unit", derive=derive_unit_keys, local_columns=frozenset({"sort_key", "search_latin", "search_grams"})
    )
)

# Columns the units table can be sorted by, mapped to SQL.
SORTS: dict[str, str] = {
    "name": "u.sort_key",
    "kind": "u.kind",
    "address": "natural_order(u.address)",
    "road": "natural_order(r.name)",
    "phone": "u.phone",
    "agreement": "u.agreement_signed",
    "star": "u.star_rating",
    "updated": "u.updated_at",
}

LIST_COLUMNS = (
    "u.rowid", "u.id", "u.name", "u.kind", "u.uscc", "u.address", "r.name AS road_name",
    "u.contact", "u.phone", "u.agreement_signed", "u.awareness", "u.star_rating",
)


_INDEX_TRIGGERS = ("unit_fts_insert", "unit_grams_insert")
BULK_INDEX_ROWS = 10_000  # below this, rebuilding the table's indexes is not worth it


@contextlib.contextmanager
def search_index_after(db: sqlite_utils.Database, rows: int = 0) -> Iterator[None]:
    """Units inserted inside this block (inside one transaction) are added to the two search
    indexes in one statement each at its end, not row by row by the insert triggers: for a
    registry of 100,000 rows the triggers took four times as long as the inserts themselves.
    When ``rows`` (how many will be inserted) outnumbers the units already there, the table's
    own indexes are built afresh at the end too (one sort instead of a random insert per row
    and index). Everything is dropped and recreated in the caller's transaction, so a rollback
    (cancel) restores it."""
    assert db.conn.in_transaction, "search_index_after needs the caller's transaction"
    first_new, existing = (int(v) for v in db.execute(
        "SELECT coalesce(max(rowid), 0) + 1, count(*) FROM unit").fetchone())
    triggers = [db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           [name]).fetchone()[0] for name in _INDEX_TRIGGERS]
    indexes: list[tuple[str, str]] = []
    if rows >= BULK_INDEX_ROWS and rows > existing:
        indexes = [(n, sql) for n, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'unit' "
            "AND sql IS NOT NULL").fetchall()]
    for name in _INDEX_TRIGGERS:
        db.execute(f"DROP TRIGGER {name}")
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        db.execute(sql)
    db.execute("INSERT INTO unit_fts(rowid, name, address, contact, search_latin) "
               "SELECT rowid, name, address, contact, search_latin FROM unit WHERE rowid >= ?",
               [first_new])
    db.execute("INSERT INTO unit_grams(rowid, search_grams) "
               "SELECT rowid, search_grams FROM unit WHERE rowid >= ?", [first_new])
    for sql in triggers:
        db.execute(sql)


@dataclass(frozen=True)
class UnitQuery:
    """What the user asked the units list for."""

    text: str = ""
    sort: str = "name"
    descending: bool = False
    road_segment_id: str | None = None
    squad_id: str | None = None


def _match_clause(query: str) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for term in split_terms(query):
        if len(term) >= 3:
            if has_cjk(term):
                clauses.append(
                    "u.rowid IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)"
                )
                params.append("{name address contact}: " + fts_phrase(term))
            else:
                clauses.append("u.rowid IN (SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?)")
                params.append("search_latin: " + fts_phrase(term.lower()))
        else:
            clauses.append("u.rowid IN (SELECT rowid FROM unit_grams WHERE unit_grams MATCH ?)")
            params.append(fts_phrase(term.lower()))
    return " AND ".join(clauses), params


def unit_rowids(db: sqlite_utils.Database, q: UnitQuery, limit: int | None = None) -> list[int]:
    """Rowids of the units matching ``q`` in display order (the table's row index)."""
    where = ["u.deleted = 0"]
    params: list[Any] = []
    if q.text.strip():
        clause, p = _match_clause(q.text)
        where.append(clause)
        params.extend(p)
    if q.road_segment_id:
        where.append("u.road_segment_id = ?")
        params.append(q.road_segment_id)
    if q.squad_id:
        where.append("u.squad_id = ?")
        params.append(q.squad_id)
    order = SORTS.get(q.sort, SORTS["name"])
    direction = "DESC" if q.descending else "ASC"
    join = "LEFT JOIN road_segment r ON r.id = u.road_segment_id" if q.sort == "road" else ""
    sql = (
        f"SELECT u.rowid FROM unit u {join} WHERE {' AND '.join(where)} "
        f"ORDER BY {order} {direction}, u.rowid {direction}"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in db.execute(sql, params).fetchall()]


def unit_rows(db: sqlite_utils.Database, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Display rows for some rowids (one page of the table), keyed by rowid."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    cursor = db.execute(
        f"SELECT {', '.join(LIST_COLUMNS)} FROM unit u "
        f"LEFT JOIN road_segment r ON r.id = u.road_segment_id WHERE u.rowid IN ({marks})",
        list(rowids),
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def get_unit(db: sqlite_utils.Database, unit_id: str) -> dict[str, Any] | None:
    """One unit with its road's name, or None."""
    cursor = db.execute(
        "SELECT u.*, r.name AS road_name FROM unit u "
        "LEFT JOIN road_segment r ON r.id = u.road_segment_id WHERE u.id = ?",
        [unit_id],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def find_unit_by_identity(
    db: sqlite_utils.Database, uscc: str | None, id_number: str | None
) -> str | None:
    """The id of a live unit with this USCC (or, failing that, ID number), if any."""
    for column, value in (("uscc", uscc), ("id_number", id_number)):
        if value:
            row = db.execute(
                f"SELECT id FROM unit WHERE {column} = ? AND deleted = 0 LIMIT 1", [value]
            ).fetchone()
            if row:
                return str(row[0])
    return None


def count_units(db: sqlite_utils.Database) -> int:
    """Number of live units."""
    return int(db.execute("SELECT count(*) FROM unit WHERE deleted = 0").fetchone()[0])
