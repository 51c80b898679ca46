from PySide6.QtWidgets import QDialog

from inspector_app.services.profile import open_profile
from inspector_app.ui.login_dialog import LoginDialog


def test_wrong_password_is_explained_in_chinese(qtbot, demo_dir, runner, zh) -> None:  # type: ignore[no-untyped-def]
    profile = open_profile(demo_dir)
    dialog = LoginDialog(profile, runner, "liqiang")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登录 — 城管巡查"
    dialog.password.setText("wrong")
    dialog.attempt()
    assert dialog.message.isVisibleTo(dialog)
    assert "用户名或密码错误" in dialog.message.text() and "4" in dialog.message.text()
    assert dialog.password.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    profile.store.close()


def test_right_password_signs_in(qtbot, demo_dir, runner) -> None:  # type: ignore[no-untyped-def]
    profile = open_profile(demo_dir)
    dialog = LoginDialog(profile, runner, "")
    qtbot.addWidget(dialog)
    dialog.username.setText("wangfang")
    dialog.password.setText("Jinan@2026")
    dialog.attempt()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session is not None and dialog.session.actor.name == "王芳"
    profile.store.close()


def test_a_demo_profile_shows_its_accounts(qtbot, demo_dir, runner, zh) -> None:  # type: ignore[no-untyped-def]
    """A newcomer who started from `make run` learns the accounts on the dialog itself."""
    from inspector_app.services.demo import DEMO_PASSWORD, demo_accounts

    profile = open_profile(demo_dir)
    dialog = LoginDialog(profile, runner, "")
    qtbot.addWidget(dialog)
    dialog.show_demo_accounts(demo_accounts(profile))
    text = dialog.demo.text()
    assert dialog.demo.isVisibleTo(dialog)
    assert all(name in text for name in ("liqiang", "李强", "wangfang", "zhaomin", "admin", DEMO_PASSWORD))
    assert "值班" in text and "演示" in text  # roles and the hint in Chinese
    assert dialog.username.text() == "liqiang"  # an account to start from
    profile.store.close()


def test_a_real_profile_shows_no_demo_accounts(qtbot, session, runner) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.demo import demo_accounts

    assert demo_accounts(session) == ()
    dialog = LoginDialog(session, runner, "")
    qtbot.addWidget(dialog)
    dialog.show_demo_accounts(demo_accounts(session))
    assert not dialog.demo.isVisibleTo(dialog) and dialog.username.text() == ""
