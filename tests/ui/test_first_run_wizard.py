"""The first-run wizard on an empty profile: the offline path creates the first administrator."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from inspector_app.services.first_run import needs_first_run
from inspector_app.services.profile import open_profile
from inspector_app.services.session import Session
from inspector_app.ui.first_run_wizard import ADMIN, DONE, FirstRunWizard


@pytest.fixture
def empty(data_dir: Path) -> Iterator[Session]:
    s = open_profile(data_dir)
    yield s
    s.store.close()


@pytest.fixture
def wizard(qtbot, empty: Session, runner) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    w = FirstRunWizard(empty, runner)
    qtbot.addWidget(w)
    w.show()
    return w


def _fill(w: FirstRunWizard, password: str = "Jinan2026x", confirm: str = "Jinan2026x") -> None:
    page = w.admin_page
    page.name.setText("张建国")
    page.password.setText(password)
    page.confirm.setText(confirm)


def test_offline_path_creates_the_admin_and_signs_in(zh, wizard: FirstRunWizard, empty: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert wizard.choice.title() == "欢迎使用城管巡查"
    assert wizard.choice.server.isEnabled() and wizard.choice.server.isChecked()
    wizard.choice.offline.setChecked(True)
    wizard.next()
    assert wizard.currentId() == ADMIN
    _fill(wizard)
    wizard.next()
    assert wizard.currentId() == DONE
    assert wizard.session is not None and wizard.session.actor.username == "admin"
    assert "张建国（admin）" in wizard.done_page.summary.text()
    assert not needs_first_run(empty)
    wizard.grab().save(str(tmp_path / "wizard-done.png"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_bad_password_is_explained_and_the_page_stays(zh, wizard: FirstRunWizard, empty: Session) -> None:  # type: ignore[no-untyped-def]
    wizard.choice.offline.setChecked(True)
    wizard.next()
    _fill(wizard, "Jinan2026x", "Jinan2026")
    wizard.next()
    assert wizard.currentId() == ADMIN and wizard.session is None
    assert wizard.admin_page.message.text() == "两次输入的密码不一致，请输入相同的密码。"
    assert wizard.admin_page.confirm.text() == "" and needs_first_run(empty)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.admin_page.confirm.setText("Jinan2026x")
    wizard.next()
    assert wizard.currentId() == DONE


def test_server_address_is_checked_on_the_first_page(zh, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    wizard.choice.server.setChecked(True)
    wizard.choice.address.setText("ftp://x")
    wizard.next()
    assert wizard.currentId() == 0 and "不是有效的服务器地址" in wizard.choice.message.text()


def test_startup_on_an_empty_profile_runs_the_wizard_then_the_main_window(qtbot, qapp, data_dir: Path, runner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.app import FIRST_RUN, Startup

    startup = Startup(qapp, data_dir, None)
    startup.runner = runner
    login = startup.show_login()
    qtbot.addWidget(login)
    qtbot.waitUntil(lambda: login.profile is not None)  # opened once the dialog is on screen
    assert login.result() == FIRST_RUN  # the profile opened and has no accounts
    wizard = startup.show_first_run()
    qtbot.addWidget(wizard)
    wizard.choice.offline.setChecked(True)
    wizard.next()
    _fill(wizard)
    wizard.next()
    assert wizard.session is not None
    window = startup.show_main(wizard.session)
    qtbot.addWidget(window)
    assert window.who.text().startswith("张建国 · 系统管理员")
    window.close()
    login.profile.store.close()


def test_startup_on_a_demo_profile_asks_for_sign_in(qtbot, qapp, demo_dir: Path, runner, zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.app import FIRST_RUN, Startup

    startup = Startup(qapp, demo_dir, None)
    startup.runner = runner
    login = startup.show_login()
    qtbot.addWidget(login)
    qtbot.waitUntil(lambda: login.profile is not None)  # opened once the dialog is on screen
    assert login.result() != FIRST_RUN and login.isVisible()
    login.profile.store.close()
