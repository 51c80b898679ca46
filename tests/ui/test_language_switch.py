"""Switching the language after every page was opened: applies at once, and nothing of the old
pages is left to run into deleted widgets (the silent exit)."""

import gc

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from inspector_app.domain.changes import Changes
from inspector_app.ui.main_window import MainWindow


def _every_change() -> Changes:
    changes = Changes()
    for entity in ("violation", "document", "unit", "patrol", "inspection", "disorder_check", "work_order", "review"):
        changes.add(entity, "x", "patch")
    return changes


@pytest.mark.parametrize("username", ["liqiang", "wangfang", "zhaomin", "admin"])
def test_switching_language_after_visiting_every_page(qtbot, demo_session_for, runner, settings, zh, username) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(demo_session_for(username), runner, settings)
    qtbot.addWidget(w)
    w.show()
    for spec in w.specs:
        w.page(spec.key)
        QApplication.processEvents()
    for language, title in (("en", "City inspection — 济南城管"), ("zh_CN", "城管巡查 — 济南城管")):
        w.settings.language = language
        w.apply_language(language)
        # The old pages are really gone, as they are once the app's event loop runs again.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()
        # What the old pages listened to still fires: a publish, a sync status.
        w.events.publish(_every_change())
        w.events.status.emit("x")
        QApplication.processEvents()
        assert w.windowTitle() == title and w.isVisible()
        for spec in w.specs:
            w.page(spec.key)
            QApplication.processEvents()


def test_file_dialogs_speak_chinese(qtbot, officer_session, runner, zh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel

    from inspector_app.ui.photo_strip_widget import PhotoStripWidget

    # Qt's own dialog, as on a laptop whose desktop offers no native one.
    dialog = QFileDialog(None, "添加照片")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {name: dialog.findChild(QLabel, name).text() for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")}
    assert labels == {"lookInLabel": "查找范围(&L)：", "fileNameLabel": "文件名称(&N)：", "fileTypeLabel": "文件类型(&T)："}
    strip = PhotoStripWidget(officer_session, runner, lambda: ("", None, None))
    qtbot.addWidget(strip)
    assert strip.image_filter().startswith("图片 (*.jpg")
