"""Case 6 of issue 21 as the officer reads it: Chinese messages for a full disk, an empty
workbook, a half JPEG and a wrong ID; the import dialog warns of formula cells without a saved
value and notes invisible characters removed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from inspector_app.domain.validators import check_resident_id
from inspector_app.photos.evidence import PhotoError, open_photo
from inspector_app.ui.errors import error_text
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.import_units_dialog import ImportUnitsDialog
from tests.photo_files import truncated_jpeg


def _no_english(text: str) -> None:
    words = re.findall(r"[A-Za-z]{3,}", text)
    assert not [w for w in words if w not in ("xlsx", "xls", "Excel", "WPS", "tmp", "UTF", "GBK")], text


def test_a_full_disk_is_said_in_chinese(qapp, zh) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OSError) as info, open("/dev/full", "w") as fh:
        fh.write("x")
        fh.flush()
    text = error_text(info.value)
    assert text.startswith("磁盘已满") and "意外" not in text


def test_an_empty_workbook_and_a_half_jpeg_in_chinese(qapp, zh, supervisor_session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.unit_import import read_unit_file

    empty = tmp_path / "台账.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(Exception) as info:
        read_unit_file(supervisor_session, empty)
    text = error_text(info.value)
    assert "是空的（0 字节）" in text
    _no_english(text.replace("台账.xlsx", ""))
    with pytest.raises(PhotoError) as photo:
        open_photo(truncated_jpeg(tmp_path / "cut.jpg"))
    text = error_text(photo.value)
    assert "已损坏或不完整" in text
    _no_english(text.replace("cut.jpg", ""))


def test_an_id_with_x_in_the_middle_in_chinese(qapp, zh) -> None:  # type: ignore[no-untyped-def]
    problem = check_resident_id("1101051949X231002X")
    assert problem is not None
    text = tr_text(problem.message).format(**problem.params)
    assert text.startswith("身份证号第 11 位是 X") and "18 位" not in text


def test_the_import_warns_of_formula_cells_and_notes_invisible_characters(qtbot, supervisor_session, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "单位类型", "经营地址", "身份证号", "星级"])
    sheet.append(["泉城路小吃", "个体工商户", "泉城路1号", "110105\u200b19491231002X", "=1+2"])
    path = tmp_path / "computed.xlsx"
    book.save(path)
    dialog = ImportUnitsDialog(supervisor_session, runner)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    assert "有 1 个单元格是公式" in dialog.file_label.text() and "E2" in dialog.file_label.text()
    assert dialog.plan is not None
    item = dialog.preview.item(0, 4)
    assert item is not None and "已去掉 1 个看不见的字符（U+200B）" in item.text()


def test_a_large_file_is_announced_before_the_check(qtbot, supervisor_session, runner, tmp_path: Path, zh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.services.test_unit_import import _registry

    monkeypatch.setattr("inspector_app.services.unit_import.LARGE_IMPORT_ROWS", 50)
    dialog = ImportUnitsDialog(supervisor_session, runner)
    qtbot.addWidget(dialog)
    dialog.open_file(_registry(tmp_path / "r.xlsx", supervisor_session, rows=60))
    assert "这个文件有 60 行" in dialog.file_label.text() and "可以随时取消" in dialog.file_label.text()
    assert "导入期间磁盘还需要约 0 MB 可用空间" in dialog.file_label.text()  # 60 rows: under 1 MB
    small = ImportUnitsDialog(supervisor_session, runner)
    qtbot.addWidget(small)
    small.open_file(_registry(tmp_path / "s.xlsx", supervisor_session, rows=40))
    assert "这个文件有" not in small.file_label.text()


def test_the_unit_form_notes_removed_invisible_characters(qtbot, officer_session, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.forms.unit import UNIT_FORM
    from inspector_app.services.units import unit_form_context
    from inspector_app.ui.form_widget import FormWidget

    form = FormWidget(UNIT_FORM, unit_form_context(officer_session))
    qtbot.addWidget(form)
    form.inputs["kind"].setCurrentIndex(form.inputs["kind"].findData("individual"))
    field = form.inputs["id_number"]
    field.setText("１１０１０５\u200b１９４９１２３１００２Ｘ")
    field.editingFinished.emit()
    note = form.error_labels["id_number"]
    assert field.text() == "11010519491231002X"
    assert note.isVisibleTo(form) and "已去掉 1 个看不见的字符（U+200B）" in note.text()
    assert "5f6368" in note.styleSheet() and field.styleSheet() == ""
