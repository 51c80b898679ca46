import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector_app.ui.inspection_dialog import InspectionDialog
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.pages.patrol_view import PatrolView
from inspector_app.ui.position_source import PositionTracker


def _start(view: PatrolView, roads: int = 2) -> None:
    for i in range(roads):
        view.roads.item(i).setCheckState(Qt.CheckState.Checked)
    view.start()


def test_officer_lands_on_the_patrol_page(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    assert window.nav.item(0).text() == "巡查"
    view = window.page("patrol")
    assert view.stack.currentIndex() == 0 and view.roads.count() > 0


def test_start_inspect_and_end(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view)
    assert view.stack.currentIndex() == 1
    total = view.table.rowCount()
    assert total > 0 and "0/" in view.status.text()
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    assert isinstance(dialog, InspectionDialog)
    dialog.all_pass_button.click()
    duty = dialog.duties[1]
    duty.buttons["fail"].setChecked(True)
    dialog.save()  # no failed item ticked: refused, explained under the duty
    assert dialog.isVisible() and duty.error.isVisibleTo(dialog)
    next(iter(duty.items.values())).setChecked(True)
    assert "95" in dialog.score.text()
    dialog.save()
    assert not dialog.isVisible()
    assert "1/" in view.status.text()
    assert view.table.item(total - 1, 5).text() in ("checked", "已查")
    view.end()
    assert view.stack.currentIndex() == 0
    assert "1" in view.summary_box.text()
    view.summary_box.close()


def test_draft_is_restored_when_the_unit_is_reopened(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view)
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    dialog.duties[0].buttons["fail"].setChecked(True)
    dialog.duties[0].note.setText("门前堆放纸箱")
    dialog.autosave()
    dialog.close()
    again = view.inspect_selected()
    assert again.restored.isVisibleTo(again)
    assert again.duties[0].result() == "fail" and again.duties[0].note.text() == "门前堆放纸箱"
    again.discard()
    third = view.inspect_selected()
    assert third.duties[0].result() is None and not third.restored.isVisibleTo(third)
    third.close()


def _nmea(path: Path, points: list[tuple[float, float]]) -> Path:
    lines = []
    for n, (lat, lon) in enumerate(points):
        def dm(value: float, width: int) -> str:
            degrees = int(value)
            return f"{degrees:0{width}d}{(value - degrees) * 60:07.4f}"
        body = f"GPRMC,0200{n:02d}.00,A,{dm(lat, 2)},N,{dm(lon, 3)},E,0.5,0.0,201126,,,A"
        checksum = 0
        for ch in body:
            checksum ^= ord(ch)
        lines.append(f"${body}*{checksum:02X}")
    path.write_text("\r\n".join(lines) + "\r\n")
    return path


def test_simulated_gps_records_the_track(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view)
    unit = view.units[0]
    route = [(unit["lat"], unit["lon"] + i * 0.0002) for i in range(5)]
    tracker = PositionTracker(nmea=_nmea(tmp_path / "walk.nmea", route), simulate=True, interval_ms=0, parent=view)
    tracker.moved.connect(view._moved)
    tracker.start()
    db = view.ctx.session.store.db
    qtbot.waitUntil(lambda: db.execute("SELECT count(*) FROM patrol_point").fetchone()[0] >= 4, timeout=15000)
    lat, lon = db.execute("SELECT lat, lon FROM patrol_point ORDER BY id LIMIT 1").fetchone()
    assert abs(lat - route[0][0]) < 1e-5 and abs(lon - route[0][1]) < 1e-5
    tracker.stop()


def test_an_inspection_at_six_in_the_morning_shows_that_day(qtbot, window: MainWindow, officer_session) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    # 06:00 in Jinan on 12-02 is 12-01 22:00 UTC: the list must say 12-02.
    officer_session.clock.set(datetime(2026, 12, 1, 22, 0, tzinfo=UTC))
    view: PatrolView = window.page("patrol")
    _start(view)
    view.table.selectRow(0)
    unit_id = view.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    dialog = view.inspect_selected()
    for duty in dialog.duties:
        duty.buttons["ok"].setChecked(True)
    dialog.save()
    assert not dialog.isVisible()
    row = next(r for r in range(view.table.rowCount())
               if view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == unit_id)
    assert view.table.item(row, 3).text().startswith("2026-12-02 ")
    assert "06:00" in view.status.text()
    view.end()
    view.summary_box.close()


def _stored_inspections(window: MainWindow) -> int:
    return window.session.store.db.execute("SELECT count(*) FROM frontage_inspection").fetchone()[0]


def test_saving_an_untouched_form_stores_nothing_and_points_at_the_first_duty(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    view: PatrolView = window.page("patrol")
    _start(view)
    view.table.selectRow(0)
    before = _stored_inspections(window)
    dialog = view.inspect_selected()
    assert all(d.result() is None for d in dialog.duties)
    assert dialog.save_button.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    dialog.save_button.click()  # what Ctrl+S does
    assert dialog.isVisible() and _stored_inspections(window) == before
    names = [d.duty.name_zh for d in dialog.duties]
    assert all(name in dialog.summary.text() for name in names)
    assert all(d.error.isVisibleTo(dialog) for d in dialog.duties)
    assert dialog.focusWidget() is dialog.duties[0].buttons["ok"]
    for duty in dialog.duties[:3]:
        duty.buttons["ok"].setChecked(True)
    dialog.duties[3].buttons["na"].setChecked(True)
    dialog.save_button.click()  # W5 still open: it is named and focused
    assert dialog.isVisible() and _stored_inspections(window) == before
    assert dialog.duties[4].duty.name_zh in dialog.summary.text()
    assert dialog.duties[0].duty.name_zh not in dialog.summary.text()
    assert dialog.focusWidget() is dialog.duties[4].buttons["ok"]
    dialog.close()


def test_all_compliant_is_one_deliberate_button_that_keeps_given_answers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view)
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    assert "not answered" in dialog.score.text() or "未作答" in dialog.score.text()
    dialog.duties[2].buttons["na"].setChecked(True)
    dialog.all_pass_button.click()
    assert [d.result() for d in dialog.duties] == ["ok", "ok", "na", "ok", "ok"]
    assert "100" in dialog.score.text()
    dialog.save()
    assert not dialog.isVisible()


def _visible_roads(view: PatrolView) -> list[str]:
    return [view.roads.item(i).text() for i in range(view.roads.count()) if not view.roads.item(i).isHidden()]


def _ticked(view: PatrolView) -> list[str]:
    return view.start_page.road_ids()


def test_a_road_is_found_by_its_pinyin_initials_and_enter_ticks_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    for i in range(view.roads.count()):
        view.roads.item(i).setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(view.start_page.filter, "qcl")
    shown = _visible_roads(view)
    assert shown and all(text.startswith("泉城路") for text in shown)
    assert view.roads.currentItem().text() == shown[0]
    qtbot.keyClick(view.start_page.filter, Qt.Key.Key_Return)
    [road_id] = _ticked(view)
    assert view.roads.currentItem().data(Qt.ItemDataRole.UserRole) == road_id
    assert view.start_page.filter.text() == "" and len(_visible_roads(view)) == view.roads.count()
    qtbot.keyClick(view.start_page.filter, Qt.Key.Key_Return)  # nothing typed: start
    assert view.stack.currentIndex() == 1 and view.patrol is not None
    assert json.loads(view.patrol["road_segment_ids"]) == [road_id]


def test_the_last_patrol_is_the_default_and_enter_starts_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    for i in range(view.roads.count()):
        view.roads.item(i).setCheckState(Qt.CheckState.Checked if i in (2, 3) else Qt.CheckState.Unchecked)
    view.partner.setCurrentIndex(1)
    partner = view.partner.currentData()
    view.start()
    roads = json.loads(view.patrol["road_segment_ids"])
    view.end()
    view.summary_box.close()
    assert view.stack.currentIndex() == 0
    assert _ticked(view) == roads and view.partner.currentData() == partner
    # Two keys from the page to a running patrol: the page focuses the filter, Enter starts.
    qtbot.keyClick(view.start_page.filter, Qt.Key.Key_Return)
    assert view.stack.currentIndex() == 1
    assert json.loads(view.patrol["road_segment_ids"]) == roads
    assert partner in json.loads(view.patrol["officer_ids"])
    assert view.patrol["patrol_date"] == window.session.today().isoformat()


def test_after_a_save_the_next_unchecked_unit_on_the_road_is_offered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.natural_sort import natural_key

    view: PatrolView = window.page("patrol")
    _start(view, roads=1)
    street = sorted(view.units, key=lambda u: natural_key(u["address"]))
    first, second = street[0], street[1]
    row = next(r for r in range(view.table.rowCount())
               if view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == first["id"])
    view.table.selectRow(row)
    dialog = view.inspect_selected()
    dialog.all_pass_button.click()
    dialog.save()
    assert not dialog.isVisible()
    assert view.selected_unit()["id"] == second["id"]
    assert view.next_hint.isVisibleTo(view) and second["name"] in view.next_hint.text()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    again = next(w for w in QApplication.topLevelWidgets() if isinstance(w, InspectionDialog) and w.isVisible())
    assert again.unit["id"] == second["id"]
    again.close()


def test_a_unit_is_found_by_type_ahead(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.type_ahead import typeahead_text

    view: PatrolView = window.page("patrol")
    _start(view)
    target = view.units[-1]
    fragment = target["address"][-4:]
    view.unit_filter.setText(fragment)  # QTest cannot type Chinese; an input method would
    shown = [r for r in range(view.table.rowCount()) if not view.table.isRowHidden(r)]
    assert shown and all(fragment in view.table.item(r, 1).text() for r in shown)
    view.unit_filter.clear()
    initials = typeahead_text(target["name"]).split(" | ")[-1]
    qtbot.keyClicks(view.unit_filter, initials)
    unit = view.selected_unit()
    assert unit is not None and initials in unit["search"]
    assert not view.table.isRowHidden(view.table.currentRow())
    qtbot.keyClick(view.unit_filter, Qt.Key.Key_Return)  # Enter inspects the match, once
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, InspectionDialog) and w.isVisible()]
    assert [d.unit["id"] for d in opened] == [unit["id"]]
    opened[0].close()


