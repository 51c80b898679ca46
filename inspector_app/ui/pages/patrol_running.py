"""The widgets of a running patrol: status line, actions, quick 八乱 buttons, and the units
along the roads with a type-ahead filter and the next unit to check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.icons import icon
from inspector_app.ui.type_ahead import TypeAhead


class PatrolRunningPage(QWidget):
    """Layout only; PatrolView connects the actions."""

    quick_check = Signal(str)  # 八乱 category code
    # Enter in the unit filter or on the table. Not a window shortcut on the button: that would
    # also fire for Enter typed into the filter, and two inspection forms would open.
    inspect_requested = Signal()

    def __init__(self, disorders: Sequence[Any], columns: int) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("patrolStatus")
        self.status.setStyleSheet("font-size: 12pt;")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.here_button = QPushButton(icon("fa5s.map-marker-alt"), self.tr("Record my position…"))
        self.inspect_button = QPushButton(icon("fa5s.clipboard-check"), self.tr("Inspect selected unit"))
        self.end_button = QPushButton(icon("fa5s.flag-checkered"), self.tr("End patrol"))
        self.end_button.setObjectName("endPatrol")
        for b in (self.here_button, self.inspect_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        quick = QGridLayout()
        quick.addWidget(QLabel(self.tr("Report 八乱:")), 0, 0)
        self.quick_buttons: dict[str, QPushButton] = {}
        for n, disorder in enumerate(disorders):
            button = QPushButton(disorder.name_zh.split("（")[0])
            button.setObjectName(f"quick_{disorder.code}")
            button.setToolTip(disorder.name_zh)
            button.clicked.connect(lambda _=False, code=disorder.code: self.quick_check.emit(code))
            quick.addWidget(button, n // 4, 1 + n % 4)
            self.quick_buttons[disorder.code] = button
        quick.setColumnStretch(5, 1)
        layout.addLayout(quick)
        find = QHBoxLayout()
        self.unit_filter = QLineEdit()
        self.unit_filter.setObjectName("unitFilter")
        self.unit_filter.setPlaceholderText(self.tr("Find a unit: name, address or pinyin initials; Enter inspects it"))
        self.unit_filter.setClearButtonEnabled(True)
        find.addWidget(self.unit_filter, 1)
        self.next_hint = QLabel()
        self.next_hint.setObjectName("nextUnit")
        self.next_hint.setWordWrap(True)
        self.next_hint.setStyleSheet("color: #0b57d0;")
        self.next_hint.hide()
        find.addWidget(self.next_hint, 2)
        layout.addLayout(find)
        self.table = QTableWidget(0, columns)
        self.table.setObjectName("patrolUnits")
        self.table.setHorizontalHeaderLabels([
            self.tr("Unit"), self.tr("Address"), self.tr("Road segment"), self.tr("Last inspection"),
            self.tr("Distance"), self.tr("This patrol"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 260, 160, 150, 80)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.unit_type_ahead = TypeAhead(self.unit_filter, self.table)
        self.unit_filter.returnPressed.connect(self.inspect_requested)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.inspect_requested.emit()
            return True
        return super().eventFilter(watched, event)
