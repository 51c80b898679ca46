"""Undoing a supervisor's last review decision while it is still only on this laptop.

A decision (approve or return, with what approving a patrol approved in it) is one operation:
its outbox ops are listed in its audit entry. Until one of them has been pushed, undo removes
those ops and the review record and puts the review fields back, in one transaction, and the
audit trail records the undo. Once pushed the server has the decision (and its state machine
allows no way back): the record is then reviewed again instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage import reviews as store


@dataclass(frozen=True)
class Decision:
    """A decision that can still be undone."""

    audit_seq: int
    entity: str
    entity_id: str
    decision: str
    at: str
    review_id: str
    ops: tuple[dict[str, Any], ...]


def _last(db: Any, officer_id: str) -> Decision | None:
    undone: set[int] = set()
    for row in store.review_decisions_by(db, officer_id):
        if row["action"] == "undo_review":
            undone.add(int(row["details"].get("undone_seq", 0)))
            continue
        if row["seq"] in undone:
            continue
        op_ids = list(row["details"].get("ops") or [])
        ops = store.outbox_ops(db, op_ids)
        # Acked ops are purged after a while: a missing op has been pushed too.
        if not op_ids or len(ops) != len(op_ids) or any(o["status"] != "pending" for o in ops):
            return None
        return Decision(row["seq"], row["entity"], row["entity_id"], str(row["details"].get("decision", "")),
                        row["at"], str(row["details"].get("review_id", "")), tuple(ops))
    return None


def undoable_decision(session: Session) -> Decision | None:
    """The signed-in reviewer's last decision if none of it has been pushed yet, else None."""
    return _last(session.store.db, session.actor.officer_id)


def undo_last_decision(session: Session) -> Changes:
    """Undo the signed-in reviewer's last decision (one transaction, audited). Refused once
    any part of it has been pushed, or when the record changed since."""
    session.require(Permission.REVIEW)
    with session.operation("undo_review", Permission.REVIEW) as op:
        # Looked up inside the transaction: a sync cannot mark the ops pushed in between.
        last = _last(op.db, session.actor.officer_id)
        if last is None:
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "There is no decision to undo: the last one has been sent to the server already."),
                QT_TRANSLATE_NOOP("errors", "Review the record again to change a decision that has synced."),
            )
        patches = [(o, json.loads(o["changes"])) for o in last.ops
                   if o["op"] == "patch" and o["entity"] in store.REVIEWED_FIELDS]
        for o, changes in patches:
            current = op.recorder.get(o["entity"], o["entity_id"])
            if any(current.get(f) != new for f, (_old, new) in changes.items()):
                raise UserError(QT_TRANSLATE_NOOP(
                    "errors", "That record has changed since the decision; it cannot be undone. Review it again."))
        for o, changes in patches:
            store.restore_reviewed_fields(op.db, o["entity"], o["entity_id"],
                                          {f: old for f, (old, _new) in changes.items()}, op.recorder.now_iso)
            op.changes.add(o["entity"], o["entity_id"], "patch")
        store.forget_review(op.db, last.review_id)
        op.changes.add("review", last.review_id, "delete")
        store.drop_pending_ops(op.db, [o["op_id"] for o in last.ops])
        op.entity, op.entity_id = last.entity, last.entity_id
        op.details.update(undone_seq=last.audit_seq, decision=last.decision, review_id=last.review_id,
                          ops=[o["op_id"] for o in last.ops])
    return op.changes
