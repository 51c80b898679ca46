"""The main window: navigation, the pages, menus with shortcuts, and the status bar. It only
lays things out; every page is its own module and every change goes through services."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from inspector_app.domain.roles import ROLE_LABELS
from inspector_app.services.session import Session
from inspector_app.services.sync import server_url, set_server_url
from inspector_app.ui.audit_warning import AuditWarningWidget
from inspector_app.ui.context import AppEvents, Page, PageContext, PageEvents, PageSpec
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import install_language, tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.idle import IdleWatch
from inspector_app.ui.login_dialog import LoginDialog
from inspector_app.ui.pages import PAGES
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.settings_dialog import SettingsDialog
from inspector_app.ui.sync_badge import SyncBadgeWidget
from inspector_app.ui.sync_controller import sync_controller
from inspector_app.ui.tasks import TaskRunner
from inspector_app.ui.work_order_badge import WorkOrderBadgeWidget


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right."""

    # File → 切换用户 (False) / 注销 (True: the laptop also forgets this officer's server sign-in)
    switch_user = Signal(bool)

    def __init__(self, session: Session, runner: TaskRunner, settings: AppSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.runner = runner
        self.settings = settings
        session.photo_long_side = settings.photo_long_side
        self.events = AppEvents(self)
        self.events.open_record.connect(self.open_record)
        self.pages: dict[str, Page] = {}
        self.specs: list[PageSpec] = [
            p for p in PAGES if p.permission is None or session.can(p.permission)
        ]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(130)
        self.nav.setMaximumWidth(240)
        self.nav.setIconSize(self.nav.iconSize() * 1.4)
        self.nav.currentRowChanged.connect(self._show_page)
        self.stack = QStackedWidget()
        self.body = QSplitter()
        self.body.addWidget(self.nav)
        self.body.addWidget(self.stack)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        self.body.setSizes([160, 1100])
        self.setCentralWidget(self.body)
        self.who = QLabel()
        self.who.setObjectName("statusWho")
        self.statusBar().addPermanentWidget(self.who)
        self.sync = sync_controller(PageContext(session, runner, self.events, settings))
        self.badge = SyncBadgeWidget(self.sync)
        self.badge.clicked.connect(lambda: self.page("sync"))
        self.statusBar().addPermanentWidget(self.badge)
        self.orders_badge = WorkOrderBadgeWidget(PageContext(session, runner, self.events, settings))
        self.orders_badge.clicked.connect(lambda: self.page("work_orders"))
        self.sync.finished.connect(lambda _r: self.orders_badge.refresh())
        self.statusBar().addPermanentWidget(self.orders_badge)
        self.audit_warning = AuditWarningWidget(PageContext(session, runner, self.events, settings))
        self.sync.finished.connect(lambda _r: self.audit_warning.refresh())
        self.statusBar().addPermanentWidget(self.audit_warning)
        self.audit_warning.refresh()
        self.events.status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.sync.start_background()
        self.idle = IdleWatch(self)
        self._locked = False
        self.idle.timer.timeout.connect(self.lock)
        self._build()
        geometry = settings.get("window/geometry")
        # A size remembered on a bigger screen, or the default, never exceeds this screen.
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            fit_to_screen(self)
        else:
            fit_to_screen(self, QSize(1280, 800))

    def _build(self) -> None:
        """(Re)create texts, menus and navigation in the current language."""
        self.setWindowTitle(self.tr("City inspection — 济南城管"))
        self.menuBar().clear()
        self.nav.blockSignals(True)
        self.nav.clear()
        for spec in self.specs:
            QListWidgetItem(icon(spec.icon), tr_text(spec.title, "pages"), self.nav)
        self.nav.blockSignals(False)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Settings…"), self.open_settings, "Ctrl+,", "fa5s.cog")
        self._action(file_menu, self.tr("&Lock screen"), self.lock, "Ctrl+L", "fa5s.lock")
        self._action(file_menu, self.tr("Sync &now"), lambda: self.sync.sync(), "F5", "fa5s.sync")
        file_menu.addSeparator()
        # A shared laptop: the next officer signs in here (and to the server) as themself.
        self._action(file_menu, self.tr("S&witch user…"), lambda: self.switch_user.emit(False), "Ctrl+Shift+U",
                     "fa5s.user-friends")
        self._action(file_menu, self.tr("Sign &out"), lambda: self.switch_user.emit(True), None, "fa5s.sign-out-alt")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, spec in enumerate(self.specs, start=1):
            # triggered(bool) passes `checked` as the first argument: bind the row by keyword so
            # it can never be overwritten by that False (which made every entry open row 0).
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            self._action(
                go_menu, tr_text(spec.title, "pages"),
                partial(self._go_to_row, row=number - 1), shortcut, spec.icon,
            )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, self.tr("&About"), self.show_about)
        actor = self.session.actor
        self.who.setText(
            self.tr("{name} · {role} · {squad}").format(
                name=actor.name,
                role=tr_text(ROLE_LABELS[actor.role], "roles"),
                squad=actor.squad_name or self.tr("no squad"),
            )
        )
        self.idle.set_minutes(self.settings.idle_lock_minutes)
        self.sync.refresh()
        self.nav.setCurrentRow(0)
        self._show_page(0)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[..., object],
        shortcut: str | QKeySequence.StandardKey | None = None, icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _go_to_row(self, _checked: bool = False, *, row: int) -> None:
        self.nav.setCurrentRow(row)

    def _show_page(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        page = self.pages.get(spec.key)
        if page is None:
            events = PageEvents(self.events)
            page = spec.factory(PageContext(self.session, self.runner, events, self.settings))
            events.setParent(page)  # deleted with the page, and its connections with it
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def page(self, key: str) -> Page:
        """The page with this key (built on first use)."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                self._show_page(row)
                return self.pages[key]
        raise KeyError(key)

    def open_record(self, key: str, record_id: str) -> None:
        """Show a record on its own page (a click on the map, for example)."""
        if any(spec.key == key for spec in self.specs):
            self.page(key).open_record(record_id)

    def open_settings(self) -> None:
        """Settings; everything applies at once."""
        before, font, rare = self.settings.language, self.settings.document_font, self.settings.rare_fonts
        server = server_url(self.session)
        dialog = SettingsDialog(self.settings, self, self.runner, self.session.store.paths.backups, server)
        if not dialog.exec():
            return
        self.session.photo_long_side = self.settings.photo_long_side
        self.idle.set_minutes(self.settings.idle_lock_minutes)
        if dialog.server_url() != server:
            self.runner.run(set_server_url, self.session, dialog.server_url(), on_done=lambda _r: self.sync.refresh(),
                            on_error=lambda exc: show_error(self, exc))
        if self.settings.language != before:
            self.apply_language(self.settings.language)
        if self.settings.document_font != font:
            self.apply_document_font()
        if self.settings.rare_fonts != rare:
            self.apply_rare_fonts()
        if "map" in self.pages:  # the base map may have changed
            self.pages["map"].load()

    def apply_document_font(self) -> None:
        """Use the configured document font (checked off the UI thread; a bad file is explained
        and the built-in face stays in use)."""
        from inspector_app.services.notice_documents import use_document_font

        self.runner.run(use_document_font, self.settings.document_font or None,
                        on_error=lambda exc: show_error(self, exc))

    def apply_rare_fonts(self) -> None:
        """Read the document faces and the ones added for rare characters in the background and
        show them on screen too (a file that cannot be used is explained; the others stay)."""
        from inspector_app.ui.document_faces import load_faces

        load_faces(self.runner, self.settings.rare_fonts, on_error=lambda exc: show_error(self, exc))

    def apply_language(self, language: str) -> None:
        """Switch the UI language and rebuild the pages in it."""
        app = QApplication.instance()
        assert app is not None  # a window exists only inside a running application
        install_language(app, language)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._build()

    def lock(self) -> None:
        """Hide the work behind the sign-in dialog until the same officer signs in again."""
        if self._locked:
            return
        self._locked = True
        self.body.setVisible(False)
        actor = self.session.actor
        dialog = LoginDialog(
            self.session, self.runner, actor.username, locked_user=actor.name, parent=self
        )
        dialog.setObjectName("lockDialog")
        while True:
            if dialog.exec() and dialog.session and dialog.session.actor.officer_id == self.session.actor.officer_id:
                break
            if dialog.result() == 0 and self._confirm_quit():
                self._locked = False
                self.close()
                return
        self.body.setVisible(True)
        self._locked = False
        self.idle.restart()

    def _confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Quit"), self.tr("Quit the app instead of unlocking it?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        lines = [
            self.tr("Ctrl+1 … Ctrl+9: go to a page"),
            self.tr("Ctrl+F: search on the current page"),
            self.tr("Ctrl+N: new record"),
            self.tr("Enter / double-click: open the selected record"),
            self.tr("Ctrl+L: lock the screen"),
            self.tr("Ctrl+,: settings"),
            self.tr("Ctrl+Q: quit"),
        ]
        for page in self.pages.values():
            lines += page.shortcut_help()
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    def show_about(self) -> None:
        """Version and licence notes."""
        from inspector_app import __version__

        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "City inspection {version}\nOffline-first field app for Jinan city-management "
                "squads.\nDocument font: AR PL SungtiL GB (Arphic Public License); rare characters: "
                "HanaMin A and B (GlyphWiki Project, Hanazono Font License or SIL OFL 1.1)."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.idle.stop()
        super().closeEvent(event)
