"""The duty supervisor's daily review, keyboard first: pick a day, walk the officers and their
patrols, inspections and 八乱 checks with the arrow keys, approve (A) or return with a comment
(R), undo the last decision until it syncs (Ctrl+Z), open a record (Enter) — the same as
buttons and a context menu (ui/pages/review_actions.py).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.services.review import (
    DayReview,
    OfficerDay,
    review_day,
    review_squads,
)
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.pages.review_actions import ReviewActions
from inspector_app.ui.pages.review_tree import ReviewTree
from inspector_app.ui.track_sketch_widget import TrackSketchWidget

ROLE = Qt.ItemDataRole.UserRole


class ReviewView(Page):
    """One squad's day, officer by officer."""

    shows = ("patrol", "frontage_inspection")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.day: DayReview | None = None
        today = ctx.session.today() - timedelta(days=1)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("reviewDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.dateChanged.connect(lambda _d: self.reload())
        self.squad = QComboBox()
        self.squad.setObjectName("reviewSquad")
        for squad in review_squads(ctx.session):
            self.squad.addItem(squad["name"], squad["id"])
        self.squad.setVisible(self.squad.count() > 1)
        self.squad.currentIndexChanged.connect(lambda _i: self.reload())
        self.report_button = QPushButton(icon("fa5s.file-pdf"), self.tr("Daily report…"))
        self.report_button.clicked.connect(self.daily_report)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.date)
        top.addWidget(self.squad)
        top.addWidget(self.summary, 1)
        top.addWidget(self.report_button)
        self.officers = QTableWidget(0, 6)
        self.officers.setObjectName("reviewOfficers")
        self.officers.setHorizontalHeaderLabels([self.tr("Officer"), self.tr("Patrols"), self.tr("Coverage"),
                                                 self.tr("Distance"), self.tr("Inspections"), self.tr("To review")])
        self.officers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.officers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.officers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.officers.verticalHeader().setVisible(False)
        for column, width in enumerate((86, 46, 70, 66, 96, 50)):
            self.officers.setColumnWidth(column, width)
        self.officers.itemSelectionChanged.connect(self._show_officer)
        self.items = ReviewTree()
        self.items.setObjectName("reviewItems")
        self.items.itemSelectionChanged.connect(self._show_item)
        self.after_reload: tuple[str, str] | None = None
        self.sketch = TrackSketchWidget()
        self.help = QLabel(self.tr("↑↓ move · Tab officers/records · A approve · R return with comment · "
                                   "Enter details · Ctrl+Z undo · Ctrl+P daily report"))
        self.help.setStyleSheet("color: #5f6368;")
        self.help.setWordWrap(True)
        self.decisions = ReviewActions(self)
        records = QWidget()
        records_column = QVBoxLayout(records)
        records_column.setContentsMargins(0, 0, 0, 0)
        records_column.addWidget(self.items, 1)
        records_column.addWidget(self.decisions)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(records)
        right.addWidget(self.sketch)
        right.setSizes([420, 200])
        body = QSplitter()
        body.addWidget(self.officers)
        body.addWidget(right)
        body.setSizes([470, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addWidget(self.help)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), self, self.daily_report)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    def shortcut_help(self) -> list[str]:
        """Lines for the Help ▸ Keyboard shortcuts list."""
        return [self.tr("Review: A approve, R return with a comment, Enter details, Ctrl+Z undo the last decision "
                        "until it syncs, ↑↓ move, Tab switch lists, Ctrl+P daily report")]

    def reload(self) -> None:
        """Load the chosen day off the UI thread."""
        day = self.date.date().toPython()
        self.ctx.runner.run(review_day, self.ctx.session, day, self.squad.currentData(), on_done=self._loaded,
                            on_error=lambda e: show_error(self, e))

    def _loaded(self, day: DayReview) -> None:
        selected = self._officer()
        self.day = day
        self.officers.setRowCount(len(day.officers))
        pending_total = 0
        for row, o in enumerate(day.officers):
            pending = o.to_review
            pending_total += pending
            coverage = "—" if o.coverage is None else f"{o.coverage * 100:.0f}%"
            cells = (o.name, str(len(o.patrols)), coverage, f"{o.distance_m / 1000:.1f} km",
                     f"{len(o.inspections)} ({o.non_compliant}✗)", str(pending) if pending else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, o.officer_id)
                self.officers.setItem(row, column, item)
        self.summary.setText(self.tr("{officers} officers · {patrols} patrols · {inspections} inspections · {pending} to review").format(
            officers=len(day.officers), patrols=sum(len(o.patrols) for o in day.officers),
            inspections=sum(len(o.inspections) for o in day.officers), pending=pending_total))
        ids = [o.officer_id for o in day.officers]
        self.officers.selectRow(ids.index(selected.officer_id) if selected and selected.officer_id in ids else 0)
        self._show_officer()

    def selected_officer(self) -> OfficerDay | None:
        """The officer whose day is shown."""
        return self._officer()

    def _officer(self) -> OfficerDay | None:
        rows = self.officers.selectionModel().selectedRows()
        if not rows or self.day is None:
            return None
        return self.day.officers[rows[0].row()] if rows[0].row() < len(self.day.officers) else None

    def _show_officer(self) -> None:
        self.items.show_officer(self._officer())
        if self.after_reload:
            self.items.select(self.after_reload)
            self.after_reload = None
        self.decisions.sync()

    def _selected_record(self) -> tuple[str, str] | None:
        return self.items.selected_record()

    def _show_item(self) -> None:
        key = self._selected_record()
        officer = self._officer()
        self.decisions.sync()
        if not key or officer is None:
            return
        patrol_id = key[1] if key[0] == "patrol" else next(
            (i["patrol_id"] for i in officer.inspections if i["id"] == key[1]), None) or next(
            (p["id"] for p in officer.patrols if any(c["id"] == key[1] for c in p["checks"])), None)
        patrol = next((p for p in officer.patrols if p["id"] == patrol_id), None)
        if patrol:
            self.ctx.runner.run(self._sketch_data, patrol, on_done=lambda d: self.sketch.show_patrol(*d))
        else:
            self.sketch.show_patrol([], [])

    def _sketch_data(self, patrol: dict[str, Any]) -> tuple[list[Any], list[Any]]:
        from inspector_app.services.review import patrol_roads

        return patrol_roads(self.ctx.session, json.loads(patrol["road_segment_ids"])), json.loads(patrol["track"])

    def approve_selected(self) -> None:
        """Approve the selected patrol or inspection (A)."""
        self.decisions.approve()

    def return_selected(self) -> None:
        """Return the selected record with a comment (R)."""
        self.decisions.return_selected()

    def decided(self, changes: Changes) -> None:
        """A decision was stored: reload, and move on to the next record."""
        self.ctx.events.publish(changes)
        self.after_reload = self.items.next_key()
        self.reload()

    def daily_report(self) -> None:
        """Write the daily report (PDF and Excel) for this day."""
        from inspector_app.ui.daily_report_dialog import DailyReportDialog

        if self.day is None:
            return
        DailyReportDialog(self.ctx, self.day.day, self.day.squad_id, self).open()

    def on_changes(self, changes: Changes) -> None:
        # A decision taken on this page reloads it already (and touches "review").
        if (changes.touches("patrol") or changes.touches("frontage_inspection")) and not changes.touches("review"):
            self.reload()
