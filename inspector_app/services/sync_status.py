"""What the sync page and the status bar show: the queue, the last outcome, and the items the
server refused, each named by what it is, with the reason and whether its record was put back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.errors import UserError
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage import sync_state as state
from inspector_app.storage.legal_reviews import server_reviews_for
from inspector_app.storage.offence_index import index_state
from inspector_app.storage.record_names import op_changes, record_name
from inspector_app.storage.rollback import ROLLED_BACK
from inspector_app.sync.client import SyncError


@dataclass(frozen=True)
class SyncStatus:
    """What the sync page and the status bar show."""

    server_url: str
    signed_in: bool
    pending_ops: int
    pending_blobs: int
    pending_blob_bytes: int
    open_conflicts: int
    last_success_at: str
    last_error: UserError | None
    failed: list[dict[str, Any]]
    # Other officers' changes on this laptop, waiting for their own sign-in: (id, name, ops).
    waiting: list[tuple[str, str, int]] = field(default_factory=list)
    # When the city-wide offence index was last pulled to the end (UTC text, "" for never).
    index_as_of: str = ""
    # Reviews the server queued for this officer's violations (its re-decision differed).
    redecided: list[dict[str, Any]] = field(default_factory=list)


def sync_status(session: Session) -> SyncStatus:
    """The queue and the last outcome (a few indexed reads). ``signed_in`` means the laptop is
    signed in to the server as the officer of this session."""
    db = session.store.db
    counts = state.queue_counts(db)
    account = state.get_state(db, "officer_id")
    return SyncStatus(
        state.get_state(db, "server_url"), is_signed_in(session), counts["ops"],
        counts["blobs"], counts["blob_bytes"], counts["conflicts"], state.get_state(db, "last_success_at"),
        _stored_error(state.get_state(db, "last_error")),
        [_described(session, item) for item in state.failed_blobs(db) + state.failed_ops(db)],
        state.waiting_authors(db, account) if account else [],
        index_state(db).as_of,
        server_reviews_for(db, session.actor.officer_id, limit=5),
    )


def _described(session: Session, item: dict[str, Any]) -> dict[str, Any]:
    """A refused item with what it is (``record_name``), the server's reason code, and whether
    its record was put back to the server's version (``rolled_back``)."""
    reason = str(item["last_error"])
    rolled_back = reason.startswith(ROLLED_BACK)
    reason = reason.removeprefix(ROLLED_BACK)
    changes = op_changes(str(item.pop("changes", "") or "{}"))
    return {**item, "last_error": reason, "code": reason.split(":", 1)[0], "rolled_back": rolled_back,
            "record_name": record_name(session.store.db, str(item["entity"]), str(item["entity_id"]), changes)}


def _stored_error(text: str) -> UserError | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return SyncError(str(data["message"]), str(data.get("hint") or ""), **dict(data.get("params") or {}))
    except (ValueError, KeyError, TypeError):
        return SyncError(text)


def retry_failed(session: Session, op_ids: list[str]) -> int:
    """Put refused ops back in the queue for the next sync."""
    session.require(Permission.SYNC)
    with session.operation("sync_retry") as op:
        count = state.retry_ops(op.db, op_ids)
        op.details["ops"] = count
    return count


def discard_failed(session: Session, op_ids: list[str]) -> int:
    """Give refused changes up: they leave the list (their records already hold the server's
    version)."""
    session.require(Permission.SYNC)
    with session.operation("sync_discard") as op:
        count = state.discard_ops(op.db, op_ids)
        op.details["ops"] = count
    return count


def is_signed_in(session: Session) -> bool:
    """Whether the laptop holds a server sign-in of this session's officer (on a shared laptop
    it holds the last one to sign in online; the others' changes wait for their sign-in)."""
    db = session.store.db
    account = state.get_state(db, "officer_id")
    return bool(state.get_state(db, "refresh_token")) and account in ("", session.actor.officer_id)
