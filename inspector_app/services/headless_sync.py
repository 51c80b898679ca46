"""``inspector-app sync``: one sync without the window (scripts, scheduled tasks), as the
officer whose server sign-in the profile holds, then the audit chain checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.entities import Actor
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Role
from inspector_app.services.audit_anchor import AuditStatus, audit_status
from inspector_app.services.profile import close_profile, open_profile
from inspector_app.services.sync import SyncReport, sync_now
from inspector_app.storage import sync_state as state
from inspector_app.storage.officers import officer_by_id
from inspector_app.sync.client import NeedsSignIn


@dataclass(frozen=True)
class HeadlessSync:
    """What the command prints."""

    report: SyncReport
    audit: AuditStatus


def sync_profile(data_dir: Path) -> HeadlessSync:
    """Sync the profile once as its signed-in officer; raises SyncError (nothing lost) when it
    cannot, e.g. :class:`NeedsSignIn` when nobody on this laptop is signed in to the server."""
    session = open_profile(data_dir)
    try:
        db = session.store.db
        row = officer_by_id(db, state.get_state(db, "officer_id")) if state.get_state(db, "refresh_token") else None
        if row is None:
            raise NeedsSignIn(QT_TRANSLATE_NOOP("sync", "This device is not signed in to the sync server."),
                              QT_TRANSLATE_NOOP("sync", "Open the app and sign in on the sync page once."))
        actor = Actor(officer_id=row["id"], name=row["name"], role=Role(row["role"]), squad_id=row["squad_id"],
                      badge_no=row["badge_no"], squad_name=row["squad_name"] or "", username=row["username"])
        signed_in = session.as_actor(actor)
        report = sync_now(signed_in)
        return HeadlessSync(report, audit_status(signed_in))
    finally:
        close_profile(session)
