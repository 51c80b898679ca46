"""The 八乱 page: the filtered list with details and timeline, re-checks due, counts."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.domain.disorders import DISPOSALS, STATUS_LABELS
from inspector_app.domain.roles import Permission
from inspector_app.services.disorders import (
    CheckFilter,
    check_detail,
    disorder_counts,
    dispose_check,
    export_checks,
    found_local,
    list_disorders,
    rechecks_due,
    verify_check,
)
from inspector_app.services.profile import squad_officers, squad_roads
from inspector_app.services.session import LOCAL_TZ
from inspector_app.services.violations import violation_values_from_check
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.disorder_dialog import DisorderDialog
from inspector_app.ui.dispose_dialog import DisposeDialog
from inspector_app.ui.errors import show_error
from inspector_app.ui.flow_layout import flow_bar
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.notice_flow import NoticeFlow
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.type_ahead import SEARCH_ROLE, combo_type_ahead

ROLE = Qt.ItemDataRole.UserRole


class DisordersView(Page):
    """八乱 checks: list, detail, re-checks, counts."""

    shows = ("disorder_check",)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.current: dict[str, Any] | None = None
        self.names = {d.code: d.name_zh for d in ctx.session.catalogs.disorders}
        tabs = QTabWidget()
        tabs.addTab(self._build_list(), self.tr("Checks"))
        tabs.addTab(self._build_rechecks(), self.tr("Re-checks due"))
        tabs.addTab(self._build_counts(), self.tr("Counts"))
        QVBoxLayout(self).addWidget(tabs)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_check)
        self.refresh()

    # -- list ------------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        page = QWidget()
        self.f_category = QComboBox()
        self.f_category.addItem(self.tr("All categories"), None)
        for code, name in self.names.items():
            self.f_category.addItem(name, code)
        self.f_status = QComboBox()
        self.f_status.addItem(self.tr("Any status"), None)
        for code, label in STATUS_LABELS.items():
            self.f_status.addItem(tr_text(label, "disorders"), code)
        self.f_road = QComboBox()
        self.f_road.addItem(self.tr("All roads"), None)
        for r in squad_roads(self.ctx.session):
            self.f_road.addItem(r["name"], r["id"])
            self.f_road.setItemData(self.f_road.count() - 1, r["search"], SEARCH_ROLE)
        combo_type_ahead(self.f_road)
        self.f_officer = QComboBox()
        self.f_officer.addItem(self.tr("All officers"), None)
        for o in squad_officers(self.ctx.session):
            self.f_officer.addItem(o["name"], o["id"])
        today = self.ctx.session.today()
        self.f_from = QDateEdit(QDate(today.year, today.month, today.day).addDays(-30))
        self.f_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.f_from, self.f_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.f_repeat = QCheckBox(self.tr("Repeat places only"))
        for combo in (self.f_category, self.f_status, self.f_road, self.f_officer):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.f_from, self.f_to):
            edit.dateChanged.connect(self.refresh)
        self.f_repeat.toggled.connect(self.refresh)
        # Wraps onto a second line on a 1024-pixel screen rather than widening the window.
        filters = flow_bar(self.f_category, self.f_status, self.f_road, self.f_officer, self.f_from, QLabel("—"),
                           self.f_to, self.f_repeat)
        self.count = QLabel()
        self.count.setObjectName("checkCount")
        new = QPushButton(icon("fa5s.plus"), self.tr("New check"))
        new.setToolTip(self.tr("New 八乱 check (Ctrl+N)"))
        new.clicked.connect(self.new_check)
        export = QPushButton(icon("fa5s.file-excel"), self.tr("Export…"))
        export.clicked.connect(self.export)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(new)
        actions.addWidget(export)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("checkTable")
        self.table.setHorizontalHeaderLabels([self.tr("Found"), self.tr("Category"), self.tr("Status"), self.tr("Place"),
                                              self.tr("Officer"), self.tr("Deadline")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((90, 170, 80, 200, 70)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setSizes([700, 420])
        layout = QVBoxLayout(page)
        layout.addWidget(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        return page

    def _build_detail(self) -> QWidget:
        box = QWidget()
        form = QFormLayout()
        self.d_fields: dict[str, QLabel] = {}
        for key, label in (("category", self.tr("Category")), ("status", self.tr("Status")), ("found", self.tr("Found")),
                           ("place", self.tr("Place")), ("party", self.tr("Responsible")), ("description", self.tr("What was seen")),
                           ("disposal", self.tr("Disposal")), ("repeat", self.tr("Repeat place"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"detail_{key}")
            form.addRow(label, value)
            self.d_fields[key] = value
        self.d_photos = PhotoStripWidget(self.ctx.session, self.ctx.runner, lambda: ("", None, None))
        self.d_photos.add_button.hide()
        self.d_photos.camera_button.hide()
        self.d_photos.remove_button.hide()
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.dispose_button = QPushButton(icon("fa5s.hands-helping"), self.tr("Handle…"))
        self.dispose_button.clicked.connect(lambda: self._open_dispose("dispose"))
        self.recheck_button = QPushButton(icon("fa5s.redo"), self.tr("Re-check…"))
        self.recheck_button.clicked.connect(lambda: self._open_dispose("recheck"))
        self.verify_button = QPushButton(icon("fa5s.check-double"), self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        self.notice_button = QPushButton(icon("fa5s.gavel"), self.tr("Notice / 首违不罚…"))
        self.notice_button.setToolTip(self.tr("Warning notice or order to correct: party, facts, place and photos are carried over"))
        self.notice_button.clicked.connect(self.notice)
        self.notice_button.setVisible(self.ctx.session.can(Permission.ISSUE_NOTICE))
        buttons = flow_bar(self.dispose_button, self.notice_button, self.recheck_button, self.verify_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.d_photos)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(buttons)
        self._show_detail(None, [])
        return box

    def _filter(self) -> CheckFilter:
        first: date = self.f_from.date().toPython()  # type: ignore[assignment]
        last: date = self.f_to.date().toPython()  # type: ignore[assignment]
        start = datetime.combine(first, time(0), LOCAL_TZ)
        end = datetime.combine(last, time(0), LOCAL_TZ) + timedelta(days=1)
        return CheckFilter(category=self.f_category.currentData(), status=self.f_status.currentData(),
                           road_segment_id=self.f_road.currentData(), officer_id=self.f_officer.currentData(),
                           start_utc=utc_iso(start), end_utc=utc_iso(end), repeat_only=self.f_repeat.isChecked())

    def refresh(self) -> None:
        """Run the list query off the UI thread."""
        f = self._filter()
        self.ctx.runner.run(list_disorders, self.ctx.session, f, on_done=self._show_list, on_error=lambda e: show_error(self, e))
        self.ctx.runner.run(disorder_counts, self.ctx.session, f, on_done=self._show_counts, on_error=lambda e: show_error(self, e))
        self.ctx.runner.run(rechecks_due, self.ctx.session, on_done=self._show_rechecks, on_error=lambda e: show_error(self, e))

    def _show_list(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        total, rows = result
        self.count.setText(self.tr("{total} checks").format(total=total) if total <= len(rows) else
                           self.tr("{total} checks; the newest {shown} are listed — narrow the filters to see others").format(
                               total=total, shown=len(rows)))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = tr_text(STATUS_LABELS.get(r["status"], r["status"]), "disorders")
            cells = (found_local(r), self.names.get(r["category"], r["category"]) + (" ⟳" if r["repeat_of"] else ""),
                     status, r["address"] or r["road_name"] or "", r["officer_name"] or "", r["deadline"] or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, r["id"])
                self.table.setItem(i, column, item)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        if item is None:
            self._show_detail(None, [])
            return
        self.ctx.runner.run(check_detail, self.ctx.session, item.data(ROLE),
                            on_done=lambda d: self._show_detail(*d), on_error=lambda e: show_error(self, e))

    def open_record(self, check_id: str) -> None:
        """Show one check's detail (opened from the map)."""
        self.ctx.runner.run(check_detail, self.ctx.session, check_id,
                            on_done=lambda d: self._show_detail(*d), on_error=lambda e: show_error(self, e))

    def _show_detail(self, check: dict[str, Any] | None, events: list[dict[str, Any]]) -> None:
        self.current = check
        status = check["status"] if check else ""
        self.dispose_button.setEnabled(status == "found")
        self.notice_button.setEnabled(status == "found")
        self.recheck_button.setEnabled(status == "handling")
        self.verify_button.setEnabled(status in ("rectified", "filed", "transferred"))
        self.timeline.clear()
        if check is None:
            for label in self.d_fields.values():
                label.clear()
            self.d_photos.set_photo_ids([])
            return
        found = local_text(check["found_at"])
        values = {
            "category": f"{self.names.get(check['category'], check['category'])}（{check['event_code']}）",
            "status": tr_text(STATUS_LABELS.get(status, status), "disorders"),
            "found": f"{found} {check['officer_name'] or ''}" + (self.tr("  (device clock was wrong)") if check["clock_suspect"] else ""),
            "place": f"{check['address']} {check['road_name'] or ''} ({check['lat']:.5f}, {check['lon']:.5f})",
            "party": check["unit_name"] or check["party_name"] or "—",
            "description": check["description"] or "—",
            "disposal": tr_text(DISPOSALS.get(check["disposal"], check["disposal"]), "disorders") +
                        (f"，{self.tr('deadline')} {check['deadline']}" if check["deadline"] else ""),
            "repeat": self.tr("yes — the same kind of problem within 50 m in the last 30 days") if check["repeat_of"] else self.tr("no"),
        }
        for key, label in self.d_fields.items():
            label.setText(values[key])
        self.d_photos.set_photo_ids(json.loads(check["photo_ids"]) + json.loads(check["after_photo_ids"]))
        for e in events:
            when = local_text(e["at"], "%m-%d %H:%M")
            to = tr_text(STATUS_LABELS.get(e["status_to"], e["status_to"]), "disorders")
            self.timeline.addItem(f"{when}  {e['officer_name'] or ''}  → {to}  {e['note']}")

    # -- actions ---------------------------------------------------------------------------
    def new_check(self, category: str | None = None) -> DisorderDialog:
        """Open an empty check (Ctrl+N)."""
        dialog = DisorderDialog(self.ctx.session, self.ctx.runner, category, parent=self)
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.recorded.changes if dialog.recorded else Changes()))
        dialog.open()
        return dialog

    def _open_dispose(self, mode: str) -> None:
        if self.current is None:
            return
        dialog = DisposeDialog(self.ctx.session, self.ctx.runner, self.current, mode, self)
        dialog.accepted.connect(lambda: self.ctx.events.publish(dialog.changes))
        dialog.open()

    def notice(self) -> None:
        """Hand the check over to the notice flow; the check becomes 处置中 (警示告知) once the
        violation is stored."""
        if self.current is None:
            return
        check_id = self.current["id"]
        flow = NoticeFlow(self, self.ctx)
        self.notice_flow = flow

        def recorded(violation_id: str) -> None:
            self.ctx.runner.run(dispose_check, self.ctx.session, check_id, "notice", note=violation_id,
                                on_done=self.ctx.events.publish, on_error=lambda e: show_error(self, e))

        flow.start(violation_values_from_check(self.ctx.session, check_id), recorded)

    def verify(self) -> None:
        if self.current is not None:
            self.ctx.runner.run(verify_check, self.ctx.session, self.current["id"],
                                on_done=self.ctx.events.publish, on_error=lambda e: show_error(self, e))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export checks"), "八乱检查.xlsx", "Excel (*.xlsx)")
        if name:
            self.ctx.runner.run(export_checks, self.ctx.session, self._filter(), Path(name),
                                on_done=lambda n: self.count.setText(self.tr("Exported {n} checks").format(n=n)),
                                on_error=lambda e: show_error(self, e))

    # -- re-checks and counts --------------------------------------------------------------
    def _build_rechecks(self) -> QWidget:
        page = QWidget()
        self.rechecks = QTableWidget(0, 5)
        self.rechecks.setObjectName("rechecks")
        self.rechecks.setHorizontalHeaderLabels([self.tr("Deadline"), self.tr("Category"), self.tr("Place"),
                                                 self.tr("Officer"), self.tr("When")])
        self.rechecks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rechecks.verticalHeader().setVisible(False)
        self.rechecks.setColumnWidth(1, 170)
        self.rechecks.setColumnWidth(2, 220)
        QVBoxLayout(page).addWidget(self.rechecks)
        return page

    def _show_rechecks(self, due: dict[str, list[dict[str, Any]]]) -> None:
        rows = [(r, self.tr("overdue")) for r in due["overdue"]] + [(r, self.tr("today")) for r in due["today"]]
        self.rechecks.setRowCount(len(rows))
        for i, (r, when) in enumerate(rows):
            for column, text in enumerate((r["deadline"], self.names.get(r["category"], r["category"]),
                                           r["address"] or r["road_name"] or "", r["officer_name"] or "", when)):
                self.rechecks.setItem(i, column, QTableWidgetItem(text))

    def _build_counts(self) -> QWidget:
        page = QWidget()
        self.by_category = QTableWidget(0, 2)
        self.by_category.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Checks")])
        self.by_road = QTableWidget(0, 2)
        self.by_road.setHorizontalHeaderLabels([self.tr("Road segment"), self.tr("Checks")])
        self.share721 = QLabel()
        self.share721.setObjectName("share721")
        for table in (self.by_category, self.by_road):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.setColumnWidth(0, 220)
        row = QHBoxLayout()
        row.addWidget(self.by_category)
        row.addWidget(self.by_road)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("For the period and filters of the list")))
        layout.addLayout(row, 1)
        layout.addWidget(self.share721)
        return page

    def _show_counts(self, counts: dict[str, Any]) -> None:
        for table, rows in ((self.by_category, [(self.names.get(k, k), n) for k, n in counts["category"]]),
                            (self.by_road, counts["road"])):
            table.setRowCount(len(rows))
            for i, (k, n) in enumerate(rows):
                table.setItem(i, 0, QTableWidgetItem(str(k)))
                table.setItem(i, 1, QTableWidgetItem(str(n)))
        share = counts["method_721"]
        total = sum(share.values()) or 1
        self.share721.setText(self.tr("721: service {s:.0f}% · management {m:.0f}% · enforcement {e:.0f}%").format(
            s=100 * share["service"] / total, m=100 * share["management"] / total, e=100 * share["enforcement"] / total))

    def on_changes(self, changes: Changes) -> None:
        # Keep showing the check just handled, even if it no longer matches the filters.
        keep = self.current["id"] if self.current else None
        self.refresh()
        if keep is not None:
            self.ctx.runner.run(check_detail, self.ctx.session, keep, on_done=lambda d: self._show_detail(*d))
