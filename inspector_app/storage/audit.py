"""The audit log (执法全过程记录): every service call appends an entry whose hash covers the
entry and the previous entry's hash, so editing or deleting history breaks the chain.

Hashes are keyed (HMAC-SHA256) with a random per-device key made with the profile's first
keyed entry and registered with the sync server, which keeps each device's acknowledged head
(the *anchor*): a recomputed chain does not match what the server holds, and a deleted tail is
shorter than the anchor. Entries written before the key existed keep their plain sha256.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from inspector_app.domain.audit_chain import (
    ANCHOR_REWRITTEN,
    FIELDS,
    GENESIS,
    TAIL_DELETED,
    AuditKey,
    ChainBreak,
    chain_breaks,
    entry_hash,
)
from inspector_app.storage.meta import get_meta, set_meta

__all__ = ["FIELDS", "GENESIS", "AuditKey", "ChainBreak", "ChainCheck", "append_audit", "audit_key", "entry_hash",
           "verify_audit_chain"]

KEY_META = "audit_key"
KEYED_FROM_META = "audit_keyed_from"
ANCHOR_META = "audit_anchor"


def audit_key(db: sqlite_utils.Database) -> AuditKey | None:
    """The profile's chain key, or None before the first keyed entry."""
    key = get_meta(db, KEY_META)
    if not key:
        return None
    return AuditKey(bytes.fromhex(key), int(get_meta(db, KEYED_FROM_META) or "1"))


def _key_for_append(db: sqlite_utils.Database, seq: int) -> AuditKey:
    found = audit_key(db)
    if found is None:  # the first keyed entry of this profile: make the key now
        found = AuditKey(secrets.token_bytes(32), seq)
        set_meta(db, KEY_META, found.key.hex())
        set_meta(db, KEYED_FROM_META, str(seq))
    return found


def append_audit(
    db: sqlite_utils.Database,
    *,
    at: str,
    hlc: str,
    officer_id: str,
    role: str,
    device_id: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    place: str = "",
    details: dict[str, Any] | None = None,
) -> int:
    """Append one entry (inside the caller's transaction); returns its sequence number."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = {
        "seq": seq,
        "at": at,
        "hlc": hlc,
        "officer_id": officer_id,
        "role": role,
        "device_id": device_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "place": place,
        "details": json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        "prev_hash": prev,
    }
    entry["hash"] = entry_hash(entry, _key_for_append(db, seq).for_seq(seq))
    db.execute(
        f"INSERT INTO audit_log({', '.join(entry)}) VALUES ({', '.join('?' * len(entry))})",
        list(entry.values()),
    )
    return seq


def entries_after(db: sqlite_utils.Database, after: int, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` entries with a sequence number above ``after``, in order, as stored."""
    cursor = db.execute(
        f"SELECT {', '.join(FIELDS)}, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", [after, limit])
    return [dict(zip((*FIELDS, "hash"), row, strict=True)) for row in cursor]


def entry_at(db: sqlite_utils.Database, seq: int) -> dict[str, Any] | None:
    """The entry with this sequence number, if it is still there."""
    rows = db.execute(f"SELECT {', '.join(FIELDS)}, hash FROM audit_log WHERE seq = ?", [seq]).fetchall()
    return dict(zip((*FIELDS, "hash"), rows[0], strict=True)) if rows else None


def anchor(db: sqlite_utils.Database) -> tuple[int, str] | None:
    """The head (sequence, hash) the sync server last acknowledged for this device."""
    text = get_meta(db, ANCHOR_META)
    if not text:
        return None
    data = json.loads(text)
    return int(data["seq"]), str(data["hash"])


def set_anchor(db: sqlite_utils.Database, seq: int, hash_: str) -> None:
    """Remember the server's acknowledged head (inside the caller's transaction)."""
    set_meta(db, ANCHOR_META, json.dumps({"seq": seq, "hash": hash_}))


@dataclass(frozen=True)
class ChainCheck:
    """Result of :func:`verify_audit_chain`: every break, not only the first."""

    ok: bool
    checked: int
    breaks: tuple[ChainBreak, ...] = ()

    @property
    def first_broken_seq(self) -> int | None:
        """Where the first break is (None when the chain holds)."""
        return self.breaks[0].seq if self.breaks else None

    @property
    def reason(self) -> str:
        """What the first break is ('' when the chain holds)."""
        return self.breaks[0].reason if self.breaks else ""


def verify_audit_chain(db: sqlite_utils.Database) -> ChainCheck:
    """Walk the whole log and report every entry whose hash or link does not match, and a tail
    shorter than (or different from) the head the server acknowledged."""
    cursor = db.execute(f"SELECT {', '.join(FIELDS)}, hash FROM audit_log ORDER BY seq")
    rows = (dict(zip((*FIELDS, "hash"), row, strict=True)) for row in cursor)
    breaks = list(chain_breaks(rows, audit_key(db)))
    checked = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    head = anchor(db)
    if head is not None:
        at_head = entry_at(db, head[0])
        if at_head is None:
            breaks.append(ChainBreak(head[0], TAIL_DELETED))
        elif at_head["hash"] != head[1]:
            breaks.append(ChainBreak(head[0], ANCHOR_REWRITTEN))
    return ChainCheck(not breaks, checked, tuple(breaks))
