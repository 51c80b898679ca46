from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.rates_view import RatesView


def test_rates_table_chart_and_star_units(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view: RatesView = window.page("rates")
    view.start.setDate(view.start.date().addMonths(-1))
    view.group.setCurrentIndex(view.group.findData("district"))
    view.refresh()
    assert view.report is not None
    last = view.table.rowCount() - 1
    assert view.table.item(last, 0).text() == "合计"
    assert view.table.item(last, 1).text() == "400"
    assert view.table.item(last, 4).text().endswith("%")
    assert len(view.chart.series()) == 1 and view.chart.series()[0].count() == 3
    assert view.stars.rowCount() > 0 and view.stars.item(0, 0).text().startswith("★★★★")


def test_switching_the_grouping_reuses_the_computed_rates(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view: RatesView = window.page("rates")
    view.refresh()
    import inspector_app.ui.pages.rates_view as module

    monkeypatch.setattr(module, "compute_all_rates", lambda *a, **k: (_ for _ in ()).throw(AssertionError("recomputed")))
    view.group.setCurrentIndex(view.group.findData("squad"))
    assert view.report is not None and view.report.group == "squad"
    assert view.table.item(view.table.rowCount() - 1, 1).text() == "400"


def test_the_chart_shows_only_as_many_groups_as_it_can_name_at_1024(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCharts import QBarCategoryAxis
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    window.apply_language("zh_CN")
    window.resize(1024, 570)
    view: RatesView = window.page("rates")
    view.start.setDate(view.start.date().addMonths(-1))
    view.group.setCurrentIndex(view.group.findData("road"))
    view.refresh()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view._charted == view.chart_groups(), timeout=3000)
    axis = next(a for a in view.chart.axes() if isinstance(a, QBarCategoryAxis))
    shown = axis.count()
    assert len(view.report.rows) > shown  # more roads than the chart has room for  # type: ignore[union-attr]
    assert f" {shown} " in view.chart.title() or str(shown) in view.chart.title()
    assert view.chart.series()[0].barSets()[0].count() == shown
    per_group = view.chart.plotArea().width() / shown
    assert per_group >= 60, f"{shown} groups in {view.chart.plotArea().width():.0f} px"
    metrics = QFontMetrics(axis.labelsFont())
    assert all(metrics.horizontalAdvance(label) < per_group for label in axis.categories())  # none is elided
