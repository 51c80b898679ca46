"""The laptop's copy of the city-wide offence index (table from step m014) and its state.

Rows are the server's entries, keyed by the server's entry id; a party is only two 8-byte
tokens (see inspector_server/offence_index.py). ``meta`` keeps the cursor, the lookup key the
tokens are made with (and its public id), and ``as_of``: the server's time when the index was
last pulled to the end, which the printed decision cites.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

import sqlite_utils

from inspector_app.domain.clock import LOCAL_TZ
from inspector_app.domain.first_offence import HISTORY_DAYS
from inspector_app.storage.meta import set_meta

OUTCOMES = ("first_offence", "not_eligible", "order_only")  # stored as their position
_CURSOR, _KEY, _KEY_ID, _AS_OF = ("offence_index_cursor", "offence_index_key", "offence_index_key_id",
                                  "offence_index_as_of")


class IndexEntry(Protocol):
    """One pulled row (inspector_app.sync.protocol.IndexEntry)."""

    @property
    def entry_id(self) -> int: ...
    @property
    def id_token(self) -> str | None: ...
    @property
    def na_token(self) -> str | None: ...
    @property
    def item_code(self) -> str: ...
    @property
    def occurred_on(self) -> str: ...
    @property
    def outcome(self) -> str: ...
    @property
    def squad_id(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def deleted(self) -> bool: ...


@dataclass(frozen=True)
class IndexState:
    """Where the laptop's index stands: the feed position, the lookup key (None before the
    first pull) and its id, and when it was last complete (UTC text, "" for never)."""

    cursor: int
    key: bytes | None
    key_id: str
    as_of: str


def index_state(db: sqlite_utils.Database) -> IndexState:
    """The index's state from ``meta`` (one query: every decision reads it)."""
    found = dict(db.execute("SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?)",
                            [_CURSOR, _KEY, _KEY_ID, _AS_OF]).fetchall())
    key = found.get(_KEY) or ""
    return IndexState(int(found.get(_CURSOR) or 0), bytes.fromhex(key) if key else None,
                      found.get(_KEY_ID) or "", found.get(_AS_OF) or "")


def restart_index(db: sqlite_utils.Database, key: bytes, key_id: str) -> None:
    """Forget every row and start over with a new lookup key (call in a transaction, with the
    first page of the new key, so a refused pull leaves the old index as it was)."""
    db.execute("DELETE FROM offence_index")
    set_meta(db, _CURSOR, "0")
    set_meta(db, _KEY, key.hex())
    set_meta(db, _KEY_ID, key_id)
    set_meta(db, _AS_OF, "")


def apply_index_page(db: sqlite_utils.Database, entries: Iterable[IndexEntry], squads: dict[str, str],
                     next_after: int, as_of: str, complete: bool) -> int:
    """Store one verified page and move the cursor (call in one transaction); when the page is
    the last, the index counts as complete at ``as_of`` and rows older than the searched history
    are dropped. Returns how many rows were written."""
    numbers = _squad_numbers(db, squads)
    upserts, deletes = [], []
    for e in entries:
        if e.deleted:
            deletes.append((e.entry_id,))
            continue
        squad = numbers.get(e.squad_id) or _squad_number(db, e.squad_id, "")
        numbers[e.squad_id] = squad
        upserts.append((e.entry_id, _blob(e.id_token), _blob(e.na_token), e.item_code,
                        date.fromisoformat(e.occurred_on).toordinal(), OUTCOMES.index(e.outcome), squad, e.number))
    db.conn.executemany("INSERT OR REPLACE INTO offence_index (entry_id, id_token, na_token, item_code, day, outcome, "
                        "squad, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", upserts)
    db.conn.executemany("DELETE FROM offence_index WHERE entry_id = ?", deletes)
    set_meta(db, _CURSOR, str(next_after))
    if complete:
        set_meta(db, _AS_OF, as_of)
        _drop_old(db, as_of)
    return len(upserts) + len(deletes)


def _drop_old(db: sqlite_utils.Database, as_of: str) -> None:
    """Forget rows older than the searched history (the server no longer sends them either)."""
    try:
        newest = datetime.fromisoformat(as_of.replace("Z", "+00:00")).astimezone(LOCAL_TZ).date()
    except ValueError:
        return
    db.execute("DELETE FROM offence_index WHERE day < ?", [(newest - timedelta(days=HISTORY_DAYS)).toordinal()])


def _blob(token: str | None) -> bytes | None:
    return bytes.fromhex(token) if token else None


def _squad_numbers(db: sqlite_utils.Database, squads: dict[str, str]) -> dict[str, int]:
    return {sid: _squad_number(db, sid, name) for sid, name in squads.items()}


def _squad_number(db: sqlite_utils.Database, squad_id: str, name: str) -> int:
    db.execute("INSERT INTO offence_index_squad (squad_id, name) VALUES (?, ?) ON CONFLICT(squad_id) DO UPDATE "
               "SET name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END", [squad_id, name])
    return int(db.execute("SELECT n FROM offence_index_squad WHERE squad_id = ?", [squad_id]).fetchone()[0])


def index_matches(db: sqlite_utils.Database, id_token: bytes | None, na_token: bytes | None) -> list[dict[str, Any]]:
    """The index rows of a party: by identity token, and by name+address token among rows with
    no identity or the same one (the rule of storage.violations.prior_violations)."""
    select = ("SELECT i.entry_id, i.item_code, i.day, i.outcome, i.number, s.squad_id, s.name AS squad, "
              "{how} AS matched_by FROM offence_index i JOIN offence_index_squad s ON s.n = i.squad WHERE ")
    rows: list[dict[str, Any]] = []
    if id_token:
        rows += _dicts(db.execute(select.format(how="'id'") + "i.id_token = ?", [id_token]))
    if na_token:
        rows += _dicts(db.execute(select.format(how="'name_address'") + "i.na_token = ? AND "
                                  "(i.id_token IS NULL OR i.id_token = ? OR ? IS NULL)", [na_token, id_token, id_token]))
    seen: set[int] = set()
    out = []
    for r in rows:
        if r["entry_id"] not in seen:
            seen.add(r["entry_id"])
            out.append({**r, "occurred_on": date.fromordinal(r["day"]), "outcome": OUTCOMES[r["outcome"]]})
    return out


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def index_size(db: sqlite_utils.Database) -> int:
    """How many rows the laptop's index holds."""
    return int(db.execute("SELECT COUNT(*) FROM offence_index").fetchone()[0])
