from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector_app.domain.changes import Change, Changes
from inspector_app.domain.natural_sort import natural_key
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.unit_dialog import UnitDialog


def _units(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.page("units")


def test_lists_every_unit_lazily(window: MainWindow) -> None:
    view = _units(window)
    assert view.model.rowCount() == 400
    assert len(view.model._pages) <= 2  # only what was painted was read
    assert view.count.text().startswith("400")


def test_pinyin_initials_search(window: MainWindow) -> None:
    view = _units(window)
    view.search.setText("qcl")
    view.run_query()
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    assert rows and all("泉城路" in r["address"] for r in rows)


def test_no_match_shows_what_to_try(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view = _units(window)
    view.search.setText("不存在的单位名称")
    view.run_query()
    assert view.stack.currentWidget() is view.empty
    assert "没有与“不存在的单位名称”匹配的单位" in view.empty.text()
    assert "拼音首字母" in view.empty.text()


def test_sorting_by_a_column(window: MainWindow) -> None:
    view = _units(window)
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    addresses = [view.model.row(i)["address"] for i in range(5)]
    assert view.query.sort == "address" and view.query.descending
    assert addresses == sorted(addresses, key=natural_key, reverse=True)  # 14号 before 7号


def test_selecting_a_row_fills_the_detail_pane(window: MainWindow) -> None:
    view = _units(window)
    view.table.selectRow(0)
    name = view.model.row(0)["name"]
    assert view.detail.values["name"].text() == name
    assert view.edit_button.isEnabled()


def _open_new_unit(qtbot, view) -> UnitDialog:  # type: ignore[no-untyped-def]
    view.new_unit()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnitDialog) and w.isVisible()]
    assert dialogs
    return dialogs[-1]


def test_invalid_uscc_is_explained_and_nothing_is_stored(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    view = _units(window)
    before = view.model.rowCount()
    dialog = _open_new_unit(qtbot, view)
    form = dialog.form
    form.inputs["name"].setText("泉城新开小店")
    form.inputs["address"].setText("济南市历下区泉城路99号")
    form.inputs["uscc"].setText("91350100M000100Y44")
    dialog.save()
    assert dialog.isVisible()  # stays open with what was typed
    assert form.error_labels["uscc"].isVisibleTo(form)
    assert "统一社会信用代码最后一位应为 3" in form.error_labels["uscc"].text()
    assert form.inputs["name"].text() == "泉城新开小店"
    view.run_query()
    assert view.model.rowCount() == before
    dialog.close()


def test_a_saved_unit_appears_in_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = _units(window)
    dialog = _open_new_unit(qtbot, view)
    form = dialog.form
    form.inputs["name"].setText("泉城新开小店")
    form.inputs["address"].setText("济南市历下区泉城路99号")
    form.inputs["uscc"].setText("91350100M000100Y43")
    form.inputs["phone"].setText("13912345678")
    dialog.save()
    assert not dialog.isVisible()
    view.search.setText("泉城新开")
    view.run_query()
    assert view.model.rowCount() == 1
    assert view.model.row(0)["phone"] == "13912345678"


def test_unit_position_from_the_open_patrol(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.patrols import current_patrol, record_position, start_patrol
    from inspector_app.services.profile import squad_roads

    session = window.session
    start_patrol(session, [squad_roads(session)[0]["id"]])
    record_position(session, current_patrol(session)["id"], 36.6612, 117.0234, source="manual")
    view = _units(window)
    dialog = _open_new_unit(qtbot, view)
    assert dialog.here_button.isEnabled()
    dialog.use_current_position()
    assert dialog.form.inputs["lat"].text() == "36.661200" and dialog.form.inputs["lon"].text() == "117.023400"
    dialog.close()


def test_the_unit_pane_shows_the_units_inspections_checks_and_notices(qtbot, window: MainWindow, zh, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.forms.inspection import FAIL, all_compliant_values
    from inspector_app.services.disorders import record_check
    from inspector_app.services.inspections import submit_inspection
    from inspector_app.services.notice_documents import issue_document
    from inspector_app.services.photos import stamp_for, store_photo
    from inspector_app.services.violations import record_violation
    from tests.photo_files import jpeg
    from tests.services.test_notices import ALL, _signed, _values

    window.apply_language("zh_CN")
    session = window.session
    view = _units(window)
    unit_id = view.model.data(view.model.index(0, 0), Qt.ItemDataRole.UserRole)
    photo = store_photo(session, jpeg(tmp_path / "p.jpg", (800, 600)), stamp_for(session, "", None, None))
    values = all_compliant_values(session.catalogs)
    values.update({"W4.result": FAIL, "W4.failed": ["W4.1"], "W4.photos": [photo.photo_id]})
    submit_inspection(session, unit_id, values)
    record_check(session, {"category": "L3", "event_code": "0507", "lat": 36.6661, "lon": 117.0182, "unit_id": unit_id,
                           "address": "门前", "description": "门前堆放纸箱", "photos": [photo.photo_id]})
    violation_id = record_violation(session, _values(session, unit_id=unit_id), ALL).ids("violation")[0]
    number = issue_document(session, violation_id, "warning", _signed()).numbers[0]
    window.events.publish(Changes([Change("unit", unit_id, "patch")]))  # the list reloads, as after a sync
    row = next(i for i in range(view.model.rowCount()) if view.model.data(view.model.index(i, 0), Qt.ItemDataRole.UserRole) == unit_id)
    view.table.selectRow(row)
    texts = [[view.history.item(i, c).text() for c in range(3)] for i in range(view.history.rowCount())]
    kinds = " ".join(t[1] for t in texts)
    assert "门前五包" in kinds and "乱堆乱放" in kinds and number in kinds
    assert any(t[2] == "1 项未达标" for t in texts if "门前五包" in t[1])
    view.table.clearSelection()
    view.table.selectRow((row + 1) % view.model.rowCount())
    assert number not in " ".join(view.history.item(i, 1).text() for i in range(view.history.rowCount()))
