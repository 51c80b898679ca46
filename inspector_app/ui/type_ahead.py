"""Type-ahead over a list or table: rows whose text, pinyin or pinyin initials do not contain
what is typed are hidden (``qcl`` leaves 泉城路); Down moves from the filter into the rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QTableWidget,
)

from inspector_app.services.type_ahead import matches

# Item data holding a row's services.type_ahead.typeahead_text (column 0 of a table).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


def _row_text(view: QListWidget | QTableWidget, row: int) -> str:
    item = view.item(row) if isinstance(view, QListWidget) else view.item(row, 0)
    value = item.data(SEARCH_ROLE) if item is not None else None
    return str(value or (item.text() if item is not None else "")).casefold()


def _count(view: QListWidget | QTableWidget) -> int:
    return view.count() if isinstance(view, QListWidget) else view.rowCount()


def apply_filter(view: QListWidget | QTableWidget, typed: str) -> list[int]:
    """Show only the rows matching ``typed``; returns the visible rows, top first."""
    shown: list[int] = []
    for row in range(_count(view)):
        hit = matches(typed, _row_text(view, row))
        if isinstance(view, QListWidget):
            view.item(row).setHidden(not hit)
        else:
            view.setRowHidden(row, not hit)
        if hit:
            shown.append(row)
    return shown


class TypeAhead(QObject):
    """Binds a filter line edit to a list or table; the first match becomes current."""

    def __init__(self, edit: QLineEdit, view: QListWidget | QTableWidget) -> None:
        super().__init__(edit)
        self.edit, self.view = edit, view
        edit.textChanged.connect(self.refilter)
        edit.installEventFilter(self)

    def refilter(self) -> list[int]:
        """Apply what is typed (again, e.g. after the rows were refilled)."""
        shown = apply_filter(self.view, self.edit.text())
        if shown and self.edit.text().strip():
            self._make_current(shown[0])
        return shown

    def _make_current(self, row: int) -> None:
        if isinstance(self.view, QListWidget):
            self.view.setCurrentRow(row)
        else:
            self.view.selectRow(row)
        index = self.view.model().index(row, 0)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)):
            self.view.setFocus()
            return True
        return super().eventFilter(watched, event)


class _ByKeys(QCompleter):
    """Matches on SEARCH_ROLE but puts the choice's own name into the box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def combo_type_ahead(combo: QComboBox) -> None:
    """Let a choice combo be typed into: its items' SEARCH_ROLE (name, pinyin, initials) are
    matched anywhere, the list drops down, Enter picks; what names no item falls back."""
    for i in range(combo.count()):
        if combo.itemData(i, SEARCH_ROLE) is None:
            combo.setItemData(i, combo.itemText(i).casefold(), SEARCH_ROLE)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = _ByKeys(combo.model(), combo)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)

    def settle() -> None:
        # Typed text that is not a choice must not look chosen: show what really is.
        exact = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            combo.setCurrentIndex(exact)
        else:
            combo.setEditText(combo.itemText(combo.currentIndex()))

    line = combo.lineEdit()
    if line is not None:
        line.editingFinished.connect(settle)
