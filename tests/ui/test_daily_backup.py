"""The daily backup after sign-in goes to the folder chosen in Settings; a failure is said."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector_app.cli import main
from inspector_app.services.session import Session
from inspector_app.ui.app import Startup
from inspector_app.ui.settings import AppSettings


def _startup(qapp: QApplication, session: Session, runner) -> Startup:  # type: ignore[no-untyped-def]
    startup = Startup(qapp, session.store.paths.root, None)
    startup.runner = runner
    return startup


def test_daily_backup_goes_to_the_chosen_folder(qtbot, qapp, officer_session: Session, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "usb" / "backups"
    AppSettings(officer_session.store.paths.root / "settings.ini").backup_folder = str(folder)
    startup = _startup(qapp, officer_session, runner)
    qtbot.addWidget(startup.show_main(officer_session))
    assert [p.name for p in folder.iterdir()] == [f"inspector-daily-{date(2026, 11, 20):%Y%m%d}.sqlite"]
    assert not list(officer_session.store.paths.backups.glob("inspector-daily-*"))


def test_a_failed_backup_is_said_in_the_status_bar(qtbot, qapp, officer_session: Session, runner, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    AppSettings(officer_session.store.paths.root / "settings.ini").backup_folder = str(blocker)
    startup = _startup(qapp, officer_session, runner)
    window = startup.show_main(officer_session)
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage().startswith("今日备份未完成：")


def test_backup_command_uses_the_chosen_folder(demo_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "office-share"
    AppSettings(demo_dir / "settings.ini").backup_folder = str(folder)
    assert main(["backup", "--data-dir", str(demo_dir)]) == 0
    made = list(folder.glob("inspector-daily-*.sqlite"))
    assert len(made) == 1 and str(made[0]) in capsys.readouterr().out
    assert main(["restore", "--data-dir", str(demo_dir)]) == 0
    assert str(made[0]) in capsys.readouterr().out
