"""The patrol page: start a patrol on assigned roads; while it runs, the units along those
roads (nearest and unchecked first) with their last result; inspect one; end with a summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import (
    QMessageBox,
    QStackedWidget,
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
    next_unchecked,
    patrol_defaults,
    patrol_fix,
    patrol_position,
    patrol_units,
    record_position,
    start_patrol,
)
from inspector_app.services.profile import squad_officers, squad_roads
from inspector_app.services.violations import violation_values_from_inspection
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.disorder_dialog import DisorderDialog
from inspector_app.ui.errors import show_error
from inspector_app.ui.inspection_dialog import InspectionDialog
from inspector_app.ui.notice_flow import NoticeFlow
from inspector_app.ui.pages.patrol_running import PatrolRunningPage
from inspector_app.ui.pages.patrol_start import PatrolStartPage
from inspector_app.ui.position_dialog import PositionDialog
from inspector_app.ui.position_source import PositionTracker
from inspector_app.ui.type_ahead import SEARCH_ROLE


@dataclass(frozen=True)
class _Loaded:
    patrol: dict[str, Any] | None
    position: tuple[float, float] | None
    units: list[dict[str, Any]]
    fix: dict[str, Any] | None
    defaults: dict[str, Any]


class PatrolView(Page):
    """Start, run and end a patrol."""

    shows = ("frontage_inspection", "unit")

    COLUMNS = ("name", "address", "road", "last", "distance", "checked")

    def __init__(self, ctx: PageContext, tracker: PositionTracker | None = None) -> None:
        super().__init__(ctx)
        self.patrol: dict[str, Any] | None = None
        self.position: tuple[float, float] | None = None
        self.units: list[dict[str, Any]] = []
        self._fixes = 0
        self.fix: dict[str, Any] | None = None
        self._offer_after: str | None = None
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
        self.reload()

    # -- not on patrol ---------------------------------------------------------------------
    def _build_start(self) -> QWidget:
        session = self.ctx.session
        colleagues = [o for o in squad_officers(session)
                      if o["id"] != session.actor.officer_id and o["role"] in ("officer", "supervisor")]
        page = self.start_page = PatrolStartPage(squad_roads(session), colleagues)
        self.roads, self.partner, self.start_button = page.roads, page.partner, page.start_button
        page.start_requested.connect(self.start)
        return page

    def start(self) -> None:
        """Open a patrol on the ticked roads."""
        self.ctx.runner.run(
            start_patrol, self.ctx.session, self.start_page.road_ids(), self.partner.currentData(),
            on_done=self._published, on_error=lambda exc: show_error(self, exc),
        )

    # -- on patrol -------------------------------------------------------------------------
    def _build_running(self) -> QWidget:
        page = PatrolRunningPage(self.ctx.session.catalogs.disorders, len(self.COLUMNS))
        self.status, self.table, self.quick_buttons = page.status, page.table, page.quick_buttons
        self.here_button, self.inspect_button, self.end_button = page.here_button, page.inspect_button, page.end_button
        self.unit_filter, self.unit_type_ahead, self.next_hint = page.unit_filter, page.unit_type_ahead, page.next_hint
        self.here_button.clicked.connect(self.ask_position)
        self.inspect_button.clicked.connect(self.inspect_selected)
        self.end_button.clicked.connect(self.ask_end)
        page.quick_check.connect(self.quick_check)
        page.inspect_requested.connect(self.inspect_selected)
        self.table.doubleClicked.connect(lambda _: self.inspect_selected())
        return page

    def reload(self) -> None:
        """Re-read the open patrol and its units (off the UI thread)."""
        self.ctx.runner.run(self._load, on_done=self._show, on_error=lambda exc: show_error(self, exc))

    def _load(self) -> _Loaded:
        session = self.ctx.session
        patrol = current_patrol(session)
        if patrol is None:
            return _Loaded(None, None, [], None, patrol_defaults(session))
        position = patrol_position(session, patrol["id"])
        return _Loaded(patrol, position, patrol_units(session, patrol["id"], position),
                       patrol_fix(session, patrol["id"]), {})

    def _show(self, loaded: _Loaded) -> None:
        self.patrol, self.position, self.units, self.fix = loaded.patrol, loaded.position, loaded.units, loaded.fix
        if self.patrol is None:
            self._clock.stop()
            self.tracker.stop()
            self.start_page.apply_defaults(loaded.defaults)
            self.stack.setCurrentIndex(0)
            self.start_page.setFocus()
            return
        self.stack.setCurrentIndex(1)
        if not self._clock.isActive():
            self.elapsed.start()
            self._clock.start()
            self.tracker.start()
        self._fill_table()
        self._tick()
        if self._offer_after is not None:
            self._offer_next(self._offer_after)
            self._offer_after = None

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
                item.setData(SEARCH_ROLE, unit.get("search"))
                font = item.font()
                font.setBold(not unit["checked"])
                item.setFont(font)
                self.table.setItem(row, column, item)
        self.unit_type_ahead.refilter()

    def _tick(self) -> None:
        if self.patrol is None:
            return
        checked = sum(1 for u in self.units if u["checked"])
        roads = len(json.loads(self.patrol["road_segment_ids"]))
        gps = self._position_text()
        self.status.setText(
            self.tr("On patrol since {start} · {roads} road segments · {checked}/{total} units checked · {gps}").format(
                start=local_text(self.patrol["started_at"], "%H:%M"), roads=roads, checked=checked,
                total=len(self.units), gps=gps,
            )
        )

    def _position_text(self) -> str:
        fix = self.fix
        if self._fixes == 0 and fix is not None and fix["source"] == "manual":
            # A typed position is a real one: say so rather than wait for a GPS that is not there.
            return self.tr("position typed at {time}: {lat:.5f}, {lon:.5f}").format(
                time=local_text(fix["recorded_at"], "%H:%M"), lat=fix["lat"], lon=fix["lon"])
        if not self.tracker.available:
            return self.tr("no GPS: record positions by hand")
        if self._fixes == 0:
            return self.tr("waiting for a GPS fix…")
        return self.tr("GPS on")

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
        dialog.accepted.connect(lambda: self._inspected(dialog.changes or Changes(), unit["id"]))
        dialog.open()
        return dialog

    def _inspected(self, changes: Changes, unit_id: str | None = None) -> None:
        self._offer_after = unit_id
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

    def _offer_next(self, unit_id: str) -> None:
        """Select the next unit to check on the road just worked (street order), and say so."""
        unit = next_unchecked(self.units, unit_id)
        self.next_hint.setVisible(unit is not None)
        if unit is None:
            return
        self.unit_filter.clear()
        row = next(r for r in range(self.table.rowCount())
                   if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == unit["id"])  # type: ignore[union-attr]
        self.table.selectRow(row)
        self.table.scrollTo(self.table.model().index(row, 0))
        self.table.setFocus()
        self.next_hint.setText(self.tr("Next: {name}, {address} — Enter inspects it").format(
            name=unit["name"], address=unit["address"]))

    def ask_end(self) -> QMessageBox | None:
        """Confirm ending the patrol, with what is checked and what is not."""
        if self.patrol is None:
            return None
        left = [u for u in self.units if not u["checked"]]
        text = self.tr("End the patrol now?\n{checked} of {total} units checked, {left} not checked.").format(
            checked=len(self.units) - len(left), total=len(self.units), left=len(left))
        if left:
            names = "、".join(u["name"] for u in left[:5]) + ("…" if len(left) > 5 else "")
            text += "\n" + self.tr("Not checked: {names}").format(names=names)
        box = self.end_confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("End patrol"), text,
                                             QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("endConfirm")
        self.end_confirm_yes = box.addButton(self.tr("End patrol"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep patrolling"), QMessageBox.ButtonRole.RejectRole)
        # With units left, Enter keeps the patrol going: ending stays a deliberate choice.
        box.setDefaultButton(keep if left else self.end_confirm_yes)
        self.end_confirm_yes.clicked.connect(self.end)
        box.open()
        return box

    def end(self) -> None:
        """End the patrol (confirmed) and show what it achieved."""
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

    def on_changes(self, changes: Changes) -> None:
        self.reload()
