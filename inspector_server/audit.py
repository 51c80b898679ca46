"""The laptops' audit chains, anchored on the server (行政执法全过程记录).

A laptop asks for its acknowledged head, shows that its chain still holds the entry at that
head, and sends the entries after it. The server checks each entry's link and HMAC with the
device's registered key and keeps everything it receives (append-only). When a laptop's chain
no longer extends the head — newest entries deleted, an acknowledged entry rewritten, a new key
— the break is recorded and a new epoch begins, so the laptop keeps syncing while the
administrator sees what happened (``inspector-server admin audit verify``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from inspector_app.domain.audit_chain import (
    ANCHOR_REWRITTEN,
    FIELDS,
    GENESIS,
    KEY_CHANGED,
    TAIL_DELETED,
    AuditKey,
    ChainBreak,
    chain_breaks,
)
from inspector_server.db import account, audit_break, audit_device, audit_entry, device

MAX_ENTRIES = 500  # per request
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class AuditRequestError(ValueError):
    """A malformed audit push (answered 400 with this text)."""


@dataclass(frozen=True)
class Head:
    """A device's acknowledged head in its current epoch."""

    epoch: int
    seq: int
    hash: str
    registered: bool

    def to_json(self) -> dict[str, Any]:
        return {"epoch": self.epoch, "seq": self.seq, "hash": self.hash, "registered": self.registered}


def head(conn: Connection, device_id: str) -> Head:
    """The device's acknowledged head (seq 0 and the genesis hash before its first entry)."""
    reg = conn.execute(select(audit_device.c.epoch).where(audit_device.c.device_id == device_id)).first()
    if reg is None:
        return Head(0, 0, GENESIS, False)
    row = conn.execute(
        select(audit_entry.c.seq, audit_entry.c.hash)
        .where(audit_entry.c.device_id == device_id, audit_entry.c.epoch == reg.epoch)
        .order_by(audit_entry.c.seq.desc()).limit(1)
    ).first()
    return Head(reg.epoch, int(row.seq), str(row.hash), True) if row else Head(reg.epoch, 0, GENESIS, True)


