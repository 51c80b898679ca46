"""The Page base: a page hears only changes to what it shows, and the window reaches every page
through the base alone (open_record, load, shortcut help)."""

from __future__ import annotations

from typing import ClassVar

from inspector_app.domain.changes import Change, Changes
from inspector_app.ui.context import AppEvents, Page, PageContext, PageEvents
from inspector_app.ui.main_window import MainWindow


class _Counting(Page):
    shows: ClassVar[tuple[str, ...] | None] = ("unit",)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.heard: list[Changes] = []

    def on_changes(self, changes: Changes) -> None:
        self.heard.append(changes)


def _ctx(window: MainWindow, events: AppEvents) -> PageContext:
    return PageContext(window.session, window.runner, events, window.settings)


def test_a_page_hears_only_changes_to_what_it_shows(window: MainWindow) -> None:
    events = PageEvents(window.events)
    page = _Counting(_ctx(window, events))
    window.events.publish(Changes([Change("violation", "v1", "create")]))
    assert page.heard == []
    unit = Changes([Change("violation", "v2", "create"), Change("unit", "u1", "patch")])
    window.events.publish(unit)
    assert page.heard == [unit]


def test_a_page_showing_nothing_is_not_told_and_none_means_every_change(window: MainWindow) -> None:
    class Quiet(_Counting):
        shows: ClassVar[tuple[str, ...] | None] = ()

    class Everything(_Counting):
        shows: ClassVar[tuple[str, ...] | None] = None

    events = PageEvents(window.events)
    quiet, everything = Quiet(_ctx(window, events)), Everything(_ctx(window, events))
    change = Changes([Change("document", "d1", "create")])
    window.events.publish(change)
    assert quiet.heard == []
    assert everything.heard == [change]


def test_the_defaults_open_nothing_and_add_no_shortcut(window: MainWindow) -> None:
    page = Page(_ctx(window, PageEvents(window.events)))
    page.open_record("anything")
    page.load()
    assert page.shortcut_help() == []


def test_every_listed_page_is_a_page_and_names_real_entities(window: MainWindow) -> None:
    known = {"unit", "frontage_inspection", "disorder_check", "violation", "patrol", "work_order",
             "document", "conflict", "review"}
    for spec in window.specs:
        if spec.key == "map":  # the web map is built by its own tests; here only its class matters
            continue
        page = window.page(spec.key)
        assert isinstance(page, Page), spec.key
        assert page.shows is None or set(page.shows) <= known, (spec.key, page.shows)


def test_open_record_reaches_the_page_through_the_base(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    order_id = window.session.store.db.execute("SELECT id FROM work_order ORDER BY id LIMIT 1").fetchone()[0]
    window.events.open_record.emit("no_such_page", order_id)  # a page this officer lacks: ignored
    window.events.open_record.emit("work_orders", order_id)
    page = window.page("work_orders")
    qtbot.waitUntil(lambda: getattr(page, "current", None) is not None)
    assert page.current["id"] == order_id  # type: ignore[attr-defined]
