"""The sync page: the server and whether it is reachable, what waits to be sent (changes and
attachments with their size), the last successful sync, a progress bar, the items the server
refused, each named by what it is, why, and what the officer can do (redo it the allowed way,
or discard it), a line when this laptop's clock is off, and "Sync now" (F5)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.clock import local_text
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.services.sync import (
    NeedsSignIn,
    SyncReport,
    SyncStatus,
    discard_failed,
    retry_failed,
    sign_in_online,
)
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import error_text, show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.sync_controller import sync_controller
from inspector_app.ui.sync_reasons import explain

ENTITIES = {"unit": QT_TRANSLATE_NOOP("SyncView", "unit"), "patrol": QT_TRANSLATE_NOOP("SyncView", "patrol"),
            "frontage_inspection": QT_TRANSLATE_NOOP("SyncView", "门前五包 inspection"), "disorder_check": QT_TRANSLATE_NOOP("SyncView", "八乱 check"),
            "disorder_event": QT_TRANSLATE_NOOP("SyncView", "八乱 step"), "violation": QT_TRANSLATE_NOOP("SyncView", "violation"),
            "document": QT_TRANSLATE_NOOP("SyncView", "document"), "photo": QT_TRANSLATE_NOOP("SyncView", "photo"),
            "review": QT_TRANSLATE_NOOP("SyncView", "review"), "conflict": QT_TRANSLATE_NOOP("SyncView", "conflict decision"),
            "blob": QT_TRANSLATE_NOOP("SyncView", "attachment"), "work_order": QT_TRANSLATE_NOOP("SyncView", "work order"),
            "work_order_event": QT_TRANSLATE_NOOP("SyncView", "work order step"),
            "voided_number": QT_TRANSLATE_NOOP("SyncView", "voided number")}
OPS = {"create": QT_TRANSLATE_NOOP("SyncView", "new"), "patch": QT_TRANSLATE_NOOP("SyncView", "change"), "delete": QT_TRANSLATE_NOOP("SyncView", "delete"),
       "upload": QT_TRANSLATE_NOOP("SyncView", "upload")}
ANSWERS = {"rejected": QT_TRANSLATE_NOOP("SyncView", "refused"), "forbidden": QT_TRANSLATE_NOOP("SyncView", "not allowed"),
           "pending": QT_TRANSLATE_NOOP("SyncView", "will retry"), "error": QT_TRANSLATE_NOOP("SyncView", "failed")}
# The server's reason codes (inspector_server.rules), explained.
REASONS = {
    "squad": QT_TRANSLATE_NOOP("SyncView", "The record belongs to another squad."),
    "role": QT_TRANSLATE_NOOP("SyncView", "Your role may not change this kind of record."),
    "approve": QT_TRANSLATE_NOOP("SyncView", "Only a duty supervisor may approve or return."),
    "final": QT_TRANSLATE_NOOP("SyncView", "The record is final (issued or submitted): make a correction instead."),
    "transition": QT_TRANSLATE_NOOP("SyncView", "Its status changed on another laptop; this step no longer applies."),
    "lease": QT_TRANSLATE_NOOP("SyncView", "The document number is outside this laptop's number block."),
    "number_taken": QT_TRANSLATE_NOOP("SyncView", "Another document already has this number."),
    "missing_blob": QT_TRANSLATE_NOOP("SyncView", "An attachment has not reached the server yet."),
    "unknown_record": QT_TRANSLATE_NOOP("SyncView", "The server does not have this record (its creation was refused)."),
    "missing_file": QT_TRANSLATE_NOOP("SyncView", "The file is missing on this laptop."),
    "op_id_reused": QT_TRANSLATE_NOOP("SyncView", "This laptop already sent a different change under the same "
                                                  "change id; this one was not applied. Tell your administrator."),
    "number_source": QT_TRANSLATE_NOOP("SyncView", "The document number is neither from this laptop's number "
                                                   "block nor provisional, so the server does not accept it."),
    "invalid_value": QT_TRANSLATE_NOOP("SyncView", "A value is not one the server accepts."),
}
CLOCK_ADVICE_MIN = timedelta(minutes=10)
CLOCK = {
    "day": QT_TRANSLATE_NOOP("SyncView", "{n} day(s)"), "hour": QT_TRANSLATE_NOOP("SyncView", "{n} hour(s)"),
    "minute": QT_TRANSLATE_NOOP("SyncView", "{n} minute(s)"),
    "ahead": QT_TRANSLATE_NOOP("SyncView", "This laptop's clock is {amount} ahead of the server's: set the system time."),
    "behind": QT_TRANSLATE_NOOP("SyncView", "This laptop's clock is {amount} behind the server's: set the system time."),
}


def clock_advice(offset: timedelta | None) -> str:
    """'This laptop's clock is 2 days 3 hours ahead of the server's…' when it is 10 minutes or
    more off (``offset``: the server's time minus this laptop's), else ''."""
    if offset is None or abs(offset) < CLOCK_ADVICE_MIN:
        return ""
    minutes = int(abs(offset).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)

    def text(key: str) -> str:
        return QCoreApplication.translate("SyncView", CLOCK[key])

    parts = [text("day").format(n=days) if days else "", text("hour").format(n=hours) if hours else "",
             text("minute").format(n=minutes) if minutes and not days else ""]
    return text("ahead" if offset < timedelta(0) else "behind").format(amount=" ".join(p for p in parts if p))


def human_size(size: int) -> str:
    """1536 → '1.5 KB'."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


