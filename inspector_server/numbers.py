"""Official document numbers: blocks leased to devices, and the checks on issued documents.

Numbers of one (doc_type, year, squad) come from one counter, shared by leases and by the
numbers the server gives provisional documents, so no two documents can get the same one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update

from inspector_app.domain.document_facts import ISSUED, PURPOSE, SUPERSEDED, VOIDED, key_facts
from inspector_app.domain.documents import number_key
from inspector_app.domain.ids import uuid7
from inspector_server import rules
from inspector_server.db import counter, document_number, is_sqlite, number_lease, record
from inspector_server.rules import Caller

MAX_LEASE = 1000


def _counter_name(doc_type: str, year: int, squad_id: str | None) -> str:
    return f"num:{doc_type}:{year}:{squad_id or ''}"


def allocate(conn: Connection, doc_type: str, year: int, squad_id: str | None, count: int) -> tuple[int, int]:
    """Reserve ``count`` consecutive numbers; returns (first, last). Call in a transaction."""
    name = _counter_name(doc_type, year, squad_id)
    query = select(counter.c.value).where(counter.c.name == name)
    if not is_sqlite(conn.engine):
        query = query.with_for_update()
    last = conn.execute(query).scalar()
    if last is None:
        conn.execute(insert(counter).values(name=name, value=count))
        return 1, count
    conn.execute(update(counter).where(counter.c.name == name).values(value=last + count))
    return int(last) + 1, int(last) + count


def lease(conn: Connection, caller: Caller, doc_type: str, year: int, count: int, now: str) -> dict[str, Any]:
    """A new block of numbers for the caller's device."""
    count = max(1, min(int(count), MAX_LEASE))
    first, last = allocate(conn, doc_type, year, caller.squad_id, count)
    lease_id = uuid7()
    conn.execute(insert(number_lease).values(
        id=lease_id, device_id=caller.device_id, doc_type=doc_type, year=year,
        squad_id=caller.squad_id, range_start=first, range_end=last, created_at=now,
    ))
    return {"lease_id": lease_id, "doc_type": doc_type, "year": year, "squad_id": caller.squad_id,
            "range_start": first, "range_end": last}


_TRAILING_VALUE = re.compile(r"(\d+)(\D*)$")


def replace_provisional(number: str, value: int) -> str:
    """The official number for a provisional one: the 临 mark dropped and the device's
    provisional value replaced by the server's (same zero padding)."""
    text = number.removeprefix("临")
    match = _TRAILING_VALUE.search(text)
    if not match:
        return f"{text}{value}"
    digits = match.group(1)
    return text[: match.start(1)] + f"{value:0{len(digits)}d}" + match.group(2)


def _slot(doc_type: str, year: int, squad_id: Any, value: int) -> str:
    return f"{doc_type}:{year}:{squad_id or ''}:{value}"


def _shows(number: str, value: int) -> bool:
    """Whether the number's text carries its value (one of its runs of digits), so a leased
    value cannot be sent under another number's text."""
    return any(int(run) == value for run in re.findall(r"[0-9]+", number))


