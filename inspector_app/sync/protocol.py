"""The sync protocol's shapes and version, shared by the client and the server.

Standard library only (no httpx): the server imports this module. An *op* is one change a
device made (one outbox row); a *change* is one record's state in the server's feed.

Version history: v1 — design.md §5, with two documented refinements: ``blobs/missing`` also
returns how many bytes of each missing blob the server already holds (so an upload resumes
without a probe), and a pulled change carries the record's whole current state rather than the
op that produced it (the feed is the record table itself; see notes/issue-7.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

PROTOCOL_VERSION = 1
MIN_CLIENT_VERSION = 1
VERSION_HEADER = "X-Inspector-Protocol"
API = "/api/v1"
MAX_PUSH_OPS = 500
MAX_PULL_LIMIT = 2000
# No "finalize": the server decides when a record is final from its own state (rules.py).
OP_KINDS = frozenset({"create", "patch", "delete"})
SHA256 = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


class ProtocolError(ValueError):
    """A message that does not have the protocol's shape."""


class Status(StrEnum):
    """What the server did with one op."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class Op:
    """One change made on a device: ``changes`` maps field → ``[old, new]``."""

    op_id: str
    entity: str
    entity_id: str
    op: str
    changes: dict[str, list[Any]]
    hlc: str
    at: str = ""
    form_version: str = ""
    blobs: tuple[str, ...] = ()
    # The officer who made the change (their server account id); the server refuses an op
    # whose author is not the signed-in account it came with. Empty from apps older than that.
    author: str = ""
    # For a delete: the HLC of the version the device deleted, so the server can tell a delete
    # of a record edited meanwhile by another device (a conflict). Empty from older apps.
    base_hlc: str = ""

    def to_json(self) -> dict[str, Any]:
        """The op as JSON-ready data (``base_hlc`` only when set: an older app's op, replayed,
        keeps the digest the server stored for it)."""
        out = {
            "op_id": self.op_id, "entity": self.entity, "entity_id": self.entity_id,
            "op": self.op, "changes": self.changes, "hlc": self.hlc, "at": self.at,
            "form_version": self.form_version, "blobs": list(self.blobs), "author": self.author,
        }
        if self.base_hlc:
            out["base_hlc"] = self.base_hlc
        return out

    @staticmethod
    def from_json(data: Any) -> Op:
        """Parse and check one op; raises :class:`ProtocolError` on a bad shape."""
        if not isinstance(data, dict):
            raise ProtocolError("an op must be an object")
        try:
            op = Op(
                op_id=_text(data, "op_id"), entity=_text(data, "entity"),
                entity_id=_text(data, "entity_id"), op=_text(data, "op"),
                changes=data.get("changes") or {}, hlc=_text(data, "hlc"),
                at=str(data.get("at") or ""), form_version=str(data.get("form_version") or ""),
                blobs=tuple(data.get("blobs") or ()), author=str(data.get("author") or ""),
                base_hlc=str(data.get("base_hlc") or ""),
            )
        except (TypeError, KeyError) as exc:
            raise ProtocolError(f"bad op: {exc}") from None
        if op.op not in OP_KINDS:
            raise ProtocolError(f"unknown op kind {op.op!r}")
        if not _NAME.match(op.entity):
            raise ProtocolError(f"bad entity name {op.entity!r}")
        if not isinstance(op.changes, dict) or not all(
            isinstance(k, str) and _NAME.match(k) and isinstance(v, list) and len(v) == 2
            for k, v in op.changes.items()
        ):
            raise ProtocolError("changes must map field names to [old, new]")
        if len(op.author) > 64:
            raise ProtocolError("author must be an account id")
        if len(op.base_hlc) > 64:
            raise ProtocolError("base_hlc must be a hybrid logical clock stamp")
        if not all(isinstance(b, str) and SHA256.match(b) for b in op.blobs):
            raise ProtocolError("blobs must be sha256 hex digests")
        return op


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ProtocolError(f"{key} must be a non-empty text")
    return value


@dataclass(frozen=True)
class OpResult:
    """The server's answer for one op. ``original`` is the first answer of a replayed op.

    A refused op's answer also carries the record as the server holds it (``current``, a
    change) or says the server has none the device may see (``absent``), so the device puts
    the record back to the server's version in the transaction that stores the answer."""

    op_id: str
    status: Status
    reason: str = ""
    original: Status | None = None
    current: dict[str, Any] | None = None
    absent: bool = False

    def to_json(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        out: dict[str, Any] = {"op_id": self.op_id, "status": self.status.value}
        if self.reason:
            out["reason"] = self.reason
        if self.original is not None:
            out["original"] = self.original.value
        if self.current is not None:
            out["current"] = self.current
        if self.absent:
            out["absent"] = True
        return out

    @staticmethod
    def from_json(data: dict[str, Any]) -> OpResult:
        """Parse one result."""
        original = data.get("original")
        current = data.get("current")
        return OpResult(
            str(data["op_id"]), Status(data["status"]), str(data.get("reason") or ""),
            Status(original) if original else None,
            Change.from_json(current).to_json() if isinstance(current, dict) else None,
            bool(data.get("absent")),
        )

    @property
    def refused(self) -> bool:
        """Whether the server refused the op (a replay: its first answer)."""
        return self.effective in (Status.REJECTED, Status.FORBIDDEN)

    @property
    def effective(self) -> Status:
        """What happened to the op, a replay resolved to its first answer."""
        return self.original or self.status if self.status == Status.DUPLICATE else self.status


@dataclass(frozen=True)
class Change:
    """One record's current state in the server's feed, at sequence ``seq``."""

    seq: int
    entity: str
    id: str
    fields: dict[str, Any]
    hlc: str
    deleted: bool = False
    created_at: str = ""
    updated_at: str = ""
    device_id: str = ""

    def to_json(self) -> dict[str, Any]:
        """The change as JSON-ready data."""
        return {
            "seq": self.seq, "entity": self.entity, "id": self.id, "fields": self.fields,
            "hlc": self.hlc, "deleted": self.deleted, "created_at": self.created_at,
            "updated_at": self.updated_at, "device_id": self.device_id,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Change:
        """Parse one change; raises :class:`ProtocolError` on a bad shape."""
        try:
            change = Change(
                int(data["seq"]), str(data["entity"]), str(data["id"]), dict(data["fields"]),
                str(data["hlc"]), bool(data.get("deleted")), str(data.get("created_at") or ""),
                str(data.get("updated_at") or ""), str(data.get("device_id") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"bad change: {exc}") from None
        if not _NAME.match(change.entity) or not all(_NAME.match(k) for k in change.fields):
            raise ProtocolError("bad entity or field name in a change")
        return change


@dataclass
class PullPage:
    """One page of the feed."""

    changes: list[Change] = field(default_factory=list)
    next_after: int = 0
    more: bool = False


def parse_pull(data: Any) -> PullPage:
    """Parse a pull answer; raises :class:`ProtocolError` on a bad shape."""
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        raise ProtocolError("a pull answer must have a list of changes")
    changes = [Change.from_json(c) for c in data["changes"]]
    seqs = [c.seq for c in changes]
    if seqs != sorted(set(seqs)):
        raise ProtocolError("changes must come in strictly increasing seq")
    return PullPage(changes, int(data.get("next_after", seqs[-1] if seqs else 0)), bool(data.get("more")))


# -- the city-wide offence index (issue 19) ----------------------------------------------------

INDEX_OUTCOMES = ("first_offence", "not_eligible", "order_only")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class IndexEntry:
    """One row of the offence index: a violation named by its party's tokens only."""

    entry_id: int
    id_token: str | None
    na_token: str | None
    item_code: str
    occurred_on: str
    outcome: str
    squad_id: str
    number: str
    deleted: bool


@dataclass(frozen=True)
class IndexPage:
    """One page of the index feed, with the id of the lookup key it was made with, that key
    when asked for, and its MAC (:func:`index_page_mac`)."""

    entries: list[IndexEntry]
    next_after: int
    more: bool
    as_of: str
    key_id: str
    mac: str
    key: bytes | None
    squads: dict[str, str]  # squad id → name, for the entries' squads
    body: dict[str, Any]


def index_key_id(lookup: bytes) -> str:
    """The public name of a lookup key (a laptop holding another starts over)."""
    import hashlib

    return hashlib.sha256(b"key-id|" + lookup).hexdigest()[:16]


def index_page_mac(lookup: bytes, body: dict[str, Any]) -> str:
    """The MAC of an index page: HMAC-SHA256 with the lookup key over every field but
    ``mac`` and ``key``, as sorted compact JSON."""
    import hashlib
    import hmac
    import json

    signed = {k: v for k, v in body.items() if k not in ("mac", "key")}
    text = json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(lookup, text.encode(), hashlib.sha256).hexdigest()


def _index_entry(row: Any) -> IndexEntry:
    if not isinstance(row, list) or len(row) != 9:
        raise ProtocolError("an index entry must be a list of 9 values")
    entry_id, id_token, na_token, item, day, outcome, squad, number, deleted = row
    if not isinstance(entry_id, int) or isinstance(entry_id, bool) or entry_id <= 0:
        raise ProtocolError("an index entry id must be a positive integer")
    for tok in (id_token, na_token):
        if tok is not None and not (isinstance(tok, str) and _HEX16.match(tok)):
            raise ProtocolError("an index token must be 16 hex digits")
    if not (isinstance(item, str) and 0 < len(item) <= 40 and isinstance(day, str) and _DAY.match(day)):
        raise ProtocolError("an index entry needs an item code and a YYYY-MM-DD date")
    if outcome not in INDEX_OUTCOMES or deleted not in (0, 1, True, False):
        raise ProtocolError(f"unknown outcome {outcome!r} in the index")
    if not (isinstance(squad, str | None) and isinstance(number, str) and len(number) <= 120):
        raise ProtocolError("an index entry's squad and number must be texts")
    return IndexEntry(entry_id, id_token, na_token, item, day, outcome, squad or "", number, bool(deleted))


def parse_index_page(data: Any) -> IndexPage:
    """Parse an index page; raises :class:`ProtocolError` on a bad shape (the MAC is checked
    by the caller, which holds the key)."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ProtocolError("an index page must have a list of entries")
    key_id, mac, key = data.get("key_id"), data.get("mac"), data.get("key")
    if not (isinstance(key_id, str) and _HEX16.match(key_id) and isinstance(mac, str) and _HEX64.match(mac)):
        raise ProtocolError("an index page must name its key and carry a MAC")
    if key is not None and not (isinstance(key, str) and _HEX64.match(key)):
        raise ProtocolError("an index key must be 64 hex digits")
    next_after, as_of = data.get("next_after"), data.get("as_of")
    if not isinstance(next_after, int) or next_after < 0 or not isinstance(as_of, str):
        raise ProtocolError("an index page needs next_after and as_of")
    squads = data.get("squads") or {}
    if not isinstance(squads, dict) or not all(
            isinstance(k, str) and len(k) <= 64 and isinstance(v, str) and len(v) <= 200 for k, v in squads.items()):
        raise ProtocolError("an index page's squads must map ids to names")
    entries = [_index_entry(e) for e in data["entries"]]
    return IndexPage(entries, next_after, bool(data.get("more")), as_of, key_id, mac,
                     bytes.fromhex(key) if key else None, dict(squads), data)
