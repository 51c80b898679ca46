from PySide6.QtCore import QByteArray

from inspector_app.ui.main_window import MainWindow


def test_chinese_by_default_with_officer_in_status_bar(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    assert window.windowTitle() == "城管巡查 — 济南城管"
    assert window.who.text() == "李强 · 执法队员 · 历下区泉城路街道城管执法中队"
    assert [window.nav.item(i).text() for i in range(3)] == ["巡查", "待办", "地图"]
    assert [m.title() for m in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))][:1]


def test_switching_to_english_rebuilds_the_pages(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    window.settings.language = "en"
    window.apply_language("en")
    assert window.windowTitle() == "City inspection — 济南城管"
    assert [window.nav.item(i).text() for i in range(3)] == ["Patrol", "待办", "Map"]
    assert window.page("units").search.placeholderText().startswith("Search")


def test_window_geometry_is_remembered(qtbot, officer_session, runner, settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    expected = (first.width(), first.height())
    first.close()
    assert isinstance(settings.get("window/geometry"), QByteArray)
    second = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == expected == (720, 520)


def test_clerk_sees_no_edit_actions(qtbot, demo_session_for, runner, settings) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(demo_session_for("zhaomin"), runner, settings)
    qtbot.addWidget(w)
    units = w.page("units")
    assert not units.new_button.isEnabled()


def test_a_bad_document_font_is_explained_and_the_builtin_kept(window, tmp_path, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMessageBox

    bad = tmp_path / "fangsong.ttf"
    bad.write_bytes(b"not a font")
    window.settings.document_font = str(bad)
    window.apply_document_font()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "errorBox")
    assert "字体文件" in box.text() and "内置字体" in box.text()
    box.close()
    from inspector_app.documents.fonts import _registered, ensure_fonts

    ensure_fonts()  # the face documents will use: the built-in one, not the bad file
    assert _registered["DocBody"].name == "FandolFang-Regular.ttf"



def _go_actions(window: MainWindow):  # type: ignore[no-untyped-def]
    go_menu = window.menuBar().actions()[1].menu()
    return [a for a in go_menu.actions() if not a.isSeparator()]


def test_each_go_to_entry_opens_its_own_page(window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    actions = _go_actions(window)
    assert len(actions) == len(window.specs) > 3
    for row in reversed(range(len(window.specs))):  # last first: row 0 is where the bug landed
        actions[row].trigger()
        spec = window.specs[row]
        assert window.nav.currentRow() == row, spec.key
        assert window.stack.currentWidget() is window.pages[spec.key]
        assert actions[row].text() == window.nav.item(row).text()


def test_ctrl_digit_opens_its_page(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    window.apply_language("zh_CN")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    shown = min(9, len(window.specs))
    for row in reversed(range(shown)):
        action = _go_actions(window)[row]
        assert action.shortcut() == QKeySequence(f"Ctrl+{row + 1}")
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == row, window.specs[row].key
        assert window.stack.currentWidget() is window.pages[window.specs[row].key]
