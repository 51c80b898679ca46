"""The supervisors' conflict queue: two devices changed the same field of a record; the server
kept the later value and made a conflict record. A supervisor keeps one value or types a
merged one; the decision is audited and syncs like any change."""

from __future__ import annotations

import json
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import NotFound, UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage.record_names import record_name

EARLIER, LATER, MERGED = "earlier", "later", "merged"
DELETED = "deleted"  # the conflict's field when a record was edited on one laptop, deleted on another


def _decode(text: str | None) -> Any:
    try:
        return json.loads(text) if text is not None else None
    except ValueError:
        return text


def open_conflicts(session: Session) -> list[dict[str, Any]]:
    """Open conflicts, oldest first, with the record's name and both values decoded."""
    session.require(Permission.RESOLVE_CONFLICTS)
    db = session.store.db
    cur = db.execute(
        "SELECT c.id, c.entity, c.entity_id, c.field, c.base_value, c.server_value, c.device_value, "
        "c.detected_at, coalesce(o.name, '') AS officer FROM conflict c LEFT JOIN officer o ON o.id = c.officer_id "
        "WHERE c.status = 'open' AND c.deleted = 0 ORDER BY c.detected_at, c.id")
    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        item = dict(zip(names, row, strict=True))
        for key in ("base_value", "server_value", "device_value"):
            item[key] = _decode(item[key])
        item["record_name"] = _record_name(session, item["entity"], item["entity_id"])
        out.append(item)
    return out


def _record_name(session: Session, entity: str, entity_id: str) -> str:
    return record_name(session.store.db, entity, entity_id) or entity_id[-8:]


def resolve_conflict(session: Session, conflict_id: str, choice: str, merged: Any = None) -> Changes:
    """Keep the earlier value, the later one (already in effect), or a merged value. For an
    edit of a deleted record: EARLIER keeps it deleted, LATER restores it with the edit."""
    session.require(Permission.RESOLVE_CONFLICTS)
    if choice not in (EARLIER, LATER, MERGED):
        raise ValueError(choice)
    with session.operation("resolve_conflict", Permission.RESOLVE_CONFLICTS) as op:
        try:
            conflict = op.recorder.get("conflict", conflict_id)
        except NotFound:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That conflict no longer exists."),
                           QT_TRANSLATE_NOOP("errors", "Refresh the list; it may have been resolved.")) from None
        if conflict["status"] != "open":
            raise UserError(QT_TRANSLATE_NOOP("errors", "Another supervisor has already resolved this conflict."),
                            QT_TRANSLATE_NOOP("errors", "Refresh the list."))
        value = {EARLIER: _decode(conflict["server_value"]), LATER: _decode(conflict["device_value"]),
                 MERGED: merged}[choice]
        if conflict["field"] == DELETED:
            # An edit of a deleted record: the edit is on the tombstone already; LATER brings
            # the record back with it, EARLIER keeps it deleted.
            if choice == MERGED:
                raise UserError(QT_TRANSLATE_NOOP(
                    "errors", "A deleted record is restored with the edit or stays deleted; there is nothing to merge."))
            if choice == LATER:
                op.recorder.restore(conflict["entity"], conflict["entity_id"])
        elif choice != LATER:
            op.recorder.patch(conflict["entity"], conflict["entity_id"], {conflict["field"]: value})
        op.recorder.patch("conflict", conflict_id, {
            "status": "resolved", "resolution": json.dumps({"choice": choice, "value": value}, ensure_ascii=False),
            "resolved_by": session.actor.officer_id, "resolved_at": utc_iso(op.now)})
        op.entity, op.entity_id = conflict["entity"], conflict["entity_id"]
        op.details.update(field=conflict["field"], choice=choice)
    return op.changes
