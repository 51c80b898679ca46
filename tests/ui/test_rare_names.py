"""Rare names on screen: the officer learns on the spot that 𰻞 cannot be printed (violation
form, unit form), with the Chinese message naming the field, the character and what to do;
Settings adds a face that draws it, and that face then serves the screen and the documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.documents.coverage import covers
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.services.units import unit_form_context
from inspector_app.ui.form_widget import FormWidget
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings_dialog import SettingsDialog
from tests.font_files import fresh_faces, make_face  # noqa: F401 (a fixture)

MESSAGE = "当事人姓名或名称中的“𰻞”（U+30EDE）没有任何文书字体能打印"


pytestmark = pytest.mark.usefixtures("fresh_faces")


def _error_box() -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible())


def test_the_violation_form_says_so_while_the_name_is_typed(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    dialog = window.page("notices").new_violation()
    name = dialog.inputs["party_name"]
    name.setText("𰻞𰻞面馆")
    dialog.reassess()  # what the typing timer runs
    assert dialog.errors.isVisibleTo(dialog)
    text = dialog.errors.text()
    assert MESSAGE in text and "营业执照" in text and "生僻字字体" in text
    assert "b3261e" in name.styleSheet() and dialog.inputs["party_address"].styleSheet() == ""
    name.setText("王𠮷䶮㵘")  # drawn by the shipped faces
    dialog.reassess()
    assert not dialog.errors.isVisibleTo(dialog) and name.styleSheet() == ""


def test_the_unit_form_marks_the_name_when_it_is_left(qtbot, officer_session, zh) -> None:  # type: ignore[no-untyped-def]
    form = FormWidget(UNIT_FORM, unit_form_context(officer_session))
    qtbot.addWidget(form)
    form.inputs["name"].setText("𰻞𰻞面馆")
    form.inputs["name"].editingFinished.emit()
    error = form.error_labels["name"]
    assert error.isVisibleTo(form) and "“𰻞”（U+30EDE）" in error.text() and "设置" in error.text()


def test_settings_add_a_face_that_serves_documents_and_screen(qtbot, window: MainWindow, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    face = make_face(tmp_path / "ExtG.ttf", family="TestExtGScreen")
    bad = tmp_path / "photo.ttf"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a font")
    dialog = SettingsDialog(window.settings, window, runner)
    qtbot.addWidget(dialog)
    widget = dialog.rare_fonts
    assert "HanaMinA" in widget.in_use.text() and "HanaMinB" in widget.in_use.text()
    widget.add_file(str(bad))
    box = _error_box()
    assert str(bad) in box.text() and "不是 TrueType 字体文件" in box.text()
    box.close()
    assert widget.paths() == [] and widget.add_button.isEnabled()
    widget.add_file(str(face))
    assert widget.paths() == [str(face)] and "个字" in widget.files.item(0).toolTip()
    dialog.accept()
    assert window.settings.rare_fonts == [str(face)]
    assert not covers("𰻞")
    window.apply_rare_fonts()  # what open_settings does when the list changed
    assert covers("𰻞") and "TestExtGScreen" in QFontDatabase.families()


def test_a_face_that_is_gone_is_explained_and_the_shipped_ones_stay(qtbot, window: MainWindow, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    window.settings.rare_fonts = [str(tmp_path / "moved-away.ttf")]
    window.apply_rare_fonts()
    box = _error_box()
    assert "moved-away.ttf" in box.text()
    box.close()
    assert covers("𠮷") and not covers("𰻞")
    assert {"HanaMinA", "HanaMinB"} <= set(QFontDatabase.families())
