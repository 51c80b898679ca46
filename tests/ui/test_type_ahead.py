import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.unit_dialog import UnitDialog


def _pick_by_typing(qtbot, combo: QComboBox, typed: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type into the combo, return what the drop-down offers, take its first offer."""
    combo.show()
    combo.setFocus()
    line = combo.lineEdit()
    assert line is not None, "the combo takes no typing"
    line.clear()
    qtbot.keyClicks(line, typed)
    completer = combo.completer()
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    offered = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    completer.popup().setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    return offered


def test_the_check_dialog_finds_a_road_by_pinyin_initials(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.page("disorders").new_check("L1")
    offered = _pick_by_typing(qtbot, dialog.road, "qcl")
    assert offered and all(text.startswith("泉城路") for text in offered)
    assert dialog.road.currentText() == offered[0]
    assert dialog.road.currentData() == dialog.road.itemData(dialog.road.findText(offered[0]))
    dialog.close()


def test_the_unit_form_finds_a_road_by_pinyin_initials(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.page("units").new_unit()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UnitDialog) and w.isVisible())
    combo = dialog.form.inputs["road_segment_id"]
    assert isinstance(combo, QComboBox)
    offered = _pick_by_typing(qtbot, combo, "qcl")
    assert offered and all(text.startswith("泉城路") for text in offered)
    assert dialog.form.values()["road_segment_id"] == combo.itemData(combo.findText(offered[0]))
    dialog.close()


def test_typing_what_names_no_road_does_not_look_chosen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.page("disorders").new_check("L1")
    dialog.road.setCurrentIndex(2)
    chosen = dialog.road.currentText()
    line = dialog.road.lineEdit()
    line.setText("zzzz")
    line.editingFinished.emit()
    assert dialog.road.currentText() == chosen and dialog.road.currentIndex() == 2
    dialog.close()


def test_the_disorders_road_filter_takes_pinyin_initials(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.page("disorders")
    offered = _pick_by_typing(qtbot, view.f_road, "qcl")
    assert offered and all(text.startswith("泉城路") for text in offered)
    assert view.f_road.currentData() is not None and view.f_road.currentText() == offered[0]


@pytest.mark.webengine
def test_the_maps_road_picker_takes_pinyin_initials(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.page("map")
    qtbot.waitUntil(lambda: view.roads.count() > 1, timeout=30000)
    centred: list[int] = []
    view.roads.activated.connect(centred.append)
    offered = _pick_by_typing(qtbot, view.roads, "qcl")
    assert offered and all(text.startswith("泉城路") for text in offered)
    assert view.roads.currentText() == offered[0] and view.roads.currentData() is not None
    assert centred, "choosing a road by typing centres the map on it"
