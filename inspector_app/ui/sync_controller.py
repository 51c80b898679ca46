"""One sync at a time, for the whole window: on demand (F5, the sync page) and in the
background every few minutes and soon after local changes, when a server is configured and
reachable. All work runs through the task runner; results arrive as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.domain.changes import Change, Changes
from inspector_app.services.session import Session
from inspector_app.services.sync import (
    Offline,
    SyncReport,
    SyncStatus,
    is_reachable,
    sync_now,
    sync_status,
)
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import error_text

BACKGROUND_MS = 5 * 60_000
AFTER_CHANGE_MS = 20_000


class SyncController(QObject):
    """Runs syncs and tells the badge and the sync page what happened."""

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # exception
    status = Signal(object)  # SyncStatus
    online = Signal(bool)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx.events.root())
        self.setObjectName("syncController")
        self.ctx = ctx
        self.running = False
        self.last_status: SyncStatus | None = None
        self.is_online: bool | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.background)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.background)
        ctx.events.changed.connect(self._changed)

    def start_background(self, interval_ms: int = BACKGROUND_MS, first_ms: int = 5000) -> None:
        """Sync every ``interval_ms`` while the app is open, the first time soon after start."""
        self._timer.start(interval_ms)
        self._soon.start(first_ms)

    def _changed(self, changes: Changes) -> None:
        if not any(c.op == "pull" for c in changes.items):
            self._soon.start(AFTER_CHANGE_MS)
        self.refresh()

    def refresh(self) -> None:
        """Read the queue counts again (a few indexed reads, off the UI thread)."""
        self.ctx.runner.run(sync_status, self.ctx.session, on_done=self._got_status,
                            on_error=lambda _e: None)

    def _got_status(self, status: SyncStatus) -> None:
        self.last_status = status
        self.status.emit(status)

    def background(self) -> None:
        """A sync when it can work without asking anything: configured, signed in, reachable."""
        if not self.running:
            self.ctx.runner.run(_probe, self.ctx.session, on_done=self._probed, on_error=lambda _e: None)

    def _probed(self, found: tuple[SyncStatus, bool | None]) -> None:
        status, reachable = found
        self._got_status(status)
        if reachable is not None:
            self._set_online(reachable)
        if reachable:
            self.sync(manual=False)

    def _set_online(self, value: bool) -> None:
        self.is_online = value
        self.online.emit(value)

    def sync(self, manual: bool = True) -> bool:
        """Start a sync now; False if one is already running. A manual sync that fails says
        why in the status bar (a background one only shows it in the badge)."""
        if self.running:
            return False
        self.running = True
        self._manual = manual
        self.started.emit()
        self.ctx.runner.run(sync_now, self.ctx.session, with_progress=True, on_done=self._done,
                            on_error=self._failed, on_progress=self.progress.emit)
        return True

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self._set_online(True)
        self.finished.emit(report)
        if report.entities:
            self.ctx.events.publish(Changes([_pulled(e) for e in sorted(report.entities)]))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, Offline):
            self._set_online(False)
        if getattr(self, "_manual", True) or not isinstance(exc, Offline):
            self.ctx.events.status.emit(error_text(exc))
        self.failed.emit(exc)
        self.refresh()


def _probe(session: Session) -> tuple[SyncStatus, bool | None]:
    """The queue, and whether the server answers (None: no server, or not signed in)."""
    status = sync_status(session)
    if not status.server_url or not status.signed_in:
        return status, None
    return status, is_reachable(session)


def _pulled(entity: str) -> Change:
    return Change(entity, "", "pull")


def sync_controller(ctx: PageContext) -> SyncController:
    """The window's controller (made on first use, owned by the app events object)."""
    found = ctx.events.root().findChild(SyncController, "syncController")
    return found if isinstance(found, SyncController) else SyncController(ctx)
