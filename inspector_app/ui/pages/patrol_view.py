"""The patrol page: start a patrol on assigned roads; while it runs, the units along those
roads (nearest and unchecked first) with their last result; inspect one; end with a summary."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Change, Changes
from inspector_app.domain.clock import local_text
from inspector_app.domain.roles import Permission
from inspector_app.services.disorders import values_from_inspection
from inspector_app.services.inspections import failed_duty_context
from inspector_app.services.patrols import (
    PatrolSummary,
    current_patrol,
    end_patrol,
    patrol_position,
    patrol_units,
    record_position,
    start_patrol,
)
from inspector_app.services.profile import squad_officers, squad_roads
from inspector_app.services.violations import violation_values_from_inspection
from inspector_app.ui.disorder_dialog import DisorderDialog
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.inspection_dialog import InspectionDialog
from inspector_app.ui.notice_flow import NoticeFlow
from inspector_app.ui.pages import PageContext
from inspector_app.ui.position_dialog import PositionDialog
from inspector_app.ui.position_source import PositionTracker


class PatrolView(QWidget):
    """Start, run and end a patrol."""

    COLUMNS = ("name", "address", "road", "last", "distance", "checked")

    def __init__(self, ctx: PageContext, tracker: PositionTracker | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.patrol: dict[str, Any] | None = None
        self.position: tuple[float, float] | None = None
        self.units: list[dict[str, Any]] = []
        self._fixes = 0
        self.tracker = tracker or PositionTracker(parent=self)
        self.tracker.moved.connect(self._moved)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_running())
        QVBoxLayout(self).addWidget(self.stack)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self.elapsed = QElapsedTimer()
        ctx.events.changed.connect(self._on_changes)
        self.reload()

    # -- not on patrol ---------------------------------------------------------------------
    def _build_start(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Start a patrol"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Tick the road segments you patrol today:")))
        self.roads = QListWidget()
        self.roads.setObjectName("patrolRoads")
        for road in squad_roads(self.ctx.session):
            item = QListWidgetItem(f"{road['name']}　{road['grid_code']}")
            item.setData(Qt.ItemDataRole.UserRole, road["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roads.addItem(item)
        layout.addWidget(self.roads, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Second officer:")))
        self.partner = QComboBox()
        self.partner.setObjectName("partner")
        self.partner.addItem(self.tr("(none)"), None)
        for o in squad_officers(self.ctx.session):
            if o["id"] != self.ctx.session.actor.officer_id and o["role"] in ("officer", "supervisor"):
                self.partner.addItem(f"{o['name']}（{o['badge_no']}）", o["id"])
        row.addWidget(self.partner, 1)
        self.start_button = QPushButton(icon("fa5s.walking"), self.tr("Start patrol"))
        self.start_button.setObjectName("startPatrol")
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        return page

    def start(self) -> None:
        """Open a patrol on the ticked roads."""
        road_ids = [
            self.roads.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.roads.count())
            if self.roads.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.ctx.runner.run(
            start_patrol, self.ctx.session, road_ids, self.partner.currentData(),
            on_done=self._published, on_error=lambda exc: show_error(self, exc),
        )

    # -- on patrol -------------------------------------------------------------------------
    def _build_running(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.status = QLabel()
        self.status.setObjectName("patrolStatus")
        self.status.setStyleSheet("font-size: 12pt;")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.here_button = QPushButton(icon("fa5s.map-marker-alt"), self.tr("Record my position…"))
        self.here_button.clicked.connect(self.ask_position)
        self.inspect_button = QPushButton(icon("fa5s.clipboard-check"), self.tr("Inspect selected unit"))
        self.inspect_button.setShortcut("Return")
        self.inspect_button.clicked.connect(self.inspect_selected)
        self.end_button = QPushButton(icon("fa5s.flag-checkered"), self.tr("End patrol"))
        self.end_button.setObjectName("endPatrol")
        self.end_button.clicked.connect(self.end)
        for b in (self.here_button, self.inspect_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        quick = QGridLayout()
        quick.addWidget(QLabel(self.tr("Report 八乱:")), 0, 0)
        self.quick_buttons: dict[str, QPushButton] = {}
        for n, disorder in enumerate(self.ctx.session.catalogs.disorders):
            button = QPushButton(disorder.name_zh.split("（")[0])
            button.setObjectName(f"quick_{disorder.code}")
            button.setToolTip(disorder.name_zh)
            button.clicked.connect(lambda _=False, code=disorder.code: self.quick_check(code))
            quick.addWidget(button, n // 4, 1 + n % 4)
            self.quick_buttons[disorder.code] = button
        quick.setColumnStretch(5, 1)
        layout.addLayout(quick)
        self.table = QTableWidget(0, len(self.COLUMNS))
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
        self.table.doubleClicked.connect(lambda _: self.inspect_selected())
        layout.addWidget(self.table, 1)
        return page

    def reload(self) -> None:
        """Re-read the open patrol and its units (off the UI thread)."""
        self.ctx.runner.run(self._load, on_done=self._show, on_error=lambda exc: show_error(self, exc))

    def _load(self) -> tuple[dict[str, Any] | None, tuple[float, float] | None, list[dict[str, Any]]]:
        session = self.ctx.session
        patrol = current_patrol(session)
        if patrol is None:
            return None, None, []
        position = patrol_position(session, patrol["id"])
        return patrol, position, patrol_units(session, patrol["id"], position)

    def _show(self, loaded: tuple[dict[str, Any] | None, tuple[float, float] | None, list[dict[str, Any]]]) -> None:
        self.patrol, self.position, self.units = loaded
        if self.patrol is None:
            self._clock.stop()
            self.tracker.stop()
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        if not self._clock.isActive():
            self.elapsed.start()
            self._clock.start()
            self.tracker.start()
        self._fill_table()
        self._tick()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.units))
        for row, unit in enumerate(self.units):
            last = "—"
            if unit["last_inspected_at"]:
                verdict = self.tr("compliant") if unit["last_compliant"] else self.tr("not compliant")
                last = f"{local_text(unit['last_inspected_at'], '%Y-%m-%d')} {verdict}"
            distance = "" if unit["distance_m"] is None else f"{unit['distance_m']:.0f} m"
            cells = (unit["name"], unit["address"], unit["road_name"], last, distance,
                     self.tr("checked") if unit["checked"] else self.tr("to check"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, unit["id"])
                font = item.font()
                font.setBold(not unit["checked"])
                item.setFont(font)
                self.table.setItem(row, column, item)

    def _tick(self) -> None:
        if self.patrol is None:
            return
        checked = sum(1 for u in self.units if u["checked"])
        roads = len(json.loads(self.patrol["road_segment_ids"]))
        if not self.tracker.available:
            gps = self.tr("no GPS: record positions by hand")
        elif self._fixes == 0:
            gps = self.tr("waiting for a GPS fix…")
        else:
            gps = self.tr("GPS on")
        self.status.setText(
            self.tr("On patrol since {start} · {roads} road segments · {checked}/{total} units checked · {gps}").format(
                start=local_text(self.patrol["started_at"], "%H:%M"), roads=roads, checked=checked,
                total=len(self.units), gps=gps,
            )
        )

    def _moved(self, lat: float, lon: float, accuracy: float, source: str) -> None:
        if self.patrol is None:
            return
        self._fixes += 1
        self.ctx.runner.run(record_position, self.ctx.session, self.patrol["id"], lat, lon,
                            accuracy if accuracy >= 0 else None, source)
        self.position = (lat, lon)

    def ask_position(self) -> None:
        """Type (or later pick) the current position when there is no GPS."""
        if self.patrol is None:
            return
        dialog = PositionDialog(self.position, self)
        if dialog.exec() and dialog.position is not None:
            lat, lon = dialog.position
            self.ctx.runner.run(record_position, self.ctx.session, self.patrol["id"], lat, lon, None, "manual",
                                on_done=lambda _: self.reload(), on_error=lambda exc: show_error(self, exc))

    def selected_unit(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        unit_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((u for u in self.units if u["id"] == unit_id), None)

    def inspect_selected(self) -> InspectionDialog | None:
        """Open the inspection form for the selected unit."""
        unit = self.selected_unit()
        if unit is None or self.patrol is None:
            return None
        dialog = InspectionDialog(self.ctx.session, self.ctx.runner, unit, self.patrol["id"], self.position, self)
        dialog.accepted.connect(lambda: self._inspected(dialog.changes or Changes()))
        dialog.open()
        return dialog

    def _inspected(self, changes: Changes) -> None:
        self._published(changes)
        ids = changes.ids("frontage_inspection", "create")
        if not ids:
            return
        context = failed_duty_context(self.ctx.session, ids[0])
        if not context["failed_duties"]:
            return
        self.follow_up = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Not compliant"),
            self.tr("{unit} failed {n} duty(ies). Record an 八乱 check or issue a notice now? Unit, place and "
                    "photos are carried over.").format(unit=context["party"]["name"], n=len(context["failed_duties"])),
            QMessageBox.StandardButton.NoButton, self,
        )
        self.follow_up.setObjectName("followUp")
        check = self.follow_up_check = self.follow_up.addButton(self.tr("八乱 check"), QMessageBox.ButtonRole.AcceptRole)
        notice = self.follow_up_notice = self.follow_up.addButton(self.tr("Notice…"), QMessageBox.ButtonRole.ActionRole)
        notice.setEnabled(self.ctx.session.can(Permission.ISSUE_NOTICE))
        self.follow_up.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        check.clicked.connect(lambda: self._check_from(context))
        notice.clicked.connect(lambda: self._notice_from(ids[0]))
        self.follow_up.open()

    def _notice_from(self, inspection_id: str) -> None:
        """The violation form prefilled from the failed duties (门前五包不履行)."""
        self.notice_flow = NoticeFlow(self, self.ctx)
        self.notice_flow.start(violation_values_from_inspection(self.ctx.session, inspection_id))

    def _check_from(self, context: dict[str, Any]) -> DisorderDialog:
        """An 八乱 check prefilled from a failed duty."""
        dialog = DisorderDialog(self.ctx.session, self.ctx.runner, None, self.position,
                                self.patrol["id"] if self.patrol else None,
                                values=values_from_inspection(self.ctx.session, context), parent=self)
        dialog.accepted.connect(lambda: self._published(dialog.recorded.changes if dialog.recorded else Changes()))
        dialog.open()
        return dialog

    def quick_check(self, category: str) -> DisorderDialog:
        """Record a 八乱 check of ``category`` here and now (photo, save: done)."""
        dialog = DisorderDialog(self.ctx.session, self.ctx.runner, category, self.position,
                                self.patrol["id"] if self.patrol else None, parent=self)
        dialog.setObjectName("quickCheck")
        dialog.accepted.connect(lambda: self._published(dialog.recorded.changes if dialog.recorded else Changes()))
        dialog.open()
        return dialog

    def end(self) -> None:
        """End the patrol and show what it achieved."""
        if self.patrol is None:
            return
        self.ctx.runner.run(end_patrol, self.ctx.session, self.patrol["id"], on_done=self._ended,
                            on_error=lambda exc: show_error(self, exc))

    def _ended(self, summary: PatrolSummary) -> None:
        self.ctx.events.publish(Changes([Change("patrol", summary.patrol_id, "patch")]))
        minutes = summary.duration_s // 60
        self.summary_box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Patrol ended"),
            self.tr("Duration {h} h {m} min · distance {km:.2f} km\nUnits inspected: {n} ({bad} not compliant)\n"
                    "Units on the roads: {total}, not checked: {left}").format(
                h=minutes // 60, m=minutes % 60, km=summary.distance_m / 1000, n=summary.inspections,
                bad=summary.non_compliant, total=summary.units_on_roads, left=summary.units_unchecked),
            QMessageBox.StandardButton.Ok, self,
        )
        self.summary_box.setObjectName("patrolSummary")
        self.summary_box.open()
        self.reload()

    def _published(self, changes: Changes) -> None:
        self.ctx.events.publish(changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("frontage_inspection") or changes.touches("unit"):
            self.reload()