def test_ending_a_patrol_asks_first_with_checked_and_unchecked_units(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view, roads=1)
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    dialog.all_pass_button.click()
    dialog.save()
    total = len(view.units)
    view.end_button.click()
    box = view.end_confirm
    assert box.isVisible() and view.stack.currentIndex() == 1
    assert (f"1 of {total}" in box.text()) or (f"共 {total} 家单位，已查 1 家" in box.text())
    unchecked = next(u for u in view.units if not u["checked"])
    assert unchecked["name"] in box.text()
    assert box.defaultButton() is not view.end_confirm_yes  # Enter keeps patrolling
    box.reject()
    assert view.patrol is not None and view.stack.currentIndex() == 1
    view.end_button.click()
    view.end_confirm_yes.click()
    assert view.stack.currentIndex() == 0
    view.summary_box.close()


def test_the_header_shows_a_typed_position(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.patrols import record_position

    view: PatrolView = window.page("patrol")
    _start(view)
    record_position(window.session, view.patrol["id"], 36.66123, 117.01987, None, "manual")
    view.reload()
    assert "36.66123" in view.status.text() and "117.01987" in view.status.text()
    assert "waiting" not in view.status.text() and "等待" not in view.status.text()


def test_ticked_roads_stay_in_sight_while_filtering(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    for i in range(view.roads.count()):
        view.roads.item(i).setCheckState(Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked)
    name = view.roads.item(0).text().split("　")[0]
    view.start_page.filter.setText("zzzz")
    assert not _visible_roads(view) and name in view.start_page.chosen.text()


def test_answering_a_refused_duty_clears_its_message_and_the_form_opens_on_the_first_open_duty(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view)
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    assert dialog.focusWidget() is dialog.duties[0].buttons["ok"]
    dialog.save_button.click()
    assert dialog.duties[1].error.isVisibleTo(dialog)
    dialog.duties[1].buttons["na"].setChecked(True)
    assert not dialog.duties[1].error.isVisibleTo(dialog) and dialog.duties[2].error.isVisibleTo(dialog)
    dialog.close()


def test_in_chinese_the_refusal_names_the_open_duty_and_the_patrol_flow_reads_chinese(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    view: PatrolView = window.page("patrol")
    _start(view, roads=1)
    view.table.selectRow(0)
    dialog = view.inspect_selected()
    assert dialog.all_pass_button.text() == "全部合格" and "未作答" in dialog.score.text()
    for duty in dialog.duties[1:]:
        duty.buttons["ok"].setChecked(True)
    dialog.save_button.click()
    assert dialog.summary.text() == "包环境卫生尚未作答：请选择合格、不合格或不适用。"
    dialog.all_pass_button.click()
    dialog.save()
    assert "下一家" in view.next_hint.text()
    view.end_button.click()
    assert "已查 1 家" in view.end_confirm.text() and "继续巡查" in [b.text() for b in view.end_confirm.buttons()]
    view.end_confirm.reject()
