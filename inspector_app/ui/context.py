"""What every page is given and how a page is listed: the window's events, the page context and
the navigation entry. Kept apart from ui/pages/__init__.py (which builds the page list and so
imports every page) so that pages and widgets can import these without importing each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from inspector_app.domain.changes import Changes
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.tasks import TaskRunner


class AppEvents(QObject):
    """App-wide notifications: what a service changed, so every page can refresh."""

    changed = Signal(object)  # Changes
    status = Signal(str)
    open_record = Signal(str, str)  # page key, record id: show that record on its page

    def publish(self, changes: Changes) -> None:
        """Tell every page what changed."""
        if changes:
            self.changed.emit(changes)

    def root(self) -> AppEvents:
        """The window's own events object (where the window-wide controllers live)."""
        return self


class PageEvents(AppEvents):
    """One page's view of the window's events, owned by the page: when the page is deleted (a
    language switch rebuilds every page) its connections go with it. Before, the old pages'
    lambdas stayed connected to the window's events and kept reloading into deleted widgets on
    every later change."""

    def __init__(self, window_events: AppEvents) -> None:
        super().__init__(window_events)
        self._window_events = window_events
        window_events.changed.connect(self.changed)
        self.status.connect(window_events.status)
        self.open_record.connect(window_events.open_record)

    def publish(self, changes: Changes) -> None:
        """Tell the window, which tells every page (this one too)."""
        self._window_events.publish(changes)

    def root(self) -> AppEvents:
        return self._window_events


@dataclass
class PageContext:
    """What every page is given."""

    session: Session
    runner: TaskRunner
    events: AppEvents
    settings: AppSettings


@dataclass(frozen=True)
class PageSpec:
    """A navigation entry and how to build its page."""

    key: str
    title: str
    icon: str
    factory: Callable[[PageContext], QWidget]
    permission: Permission | None = None
