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
