"""Anchoring the laptop's audit chain on the server at every sync, and the chain's state for
the warning the main window shows (local breaks, and breaks the server found)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.audit_chain import ChainBreak
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.services.session import Session
from inspector_app.storage import audit
from inspector_app.storage.meta import get_meta, set_meta
from inspector_app.sync.client import Refused, SyncClient

BATCH = 500
REPORTED_META = "audit_breaks_reported"


def anchor_audit(session: Session, client: SyncClient) -> list[ChainBreak]:
    """Send the entries the server lacks, proving the chain still holds its head. Returns the
    breaks the server found (they are also kept for the warning until the next clean sync)."""
    db = session.store.db
    key = audit.audit_key(db)
    if key is None:
        return []
    head = client.audit_head()
    after = int(head["seq"])
    local = audit.entry_at(db, after) if after else None
    at_head = {"seq": local["seq"], "hash": local["hash"]} if local else None
    found: list[ChainBreak] = []
    restarted = False
    while True:
        batch = audit.entries_after(db, after, BATCH)
        answer = client.push_audit({"key": key.key.hex(), "keyed_from": key.keyed_from, "at_head": at_head,
                                    "entries": batch})
        found += [ChainBreak(int(b["seq"]), str(b["reason"])) for b in answer.get("breaks", [])]
        if answer.get("restart"):
            if restarted:
                raise Refused(QT_TRANSLATE_NOOP("sync", "The sync server did not accept this laptop's audit trail twice in a row."))
            restarted, after, at_head = True, 0, None  # a new epoch: the whole chain again
            continue
        new = answer["head"]
        with session.store.transaction() as tx:
            audit.set_anchor(tx, int(new["seq"]), str(new["hash"]))
            if found:
                _remember(tx, found, session)
        if len(batch) < BATCH:
            return found
        after, at_head = int(new["seq"]), {"seq": new["seq"], "hash": new["hash"]}


def _remember(db: Any, found: list[ChainBreak], session: Session) -> None:
    kept = json.loads(get_meta(db, REPORTED_META) or "[]")
    kept += [{"seq": b.seq, "reason": b.reason, "at": utc_iso(session.now())} for b in found]
    set_meta(db, REPORTED_META, json.dumps(kept[-50:]))


@dataclass(frozen=True)
class AuditStatus:
    """What the main window warns about: breaks in the local chain and those the server found."""

    checked: int
    local: tuple[ChainBreak, ...]
    reported: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        return not self.local and not self.reported


def audit_status(session: Session) -> AuditStatus:
    """Verify the whole local chain (runs in the background after opening) and list the breaks
    the server reported."""
    check = audit.verify_audit_chain(session.store.db)
    kept = json.loads(get_meta(session.store.db, REPORTED_META) or "[]")
    reported = tuple(ChainBreak(int(b["seq"]), str(b["reason"])) for b in kept)
    return AuditStatus(check.checked, check.breaks, reported)


def acknowledge_reported_breaks(session: Session) -> None:
    """The officer has read the warning about breaks the server found (they stay on the server)."""
    with session.operation("acknowledge_audit_breaks") as op:
        op.details["breaks"] = len(json.loads(get_meta(op.db, REPORTED_META) or "[]"))
        set_meta(op.db, REPORTED_META, "[]")
