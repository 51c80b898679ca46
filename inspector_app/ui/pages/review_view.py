"""The duty supervisor's daily review, keyboard first: pick a day, walk the officers and their
patrols and inspections with the arrow keys, approve (A) or return with a comment (R).
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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text
from inspector_app.domain.review import STATUS_LABELS
from inspector_app.services.review import (
    DayReview,
    OfficerDay,
    review_day,
    review_record,
    review_squads,
)
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.pages import PageContext
from inspector_app.ui.return_dialog import ReturnDialog
from inspector_app.ui.track_sketch_widget import TrackSketchWidget

ROLE = Qt.ItemDataRole.UserRole


def _hm(iso: str | None) -> str:
    return local_text(iso, "%H:%M", "—")


class ReviewView(QWidget):
    """One squad's day, officer by officer."""

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
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
        self.items = QTreeWidget()
        self.items.setObjectName("reviewItems")
        self.items.setHeaderLabels([self.tr("Patrol / unit"), self.tr("Time"), self.tr("Result"), self.tr("Status"), self.tr("Comment")])
        self.items.setColumnWidth(0, 260)
        self.items.itemSelectionChanged.connect(self._show_item)
        self.sketch = TrackSketchWidget()
        self.help = QLabel(self.tr("↑↓ move · Tab officers/records · A approve · R return with comment · "
                                   "Ctrl+P daily report"))
        self.help.setStyleSheet("color: #5f6368;")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.items)
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
        for keys, slot in (("A", self.approve_selected), ("R", self.return_selected), ("Ctrl+P", self.daily_report)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.events.changed.connect(self._on_changes)
        self.reload()

    def shortcut_help(self) -> list[str]:
        """Lines for the Help ▸ Keyboard shortcuts list."""
        return [self.tr("Review: A approve, R return with a comment, ↑↓ move, Tab switch lists, Ctrl+P daily report")]

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

    def _officer(self) -> OfficerDay | None:
        rows = self.officers.selectionModel().selectedRows()
        if not rows or self.day is None:
            return None
        return self.day.officers[rows[0].row()] if rows[0].row() < len(self.day.officers) else None

    def _show_officer(self) -> None:
        officer = self._officer()
        current = self._selected_record()
        self.items.clear()
        if officer is None:
            return
        by_patrol: dict[str, list[dict[str, Any]]] = {}
        for i in officer.inspections:
            by_patrol.setdefault(i["patrol_id"] or "", []).append(i)
        for p in officer.patrols:
            text = self.tr("Patrol {start}–{end} · {roads}").format(start=_hm(p["started_at"]), end=_hm(p["ended_at"]), roads="、".join(p["roads"]))
            result = self.tr("{visited}/{assigned} segments · {km:.1f} km").format(visited=p["visited"], assigned=p["assigned"], km=p["distance_m"] / 1000)
            node = self._item(None, ("patrol", p["id"]), text, _hm(p["started_at"]), result, p["status"], p["review_comment"])
            for i in by_patrol.get(p["id"], []):
                self._inspection_item(node, i)
            node.setExpanded(True)
        for i in by_patrol.get("", []):
            self._inspection_item(None, i)
        target = next((it for it in self._all_items() if it.data(0, ROLE) == current), None) if current else None
        target = target or self.items.topLevelItem(0)
        if target is not None:
            self.items.setCurrentItem(target)

    def _inspection_item(self, parent: QTreeWidgetItem | None, i: dict[str, Any]) -> None:
        score = "—" if i["score"] is None else f"{i['score']:g}"
        verdict = self.tr("compliant") if i["compliant"] else self.tr("not compliant")
        self._item(parent, ("frontage_inspection", i["id"]), i["unit_name"], _hm(i["inspected_at"]),
                   f"{score} · {verdict}", i["review_status"], i["review_comment"])

    def _item(self, parent: QTreeWidgetItem | None, key: tuple[str, str], *cells: str) -> QTreeWidgetItem:
        *texts, status, comment = cells
        item = QTreeWidgetItem([*texts, tr_text(STATUS_LABELS.get(status, status), "review"), comment])
        item.setData(0, ROLE, key)
        if status in ("submitted", "resubmitted"):
            font = item.font(0)
            font.setBold(True)
            for column in range(5):
                item.setFont(column, font)
        if parent is None:
            self.items.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for n in range(self.items.topLevelItemCount()):
            top = self.items.topLevelItem(n)
            if top is None:
                continue
            out.append(top)
            out.extend(c for c in (top.child(i) for i in range(top.childCount())) if c is not None)
        return out

    def _selected_record(self) -> tuple[str, str] | None:
        item = self.items.currentItem()
        return item.data(0, ROLE) if item else None

    def _show_item(self) -> None:
        key = self._selected_record()
        officer = self._officer()
        if not key or officer is None:
            return
        patrol_id = key[1] if key[0] == "patrol" else next(
            (i["patrol_id"] for i in officer.inspections if i["id"] == key[1]), None)
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
        key = self._selected_record()
        if key:
            self._decide(key, "approved", "")

    def return_selected(self) -> None:
        """Return the selected record with a comment (R)."""
        item = self.items.currentItem()
        key = self._selected_record()
        if not key or item is None:
            return
        dialog = ReturnDialog(item.text(0), self)
        dialog.setObjectName("returnDialog")
        if dialog.exec():
            self._decide(key, "returned", dialog.text())

    def _decide(self, key: tuple[str, str], decision: str, comment: str) -> None:
        self.ctx.runner.run(review_record, self.ctx.session, key[0], key[1], decision, comment,
                            on_done=self._decided, on_error=lambda e: show_error(self, e))

    def _decided(self, changes: Changes) -> None:
        self.ctx.events.publish(changes)
        items = self._all_items()
        current = self.items.currentItem()
        if current in items and items.index(current) + 1 < len(items):
            nxt = items[items.index(current) + 1].data(0, ROLE)
        else:
            nxt = None
        self.reload()
        if nxt:
            target = next((it for it in self._all_items() if it.data(0, ROLE) == nxt), None)
            if target:
                self.items.setCurrentItem(target)

    def daily_report(self) -> None:
        """Write the daily report (PDF and Excel) for this day."""
        from inspector_app.ui.daily_report_dialog import DailyReportDialog

        if self.day is None:
            return
        DailyReportDialog(self.ctx, self.day.day, self.day.squad_id, self).open()

    def _on_changes(self, changes: Changes) -> None:
        # A decision taken on this page reloads it already (and touches "review").
        if (changes.touches("patrol") or changes.touches("frontage_inspection")) and not changes.touches("review"):
            self.reload()
