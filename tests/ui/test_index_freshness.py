"""Issue 19: the violation dialog says how fresh the city-wide offence index is, and before a
首违不罚 notice on an index older than the administrator's limit it warns (age, "sync first");
"Sync first" stores nothing, "Issue anyway" goes on to the signing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication, QMessageBox, QSpinBox

from inspector_app.domain.clock import utc_iso
from inspector_app.services.session import Session
from inspector_app.services.sync import set_server_url
from inspector_app.storage.offence_index import apply_index_page, restart_index
from inspector_app.sync.protocol import index_key_id
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings_dialog import SettingsDialog
from inspector_app.ui.sign_dialog import SignDialog
from inspector_app.ui.violation_dialog import ViolationDialog
from tests.ui.conftest import when_shown


def _index_complete(session: Session, days_ago: float) -> None:
    """The laptop's index as a pull leaves it: a key, no rows for this party, complete then."""
    key = bytes(range(32))
    with session.store.transaction() as db:
        restart_index(db, key, index_key_id(key))
        apply_index_page(db, [], {}, 10, utc_iso(session.now() - timedelta(days=days_ago)), True)


def _first_offence(dialog: ViolationDialog) -> None:
    dialog.inputs["party_name"].setText("赵小贩")
    dialog.inputs["party_id_number"].setText("37010219850505234X")
    dialog.inputs["party_address"].setText("济南市历下区泉城路7号")
    dialog.item.setCurrentIndex(dialog.item.findData("FO25"))
    dialog.facts.setPlainText("在行道树上拴绳晾挂衣物。")
    dialog.place.setText("泉城路7号门前")
    for box in dialog.conditions.values():
        box.setChecked(True)
    dialog.reassess()
    assert dialog.assessment is not None and dialog.assessment.decision.outcome == "first_offence"


def _violations(session: Session) -> int:
    return int(session.store.db.execute("SELECT COUNT(*) FROM violation").fetchone()[0])


def test_an_old_index_warns_before_a_first_offence_notice(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    session = window.session
    set_server_url(session, "https://sync.jinan.example:8765")
    _index_complete(session, days_ago=9)
    dialog = window.page("notices").new_violation()
    _first_offence(dialog)
    assert "截至" in dialog.index_note.text() and "先同步" in dialog.index_note.text()
    assert "经查询全市违法记录（截至" in dialog.reasons.text()
    before = _violations(session)

    seen: list[str] = []

    def sync_first(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "先同步").click()

    when_shown(QMessageBox, sync_first)
    dialog.save()
    assert seen and "9 天" in seen[0] and "7 天" in seen[0]
    assert _violations(session) == before and dialog.isVisible()  # nothing stored, the form stays

    def issue(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == "仍然开具").click()

    when_shown(QMessageBox, issue)
    dialog.save()
    assert _violations(session) == before + 1
    sign = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SignDialog) and w.isVisible())
    sign.reject()


def test_a_fresh_index_issues_without_a_warning(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    window.apply_language("zh_CN")
    set_server_url(window.session, "https://sync.jinan.example:8765")
    _index_complete(window.session, days_ago=2)
    dialog = window.page("notices").new_violation()
    _first_offence(dialog)
    assert "截至" in dialog.index_note.text() and "先同步" not in dialog.index_note.text()
    before = _violations(window.session)
    dialog.save()  # no box: it would block here
    assert _violations(window.session) == before + 1
    next(w for w in QApplication.topLevelWidgets() if isinstance(w, SignDialog) and w.isVisible()).reject()


def test_the_limit_is_the_administrators_setting(qtbot, window: MainWindow, settings) -> None:  # type: ignore[no-untyped-def]
    officer = SettingsDialog(settings, window)
    spin = officer.findChild(QSpinBox, "indexMaxAge")
    assert spin.value() == 7 and not spin.isEnabled()  # an officer cannot change it
    admin = SettingsDialog(settings, window, administrator=True)
    admin.findChild(QSpinBox, "indexMaxAge").setValue(10)
    admin.accept()
    assert settings.index_max_age_days == 10
    set_server_url(window.session, "https://sync.jinan.example:8765")
    _index_complete(window.session, days_ago=9)
    dialog = window.page("notices").new_violation()
    _first_offence(dialog)
    assert "先同步" not in dialog.index_note.text()  # 9 days is within the administrator's 10


def test_the_sync_page_says_how_fresh_the_index_is(qtbot, window: MainWindow, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.clock import local_text
    from inspector_app.services.sync import sync_status

    window.apply_language("zh_CN")
    view = window.page("sync")
    view.show_status(sync_status(window.session))
    assert view.index.text() == "本机尚未取得（同步时下载）"
    _index_complete(window.session, days_ago=3)
    view.show_status(sync_status(window.session))
    as_of = window.session.store.db.execute("SELECT value FROM meta WHERE key = 'offence_index_as_of'").fetchone()[0]
    assert view.index.text() == local_text(as_of) and view.index.isVisibleTo(view)
