"""Settings: each preference is stored and used by the app; a bad backup folder is refused."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.photos.evidence import MAX_SIDE
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings import DEFAULT_PHOTO_SIDE, AppSettings
from inspector_app.ui.settings_dialog import SettingsDialog
from tests.photo_files import jpeg


def _error_box() -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible())


def test_choices_are_stored(qtbot, settings: AppSettings, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, None, runner, tmp_path / "profile" / "backups")
    qtbot.addWidget(dialog)
    assert dialog.photo_side.currentData() == DEFAULT_PHOTO_SIDE == MAX_SIDE
    assert dialog.lock_minutes.value() == 15
    assert dialog.backup_folder.placeholderText().endswith("backups")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.photo_side.setCurrentIndex(dialog.photo_side.findData(1280))
    dialog.lock_minutes.setValue(0)
    dialog.backup_folder.setText(str(tmp_path / "usb" / "inspector"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = AppSettings(Path(settings.qsettings.fileName()))
    assert (again.language, again.photo_long_side, again.idle_lock_minutes) == ("en", 1280, 0)
    assert again.backup_folder == str(tmp_path / "usb" / "inspector")
    assert (tmp_path / "usb" / "inspector").is_dir()  # created when chosen
    assert dialog.lock_minutes.text() != "0 min"


def test_an_unwritable_backup_folder_is_explained_and_nothing_changes(qtbot, settings, runner, tmp_path, zh) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    settings.idle_lock_minutes = 10
    dialog = SettingsDialog(settings, None, runner)
    qtbot.addWidget(dialog)
    dialog.lock_minutes.setValue(30)
    dialog.backup_folder.setText(str(blocker / "backups"))
    dialog.accept()
    box = _error_box()
    assert "无法写入备份文件夹" in box.text() and str(blocker / "backups") in box.text() and "选择" in box.text()
    box.close()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.buttons.isEnabled()
    assert settings.idle_lock_minutes == 10 and settings.backup_folder == ""
    dialog.backup_folder.setText("relative/backups")
    dialog.accept()
    box = _error_box()
    assert "完整路径" in box.text()
    box.close()
    assert settings.backup_folder == ""


def test_a_hand_edited_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[photos]\nlong_side=huge\n[security]\nidle_lock_minutes=-3\n")
    settings = AppSettings(path)
    assert settings.photo_long_side == DEFAULT_PHOTO_SIDE and settings.idle_lock_minutes == 15


def test_photo_size_is_used_when_a_photo_is_stored(window: MainWindow, tmp_path: Path) -> None:
    session = window.session
    assert session.photo_long_side == DEFAULT_PHOTO_SIDE
    window.settings.photo_long_side = 1280
    _accept_settings_unchanged(window)
    assert session.photo_long_side == 1280
    stored = store_photo(session, jpeg(tmp_path / "p.jpg", (4000, 3000)), stamp_for(session, "泉城路", None, None))
    assert (stored.width, stored.height) == (1280, 960)


def _accept_settings_unchanged(window: MainWindow) -> None:
    """Open Settings from the window and press OK (as the officer would)."""
    def press_ok() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        dialog.accept()

    QTimer.singleShot(0, press_ok)
    window.open_settings()


def test_auto_lock_minutes_drive_the_idle_timer(window: MainWindow) -> None:
    assert window.idle.timer.isActive() and window.idle.timer.interval() == 15 * 60_000
    window.settings.idle_lock_minutes = 5
    _accept_settings_unchanged(window)
    assert window.idle.timer.interval() == 5 * 60_000
    # Input reaches the window (as real keyboard input does) and starts the count again.
    window.idle.timer.stop()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert window.idle.timer.isActive()
    window.settings.idle_lock_minutes = 0
    _accept_settings_unchanged(window)
    assert not window.idle.timer.isActive()


def test_typing_in_a_dialog_counts_as_use(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    window.idle.watch(dialog.windowHandle())  # what focusWindowChanged does on a desktop
    window.idle.timer.stop()
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Tab)
    assert window.idle.timer.isActive()


def test_idle_time_locks_the_screen(window: MainWindow) -> None:
    def unlock() -> None:
        lock = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "lockDialog" and w.isVisible())
        assert not window.body.isVisible()
        lock.password.setText("Jinan@2026")  # type: ignore[attr-defined]
        lock.attempt()  # type: ignore[attr-defined]

    QTimer.singleShot(0, unlock)
    window.idle.timer.timeout.emit()
    assert window.body.isVisible() and window.idle.timer.isActive()


def test_the_map_tile_source_is_reached_from_settings(qtbot, settings: AppSettings, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.map_tiles import BaseMap
    from inspector_app.ui.base_map_dialog import BaseMapDialog, load_base_map

    dialog = SettingsDialog(settings, None, runner, tmp_path / "backups")
    qtbot.addWidget(dialog)
    assert "只用离线文件" in dialog.base_map.text()

    def fill_and_save() -> None:
        editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, BaseMapDialog) and w.isVisible())
        editor.kind.setCurrentIndex(editor.kind.findData("tianditu"))
        editor.key.setText("abc123")
        editor.accept()

    QTimer.singleShot(0, fill_and_save)
    dialog.edit_base_map()
    assert load_base_map(settings) == BaseMap(kind="tianditu", key="abc123")
    assert "天地图" in dialog.base_map.text() and "已设置密钥" in dialog.base_map.text()


def test_fetching_tiles_while_browsing_can_be_switched_off(qtbot, settings: AppSettings) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.map_tiles import BaseMap
    from inspector_app.ui.base_map_dialog import BaseMapDialog, load_base_map, save_base_map

    save_base_map(settings, BaseMap(kind="osm"))
    dialog = BaseMapDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.fetch.isChecked() and dialog.fetch.isEnabled()  # on by default with a source
    dialog.fetch.setChecked(False)  # e.g. on metered mobile data
    dialog.accept()
    assert load_base_map(settings) == BaseMap(kind="osm", fetch_while_browsing=False)
    assert not load_base_map(settings).fetches_online()
    dialog = BaseMapDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.fetch.isChecked()
    dialog.kind.setCurrentIndex(dialog.kind.findData("none"))
    assert not dialog.fetch.isEnabled()  # nothing to fetch from


def test_an_unusable_tile_address_is_explained_and_nothing_is_saved(qtbot, settings: AppSettings, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.map_tiles import BaseMap
    from inspector_app.ui.base_map_dialog import BaseMapDialog, load_base_map, save_base_map

    save_base_map(settings, BaseMap(kind="osm"))
    dialog = BaseMapDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("custom"))
    dialog.url.setText("https://example.org/tiles/{zoom}/{x}/{y}.png")
    dialog.accept()
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible())
    assert "无法使用" in box.text() and "{z}" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.url.text().endswith("{zoom}/{x}/{y}.png")  # what was typed stays
    assert load_base_map(settings) == BaseMap(kind="osm")  # the stored choice is unchanged
