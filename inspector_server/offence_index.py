"""The city-wide offence index: written when a violation (or its notice) is accepted at push,
backfilled at start, pulled by every laptop, and used for the server's own first-offence
decision at push (:func:`redecide`).

A row names the party only by tokens: ``HMAC-SHA256(lookup key, party key)`` cut to 8 bytes,
where the party keys are :func:`inspector_app.domain.first_offence.party_keys_of` of the
violation's values (so the laptop, hashing the same keys with the same lookup key, finds the
same rows) and the lookup key comes from the server's city key
(:mod:`inspector_server.offence_index_key`). No ID number, USCC, name or address is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, insert, select, update

from inspector_app.domain.first_offence import HISTORY_DAYS, party_keys_of
from inspector_app.sync.protocol import INDEX_OUTCOMES, index_key_id, index_page_mac
from inspector_server import offence_index_key as keys
from inspector_server.db import counter, record
from inspector_server.offence_index_decide import (
    Redecision,
    local_day,
    redecide,
    squad_names,
    token,
)
from inspector_server.offence_index_table import offence_index

NOTICE_TYPES = ("warning", "rectify_order")  # the on-the-spot notice names the violation
ISSUED = "issued"
__all__ = ["Redecision", "backfill", "index_records", "local_day", "pull_page", "redecide", "retire_lookup_key",
           "token"]


class Written(Protocol):
    """A record a push wrote (inspector_server.push.Rec)."""

    entity: str
    id: str
    squad_id: str | None
    fields: dict[str, Any]
    deleted: bool
    created_at: str


def _entry(lookup: bytes, rec: Written) -> dict[str, Any] | None:
    """The row of a violation, or None when it has nothing to match or to decide by: no party
    key, no item, or an outcome no laptop knows (a device's bad value must not stop every
    laptop's pull, which refuses such a row)."""
    id_key, name_key = party_keys_of(rec.fields)
    item, outcome = str(rec.fields.get("item_code") or ""), rec.fields.get("decision")
    if not (id_key or name_key) or not 0 < len(item) <= 40 or outcome not in INDEX_OUTCOMES:
        return None
    return {
        "id_token": token(lookup, id_key), "na_token": token(lookup, name_key),
        "item_code": item, "outcome": outcome,
        "occurred_on": local_day(rec.fields.get("occurred_at"), rec.created_at), "squad_id": rec.squad_id,
        "deleted": int(rec.deleted),
    }


def _notice_number(fields: dict[str, Any]) -> str:
    if fields.get("doc_type") in NOTICE_TYPES and fields.get("status") == ISSUED:
        return str(fields.get("number") or "")[:120]
    return ""


def index_records(conn: Connection, recs: list[Any]) -> None:
    """Write the index rows of the violations and notices a push just wrote (after their seq
    numbers were taken, in the same transaction). Without a city key (a server not started
    through create_app) nothing is written: the backfill at the next start makes the rows."""
    key = keys.city_key(conn.engine)
    violations = [r for r in recs if r.entity == "violation"]
    notices = [r for r in recs if r.entity == "document" and r.fields.get("violation_id") and _notice_number(r.fields)]
    if key is None or not (violations or notices):
        return
    lookup = keys.lookup_key(key, keys.epoch(conn))
    ids = sorted({r.id for r in violations + notices})
    seqs = {(e, i): s for e, i, s in conn.execute(
        select(record.c.entity, record.c.id, record.c.seq).where(record.c.id.in_(ids)))}
    _upsert(conn, [(r.id, seqs[(r.entity, r.id)], _entry(lookup, r)) for r in violations])
    for n in notices:
        conn.execute(update(offence_index).where(
            offence_index.c.violation_id == n.fields["violation_id"], offence_index.c.number == "",
        ).values(number=_notice_number(n.fields), seq=seqs[(n.entity, n.id)]))


def _upsert(conn: Connection, rows: list[tuple[str, int, dict[str, Any] | None]]) -> None:
    wanted = [(vid, seq, e) for vid, seq, e in rows if e is not None]
    if not wanted:
        return
    have = set(conn.execute(select(offence_index.c.violation_id).where(
        offence_index.c.violation_id.in_([vid for vid, _s, _e in wanted]))).scalars())
    new = [{"violation_id": vid, "seq": seq, "number": "", **e} for vid, seq, e in wanted if vid not in have]
    if new:
        conn.execute(insert(offence_index), new)
    for vid, seq, e in wanted:
        if vid in have:
            conn.execute(update(offence_index).where(offence_index.c.violation_id == vid).values(seq=seq, **e))


def backfill(engine: Engine, rebuild: bool = False) -> int:
    """Make the rows of violations that have none (all of them after revision 0006), with
    fresh feed positions so laptops past the records' own seqs still get them. Returns how
    many rows were made."""
    key = keys.city_key(engine)
    if key is None:
        return 0
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        return _backfill(conn, key)


def retire_lookup_key(engine: Engine) -> int:
    """After a laptop holding the index is lost: a new lookup-key epoch and every row made
    again under it, in one transaction (a laptop's next page names the new key, so it drops
    its copy and pulls the new one). Returns how many rows were made."""
    key = keys.city_key(engine)
    if key is None:
        raise RuntimeError("the offence index key is not loaded")
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        keys.set_epoch(conn, keys.epoch(conn) + 1)
        conn.execute(offence_index.delete())
        return _backfill(conn, key)


def _backfill(conn: Connection, key: bytes) -> int:
    lookup = keys.lookup_key(key, keys.epoch(conn))
    have = set(conn.execute(select(offence_index.c.violation_id)).scalars())
    made = [r for r in _records(conn, "violation") if r.id not in have]
    entries = [(r.id, e) for r in made if (e := _entry(lookup, r)) is not None]
    if not entries:
        return 0
    numbers = {n.fields["violation_id"]: _notice_number(n.fields)
               for n in _records(conn, "document") if _notice_number(n.fields) and n.fields.get("violation_id")}
    first = _take_seqs(conn, len(entries))
    conn.execute(insert(offence_index), [
        {"violation_id": vid, "seq": first + n, "number": numbers.get(vid, ""), **e}
        for n, (vid, e) in enumerate(entries)])
    return len(entries)


class _Row:
    def __init__(self, row: Any) -> None:
        self.entity, self.id, self.squad_id = row.entity, row.id, row.squad_id
        self.fields: dict[str, Any] = json.loads(row.fields)
        self.deleted, self.created_at = bool(row.deleted), row.created_at


def _records(conn: Connection, entity: str) -> Iterable[_Row]:
    query = select(record.c.entity, record.c.id, record.c.squad_id, record.c.fields, record.c.deleted,
                   record.c.created_at).where(record.c.entity == entity)
    return (_Row(r) for r in conn.execute(query))


def _take_seqs(conn: Connection, n: int) -> int:
    """Reserve ``n`` feed positions from the record feed's counter (its lock is then held
    until commit, like a push's); returns the first."""
    taken = conn.execute(update(counter).where(counter.c.name == "seq")
                         .values(value=counter.c.value + n).returning(counter.c.value)).scalar_one()
    return int(taken) - n + 1


def pull_page(conn: Connection, after: int, limit: int, now: str, with_key: bool) -> dict[str, Any]:
    """Index rows changed after ``after`` (deleted ones as tombstones) within the searched
    history, the lookup key's id, the key itself when asked for, and the page's MAC."""
    key = keys.city_key(conn.engine)
    if key is None:
        raise RuntimeError("the offence index key is not loaded (start the server through create_app)")
    lookup = keys.lookup_key(key, keys.epoch(conn))
    # Rows older than the searched history are of no use to a decision: not sent (laptops drop theirs).
    since = (date.fromisoformat(local_day(now)) - timedelta(days=HISTORY_DAYS)).isoformat()
    rows = conn.execute(select(offence_index).where(offence_index.c.seq > after, offence_index.c.occurred_on >= since)
                        .order_by(offence_index.c.seq).limit(limit + 1)).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    entries = [[r["entry_id"], r["id_token"], r["na_token"], r["item_code"], r["occurred_on"], r["outcome"],
                r["squad_id"], r["number"], r["deleted"]] for r in rows]
    squads = {k: v[:200] for k, v in squad_names(conn, {r["squad_id"] for r in rows if r["squad_id"]}).items()}
    body: dict[str, Any] = {"entries": entries, "next_after": rows[-1]["seq"] if rows else after, "more": more,
                            "as_of": now, "key_id": index_key_id(lookup), "squads": squads}
    body["mac"] = index_page_mac(lookup, body)
    if with_key:
        body["key"] = lookup.hex()
    return body
