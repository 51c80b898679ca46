"""Starting the desktop app: Qt set-up, language, fonts, logging, profile, sign-in, window.

The sign-in dialog appears first; the profile's database is opened (and the heavier
libraries imported) in the background while the officer types the password.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from inspector_app.services.backups import DamagedDatabase
    from inspector_app.services.session import Session


def prepare_environment() -> None:
    """Settings Qt reads before the application object exists.

    QtWebEngine itself is loaded only when a map is first shown (its library costs ~35 ms
    of start-up): for that to work after the QApplication exists, the application shares
    OpenGL contexts and Qt Quick (which draws the web view) uses OpenGL, the two conditions
    QtWebEngine checks when it is loaded late."""
    if os.name == "posix" and os.geteuid() == 0:
        # QtWebEngine's sandbox cannot run as root; keep it on for normal users.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QSG_RHI_BACKEND", "opengl")
    _share_opengl_contexts()


_AA_SHARE_OPENGL_CONTEXTS = 18  # Qt::AA_ShareOpenGLContexts


def _share_opengl_contexts() -> None:
    """Set Qt::AA_ShareOpenGLContexts. Naming it through PySide builds PySide's whole ``Qt``
    namespace (93 Python enums, ~30 ms) before the first window can appear; on Linux the Qt
    function is called directly instead, and the namespace is built once the sign-in dialog
    is on screen (Startup._open_behind)."""
    import PySide6.QtCore  # noqa: F401 - PySide's own libQt6Core is the one loaded below

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            core = ctypes.CDLL("libQt6Core.so.6")  # already loaded: the same library, by soname
            set_attribute = core._ZN16QCoreApplication12setAttributeEN2Qt20ApplicationAttributeEb
        except (OSError, AttributeError):
            pass
        else:
            set_attribute.argtypes = [ctypes.c_int, ctypes.c_bool]
            set_attribute(_AA_SHARE_OPENGL_CONTEXTS, True)
            return
    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def setup_logging(log_dir: Path) -> None:
    """A rotating log file in the profile (no secrets are ever logged)."""
    import logging.handlers  # socket, pickle, queue: ~17 ms, so not on the way to the dialog

    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / "inspector.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def ensure_chinese_font() -> None:
    """Register the shipped Song face when the system has no Chinese font at all."""
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", "gbsn00lp.ttf")))


# The sign-in dialog's result when the profile has no accounts yet: the first-run wizard
# takes over (run_gui).
FIRST_RUN = 2


def _open_in_background(data_dir: Path) -> tuple[Session, bool, tuple[Any, ...]]:
    from inspector_app.services.demo import demo_accounts
    from inspector_app.services.first_run import needs_first_run
    from inspector_app.services.profile import open_profile

    session = open_profile(data_dir)
    # Warm the heavier imports while the officer types (module code only, no Qt objects): the
    # icons, the main window with its sync client (httpx), and the pages people land on.
    import qtawesome  # noqa: F401

    import inspector_app.ui.main_window
    import inspector_app.ui.pages.patrol_view
    import inspector_app.ui.pages.review_view  # noqa: F401

    return session, needs_first_run(session), demo_accounts(session)


class Startup:
    """The start-up sequence, in steps a benchmark can drive too."""

    def __init__(self, app: QApplication, data_dir: Path, language: str | None = None) -> None:
        from inspector_app.ui.i18n import install_language
        from inspector_app.ui.settings import AppSettings
        from inspector_app.ui.tasks import TaskRunner

        self.app = app
        self.data_dir = data_dir
        self.settings = AppSettings(data_dir / "settings.ini")
        if language:
            self.settings.language = language
        install_language(app, self.settings.language)
        self.runner = TaskRunner(app)
        self.window: Any = None
        self.failed: BaseException | None = None

    def show_login(self) -> Any:
        """Show the sign-in dialog at once and open the profile behind it."""
        from PySide6.QtCore import QTimer

        from inspector_app.ui.login_dialog import LoginDialog

        dialog = LoginDialog(None, self.runner, self.settings.last_username)
        self.login = dialog
        self._opening = False
        dialog.first_painted.connect(self._open_behind)
        dialog.show()
        QTimer.singleShot(1000, self._open_behind)  # in case the dialog is never painted
        QTimer.singleShot(50, ensure_chinese_font)
        return dialog

    def _open_behind(self) -> None:
        """Once the dialog is on screen: open the profile in the background."""
        if self._opening:
            return
        self._opening = True
        # PySide builds its Qt namespace on first use; the background imports below use it, so
        # it is built here on the UI thread (not in two threads at once).
        from PySide6.QtCore import Qt  # noqa: F401

        dialog = self.login

        def opened(result: tuple[Session, bool, tuple[Any, ...]]) -> None:
            session, first_run, accounts = result
            dialog.set_profile(session)
            dialog.show_demo_accounts(accounts)
            if first_run:
                dialog.done(FIRST_RUN)
                return
            from inspector_app.ui.icons import icon

            icon("fa5s.store")  # loads the icon fonts now, not when the officer signs in

        self.runner.run(
            _open_in_background, self.data_dir, on_done=opened, on_error=self._open_failed
        )

    def _open_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from inspector_app.services.backups import DamagedDatabase
        from inspector_app.ui.errors import error_text

        if isinstance(exc, DamagedDatabase):
            self._offer_recovery(exc)
            return
        self.failed = exc
        self.login.reject()
        QMessageBox.critical(None, "City inspection", error_text(exc))

    def _offer_recovery(self, exc: DamagedDatabase) -> None:
        """A damaged, empty or foreign data file: offer restore or salvage over the sign-in
        dialog; once one of them has replaced the file, open the profile again."""
        from PySide6.QtWidgets import QDialog

        from inspector_app.ui.recovery_dialog import RecoveryDialog

        folder = Path(self.settings.backup_folder) if self.settings.backup_folder else None
        self.recovery = RecoveryDialog(self.login, self.runner, self.data_dir, exc, folder)

        def closed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._opening = False
                self._open_behind()
            else:
                self.failed = exc
                self.login.reject()

        self.recovery.finished.connect(closed)
        self.recovery.open()

    def show_first_run(self) -> Any:
        """The first-run wizard for a profile without accounts (after show_login ended with
        FIRST_RUN); its ``session`` is the signed-in profile when it succeeded."""
        from inspector_app.ui.first_run_wizard import FirstRunWizard

        profile = self.login.profile
        assert profile is not None, "show_login ends with FIRST_RUN only once the profile is open"
        self.wizard = FirstRunWizard(profile, self.runner)
        self.wizard.show()
        return self.wizard

    def show_main(self, session: Session) -> Any:
        """After sign-in: the main window."""
        from inspector_app.services.backups import make_daily_backup
        from inspector_app.ui.main_window import MainWindow

        self.settings.last_username = session.actor.username
        self.window = MainWindow(session, self.runner, self.settings)
        self.window.switch_user.connect(self.switch_user)
        self.window.show()
        if self.settings.document_font:
            self.window.apply_document_font()
        self.window.apply_rare_fonts()  # HanaMin A/B and added faces: on screen, and checks read no file
        # Once a day, in the background: a consistent copy of the database, in the folder
        # chosen in Settings. A failure (a USB drive not plugged in) is said in the status bar.
        folder = Path(self.settings.backup_folder) if self.settings.backup_folder else None
        self.runner.run(make_daily_backup, session, folder, on_error=self._backup_failed)
        from inspector_app.ui.damage_notice import DamageNotice

        # The full damage check (opening read one page per table): a failure stops saving.
        self.damage = DamageNotice(self.window, self.runner, session, folder)
        self.damage.repaired.connect(self.sign_in_again)
        self.damage.start()
        return self.window

    def sign_in_again(self) -> Any:
        """After 立即修复 while signed in: the main window (showing the damaged file's records)
        gives way to the sign-in dialog, with the repaired profile opened behind it as at
        start-up; signing in opens a new main window, cancelling quits the app."""
        from PySide6.QtWidgets import QDialog

        old = self.window
        dialog = self.show_login()  # before the main window closes, so the app does not end

        def closed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.session is not None:
                self.show_main(dialog.session)
            elif result == FIRST_RUN:  # a salvaged profile without any account
                wizard = self.show_first_run()
                wizard.finished.connect(
                    lambda _r: self.show_main(wizard.session) if wizard.session else self.app.quit())
            else:
                self.app.quit()

        dialog.finished.connect(closed)
        old.close()
        old.deleteLater()
        return dialog

    def switch_user(self, sign_out: bool) -> Any:
        """File → 切换用户 / 注销: the sign-in dialog takes the main window's place; the next
        officer's window opens on success, cancelling it quits the app. Signing out also
        forgets the officer's server sign-in (in the background)."""
        from PySide6.QtWidgets import QDialog

        from inspector_app.services.sync import sign_out_online
        from inspector_app.ui.login_dialog import LoginDialog

        old = self.window
        session: Session = old.session
        if sign_out:
            self.runner.run(sign_out_online, session, on_error=lambda _e: None)
        dialog = LoginDialog(session, self.runner, "")
        dialog.setObjectName("switchUserDialog")
        self.login = dialog

        def closed(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.session is not None:
                self.show_main(dialog.session)
            else:
                self.app.quit()

        dialog.finished.connect(closed)
        dialog.show()  # before the main window closes, so the app does not end with it
        old.close()
        old.deleteLater()
        return dialog

    def _backup_failed(self, exc: BaseException) -> None:
        from PySide6.QtCore import QCoreApplication

        from inspector_app.ui.errors import error_text

        message = QCoreApplication.translate("Startup", "Today's backup was not made: {reason}")
        self.window.statusBar().showMessage(message.format(reason=error_text(exc)))


def launch(data_dir: Path, language: str | None = None) -> Startup:
    """The way to the sign-in dialog, kept light: Qt, the translation and the dialog. The
    profile, the log file and the heavier modules are opened behind it (and a benchmark
    measures exactly this path)."""
    prepare_environment()
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("inspector-app")
    app.setOrganizationName("JinanCityManagement")
    startup = Startup(app, data_dir, language)
    startup.show_login()
    startup.runner.run(_start_logging, data_dir)
    return startup


def _start_logging(data_dir: Path) -> None:
    from inspector_app.services.locations import profile_paths

    setup_logging(profile_paths(data_dir).logs)


def run_gui(data_dir: Path, language: str | None = None) -> int:
    """Open the profile in ``data_dir``, ask for sign-in, show the main window."""
    startup = launch(data_dir, language)
    login = startup.login
    result = login.exec()
    session = login.session
    if result == FIRST_RUN:
        wizard = startup.show_first_run()
        wizard.exec()
        session = wizard.session
    from inspector_app.services.profile import close_profile

    if not result or session is None:
        startup.runner.wait()
        if login.profile is not None:
            close_profile(login.profile)
        return 2 if startup.failed else 0
    startup.show_main(session)
    code = startup.app.exec()
    startup.runner.wait()
    close_profile(session)
    if startup.window is not None and startup.window.session is not session:
        close_profile(startup.window.session)  # signed in again after a repair
    if startup.login.profile is not None:
        close_profile(startup.login.profile)
    return int(code)
