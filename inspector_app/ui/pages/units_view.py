"""The units page: search (Chinese, pinyin, initials, USCC), a sortable lazy table, details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.roles import Permission
from inspector_app.services.profile import unit_detail, unit_history
from inspector_app.services.unit_import import export_units
from inspector_app.services.units import UnitQuery, search_unit_rowids, unit_form_values
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.models.unit_table_model import UnitTableModel
from inspector_app.ui.unit_detail_widget import UnitDetailWidget
from inspector_app.ui.unit_dialog import UnitDialog
from inspector_app.ui.unit_history_widget import UnitHistoryWidget

SEARCH_DELAY_MS = 180


class UnitsView(Page):
    """Search and browse all units; new and edit open the unit form."""

    shows = ("unit", "frontage_inspection", "disorder_check", "violation", "document")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.query = UnitQuery()
        self._generation = 0
        self._history_of: str | None = None  # the unit whose history is being shown
        self.model = UnitTableModel(ctx.session)

        self.search = QLineEdit()
        self.search.setObjectName("unitSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, address, contact, pinyin initials (e.g. qcl) or credit code")
        )
        self.search.addAction(icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.count = QLabel()
        self.count.setObjectName("unitCount")
        self.new_button = QPushButton(icon("fa5s.plus"), self.tr("New unit"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("New unit (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_unit)
        self.new_button.setEnabled(ctx.session.can(Permission.EDIT_UNITS))
        self.import_button = QPushButton(icon("fa5s.file-import"), self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import a unit registry from Excel or CSV"))
        self.import_button.clicked.connect(self.import_units)
        self.import_button.setVisible(ctx.session.can(Permission.IMPORT_UNITS))
        self.export_button = QPushButton(icon("fa5s.file-export"), self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export all units to Excel"))
        self.export_button.clicked.connect(self.export_units)
        self.edit_button = QPushButton(icon("fa5s.edit"), self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        self.agreement_button = QPushButton(icon("fa5s.file-signature"), self.tr("责任书…"))
        self.agreement_button.setToolTip(self.tr("Record the signing of the 门前五包责任书, or print it"))
        self.agreement_button.clicked.connect(self.open_agreement)
        self.agreement_button.setEnabled(False)

        self.table = QTableView()
        self.table.setObjectName("unitTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((220, 90, 280, 170, 110, 70)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())

        self.empty = QLabel()
        self.empty.setObjectName("unitsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368; font-size: 12pt; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail = UnitDetailWidget()
        self.history = UnitHistoryWidget(ctx.session.catalogs)
        pane = QSplitter(Qt.Orientation.Vertical)  # the fields above, the unit's history below
        pane.addWidget(self.detail)
        pane.addWidget(self.history)
        pane.setStretchFactor(1, 1)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.agreement_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_query)
        self.model.sortRequested.connect(self._sort)
        self.search.textChanged.connect(lambda _: self._timer.start())
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.run_query()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _sort(self, key: str, descending: bool) -> None:
        self.query = UnitQuery(self.query.text, key, descending)
        self.run_query()

    def run_query(self) -> None:
        """Search with what is typed now; late answers to older searches are dropped."""
        self._timer.stop()
        self.query = UnitQuery(self.search.text(), self.query.sort, self.query.descending)
        self._generation += 1
        generation = self._generation
        self.ctx.runner.run(
            search_unit_rowids,
            self.ctx.session,
            self.query,
            on_done=lambda rowids: self._show(generation, rowids),
            on_error=lambda exc: show_error(self, exc),
        )

    def _show(self, generation: int, rowids: list[int]) -> None:
        if generation != self._generation:
            return
        self.model.set_rowids(rowids)
        self.count.setText(self.tr("{n} units").format(n=len(rowids)))
        self.detail.show_unit(None)
        self.history.show_history([])
        self.edit_button.setEnabled(False)
        self.agreement_button.setEnabled(False)
        if rowids:
            self.stack.setCurrentWidget(self.table)
        else:
            if self.query.text.strip():
                self.empty.setText(
                    self.tr(
                        "No unit matches “{text}”.\nTry part of the name or address, pinyin "
                        "initials such as qcl for 泉城路, or the credit code."
                    ).format(text=self.query.text.strip())
                )
            else:
                self.empty.setText(
                    self.tr(
                        "There are no units yet.\nAdd one with “New unit” (Ctrl+N), or sync "
                        "to download your squad's units."
                    )
                )
            self.stack.setCurrentWidget(self.empty)

    def selected_unit_id(self) -> str | None:
        """The id of the selected row's unit, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        unit_id = self.selected_unit_id()
        self.edit_button.setEnabled(bool(unit_id) and self.ctx.session.can(Permission.EDIT_UNITS))
        self.agreement_button.setEnabled(bool(unit_id) and self.ctx.session.can(Permission.EDIT_UNITS))
        self.detail.show_unit(unit_detail(self.ctx.session, unit_id) if unit_id else None)
        self.history.show_history([])
        self._history_of = unit_id
        self._load_history()

    def _load_history(self) -> None:
        unit_id = self._history_of
        if unit_id:  # an answer for a unit no longer selected is dropped
            self.ctx.runner.run(unit_history, self.ctx.session, unit_id, on_error=lambda exc: show_error(self, exc),
                                on_done=lambda rows: self.history.show_history(rows) if self._history_of == unit_id else None)

    def new_unit(self) -> None:
        """Open an empty unit form."""
        self._open_dialog(None)

    def edit_selected(self) -> None:
        """Open the selected unit in the form."""
        unit_id = self.selected_unit_id()
        if unit_id and self.ctx.session.can(Permission.EDIT_UNITS):
            self._open_dialog(unit_id)

    def _open_dialog(self, unit_id: str | None) -> None:
        values = unit_form_values(self.ctx.session, unit_id) if unit_id else {"kind": "individual"}
        dialog = UnitDialog(self.ctx.session, self.ctx.runner, unit_id, values, self)
        dialog.setObjectName("unitDialog")
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes or Changes()))
        dialog.open()

    def open_agreement(self) -> None:
        """Record or print the selected unit's 责任书."""
        from inspector_app.ui.agreement_dialog import AgreementDialog

        unit_id = self.selected_unit_id()
        unit = unit_detail(self.ctx.session, unit_id) if unit_id else None
        if unit is None:
            return
        dialog = AgreementDialog(self.ctx.session, self.ctx.runner, unit, self)
        dialog.setObjectName("agreementDialog")
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes))
        dialog.open()

    def import_units(self) -> None:
        """Open the import dialog."""
        from inspector_app.ui.import_units_dialog import ImportUnitsDialog

        dialog = ImportUnitsDialog(self.ctx.session, self.ctx.runner, self)
        dialog.setObjectName("importDialog")
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes))
        dialog.open()

    def export_units(self) -> None:
        """Save every unit as .xlsx, with a progress bar in the status line."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export units"), "责任单位.xlsx", "Excel (*.xlsx)")
        if not name:
            return
        self.count.setText(self.tr("Exporting…"))
        self.ctx.runner.run(
            export_units, self.ctx.session, Path(name), with_progress=True,
            on_done=lambda n: self.count.setText(self.tr("Exported {n} units to {file}").format(n=n, file=Path(name).name)),
            on_error=lambda exc: show_error(self, exc),
        )

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("unit"):
            self.run_query()
        elif any(changes.touches(e) for e in ("frontage_inspection", "disorder_check", "violation", "document")):
            self._load_history()
