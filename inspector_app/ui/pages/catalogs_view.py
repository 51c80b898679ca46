"""The administrator's catalog page: versions of the 首违不罚 catalog (import a new one from
.xlsx or .json, with every bad row listed), confirming legal bases marked "to verify", the
per-district rights (ui/rights_dialog.py) and the squad's document number formats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector_app.services.first_offence_catalog import (
    CatalogImport,
    CatalogInUse,
    all_versions,
    catalog_in_use,
    confirm_legal_basis,
    import_catalog_version,
)
from inspector_app.services.notice_documents import number_formats, set_number_format
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.rights_dialog import RightsDialog


class CatalogsView(Page):
    """Catalog versions, the items of the one in use, number formats."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.catalog: CatalogInUse | None = None
        self.version = QLabel()
        self.version.setObjectName("catalogVersion")
        import_button = QPushButton(icon("fa5s.file-import"), self.tr("Import a new version…"))
        import_button.clicked.connect(self.import_version)
        self.confirm_button = QPushButton(icon("fa5s.check"), self.tr("Confirm the legal basis"))
        self.confirm_button.setToolTip(self.tr("After checking the row against the current official text"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        rights_button = QPushButton(icon("fa5s.balance-scale"), self.tr("Rights and courts…"))
        rights_button.setObjectName("rightsButton")
        rights_button.setToolTip(self.tr("陈述申辩, 复议 and 诉讼 printed on the notices, per district"))
        rights_button.clicked.connect(self.edit_rights)
        top = QHBoxLayout()
        top.addWidget(self.version, 1)
        top.addWidget(rights_button)
        top.addWidget(self.confirm_button)
        top.addWidget(import_button)
        self.items = QTableWidget(0, 8)
        self.items.setObjectName("catalogItems")
        self.items.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Violation"), self.tr("Provisions violated"), self.tr("Penalty provisions"),
            self.tr("Correction required"), self.tr("Penalty mode"), self.tr("Days to correct"), self.tr("To verify")])
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        for column, width in enumerate((50, 260, 220, 220, 240, 150, 70)):
            self.items.setColumnWidth(column, width)
        self.formats = QTableWidget(0, 2)
        self.formats.setObjectName("numberFormats")
        self.formats.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Number format")])
        self.formats.verticalHeader().setVisible(False)
        self.formats.setColumnWidth(0, 160)
        self.formats.horizontalHeader().setStretchLastSection(True)
        self.formats.setMaximumHeight(190)
        save_formats = QPushButton(icon("fa5s.save"), self.tr("Save number formats"))
        save_formats.clicked.connect(self.save_formats)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.items, 1)
        layout.addWidget(QLabel(self.tr("Document numbers of this squad: {district}, {code}, {year}, {n:04d}")))
        layout.addWidget(self.formats)
        layout.addWidget(save_formats)
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(lambda: (catalog_in_use(self.ctx.session), all_versions(self.ctx.session),
                                     number_formats(self.ctx.session)),
                            on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, loaded: tuple[CatalogInUse, list[dict[str, Any]], dict[str, str]]) -> None:
        self.catalog, versions, formats = loaded
        shipped = not versions
        self.version.setText(self.tr("In use: version {version}{shipped} · {n} imported versions kept").format(
            version=self.catalog.version, shipped=self.tr(" (shipped)") if shipped else "", n=len(versions)))
        self.confirm_button.setEnabled(not shipped)
        self.items.setRowCount(len(self.catalog.items))
        for i, item in enumerate(self.catalog.items):
            cells = (item.code, item.violation_zh, "；".join(item.violated_provisions_zh),
                     "；".join(item.penalty_provisions_zh), item.correction_zh, item.penalty_mode, str(item.rectify_days),
                     self.tr("to verify") if self.catalog.to_verify(item) else "")
            for column, text in enumerate(cells):
                self.items.setItem(i, column, QTableWidgetItem(text))
        self.formats.setRowCount(len(formats))
        for i, (doc_type, template) in enumerate(formats.items()):
            name = QTableWidgetItem(doc_type)
            self.formats.setItem(i, 0, name)
            self.formats.setItem(i, 1, QTableWidgetItem(template))

    def import_version(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("New catalog version"), "", "Excel / JSON (*.xlsx *.json)")
        if not name:
            return
        version, ok = QInputDialog.getText(self, self.tr("Version"), self.tr("Name of this version (e.g. 2027-01):"))
        if ok:
            self.ctx.runner.run(import_catalog_version, self.ctx.session, Path(name), version,
                                on_done=self._imported, on_error=lambda e: show_error(self, e))

    def _imported(self, result: CatalogImport) -> None:
        if result.stored:
            QMessageBox.information(self, self.tr("Catalog imported"),
                                    self.tr("Version {version} with {n} items is now in use.").format(version=result.version, n=result.items))
            self.reload()
            return
        row_word = self.tr("Row")
        lines = "\n".join(f"{row_word} {n}: {text}" for n, text in result.problems[:40])
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Catalog not imported"),
                          self.tr("Nothing was changed: {n} rows have problems. Correct them and import again.").format(
                              n=len(result.problems)), QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(lines)
        box.setObjectName("catalogProblems")
        box.open()

    def confirm_selected(self) -> None:
        rows = self.items.selectionModel().selectedRows()
        if rows and self.catalog:
            code = self.catalog.items[rows[0].row()].code
            self.ctx.runner.run(confirm_legal_basis, self.ctx.session, self.catalog.version, code,
                                on_done=lambda _r: self.reload(), on_error=lambda e: show_error(self, e))

    def edit_rights(self) -> None:
        self.rights_dialog = RightsDialog(self.ctx, self)
        self.rights_dialog.open()

    def save_formats(self) -> None:
        for row in range(self.formats.rowCount()):
            doc_type, template = self.formats.item(row, 0), self.formats.item(row, 1)
            if doc_type and template:
                self.ctx.runner.run(set_number_format, self.ctx.session, doc_type.text(), template.text(),
                                    on_error=lambda e: show_error(self, e))
        self.reload()
