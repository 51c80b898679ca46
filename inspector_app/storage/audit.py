"""The audit log (执法全过程记录): every service call appends an entry whose hash covers the
entry and the previous entry's hash, so editing or deleting history breaks the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

GENESIS = "0" * 64
_FIELDS = (
    "seq", "at", "hlc", "officer_id", "role", "device_id", "action", "entity", "entity_id",
    "place", "details", "prev_hash",
)


def entry_hash(entry: dict[str, Any]) -> str:
    """sha256 over the entry's fields in a fixed order (canonical JSON)."""
    payload = json.dumps([entry[f] for f in _FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
    entry["hash"] = entry_hash(entry)
    db.execute(
        f"INSERT INTO audit_log({', '.join(entry)}) VALUES ({', '.join('?' * len(entry))})",
        list(entry.values()),
    )
    return seq


@dataclass(frozen=True)
class ChainCheck:
    """Result of :func:`verify_audit_chain`."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


def verify_audit_chain(db: sqlite_utils.Database) -> ChainCheck:
    """Walk the whole log and report the first entry whose hash or link does not match."""
    cursor = db.execute(f"SELECT {', '.join(_FIELDS)}, hash FROM audit_log ORDER BY seq")
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for row in cursor:
        entry = dict(zip((*_FIELDS, "hash"), row, strict=True))
        if entry["seq"] != expected_seq:
            return ChainCheck(False, checked, expected_seq, "entry missing")
        if entry["prev_hash"] != prev:
            return ChainCheck(False, checked, entry["seq"], "link to previous entry broken")
        if entry_hash(entry) != entry["hash"]:
            return ChainCheck(False, checked, entry["seq"], "entry was altered")
        prev = entry["hash"]
        expected_seq += 1
        checked += 1
    return ChainCheck(True, checked)
