"""The buttons of the 待办 page and what each does: the handler's steps, the dispatcher's, and
the hand-over to a 八乱 check or a violation. Which buttons show depends on the order's
status and on who is signed in (the services check again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from inspector_app.domain.changes import Changes
from inspector_app.domain.roles import Permission
from inspector_app.domain.work_orders import MAX_EXTENSION_DAYS, SATISFACTION
from inspector_app.services.profile import squad_officers
from inspector_app.services.work_orders import (
    check_values_for,
    decide_extension,
    dispatch_by_road,
    dispatch_order,
    link_to_check,
    link_violation,
    record_visit,
    reply_order,
    request_extension,
    resume_order,
    return_order,
    shelve_order,
    start_order,
    suggest_handler,
    verify_order,
    violation_values_for,
)
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.work_order_dialogs import (
    ReplyDialog,
    StepDialog,
    choice,
    date_edit,
    reason_dialog,
    spin,
)

HANDLER_STEPS = {
    "start": ("dispatched",), "reply": ("dispatched", "handling"), "return": ("dispatched", "handling"),
    "shelve": ("handling",), "resume": ("shelved",), "extend": ("dispatched", "handling", "shelved"),
    "check": ("dispatched", "handling"), "violation": ("dispatched", "handling"),
}


class WorkOrderActions(QObject):
    """Builds the buttons and runs the steps for the page's current order."""

    def __init__(self, page: QWidget, ctx: PageContext) -> None:
        super().__init__(page)
        self.page, self.ctx, self.session = page, ctx, ctx.session
        self.order: dict[str, Any] | None = None
        self.dialog: Any = None
        self.grid: Any = None  # the page's button grid, laid out again for each order
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("start", "fa5s.play", self.tr("Start"), lambda: self._run(start_order)),
            ("reply", "fa5s.reply", self.tr("Reply…"), self.reply),
            ("return", "fa5s.undo", self.tr("Return (退单)…"), lambda: self._reason(
                self.tr("Return the order"), self.tr("Reason"), return_order, self.tr("e.g. not 城管's duty: 住建部门"))),
            ("shelve", "fa5s.pause", self.tr("On hold (挂账)…"), self.shelve),
            ("resume", "fa5s.play-circle", self.tr("Resume"), lambda: self._run(resume_order)),
            ("extend", "fa5s.calendar-plus", self.tr("Extension…"), self.extend),
            ("check", "fa5s.exclamation-triangle", self.tr("八乱 check…"), self.hand_to_check),
            ("violation", "fa5s.gavel", self.tr("Violation…"), self.hand_to_violation),
            ("dispatch", "fa5s.user-check", self.tr("Dispatch…"), self.dispatch),
            ("approve", "fa5s.check", self.tr("Approve extension"), lambda: self._run(decide_extension, True)),
            ("refuse", "fa5s.times", self.tr("Refuse extension…"), lambda: self._reason(
                self.tr("Refuse the extension"), self.tr("Reason"), lambda s, o, r: decide_extension(s, o, False, r))),
            ("close", "fa5s.check-double", self.tr("Verify and close"), lambda: self._run(verify_order, True)),
            ("send_back", "fa5s.reply-all", self.tr("Send back…"), lambda: self._reason(
                self.tr("Send back to the handler"), self.tr("What is missing"), lambda s, o, r: verify_order(s, o, False, r))),
            ("visit", "fa5s.phone-alt", self.tr("回访…"), self.visit),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for key, icon_name, text, slot in specs:
            button = QPushButton(icon(icon_name), text)
            button.setObjectName(f"step_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.by_road = QPushButton(icon("fa5s.route"), self.tr("Dispatch by road"))
        self.by_road.setObjectName("dispatchByRoad")
        self.by_road.setToolTip(self.tr("Each order of the list to dispatch goes to the officer who patrols its road most"))
        self.by_road.clicked.connect(self.dispatch_listed)
        self.import_button = QPushButton(icon("fa5s.file-import"), self.tr("Import…"))
        self.import_button.setObjectName("importOrders")
        self.import_button.clicked.connect(self.import_file)

    def bar_buttons(self) -> list[QPushButton]:
        dispatcher = self.session.can(Permission.DISPATCH_ORDERS)
        for b in (self.by_road, self.import_button):
            b.setVisible(dispatcher)
        return [self.by_road, self.import_button]

    def step_buttons(self) -> list[QPushButton]:
        return list(self.buttons.values())

    def update(self, order: dict[str, Any] | None) -> None:
        """Show the steps the order can take now, for the signed-in officer."""
        self.order = order
        status = order["status"] if order else ""
        handler = bool(order and order["is_handler"])
        dispatcher = bool(order and order["can_dispatch"])
        shown = {key for key, states in HANDLER_STEPS.items() if handler and status in states}
        if dispatcher:
            if status in ("received", "returned", "dispatched"):
                shown.add("dispatch")
            if order and order["extension_status"] == "requested":
                shown |= {"approve", "refuse"}
            if status == "replied":
                shown |= {"close", "send_back"}
            if status == "closed" and order and not order["satisfaction"]:
                shown.add("visit")
        if order and order["extension_status"] == "requested":
            shown.discard("extend")
        for key, button in self.buttons.items():
            button.setVisible(key in shown)
        if self.grid is not None:  # the visible ones side by side, three to a row
            for button in self.buttons.values():
                self.grid.removeWidget(button)
            visible = [b for k, b in self.buttons.items() if k in shown]
            for i, button in enumerate(visible):
                self.grid.addWidget(button, i // 3, i % 3)

    # -- running steps -----------------------------------------------------------------------
    def _publish(self, changes: Any) -> None:
        self.ctx.events.publish(changes if isinstance(changes, Changes) else getattr(changes, "changes", Changes()))

    def _run(self, fn: Callable[..., Any], *args: Any) -> None:
        if self.order is not None:
            self.ctx.runner.run(fn, self.session, self.order["id"], *args, on_done=self._publish,
                                on_error=lambda e: show_error(self.page, e))

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._publish(dialog.changes))
        dialog.open()

    def _reason(self, title: str, label: str, fn: Callable[..., Any], placeholder: str = "") -> None:
        if self.order is not None:
            self._open(reason_dialog(self.ctx.runner, title, label, fn, self.session, self.order["id"], self.page,
                                     placeholder))

    def reply(self) -> None:
        if self.order is not None:
            self._open(ReplyDialog(self.session, self.ctx.runner, self.order, reply_order, self.page))

    def shelve(self) -> None:
        if self.order is None:
            return
        dialog = StepDialog(self.ctx.runner, self.tr("Put on hold (挂账)"), self.page)
        reason = dialog.reason_box(self.tr("Why it cannot be solved now"))
        day = date_edit(self.session.today() + timedelta(days=14))
        dialog.form.addRow(self.tr("Look at it again on"), day)
        order_id = self.order["id"]
        dialog.action = lambda: (shelve_order, (self.session, order_id, reason.toPlainText(), day.date().toPython()))
        self._open(dialog)

    def extend(self) -> None:
        if self.order is None:
            return
        dialog = StepDialog(self.ctx.runner, self.tr("Ask for an extension (延期申请)"), self.page)
        days = spin(1, MAX_EXTENSION_DAYS, 3)
        dialog.form.addRow(self.tr("Working days more"), days)
        reason = dialog.reason_box(self.tr("Reason"))
        order_id = self.order["id"]
        dialog.action = lambda: (request_extension, (self.session, order_id, days.value(), reason.toPlainText()))
        self._open(dialog)

    def dispatch(self) -> None:
        if self.order is None:
            return
        order_id = self.order["id"]
        officers = [(o["name"], o["id"]) for o in squad_officers(self.session) if o["role"] in ("officer", "supervisor")]

        def suggested(officer_id: str | None) -> None:
            dialog = StepDialog(self.ctx.runner, self.tr("Dispatch {number}").format(number=self.order["platform_no"]
                                                                                  if self.order else ""), self.page)
            who = choice(officers, officer_id)
            who.setObjectName("officer")
            dialog.form.addRow(self.tr("Officer"), who)
            if officer_id:
                dialog.form.addRow("", _note(self.tr("Suggested: patrols this road most in the last 30 days")))
            dialog.action = lambda: (dispatch_order, (self.session, order_id, who.currentData(),
                                                      "road" if who.currentData() == officer_id else "hand"))
            self._open(dialog)

        self.ctx.runner.run(suggest_handler, self.session, order_id, on_done=suggested,
                            on_error=lambda e: show_error(self.page, e))

    def dispatch_listed(self) -> None:
        """Dispatch every order of the shown list that waits for it, by road."""
        rows = [r["id"] for r in getattr(self.page, "rows", []) if r["status"] in ("received", "returned")]
        page = self.page

        def done(result: Any) -> None:
            self._publish(result.changes)
            page.count.setText(self.tr("{n} dispatched by road; {left} need a dispatch by hand").format(  # type: ignore[attr-defined]
                n=result.dispatched, left=result.left))

        self.ctx.runner.run(dispatch_by_road, self.session, rows, on_done=done, on_error=lambda e: show_error(page, e))

    def visit(self) -> None:
        if self.order is None:
            return
        dialog = StepDialog(self.ctx.runner, self.tr("回访: what the reporter said"), self.page)
        answer = choice([(tr_text(label, "work_orders"), key) for key, label in SATISFACTION.items()])
        answer.setObjectName("satisfaction")
        dialog.form.addRow(self.tr("Satisfaction"), answer)
        note = dialog.reason_box(self.tr("Note"))
        order_id = self.order["id"]
        dialog.action = lambda: (record_visit, (self.session, order_id, answer.currentData(), note.toPlainText()))
        self._open(dialog)

    def hand_to_check(self) -> None:
        """A 八乱 check found for the order, linked both ways in the check's transaction."""
        if self.order is None:
            return
        from inspector_app.ui.disorder_dialog import DisorderDialog

        order_id = self.order["id"]
        values = check_values_for(self.session, order_id)
        dialog = DisorderDialog(self.session, self.ctx.runner, values.get("category"), values=values, parent=self.page)
        dialog.within = link_to_check(self.session, order_id)
        dialog.accepted.connect(lambda: self._publish(dialog.recorded.changes if dialog.recorded else Changes()))
        self.dialog = dialog
        dialog.open()

    def hand_to_violation(self) -> None:
        """The violation form (and the notice after it) with the order as its source."""
        if self.order is None:
            return
        from inspector_app.ui.notice_flow import NoticeFlow

        order_id = self.order["id"]
        flow = NoticeFlow(self.page, self.ctx)
        self.dialog = flow

        def recorded(violation_id: str) -> None:
            self.ctx.runner.run(link_violation, self.session, order_id, violation_id, on_done=self._publish,
                                on_error=lambda e: show_error(self.page, e))

        flow.start(violation_values_for(self.session, order_id), recorded)

    def import_file(self) -> None:
        from inspector_app.ui.work_order_import_dialog import WorkOrderImportDialog

        dialog = WorkOrderImportDialog(self.ctx, self.page)
        self._open(dialog)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f6368;")
    return label
