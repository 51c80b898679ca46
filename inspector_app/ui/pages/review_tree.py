"""The review page's list of one officer's day: patrols with their inspections and 八乱
checks under them, then inspections made outside a patrol. Each row carries its record's key
``(entity, id)``; patrols and inspections are reviewed, checks are opened to look at."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from inspector_app.domain.clock import local_text
from inspector_app.domain.disorders import STATUS_LABELS as CHECK_STATUS
from inspector_app.domain.review import STATUS_LABELS
from inspector_app.services.review import OfficerDay
from inspector_app.ui.i18n import tr_text

ROLE = Qt.ItemDataRole.UserRole
REVIEWED = ("patrol", "frontage_inspection")
PENDING = ("submitted", "resubmitted")


def hm(iso: str | None) -> str:
    """A stored time as China time of day."""
    return local_text(iso, "%H:%M", "—")


class ReviewTree(QTreeWidget):
    """Patrols, inspections and checks of one officer's day."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderLabels([self.tr("Patrol / unit"), self.tr("Time"), self.tr("Result"), self.tr("Status"), self.tr("Comment")])
        self.setColumnWidth(0, 260)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setExpandsOnDoubleClick(False)  # double-click opens the record

    def show_officer(self, officer: OfficerDay | None) -> None:
        """Fill the list with an officer's day, keeping the selected record if it is still there."""
        current = self.selected_record()
        self.clear()
        if officer is None:
            return
        by_patrol: dict[str, list[dict[str, Any]]] = {}
        for i in officer.inspections:
            by_patrol.setdefault(i["patrol_id"] or "", []).append(i)
        for p in officer.patrols:
            text = self.tr("Patrol {start}–{end} · {roads}").format(start=hm(p["started_at"]), end=hm(p["ended_at"]), roads="、".join(p["roads"]))
            result = self.tr("{visited}/{assigned} segments · {km:.1f} km").format(visited=p["visited"], assigned=p["assigned"], km=p["distance_m"] / 1000)
            node = self._item(None, ("patrol", p["id"]), text, hm(p["started_at"]), result, p["status"], p["review_comment"])
            for i in by_patrol.get(p["id"], []):
                self._inspection_item(node, i)
            for c in p.get("checks", []):
                self._check_item(node, c)
            node.setExpanded(True)
        for i in by_patrol.get("", []):
            self._inspection_item(None, i)
        if not self.select(current):
            first = self.topLevelItem(0)
            if first is not None:
                self.setCurrentItem(first)

    def _inspection_item(self, parent: QTreeWidgetItem | None, i: dict[str, Any]) -> None:
        score = "—" if i["score"] is None else f"{i['score']:g}"
        verdict = self.tr("compliant") if i["compliant"] else self.tr("not compliant")
        self._item(parent, ("frontage_inspection", i["id"]), i["unit_name"], hm(i["inspected_at"]),
                   f"{score} · {verdict}", i["review_status"], i["review_comment"])

    def _check_item(self, parent: QTreeWidgetItem, c: dict[str, Any]) -> None:
        item = QTreeWidgetItem([self.tr("八乱: {category} · {place}").format(category=c["category_name"], place=c["address"]),
                                hm(c["found_at"]), c["event_code"], tr_text(CHECK_STATUS.get(c["status"], c["status"]), "disorders"), ""])
        item.setData(0, ROLE, ("disorder_check", c["id"]))
        item.setForeground(0, Qt.GlobalColor.darkYellow)
        parent.addChild(item)

    def _item(self, parent: QTreeWidgetItem | None, key: tuple[str, str], *cells: str) -> QTreeWidgetItem:
        *texts, status, comment = cells
        item = QTreeWidgetItem([*texts, tr_text(STATUS_LABELS.get(status, status), "review"), comment])
        item.setData(0, ROLE, key)
        item.setData(3, ROLE, status)
        if status in PENDING:
            font = item.font(0)
            font.setBold(True)
            for column in range(5):
                item.setFont(column, font)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def all_items(self) -> list[QTreeWidgetItem]:
        """Every row, in order."""
        out: list[QTreeWidgetItem] = []
        for n in range(self.topLevelItemCount()):
            top = self.topLevelItem(n)
            if top is None:
                continue
            out.append(top)
            out.extend(c for c in (top.child(i) for i in range(top.childCount())) if c is not None)
        return out

    def selected_record(self) -> tuple[str, str] | None:
        """The key of the current row."""
        item = self.currentItem()
        return item.data(0, ROLE) if item else None

    def select(self, key: tuple[str, str] | None) -> bool:
        """Make the row of ``key`` current; whether it was found."""
        target = next((it for it in self.all_items() if it.data(0, ROLE) == key), None) if key else None
        if target is not None:
            self.setCurrentItem(target)
        return target is not None

    def next_key(self) -> tuple[str, str] | None:
        """The key of the row after the current one (where to go after a decision)."""
        items = self.all_items()
        current = self.currentItem()
        if current in items and items.index(current) + 1 < len(items):
            return items[items.index(current) + 1].data(0, ROLE)
        return None
