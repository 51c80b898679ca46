"""The signed-in session every service receives, and the operation wrapper that gives each
service call its single transaction, outbox ops, HLC stamps and audit entry."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from inspector_app.domain.catalogs import Catalogs, shipped_catalogs
from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import (
    LOCAL_TZ,
    Clock,
    HlcStamp,
    HybridLogicalClock,
    ServerCorrectedClock,
    SystemClock,
    utc_iso,
)
from inspector_app.domain.entities import SYSTEM_ACTOR, Actor
from inspector_app.domain.errors import PermissionDenied
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import ROLE_LABELS, Permission, allows
from inspector_app.storage.audit import append_audit
from inspector_app.storage.blobs import BlobStore
from inspector_app.storage.database import Store
from inspector_app.storage.meta import device_id, get_meta, set_meta
from inspector_app.storage.records import Recorder


@dataclass
class Operation:
    """Handed to a service inside its transaction."""

    recorder: Recorder
    now: datetime
    details: dict[str, Any] = field(default_factory=dict)
    entity: str = ""
    entity_id: str = ""

    @property
    def db(self) -> Any:
        """The transaction's database handle (for storage functions)."""
        return self.recorder.db

    @property
    def changes(self) -> Changes:
        """What this operation changed so far."""
        return self.recorder.changes


class Session:
    """Who is working, on which device and profile, with which clock and catalogs."""

    def __init__(
        self,
        store: Store,
        actor: Actor = SYSTEM_ACTOR,
        clock: Clock | None = None,
        catalogs: Catalogs | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.clock: Clock = clock or ServerCorrectedClock(SystemClock())
        self.catalogs = catalogs or shipped_catalogs()
        self.blobs = BlobStore(store.paths.blobs)
        # A device preference (Settings): the long side of stamped evidence photos, in
        # pixels (None: the photos module's default).
        self.photo_long_side: int | None = None
        with store.transaction() as db:
            self.device_id = device_id(db)
            last = get_meta(db, "hlc")
        self.hlc = HybridLogicalClock(
            self.clock, self.device_id[-12:], HlcStamp.decode(last) if last else None
        )

    def as_actor(self, actor: Actor) -> Session:
        """The same profile, signed in as someone else (after login)."""
        other = Session.__new__(Session)
        other.__dict__.update(self.__dict__)
        other.actor = actor
        return other

    def now(self) -> datetime:
        """Current time (UTC) from the session's clock."""
        return self.clock.now()

    def today(self) -> date:
        """Today's date in Jinan."""
        return self.clock.now().astimezone(LOCAL_TZ).date()

    def can(self, permission: Permission) -> bool:
        """Whether the signed-in role allows ``permission``."""
        return allows(self.actor.role, permission)

    def require(self, permission: Permission) -> None:
        """Raise :class:`PermissionDenied` unless the role allows ``permission``."""
        if not self.can(permission):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "Your role ({role}) may not do this ({action})."),
                QT_TRANSLATE_NOOP("errors", "Ask your supervisor or an administrator."),
                role=ROLE_LABELS[self.actor.role],
                action=permission.value,
            )

    @contextlib.contextmanager
    def operation(
        self, action: str, permission: Permission | None = None, place: str = ""
    ) -> Iterator[Operation]:
        """One service call: permission check, one transaction, outbox, audit entry."""
        if permission is not None:
            self.require(permission)
        now = self.now()
        now_iso = utc_iso(now)
        with self.store.transaction() as db:
            recorder = Recorder(db, self.device_id, now_iso, lambda: self.hlc.tick().encode(),
                                author_id=self.actor.officer_id)
            op = Operation(recorder, now)
            yield op
            stamp = self.hlc.tick().encode()
            append_audit(
                db,
                at=now_iso,
                hlc=stamp,
                officer_id=self.actor.officer_id,
                role=self.actor.role.value,
                device_id=self.device_id,
                action=action,
                entity=op.entity or (op.changes.items[0].entity if op.changes else ""),
                entity_id=op.entity_id or (op.changes.items[0].entity_id if op.changes else ""),
                place=place,
                details={
                    **op.details,
                    "changed": [[c.entity, c.entity_id, c.op] for c in op.changes.items[:50]],
                },
            )
            set_meta(db, "hlc", stamp)
