"""The administrator's editor of the per-district rights printed on every notice: who issues,
where and within how long 陈述、申辩 is heard, the 复议 body and period, the court and period of
诉讼, and which documents say 复议、诉讼期间不停止执行. Entries the bureau has not confirmed (every
shipped court) are marked until the administrator confirms them."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.rights import DistrictRights
from inspector_app.services.rights_catalog import (
    DistrictEntry,
    district_entries,
    edit_district_rights,
    restore_shipped_rights,
)
from inspector_app.ui.context import PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.screen_fit import fit_to_screen

ORDERING = (("warning", "警示告知书"), ("rectify_order", "责令限期改正通知书"), ("no_penalty", "不予行政处罚决定书"))


class RightsDialog(QDialog):
    """Districts in a table; the selected one in a form below, saved through the service."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[DistrictEntry] = []
        self.setWindowTitle(self.tr("Rights, review bodies and courts by district"))
        fit_to_screen(self, QSize(980, 580))
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("rightsDistricts")
        self.table.setHorizontalHeaderLabels([
            self.tr("District"), self.tr("Review body"), self.tr("Court"), self.tr("Periods (hearing · review · litigation)"),
            self.tr("To confirm"), self.tr("Edited")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in (1, 2)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._select)
        self.authority, self.review_body, self.court = QLineEdit(), QLineEdit(), QLineEdit()
        self.hearing_place = QLineEdit()
        self.hearing_place.setPlaceholderText(self.tr("Empty: the squad that issues the document"))
        self.hearing_days, self.review_days, self.litigation_months = (self._period() for _ in range(3))
        self.no_suspension = {kind: QCheckBox(name) for kind, name in ORDERING}
        self.mark = QLabel()
        self.mark.setObjectName("rightsToConfirm")
        self.mark.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.confirmed = QCheckBox(self.tr("I have confirmed the issuing body, review body and court with the bureau"))
        self.save_button = QPushButton(self.tr("Save this district"))
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton(self.tr("Restore the shipped entry"))
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._form())
        layout.addWidget(self.mark)
        bottom = QHBoxLayout()
        bottom.addWidget(self.confirmed, 1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def _period(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 999)
        return box

    def _form(self) -> QHBoxLayout:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Issuing authority"), self.authority)
        left.addRow(self.tr("Review body (复议机关)"), self.review_body)
        left.addRow(self.tr("Court (诉讼)"), self.court)
        left.addRow(self.tr("Place of 陈述、申辩"), self.hearing_place)
        periods = QHBoxLayout()
        for label, box in ((self.tr("陈述申辩 days"), self.hearing_days), (self.tr("复议 days"), self.review_days),
                           (self.tr("诉讼 months"), self.litigation_months)):
            periods.addWidget(QLabel(label))
            periods.addWidget(box)
        right.addRow(periods)
        right.addRow(QLabel(self.tr("复议、诉讼期间不停止执行 is printed on:")))
        for check in self.no_suspension.values():
            right.addRow(check)
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        return row

    def reload(self, select: str = "") -> None:
        self.ctx.runner.run(district_entries, self.ctx.session,
                            on_done=lambda entries: self._show(entries, select), on_error=lambda e: show_error(self, e))

    def _confirm_text(self, rights: DistrictRights) -> str:
        names = {"court": self.tr("court"), "authority": self.tr("issuing authority"),
                 "review_body": self.tr("review body")}
        return "、".join(names[k] for k in rights.to_confirm)

    def _show(self, entries: list[DistrictEntry], select: str) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for i, entry in enumerate(entries):
            r = entry.rights
            cells = (f"{entry.name}（{r.district_code}）", r.review_body, r.court,
                     self.tr("{h} d · {r} d · {m} months").format(h=r.hearing_days, r=r.review_days, m=r.litigation_months),
                     self._confirm_text(r), self.tr("edited") if entry.edited_by else self.tr("shipped"))
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))
        codes = [e.rights.district_code for e in entries]
        self.table.selectRow(codes.index(select) if select in codes else 0)
        self._select()  # the same row selected again emits no change, yet its entry is new

    def current(self) -> DistrictEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and self.entries else None

    def _select(self) -> None:
        entry = self.current()
        if entry is None:
            return
        r = entry.rights
        for edit, text in ((self.authority, r.authority), (self.review_body, r.review_body), (self.court, r.court),
                           (self.hearing_place, r.hearing_place)):
            edit.setText(text)
        self.hearing_days.setValue(r.hearing_days)
        self.review_days.setValue(r.review_days)
        self.litigation_months.setValue(r.litigation_months)
        for kind, box in self.no_suspension.items():
            box.setChecked(kind in r.no_suspension_for)
        waiting = self._confirm_text(r)
        self.mark.setText(self.tr("To confirm with the bureau: {what}").format(what=waiting) if waiting else "")
        self.confirmed.setChecked(False)
        self.confirmed.setEnabled(bool(waiting))
        self.restore_button.setEnabled(bool(entry.edited_by))

    def values(self) -> dict[str, object]:
        """The form as the service takes it (the service checks it)."""
        return {"authority": self.authority.text(), "review_body": self.review_body.text(), "court": self.court.text(),
                "hearing_place": self.hearing_place.text(), "hearing_days": self.hearing_days.value(),
                "review_days": self.review_days.value(), "litigation_months": self.litigation_months.value(),
                "no_suspension_for": [k for k, box in self.no_suspension.items() if box.isChecked()]}

    def save(self) -> None:
        entry = self.current()
        if entry is None:
            return
        code = entry.rights.district_code
        self.ctx.runner.run(edit_district_rights, self.ctx.session, code, self.values(), self.confirmed.isChecked(),
                            on_done=lambda _r: self.reload(code), on_error=lambda e: show_error(self, e))

    def restore(self) -> None:
        entry = self.current()
        if entry is None:
            return
        code = entry.rights.district_code
        self.ctx.runner.run(restore_shipped_rights, self.ctx.session, code,
                            on_done=lambda _r: self.reload(code), on_error=lambda e: show_error(self, e))