@dataclass
class NumberCheck:
    """Checks each document a batch creates: its number comes from a lease of this device for
    the document's type, year and squad, each leased value used once, or it is provisional and
    gets the server's number; no other document has it. Any other source is refused."""

    conn: Connection
    caller: Caller
    leases: list[tuple[str, int, str | None, int, int]] | None = None
    taken: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # number → (document, hash, slot)
    assigned: dict[str, str] = field(default_factory=dict)  # document id → the number the server gave

    def _leases(self) -> list[tuple[str, int, str | None, int, int]]:
        if self.leases is None:
            self.leases = [
                (r.doc_type, r.year, r.squad_id, r.range_start, r.range_end)
                for r in self.conn.execute(select(number_lease).where(number_lease.c.device_id == self.caller.device_id))
            ]
        return self.leases

    def check_document(self, document_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        """The document's fields as stored (a provisional number replaced); raises Refused."""
        source, value = fields.get("number_source"), fields.get("number_value")
        doc_type, year, squad = fields.get("doc_type"), fields.get("year"), fields.get("squad_id")
        number = str(fields.get("number") or "")
        if not isinstance(doc_type, str) or not isinstance(year, int) or isinstance(year, bool):
            raise rules.rejected("invalid_value", "a document needs its doc_type (text) and year (a number)")
        if source == "lease":
            if not (isinstance(value, int) and not isinstance(value, bool) and any(
                    d == doc_type and y == year and s == squad and lo <= value <= hi
                    for d, y, s, lo, hi in self._leases())):
                raise rules.rejected("lease", f"number {number} is not from a lease of this device for "
                                              f"this document type, year and squad")
            if not _shows(number, value):
                raise rules.rejected("lease", f"number {number} does not show its leased value {value}")
        elif source == "provisional":
            value, _ = allocate(self.conn, doc_type, year, squad, 1)
            number = replace_provisional(number, value)
            fields = {**fields, "number": number, "number_value": value, "number_source": "server"}
            self.assigned[document_id] = number
        else:
            raise rules.rejected("number_source", f"number_source {source!r}: a document number comes from this "
                                                  "device's lease or is provisional (the server gives it)")
        slot = _slot(doc_type, year, squad, value)
        if number in self.taken or self.conn.execute(
                select(document_number.c.document_id).where(document_number.c.number == number)).first():
            raise rules.rejected("number_taken", f"number {number} is already used by another document")
        if any(t[2] == slot for t in self.taken.values()) or self.conn.execute(
                select(document_number.c.document_id).where(document_number.c.slot == slot)).first():
            raise rules.rejected("number_taken", f"the leased value {value} was already used by another document")
        self.taken[number] = (document_id, str(fields.get("content_sha256") or ""), slot)
        return fields

    def write(self) -> None:
        """Store the numbers of the batch's new documents (for verification)."""
        if self.taken:
            self.conn.execute(insert(document_number), [
                {"number": n, "document_id": d, "content_sha256": h, "slot": s} for n, (d, h, s) in self.taken.items()
            ])


def _snapshot(fields: dict[str, Any]) -> dict[str, Any]:
    raw = fields.get("snapshot") or {}
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _replacement(conn: Connection, current: dict[str, Any]) -> str:
    """The number of the issued document of the same purpose issued after this voided one."""
    violation_id = current.get("violation_id")
    if not isinstance(violation_id, str) or not violation_id:
        return ""
    purpose = PURPOSE.get(str(current.get("doc_type")))
    # The violation id (a uuid) narrows the scan in SQL; the JSON decides.
    rows = conn.execute(select(record.c.fields).where(record.c.entity == "document",
                                                      record.c.fields.contains(violation_id)))
    later = sorted(
        (str(f.get("issued_at") or ""), str(f.get("number") or "")) for f in (json.loads(r.fields) for r in rows)
        if f.get("violation_id") == violation_id and f.get("status") == ISSUED
        and PURPOSE.get(str(f.get("doc_type"))) == purpose and str(f.get("issued_at") or "") >= str(current.get("issued_at") or ""))
    return later[0][1] if later else ""


def _key_pattern(key: str) -> str:
    """A LIKE pattern every stored spelling of this number key matches (any brackets, spaces
    and zero padding); the candidates are then compared by their key, so it need not be exact."""
    out = []
    for ch in key:
        if ch in "〔〕":
            out.append("%")
        elif ch.isdigit():
            out.append(ch if out and out[-1][-1:].isdigit() else "%" + ch)
        else:
            out.append("\\" + ch if ch in "%_\\" else ch)
    return "".join(out)


def resolve_number(conn: Connection, number: str) -> str:
    """The registered spelling of a number typed with other year brackets, spaces or zero
    padding (domain.documents.number_key); the number itself when none matches."""
    if conn.execute(select(document_number.c.number).where(document_number.c.number == number)).first():
        return number
    key = number_key(number)
    query = select(document_number.c.number).where(document_number.c.number.like(_key_pattern(key), escape="\\"))
    return next((stored for (stored,) in conn.execute(query) if number_key(stored) == key), number)


def verify(conn: Connection, number: str, content_sha256: str | None) -> dict[str, Any]:
    """Whether a document with this number (and content hash) exists, its status (issued /
    voided / superseded, with the number that replaced it) and its key facts as printed. The
    hash is compared with the one registered when the number was issued AND the document's
    current one, so a record overwritten by any means never verifies."""
    number = resolve_number(conn, number)
    row = conn.execute(
        select(document_number.c.document_id, document_number.c.content_sha256, record.c.fields)
        .select_from(document_number.outerjoin(
            record, and_(record.c.entity == "document", record.c.id == document_number.c.document_id)))
        .where(document_number.c.number == number)
    ).first()
    if row is None:
        return {"number": number, "exists": False, "hash_matches": False}
    current = json.loads(row.fields) if row.fields else {}
    intact = current.get("content_sha256") == row.content_sha256 and current.get("number") == number
    status = str(current.get("status", ""))
    replaced_by = _replacement(conn, current) if status == VOIDED else ""
    return {"number": number, "exists": True, "document_id": row.document_id,
            "status": SUPERSEDED if replaced_by else status, "replaced_by": replaced_by,
            "void_reason": str(current.get("void_reason") or ""),
            "facts": key_facts(_snapshot(current)) if intact else {},
            "pdf_sha256": str(current.get("pdf_sha256") or "") if intact else "",
            "hash_matches": intact and (content_sha256 is None or content_sha256.lower() == row.content_sha256)}
