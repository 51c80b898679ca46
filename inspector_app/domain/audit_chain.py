"""The audit chain's rules, shared by the laptop and the sync server: how an entry is hashed
(HMAC-SHA256 with the device's key; plain sha256 for entries older than the key) and where a
chain given in sequence order breaks."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
FIELDS = (
    "seq", "at", "hlc", "officer_id", "role", "device_id", "action", "entity", "entity_id",
    "place", "details", "prev_hash",
)
MISSING = "entry missing"
LINK = "link to previous entry broken"
ALTERED = "entry was altered"
TAIL_DELETED = "newest entries deleted (the server holds a longer chain)"
ANCHOR_REWRITTEN = "entry differs from the one the server acknowledged"
KEY_CHANGED = "the device's audit key changed"


def entry_hash(entry: dict[str, Any], key: bytes | None = None) -> str:
    """HMAC-SHA256 (or plain sha256 without a key) over the entry's fields in a fixed order."""
    payload = json.dumps([entry[f] for f in FIELDS], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AuditKey:
    """The device's chain key and the first entry it signs (earlier entries are unkeyed)."""

    key: bytes
    keyed_from: int

    def for_seq(self, seq: int) -> bytes | None:
        """The key an entry of this sequence number is hashed with."""
        return self.key if seq >= self.keyed_from else None


@dataclass(frozen=True)
class ChainBreak:
    """One place where the chain does not hold."""

    seq: int
    reason: str


def chain_breaks(rows: Iterable[dict[str, Any]], key: AuditKey | None, *, start: int = 1,
                 prev: str = GENESIS) -> Iterator[ChainBreak]:
    """Every break in entries given in sequence order, the first expected at ``start`` and
    linked to ``prev``."""
    expected = start
    for entry in rows:
        seq = int(entry["seq"])
        if seq != expected:
            yield ChainBreak(expected, MISSING)
        elif entry["prev_hash"] != prev:
            yield ChainBreak(seq, LINK)
        if entry_hash(entry, key.for_seq(seq) if key else None) != entry["hash"]:
            yield ChainBreak(seq, ALTERED)
        prev = str(entry["hash"])
        expected = seq + 1
