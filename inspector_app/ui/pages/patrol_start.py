"""Starting a patrol in a few keys: the last patrol's roads and partner are ticked already,
typing finds a road (name or pinyin initials), Space ticks it, Enter starts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.icons import icon
from inspector_app.ui.type_ahead import SEARCH_ROLE, TypeAhead

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PatrolStartPage(QWidget):
    """Road segments to tick, an optional second officer, Start."""

    start_requested = Signal()

    def __init__(self, roads: list[dict[str, Any]], colleagues: list[dict[str, Any]]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Start a patrol"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(title)
        hint = QLabel(self.tr("Tick the road segments you patrol today. Type to find one (name or pinyin "
                              "initials, e.g. qcl), Enter ticks it; Enter with nothing typed starts."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.filter = QLineEdit()
        self.filter.setObjectName("roadFilter")
        self.filter.setPlaceholderText(self.tr("Find a road segment: 泉城路 or qcl"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.roads = QListWidget()
        self.roads.setObjectName("patrolRoads")
        for road in roads:
            item = QListWidgetItem(f"{road['name']}　{road['grid_code']}")
            item.setData(Qt.ItemDataRole.UserRole, road["id"])
            item.setData(SEARCH_ROLE, road.get("search") or road["name"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roads.addItem(item)
        self.roads.installEventFilter(self)
        layout.addWidget(self.roads, 1)
        # What is ticked stays in sight while the filter hides rows (the defaults included).
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenRoads")
        self.chosen.setWordWrap(True)
        layout.addWidget(self.chosen)
        self.roads.itemChanged.connect(lambda _: self._show_chosen())
        self._show_chosen()
        self.type_ahead = TypeAhead(self.filter, self.roads)
        self.filter.returnPressed.connect(self._filter_enter)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Second officer:")))
        self.partner = QComboBox()
        self.partner.setObjectName("partner")
        self.partner.addItem(self.tr("(none)"), None)
        for o in colleagues:
            self.partner.addItem(f"{o['name']}（{o['badge_no']}）", o["id"])
        row.addWidget(self.partner, 1)
        self.start_button = QPushButton(icon("fa5s.walking"), self.tr("Start patrol"))
        self.start_button.setObjectName("startPatrol")
        self.start_button.clicked.connect(self.start_requested)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self.setFocusProxy(self.filter)

    def apply_defaults(self, defaults: dict[str, Any]) -> None:
        """Tick the last patrol's roads and choose its second officer (kept if already chosen)."""
        ticked = set(defaults.get("road_ids") or ())
        if ticked and not self.road_ids():
            for i in range(self.roads.count()):
                item = self.roads.item(i)
                if item.data(Qt.ItemDataRole.UserRole) in ticked:
                    item.setCheckState(Qt.CheckState.Checked)
        partner = self.partner.findData(defaults.get("second_officer_id"))
        if partner > 0 and self.partner.currentIndex() == 0:
            self.partner.setCurrentIndex(partner)

    def _show_chosen(self) -> None:
        names = [self.roads.item(i).text().split("　")[0] for i in range(self.roads.count())
                 if self.roads.item(i).checkState() == Qt.CheckState.Checked]
        self.chosen.setText(self.tr("Ticked: {roads}").format(roads="、".join(names)) if names
                            else self.tr("No road segment ticked yet."))

    def road_ids(self) -> list[str]:
        """The ticked road segments, in list order."""
        return [
            self.roads.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.roads.count())
            if self.roads.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _toggle(self, item: QListWidgetItem | None) -> None:
        if item is None or item.isHidden():
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _filter_enter(self) -> None:
        if not self.filter.text().strip():
            self.start_requested.emit()
            return
        self._toggle(self.roads.currentItem())
        self.filter.clear()  # ready for the next road

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.roads and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in _ENTER):
            self.start_requested.emit()
            return True
        return super().eventFilter(watched, event)
