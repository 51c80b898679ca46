"""The clerk's 公示 page: the range's decisions shown masked, the list to publish with its
counts, exporting through the task runner, empty states and a bad range said on the page."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.publication_view import PublicationView
from inspector_app.ui.tasks import ImmediateTaskRunner
from tests.services.test_publication import issue_autumn_decisions


def _page(qtbot, demo_session_for, runner, settings) -> PublicationView:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_session_for("zhaomin"), runner, settings)
    qtbot.addWidget(window)
    page = window.page("publication")
    assert isinstance(page, PublicationView)
    page.start.setDate(QDate(2026, 9, 1))
    return page


def _texts(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(i, column).text() for i in range(table.rowCount())]


def test_overdue_decisions_are_listed_exported_and_then_gone(  # type: ignore[no-untyped-def]
        qtbot, officer_session, demo_session_for, runner, settings, clock, tmp_path: Path, zh) -> None:
    issue_autumn_decisions(officer_session, clock)
    page = _page(qtbot, demo_session_for, runner, settings)
    assert page.table.rowCount() == 3 and not page.range_empty.isVisibleTo(page)
    assert sorted(_texts(page.table, 3)) == ["历下区老马烧烤店", "张**", "张**"]  # as the platform shows them
    assert set(_texts(page.table, 5)) == {"已逾期"}
    assert page.counts.text() == "逾期未公示 3 件，期限内待公示 0 件"
    assert _texts(page.pending, 0)[0] == "2026-10-15 17:30"  # 7 working days after 30 Sep, 国庆 skipped
    assert page.tabs.tabText(1) == "待公示（逾期 3）"
    page.export_to(tmp_path / "公示.xlsx")
    assert (tmp_path / "公示.xlsx").is_file()
    assert "已导出 3 件决定" in page.message.text() and page.progress.isHidden()
    db = page.ctx.session.store.db
    assert db.execute("SELECT count(DISTINCT export_id), count(*) FROM publication").fetchone() == (1, 3)
    # Only unpublished decisions are shown by default: the range and the list are empty now.
    assert page.range_empty.isVisibleTo(page) and not page.pending_empty.isHidden()
    assert not page.export_xlsx.isEnabled()
    page.only_new.setChecked(False)
    assert page.table.rowCount() == 3 and set(_texts(page.table, 5)) == {"2026-11-20"}
    assert page.table.item(0, 5).toolTip() == "赵敏于 2026-11-20 10:00 公示（文件 公示.xlsx）"


def test_a_range_ending_before_it_starts_is_said_on_the_page(  # type: ignore[no-untyped-def]
        qtbot, officer_session, demo_session_for, runner, settings, clock, zh) -> None:
    issue_autumn_decisions(officer_session, clock)
    page = _page(qtbot, demo_session_for, runner, settings)
    page.end.setDate(QDate(2026, 8, 1))
    assert "结束日期" in page.message.text() and "早于" in page.message.text()
    assert not page.export_xlsx.isEnabled() and not page.export_csv.isEnabled()
    page.export("xlsx")  # the shortcut too does nothing without rows
    assert page.ctx.session.store.db.execute("SELECT count(*) FROM publication").fetchone()[0] == 0
    page.end.setDate(QDate(2026, 11, 20))
    assert page.message.isHidden() and page.export_xlsx.isEnabled()


def test_empty_states_say_what_to_do(qtbot, demo_session_for, runner, settings, zh) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_session_for, runner, settings)
    assert page.range_empty.isVisibleTo(page) and "首违不罚" in page.range_empty.text()
    assert not page.pending_empty.isHidden() and "7个工作日" in page.pending_empty.text()


class _HeldRunner(ImmediateTaskRunner):
    """Holds every task until ``release``: answers then arrive in the order given, as a thread
    pool may deliver them."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[Any, dict[str, Any]]] = []

    def run(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.held.append((functools.partial(fn, *args), kwargs))

    def release(self, order: list[int]) -> None:
        held, self.held = self.held, []
        for i in order:
            fn, kwargs = held[i]
            super().run(fn, **kwargs)


def test_an_older_answer_arriving_last_does_not_replace_the_newer(  # type: ignore[no-untyped-def]
        qtbot, officer_session, demo_session_for, settings, clock) -> None:
    issue_autumn_decisions(officer_session, clock)
    runner = _HeldRunner()
    window = MainWindow(demo_session_for("zhaomin"), runner, settings)
    qtbot.addWidget(window)
    page = window.page("publication")
    assert isinstance(page, PublicationView)
    runner.held.clear()
    page.start.setDate(QDate(2026, 9, 1))  # asks for Sep–Nov: three decisions
    page.start.setDate(QDate(2026, 10, 5))  # then Oct 5 on: only the 不予行政处罚决定书
    runner.release([2, 3, 0, 1])  # the newer answers first, the older ones last
    assert page.table.rowCount() == 1 and page.rows[0].doc_type == "no_penalty"