def _entries(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or len(raw) > MAX_ENTRIES:
        raise AuditRequestError(f"entries must be a list of at most {MAX_ENTRIES} entries")
    out = []
    for item in raw:
        if not isinstance(item, dict) or set(item) != {*FIELDS, "hash"}:
            raise AuditRequestError(f"an audit entry has exactly the fields {', '.join((*FIELDS, 'hash'))}")
        if not isinstance(item["seq"], int) or isinstance(item["seq"], bool) or not 1 <= item["seq"] < 2**62:
            raise AuditRequestError("an audit entry's seq is a positive integer")
        if any(not isinstance(item[f], str) or len(item[f]) > 20_000 for f in FIELDS if f != "seq"):
            raise AuditRequestError("an audit entry's fields are texts of at most 20,000 characters")
        if not _HEX64.match(str(item["hash"])):
            raise AuditRequestError("an audit entry's hash is 64 hex digits")
        out.append(item)
    if [e["seq"] for e in out] != sorted({e["seq"] for e in out}):
        raise AuditRequestError("audit entries are sent in increasing seq order, each once")
    return out


def _record_break(conn: Connection, device_id: str, epoch: int, found: ChainBreak, now: str) -> None:
    conn.execute(insert(audit_break).values(device_id=device_id, epoch=epoch, seq=found.seq,
                                            reason=found.reason, detected_at=now))


def _new_epoch(conn: Connection, device_id: str, key_hex: str, keyed_from: int, now: str) -> int:
    reg = conn.execute(select(audit_device.c.epoch).where(audit_device.c.device_id == device_id)).first()
    if reg is None:
        conn.execute(insert(audit_device).values(device_id=device_id, key_hex=key_hex, keyed_from=keyed_from,
                                                 epoch=1, registered_at=now))
        return 1
    epoch = int(reg.epoch) + 1
    conn.execute(update(audit_device).where(audit_device.c.device_id == device_id)
                 .values(key_hex=key_hex, keyed_from=keyed_from, epoch=epoch, registered_at=now))
    return epoch


def receive(conn: Connection, officer_id: str, device_id: str, body: dict[str, Any], now: str) -> dict[str, Any]:
    """Take one audit push (inside the request's write transaction). Returns the new head, the
    breaks found in this request, and whether the laptop must send its chain again from the
    start (a new epoch began)."""
    key_hex = str(body.get("key") or "")
    keyed_from = body.get("keyed_from", 1)
    if not _HEX64.match(key_hex) or not isinstance(keyed_from, int) or not 1 <= keyed_from < 2**62:
        raise AuditRequestError("key is the device's 64-hex-digit audit key and keyed_from a positive integer")
    entries = _entries(body.get("entries", []))
    current = head(conn, device_id)
    breaks: list[ChainBreak] = []
    reg = conn.execute(select(audit_device.c.key_hex, audit_device.c.keyed_from)
                       .where(audit_device.c.device_id == device_id)).first()
    at_head = body.get("at_head")
    if reg is None:
        epoch = _new_epoch(conn, device_id, key_hex, keyed_from, now)
        current = Head(epoch, 0, GENESIS, True)
    elif (reg.key_hex, reg.keyed_from) != (key_hex, keyed_from):
        breaks.append(ChainBreak(current.seq, KEY_CHANGED))
    elif current.seq and not (isinstance(at_head, dict) and at_head.get("seq") == current.seq):
        breaks.append(ChainBreak(current.seq, TAIL_DELETED))
    elif current.seq and at_head.get("hash") != current.hash:  # type: ignore[union-attr]
        breaks.append(ChainBreak(current.seq, ANCHOR_REWRITTEN))
    if breaks:  # the laptop's chain no longer extends what we hold: keep it, start anew
        _record_break(conn, device_id, current.epoch, breaks[0], now)
        epoch = _new_epoch(conn, device_id, key_hex, keyed_from, now)
        return {"head": Head(epoch, 0, GENESIS, True).to_json(), "restart": True,
                "breaks": [b.__dict__ for b in breaks]}
    fresh = [e for e in entries if e["seq"] > current.seq]
    key = AuditKey(bytes.fromhex(key_hex), keyed_from)
    for found in chain_breaks(fresh, key, start=current.seq + 1, prev=current.hash):
        _record_break(conn, device_id, current.epoch, found, now)
        breaks.append(found)
    if fresh:
        conn.execute(insert(audit_entry), [
            {"device_id": device_id, "epoch": current.epoch, "seq": e["seq"], "hash": e["hash"],
             "entry": json.dumps(e, ensure_ascii=False, sort_keys=True), "officer_id": officer_id,
             "received_at": now}
            for e in fresh
        ])
    return {"head": head(conn, device_id).to_json(), "restart": False, "breaks": [b.__dict__ for b in breaks]}


def entries(conn: Connection, device_id: str, epoch: int, after: int, limit: int) -> list[dict[str, Any]]:
    """Stored entries of one device's epoch after ``after`` (for supervisors and administrators)."""
    rows = conn.execute(
        select(audit_entry.c.entry).where(audit_entry.c.device_id == device_id, audit_entry.c.epoch == epoch,
                                          audit_entry.c.seq > after)
        .order_by(audit_entry.c.seq).limit(limit)
    )
    return [json.loads(r.entry) for r in rows]


def device_squad(conn: Connection, device_id: str) -> str | None:
    """The squad of the officer a device belongs to (supervisors review their squad's chains)."""
    row = conn.execute(select(account.c.squad_id).select_from(
        device.join(account, account.c.officer_id == device.c.officer_id)).where(device.c.id == device_id)).first()
    return row.squad_id if row else None


@dataclass(frozen=True)
class DeviceChain:
    """The verdict on one device's stored chain, for ``admin audit verify``."""

    device_id: str
    entries: int
    breaks: list[tuple[int, int, str]]  # (epoch, seq, reason)


def verify_all(conn: Connection) -> Iterator[DeviceChain]:
    """Re-check every device's stored entries (every epoch) and list the breaks on record."""
    for reg in conn.execute(select(audit_device).order_by(audit_device.c.device_id)).all():
        recorded = [(int(b.epoch), int(b.seq), str(b.reason)) for b in conn.execute(
            select(audit_break).where(audit_break.c.device_id == reg.device_id).order_by(audit_break.c.id))]
        found: list[tuple[int, int, str]] = []
        count = 0
        epochs = conn.execute(select(audit_entry.c.epoch).where(audit_entry.c.device_id == reg.device_id)
                              .group_by(audit_entry.c.epoch).order_by(audit_entry.c.epoch)).scalars().all()
        key = AuditKey(bytes.fromhex(reg.key_hex), int(reg.keyed_from))
        for epoch in epochs:
            rows = [json.loads(r.entry) for r in conn.execute(
                select(audit_entry.c.entry).where(audit_entry.c.device_id == reg.device_id,
                                                  audit_entry.c.epoch == epoch).order_by(audit_entry.c.seq))]
            count += len(rows)
            # earlier epochs may have had another key: their breaks were recorded when received
            if epoch == reg.epoch:
                found += [(epoch, b.seq, b.reason) for b in chain_breaks(rows, key)]
        merged = sorted(set(recorded) | set(found))
        yield DeviceChain(reg.device_id, count, merged)


def count_entries(conn: Connection) -> int:
    """How many audit entries the server holds (tests, admin)."""
    return int(conn.execute(select(func.count()).select_from(audit_entry)).scalar_one())