class SyncView(Page):
    """Sync status and controls."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.controller = sync_controller(ctx)
        self.server = QLabel()
        self.server.setObjectName("syncServer")
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.online = QLabel()
        self.online.setObjectName("syncOnline")
        self.sign_in_button = QPushButton(icon("fa5s.sign-in-alt"), self.tr("Sign in to the server…"))
        self.sign_in_button.setObjectName("syncSignIn")
        self.sign_in_button.clicked.connect(self.sign_in)
        top = QHBoxLayout()
        top.addWidget(self.server, 1)
        top.addWidget(self.online)
        top.addWidget(self.sign_in_button)
        self.pending = QLabel()
        self.pending.setObjectName("syncPending")
        self.blobs = QLabel()
        self.blobs.setObjectName("syncBlobs")
        self.conflicts = QLabel()
        self.last = QLabel()
        self.last.setObjectName("syncLast")
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.clock = QLabel()
        self.clock.setObjectName("syncClock")
        self.clock.setWordWrap(True)
        self.clock.setStyleSheet("color: #b3261e;")
        self.clock.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Changes waiting to be sent:"), self.pending)
        self.waiting = QLabel()
        self.waiting.setObjectName("syncWaitingAuthors")
        self.waiting.setWordWrap(True)
        form.addRow("", self.waiting)
        form.addRow(self.tr("Attachments waiting:"), self.blobs)
        form.addRow(self.tr("Open conflicts:"), self.conflicts)
        form.addRow(self.tr("Last successful sync:"), self.last)
        form.addRow("", self.error)
        form.addRow("", self.clock)
        self.bar = QProgressBar()
        self.bar.setObjectName("syncProgress")
        policy = self.bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the button stays where it is while no sync runs
        self.bar.setSizePolicy(policy)
        self.bar.setVisible(False)
        self.sync_button = QPushButton(icon("fa5s.sync"), self.tr("Sync now (F5)"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        actions = QHBoxLayout()
        actions.addWidget(self.bar, 1)
        actions.addWidget(self.sync_button)
        self.failed = QTableWidget(0, 5)
        self.failed.setObjectName("syncFailed")
        self.failed.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Record"), self.tr("Change"),
                                               self.tr("Answer"), self.tr("Reason")])
        self.failed.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.failed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failed.verticalHeader().setVisible(False)
        self.failed.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.failed.setWordWrap(True)  # the reason says why and what to do: it needs its lines
        for column, width in enumerate((130, 170, 60, 80)):
            self.failed.setColumnWidth(column, width)
        self.empty = QLabel(self.tr("No item was refused by the server."))
        self.empty.setObjectName("syncNothingFailed")
        self.retry_button = QPushButton(icon("fa5s.redo"), self.tr("Retry selected"))
        self.retry_button.setObjectName("syncRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_button.setToolTip(self.tr("Send the selected changes again as they are."))
        self.discard_button = QPushButton(icon("fa5s.trash-alt"), self.tr("Discard selected"))
        self.discard_button.setObjectName("syncDiscard")
        self.discard_button.setToolTip(self.tr("Give the selected changes up; the records keep the server's version."))
        self.discard_button.clicked.connect(self.discard_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.retry_button)
        refused = QWidget()
        refused_layout = QVBoxLayout(refused)
        refused_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Items the server refused"))
        heading.setStyleSheet("font-weight: bold;")
        refused_layout.addWidget(heading)
        refused_layout.addWidget(self.empty)
        refused_layout.addWidget(self.failed, 1)
        refused_layout.addLayout(buttons)
        refused_layout.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(refused, 1)
        self.controller.status.connect(self.show_status)
        self.controller.online.connect(self.show_online)
        self.controller.started.connect(self._started)
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        self.show_online(self.controller.is_online)
        if self.controller.last_status is not None:
            self.show_status(self.controller.last_status)
        self.controller.refresh()

    def shortcut_help(self) -> list[str]:
        return [self.tr("F5: sync now")]

    def show_status(self, status: SyncStatus) -> None:
        configured = bool(status.server_url)
        self.server.setText(self.tr("Server: {url}").format(url=status.server_url) if configured else
                            self.tr("No sync server is set: enter its address in Settings (Ctrl+,)."))
        self.sign_in_button.setVisible(configured and not status.signed_in)
        self.sync_button.setEnabled(configured and not self.controller.running)
        self.pending.setText(str(status.pending_ops))
        # A shared laptop: each officer's changes go up under that officer's own sign-in.
        self.waiting.setText("\n".join(
            self.tr("{n} of them by {name}: they are sent once {name} signs in on this laptop while online.")
            .format(n=n, name=name) for _id, name, n in status.waiting))
        self.waiting.setVisible(bool(status.waiting))
        self.blobs.setText(self.tr("{n} ({size})").format(n=status.pending_blobs, size=human_size(status.pending_blob_bytes)))
        self.conflicts.setText(str(status.open_conflicts))
        self.last.setText(local_text(status.last_success_at) or self.tr("never"))
        self.error.setText(error_text(status.last_error) if status.last_error else "")
        self.error.setVisible(status.last_error is not None)
        self.failed.setRowCount(len(status.failed))
        for i, item in enumerate(status.failed):
            reason, code = str(item["last_error"]), str(item["code"])
            kind = self._tr(ENTITIES, item["entity"])
            why = explain(str(item["entity"]), reason) or (self._tr(REASONS, code) if code in REASONS else reason)
            if item["rolled_back"]:
                why = self.tr("{why} The record is back to the server's version: redo the change the allowed way, "
                              "or discard it.").format(why=why)
            cells = (local_text(item["created_at"]),
                     self.tr("{kind}: {name}").format(kind=kind, name=item["record_name"]) if item["record_name"] else kind,
                     self._tr(OPS, item["op"]), self._tr(ANSWERS, item["status"]), why)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["op_id"])
                cell.setToolTip(reason)  # the server's own words, for the administrator
                self.failed.setItem(i, column, cell)
        self.failed.resizeRowsToContents()  # an explanation takes two or three lines
        self.failed.setVisible(bool(status.failed))
        self.retry_button.setVisible(bool(status.failed))
        self.discard_button.setVisible(any(item["op_id"] for item in status.failed))
        self.empty.setVisible(not status.failed)

    @staticmethod
    def _tr(table: dict[str, str], key: str) -> str:
        return QCoreApplication.translate("SyncView", table[key]) if key in table else key

    def show_online(self, online: bool | None) -> None:
        text = {True: self.tr("● online"), False: self.tr("○ offline"), None: ""}[online]
        self.online.setText(text)
        self.online.setStyleSheet("color: #1b7f3b;" if online else "color: #8a8a8a;")

    def sync_now(self) -> None:
        self.controller.sync()

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        label = {"blobs": self.tr("attachments"), "ops": self.tr("changes sent"), "pull": self.tr("changes received")}
        self.bar.setFormat(f"{label.get(what, what)} %v / %m")

    def _finished(self, report: SyncReport) -> None:
        advice = clock_advice(report.clock_offset)
        self.clock.setText(advice)
        self.clock.setVisible(bool(advice))
        self.bar.setVisible(False)
        self.sync_button.setEnabled(True)
        self.ctx.events.status.emit(self.tr("Synced: {sent} sent, {got} received.").format(
            sent=report.pushed, got=report.pulled))

    def _failed(self, exc: BaseException) -> None:
        self.bar.setVisible(False)
        self.sync_button.setEnabled(True)
        if isinstance(exc, NeedsSignIn):
            self.sign_in_button.setVisible(True)
        self.error.setText(error_text(exc))
        self.error.setVisible(True)

    def sign_in(self) -> None:
        password, ok = QInputDialog.getText(
            self, self.tr("Sign in to the server"),
            self.tr("Password of {name} on the sync server:").format(name=self.ctx.session.actor.name),
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.ctx.runner.run(sign_in_online, self.ctx.session, password,
                                on_done=self._signed_in, on_error=lambda e: show_error(self, e))

    def _signed_in(self, _profile: object) -> None:
        self.controller.sync()

    def _selected_ops(self) -> list[str]:
        # Attachments have no op id: they are tried again at every sync anyway.
        return sorted({str(self.failed.model().index(i.row(), 0).data(Qt.ItemDataRole.UserRole))
                       for i in self.failed.selectionModel().selectedRows()} - {""})

    def retry_selected(self) -> None:
        ids = self._selected_ops()
        if ids:
            self.ctx.runner.run(retry_failed, self.ctx.session, ids, on_done=lambda _n: self.controller.refresh(),
                                on_error=lambda e: show_error(self, e))

    def discard_selected(self) -> None:
        ids = self._selected_ops()
        if ids:
            self.ctx.runner.run(discard_failed, self.ctx.session, ids, on_done=lambda _n: self.controller.refresh(),
                                on_error=lambda e: show_error(self, e))
