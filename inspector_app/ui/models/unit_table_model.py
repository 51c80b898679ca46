"""The units table: the ordered rowids of a query are held in memory (100,000 ints is
nothing); rows are read a page at a time when the view first paints them."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from inspector_app.domain.entities import UNIT_KINDS
from inspector_app.services.profile import unit_page
from inspector_app.services.session import Session

PAGE = 200
MAX_PAGES = 64

Index = QModelIndex | QPersistentModelIndex


class UnitTableModel(QAbstractTableModel):
    """Read-only table of units for the units page."""

    sortRequested = Signal(str, bool)  # sort key, descending

    COLUMNS = ("name", "kind", "address", "road", "phone", "agreement", "star")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rowids: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self._titles = {
            "name": self.tr("Name"),
            "kind": self.tr("Kind"),
            "address": self.tr("Address"),
            "road": self.tr("Road segment"),
            "phone": self.tr("Phone"),
            "agreement": self.tr("责任书"),
            "star": self.tr("Stars"),
        }

    def set_rowids(self, rowids: list[int]) -> None:
        """Show a new query result."""
        self.beginResetModel()
        self.rowids = rowids
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Forget cached rows (after an edit) and repaint."""
        self._pages.clear()
        if self.rowids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rowids) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rowids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row(self, row: int) -> dict[str, Any] | None:
        """The record shown in ``row`` (reads its page if needed)."""
        if not 0 <= row < len(self.rowids):
            return None
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            cached = unit_page(self.session, self.rowids[page * PAGE : (page + 1) * PAGE])
            self._pages[page] = cached
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return cached.get(self.rowids[row])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        record = self.row(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return record["id"]
        column = self.COLUMNS[index.column()]
        if column == "name":
            return record["name"]
        if column == "kind":
            return UNIT_KINDS.get(record["kind"], record["kind"])
        if column == "address":
            return record["address"]
        if column == "road":
            return record["road_name"] or ""
        if column == "phone":
            return record["phone"]
        if column == "agreement":
            return self.tr("Signed") if record["agreement_signed"] else self.tr("Not signed")
        if column == "star":
            stars = record["star_rating"]
            return "★" * stars if stars else ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[self.COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorting happens in SQL off the UI thread; the view asks for the new order.
        self.sortRequested.emit(self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
