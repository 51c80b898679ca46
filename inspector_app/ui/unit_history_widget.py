"""The unit pane's history: inspections, 八乱 checks and notices of the selected unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from inspector_app.domain.catalogs import Catalogs
from inspector_app.domain.clock import local_text
from inspector_app.domain.disorders import STATUS_LABELS
from inspector_app.ui.i18n import tr_text


class UnitHistoryWidget(QTableWidget):
    """Date, what, outcome — one row per record, newest first."""

    def __init__(self, catalogs: Catalogs) -> None:
        super().__init__(0, 3)
        self.setObjectName("unitHistory")
        self.categories = {d.code: d.name_zh for d in catalogs.disorders}
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Record"), self.tr("Outcome")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.violation_statuses = {"open": self.tr("waiting for re-check"), "rectified": self.tr("rectified"),
                                   "case": self.tr("case filed"), "closed": self.tr("closed")}

    def show_history(self, rows: list[dict[str, Any]]) -> None:
        """Fill in a unit's history (an empty list clears it)."""
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            what, outcome = self._describe(r)
            for column, text in enumerate((local_text(r["at"], "%Y-%m-%d"), what, outcome)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(i, column, item)

    def _describe(self, r: dict[str, Any]) -> tuple[str, str]:
        if r["kind"] == "inspection":
            outcome = self.tr("compliant") if r["compliant"] else \
                self.tr("{n} duties not met").format(n=r["failed_duties"] or 0)
            return self.tr("门前五包 inspection"), outcome
        if r["kind"] == "check":
            return self.tr("八乱: {category}").format(category=self.categories.get(r["category"], r["category"])), \
                tr_text(STATUS_LABELS.get(r["status"], r["status"]), "disorders")
        status = self.violation_statuses.get(r["status"], r["status"])
        notice = r["number"] or self.tr("(not issued)")
        return self.tr("Violation {item}, notice {number}").format(item=r["category"], number=notice), status
