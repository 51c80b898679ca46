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
