"""Everything fits the field laptops' 1024×600 screen, in Chinese and in English: the main window
with every page opened (the map too), and every dialog with its default button on screen.

The offscreen screen of the test run is 800×800, so "opens no larger than the screen" is checked
against it, and "fits 1024×600" against the minimum sizes the layouts ask for."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from inspector_app.services.session import Session
from inspector_app.ui.i18n import install_language
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.screen_fit import SMALLEST_SCREEN

# What a dialog or the main window may take of a 1024×600 screen: the title bar (about 30 px) is
# drawn by the window manager outside the widget.
ROOM = QSize(SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height() - 30)


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp: QApplication) -> Iterator[str]:  # type: ignore[no-untyped-def]
    assert install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


def _too_big(widget: QWidget) -> list[str]:
    problems = []
    for what, size in (("minimumSizeHint", widget.minimumSizeHint()), ("minimumSize", widget.minimumSize())):
        if size.width() > ROOM.width() or size.height() > ROOM.height():
            problems.append(f"{widget.objectName() or type(widget).__name__}: {what} {size.width()}×{size.height()}")
    return problems


def _fits_screen(widget: QWidget) -> bool:
    area = widget.screen().availableGeometry()
    return area.contains(widget.frameGeometry())


def _default_button(dialog: QDialog) -> QAbstractButton | None:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    default = [b for b in buttons if b.isDefault() or (b.autoDefault() and b.hasFocus())]
    if default:
        return default[0]
    for box in dialog.findChildren(QDialogButtonBox):
        for role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.ApplyRole):
            found = [b for b in box.buttons() if box.buttonRole(b) == role and b.isVisibleTo(dialog)]
            if found:
                return found[0]
    return None


def _check_dialog(qtbot, dialog: QDialog) -> list[str]:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    name = type(dialog).__name__
    problems = _too_big(dialog)
    if not _fits_screen(dialog):
        problems.append(f"{name}: opens at {dialog.width()}×{dialog.height()}, larger than the screen")
    # On the small screen the dialog gets at most ROOM: its default button must still be inside.
    dialog.resize(min(dialog.width(), ROOM.width()), min(dialog.height(), ROOM.height()))
    QApplication.processEvents()
    button = _default_button(dialog)
    if button is None:
        problems.append(f"{name}: no default or OK button")
    else:
        where = button.mapTo(dialog, button.rect().bottomRight())
        if not dialog.rect().contains(where) or button.height() < 10:
            problems.append(f"{name}: {button.text()!r} lies outside ({where.x()},{where.y()})")
    dialog.close()
    return problems


def test_the_main_window_opens_no_larger_than_the_screen(qtbot, officer_session: Session, runner, settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(first)
    first.show()
    assert _fits_screen(first), first.frameGeometry()
    assert first.width() > 600
    # A size remembered on a 1920×1080 screen is clamped to this one.
    first.resize(1900, 1040)
    first.move(0, 0)
    settings.set("window/geometry", QByteArray(first.saveGeometry()))
    first.hide()
    second = MainWindow(officer_session, runner, settings)
    qtbot.addWidget(second)
    second.show()
    assert _fits_screen(second), second.frameGeometry()


@pytest.mark.webengine
@pytest.mark.parametrize("username", ["liqiang", "wangfang", "zhaomin"])
def test_every_page_fits_1024_by_600(qtbot, demo_session_for, runner, settings, language, username) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_session_for(username), runner, settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(ROOM)
    problems: list[str] = []
    for spec in window.specs:
        page = window.page(spec.key)
        QApplication.processEvents()
        problems += [f"{spec.key}: {p}" for p in _too_big(page)]
    problems += _too_big(window)  # after the map page has opened, in this language
    assert problems == [], "\n".join(problems)


def _dialogs(window: MainWindow) -> list[Callable[[], QDialog]]:
    from inspector_app.services.profile import unit_detail
    from inspector_app.ui.agreement_dialog import AgreementDialog
    from inspector_app.ui.base_map_dialog import BaseMapDialog
    from inspector_app.ui.disorder_dialog import DisorderDialog
    from inspector_app.ui.login_dialog import LoginDialog
    from inspector_app.ui.position_dialog import PositionDialog
    from inspector_app.ui.record_dialog import RecordDialog
    from inspector_app.ui.return_dialog import ReturnDialog
    from inspector_app.ui.settings_dialog import SettingsDialog
    from inspector_app.ui.unit_dialog import UnitDialog

    s, r = window.session, window.runner
    unit_id = s.store.db.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]

    return [
        lambda: DisorderDialog(s, r),
        lambda: UnitDialog(s, r, unit_id),
        lambda: AgreementDialog(s, r, unit_detail(s, unit_id)),
        lambda: SettingsDialog(window.settings, None, r, s.store.paths.backups, "https://example.invalid"),
        lambda: LoginDialog(s, r, "liqiang"),
        lambda: BaseMapDialog(window.settings),
        lambda: PositionDialog(None),
        lambda: ReturnDialog("泉城路12号 张记小吃"),
        lambda: RecordDialog(s, {"occurred_at": "2026-11-20T01:30:00.000Z", "facts": "店外经营。"}),
    ]


def test_every_dialog_fits_1024_by_600(qtbot, window: MainWindow, language) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.sign_dialog import SignDialog

    problems: list[str] = []
    for make in _dialogs(window):
        problems += _check_dialog(qtbot, make())
    patrol = window.page("patrol")
    for i in range(2):
        patrol.roads.item(i).setCheckState(patrol.roads.item(i).checkState().Checked)
    patrol.start()
    patrol.table.selectRow(0)
    problems += _check_dialog(qtbot, patrol.inspect_selected())
    notices = window.page("notices")
    violation = notices.new_violation()
    problems += _check_dialog(qtbot, violation)
    violation.inputs["party_name"].setText("张伟")
    violation.inputs["party_id_number"].setText("11010519491231002X")
    violation.inputs["party_address"].setText("济南市历下区泉城路12号")
    violation.item.setCurrentIndex(violation.item.findData("FO25"))
    violation.facts.setPlainText("在行道树上拴绳晾挂衣物。")
    violation.place.setText("泉城路12号门前")
    for box in violation.conditions.values():
        box.setChecked(True)
    violation.reassess()
    violation.show()
    violation.save()
    sign = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SignDialog) and w.isVisible())
    problems += _check_dialog(qtbot, sign)
    problems += _pdf_preview(qtbot, window)
    patrol.end()
    patrol.summary_box.close()
    assert problems == [], "\n".join(problems)


def _pdf_preview(qtbot, window: MainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    from inspector_app.services.agreements import agreement_pdf
    from inspector_app.ui.pdf_preview_dialog import PdfPreviewDialog

    s = window.session
    unit_id = s.store.db.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
    return _check_dialog(qtbot, PdfPreviewDialog(agreement_pdf(s, unit_id), "PDF"))


def _other_dialogs(window: MainWindow) -> list[Callable[[], QDialog]]:
    """The dialogs opened from the supervisor's, the map's, the units', the work-order and the
    catalog pages, and the first-run wizard."""
    from datetime import date

    from inspector_app.services.map_tiles import BaseMap
    from inspector_app.ui.daily_report_dialog import DailyReportDialog
    from inspector_app.ui.dispose_dialog import DisposeDialog
    from inspector_app.ui.first_run_wizard import FirstRunWizard
    from inspector_app.ui.import_units_dialog import ImportUnitsDialog
    from inspector_app.ui.legal_review_dialog import ReturnReviewDialog
    from inspector_app.ui.rights_dialog import RightsDialog
    from inspector_app.ui.tile_download_dialog import TileDownloadDialog
    from inspector_app.ui.work_order_dialogs import StepDialog
    from inspector_app.ui.work_order_import_dialog import WorkOrderImportDialog

    s, r = window.session, window.runner
    ctx = window.page("patrol").ctx
    check = {"id": "c1", "category": "W1", "address": "泉城路12号", "status": "found", "description": "占道经营"}
    osm = BaseMap(kind="osm", url="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    return [
        lambda: DailyReportDialog(ctx, date(2026, 12, 1), s.actor.squad_id or ""),
        lambda: DisposeDialog(s, r, check, "dispose"),
        lambda: TileDownloadDialog(r, s.store.paths.root, osm, (36.65, 117.0, 36.67, 117.03), 16),
        lambda: ImportUnitsDialog(s, r),
        lambda: StepDialog(r, "挂账"),
        lambda: WorkOrderImportDialog(ctx),
        lambda: FirstRunWizard(s, r),
        lambda: RightsDialog(ctx),
        lambda: ReturnReviewDialog(s, r, "review-id", "不予行政处罚决定书（张伟）"),
    ]


def test_the_other_dialogs_fit_1024_by_600(qtbot, window: MainWindow, language) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for make in _other_dialogs(window):
        problems += _check_dialog(qtbot, make())
    assert problems == [], "\n".join(problems)
