"""What every page is given, the shape every page has, and how a page is listed: the window's
events, the page context, the :class:`Page` base and the navigation entry. Kept apart from
ui/pages/__init__.py (which builds the page list and so imports every page) so that pages and
widgets can import these without importing each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

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


class Page(QWidget):
    """A page of the main window, built from a :class:`PageContext`.

    ``shows`` names the entities whose changes the page displays: :meth:`on_changes` is called
    only when one of them changed (``None``: every change, for a page that mixes records of
    many kinds and cannot tell which matter). The defaults make a page that shows nothing that
    changes, opens no record and adds no shortcut."""

    shows: ClassVar[tuple[str, ...] | None] = ()

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        if self.shows is None or self.shows:
            ctx.events.changed.connect(self._changes_arrived)

    def _changes_arrived(self, changes: Changes) -> None:
        if self.shows is None or any(changes.touches(entity) for entity in self.shows):
            self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        """Something this page shows changed: read it again (pages that can do less override)."""
        self.load()

    def load(self) -> None:
        """Read again what the page shows (the base map page also rebuilds its map)."""

    def open_record(self, record_id: str) -> None:
        """Show this record (a click on the map, for example); a page without records ignores it."""

    def shortcut_help(self) -> list[str]:
        """Lines for Help → Keyboard shortcuts that only this page adds."""
        return []


@dataclass(frozen=True)
class PageSpec:
    """A navigation entry and how to build its page."""

    key: str
    title: str
    icon: str
    factory: Callable[[PageContext], Page]
    permission: Permission | None = None
