"""The 法制审核 page of the reviewer (the squad's clerk, 内勤/法制员): the decisions held back for
review, oldest first, each with its evidence — why it needs review, the laptop's decision and
reasons, the server's when it decided otherwise, the prior record, the facts — and approve
(Ctrl+Enter) or return with a written opinion (Ctrl+R). Decided reviews can be looked up."""

from __future__ import annotations

import functools
import html
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text
from inspector_app.services.document_rules import NAMES
from inspector_app.services.legal_reviews import approve_review, review_queue
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.legal_review_dialog import ReturnReviewDialog

ROLE = Qt.ItemDataRole.UserRole


def _list(text: str | None) -> list[Any]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


class LegalReviewView(Page):
    """Pending (or decided) reviews of the squad and the evidence of the selected one."""

    shows = ("legal_review", "violation")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.rows: list[dict[str, Any]] = []
        self.return_dialog: ReturnReviewDialog | None = None
        self.decisions = {"first_offence": self.tr("首违不罚"), "not_eligible": self.tr("不予首违不罚，立案"),
                          "order_only": self.tr("责令限期改正")}
        self.statuses = {"pending": self.tr("待法制审核"), "approved": self.tr("审核通过"), "returned": self.tr("审核退回")}
        self.headings = {"why": self.tr("Why it needs review"), "facts": self.tr("Facts"),
                         "laptop": self.tr("The laptop's decision"), "server": self.tr("The server's decision"),
                         "override": self.tr("Overridden by the officer"), "priors": self.tr("Prior record"),
                         "none": self.tr("none found")}
        self.which = QComboBox()
        self.which.setObjectName("reviewWhich")
        self.which.addItem(self.tr("Waiting for review"), False)
        self.which.addItem(self.tr("Decided"), True)
        self.which.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel()
        self.count.setObjectName("reviewCount")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("legalReviews")
        self.table.setHorizontalHeaderLabels([self.tr("Asked at"), self.tr("Party"), self.tr("Document"),
                                              self.tr("Asked by"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((88, 64, 124, 76)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        self.evidence = QTextBrowser()
        self.evidence.setObjectName("reviewEvidence")
        self.empty = QLabel()
        self.empty.setObjectName("reviewEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.approve_button = QPushButton(icon("fa5s.check"), self.tr("Approve (Ctrl+Enter)"))
        self.approve_button.setObjectName("approveReview")
        self.approve_button.clicked.connect(self.approve)
        self.return_button = QPushButton(icon("fa5s.undo"), self.tr("Return with opinion… (Ctrl+R)"))
        self.return_button.setObjectName("returnReview")
        self.return_button.clicked.connect(self.send_back)
        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.count, 1)
        top.addWidget(self.return_button)
        top.addWidget(self.approve_button)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.evidence)
        self.splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.approve)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.approve)
        QShortcut(QKeySequence("Ctrl+R"), self, self.send_back)
        self.reload()

    def shortcut_help(self) -> list[str]:
        return [self.tr("Ctrl+Enter: approve"), self.tr("Ctrl+R: return with opinion")]

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def load(self) -> None:
        self.reload()

    def reload(self) -> None:
        decided = bool(self.which.currentData())
        self.ctx.runner.run(functools.partial(review_queue, self.ctx.session, decided),
                            on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        decided = bool(self.which.currentData())
        self.count.setText(self.tr("{n} decided").format(n=len(rows)) if decided else
                           self.tr("{n} waiting").format(n=len(rows)))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            asker = self.tr("server re-decision") if r["origin"] == "server" else (r["requested_by_name"] or "")
            cells = (local_text(r["requested_at"], "%m-%d %H:%M"), r["party_name"] or "",
                     NAMES.get(r["doc_type"], r["doc_type"]), asker, self.statuses.get(r["status"], r["status"]))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, r["id"])
                item.setToolTip(text)
                self.table.setItem(i, column, item)
        self.empty.setText(self.tr("No decision has been reviewed yet.") if decided else self.tr(
            "Nothing waits for 法制审核. A decision appears here when an officer sends it for review "
            "(不予行政处罚决定书, a 首违不罚 decided against the app's proposal, a case filed for 立案) or "
            "when the server finds a prior offence the officer's laptop could not see. Sync (F5 on the sync "
            "page) to receive new ones."))
        self.empty.setVisible(not rows)
        self.splitter.setVisible(bool(rows))
        if rows:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        row = self.selected()
        pending = bool(row) and (row or {}).get("status") == "pending"
        self.approve_button.setEnabled(pending)
        self.return_button.setEnabled(pending)
        self.evidence.setHtml(self.evidence_html(row) if row else "")

    def evidence_html(self, r: dict[str, Any]) -> str:
        """What the reviewer decides on, as the page shows it (escaped: it holds typed text)."""
        e = html.escape
        out = [f"<h3>{e(NAMES.get(r['doc_type'], r['doc_type']))} · {e(r['party_name'] or '')}</h3>",
               f"<p><b>{e(self.headings['why'])}</b><br>" + "<br>".join(e(x) for x in _list(r["reasons"])) + "</p>",
               f"<p><b>{e(self.headings['facts'])}</b><br>{e(local_text(r['occurred_at']))} {e(r['place'] or '')}<br>"
               f"{e(r['facts'] or '')}</p>"]
        for title, decision, reasons in ((self.headings["laptop"], r["laptop_decision"], r["laptop_reasons"]),
                                         (self.headings["server"], r["server_decision"], r["server_reasons"])):
            if decision:
                out.append(f"<p><b>{e(title)}：{e(self.decisions.get(decision, decision))}</b><br>"
                           + "<br>".join("· " + e(str(x)) for x in _list(reasons)) + "</p>")
        if r["overridden"]:
            out.append(f"<p><b>{e(self.headings['override'])}</b><br>{e(r['override_reason'] or '')}</p>")
        priors = _list(r["priors"])
        line = self.tr("{date} · {item} · {squad} · {number}")
        shown = [e(line.format(**{k: p.get(k) or "—" for k in ("date", "item", "squad", "number")}))
                 for p in priors if isinstance(p, dict)]
        out.append(f"<p><b>{e(self.headings['priors'])}</b><br>" + ("<br>".join(shown) or e(self.headings["none"]))
                   + "</p>")
        if r["status"] != "pending":
            out.append(f"<p><b>{e(self.statuses.get(r['status'], r['status']))}</b> {e(r['reviewer_name'] or '')} "
                       f"{e(local_text(r['decided_at']))}<br>{e(r['opinion'] or '')}</p>")
        return "".join(out)

    def approve(self) -> None:
        row = self.selected()
        if row and row["status"] == "pending":
            self.ctx.runner.run(functools.partial(approve_review, self.ctx.session, row["id"]),
                                on_done=self._decided, on_error=lambda e: show_error(self, e))

    def send_back(self) -> None:
        row = self.selected()
        if not row or row["status"] != "pending":
            return
        subject = f"{NAMES.get(row['doc_type'], row['doc_type'])}（{row['party_name'] or ''}）"
        dialog = ReturnReviewDialog(self.ctx.session, self.ctx.runner, row["id"], subject, self)
        dialog.setObjectName("returnReviewDialog")
        dialog.accepted.connect(lambda: self._decided(dialog.changes or Changes()))
        dialog.open()
        self.return_dialog = dialog

    def _decided(self, changes: Changes) -> None:
        self.ctx.events.publish(changes)
        self.reload()
