"""What the supervisor looks at before deciding: one inspection (each duty with its result,
failed items and note, the overall note, 知晓) or one 八乱 check (place, party, what was seen,
its timeline), with the photos as thumbnails and the chosen one at full size. Everything is read
and decoded through the task runner; the dialog only shows it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.disorders import STATUS_LABELS as CHECK_STATUS
from inspector_app.domain.review import STATUS_LABELS
from inspector_app.forms.inspection import AWARENESS_CHOICES, RESULT_CHOICES
from inspector_app.services.photos import photo_thumbnails
from inspector_app.services.review_details import (
    InspectionDetail,
    check_detail,
    inspection_detail,
    photo_bytes,
)
from inspector_app.services.session import Session
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import TaskRunner

ROLE = Qt.ItemDataRole.UserRole
RESULT_COLOURS = {"ok": "#1b5e20", "fail": "#b3261e", "na": "#5f6368"}


def _e(text: Any) -> str:
    return html.escape(str(text or ""))


class ReviewDetailDialog(QDialog):
    """Details of ``key`` = ("frontage_inspection" | "disorder_check", id)."""

    def __init__(self, session: Session, runner: TaskRunner, key: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.key = session, runner, key
        self.setWindowTitle(self.tr("Inspection details") if key[0] == "frontage_inspection" else self.tr("八乱 check details"))
        fit_to_screen(self, QSize(1000, 640))  # never larger than the screen
        self.text = QTextBrowser()
        self.text.setObjectName("detailText")
        self.photos = QListWidget()
        self.photos.setObjectName("detailPhotos")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(96, 96))
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(124)
        self.photos.currentItemChanged.connect(lambda item, _old: self._show_photo(item))
        self.full = QLabel(self.tr("No photos"))
        self.full.setObjectName("fullPhoto")
        self.full.setAlignment(Qt.AlignmentFlag.AlignCenter)
        viewer = QScrollArea()
        viewer.setWidget(self.full)
        viewer.setWidgetResizable(True)  # small photos centred; big ones at full size, scrolled
        self.viewer = viewer
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.photos)
        column.addWidget(viewer, 1)
        splitter = QSplitter()
        splitter.addWidget(self.text)
        splitter.addWidget(right)
        splitter.setSizes([440, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.photo_ids: list[str] = []
        self.shown_photo: str | None = None
        load = inspection_detail if key[0] == "frontage_inspection" else check_detail
        runner.run(load, session, key[1], on_done=self._loaded, on_error=lambda e: show_error(self, e))

    def _loaded(self, detail: Any) -> None:
        if isinstance(detail, InspectionDetail):
            self.text.setHtml(self._inspection_html(detail))
            self.photo_ids = detail.photo_ids
        else:
            self.text.setHtml(self._check_html(detail))
            self.photo_ids = list(detail["photo_ids"]) + list(detail["after_photo_ids"])
        if self.photo_ids:
            self.runner.run(photo_thumbnails, self.session, self.photo_ids, 96, on_done=self._thumbnails,
                            on_error=lambda e: show_error(self, e))

    def _inspection_html(self, d: InspectionDetail) -> str:
        results = {c.value: tr_text(c.label, "forms") for c in RESULT_CHOICES}
        awareness = {c.value: tr_text(c.label, "forms") for c in AWARENESS_CHOICES}
        verdict = self.tr("compliant") if d.compliant else self.tr("not compliant")
        score = "—" if d.score is None else f"{d.score:g}"
        note_label, unanswered = self.tr("Note:"), self.tr("not answered")
        rows = []
        for duty in d.duties:
            photos = self.tr("{n} photo(s)").format(n=len(duty.photo_ids))
            colour = RESULT_COLOURS.get(duty.result or "", "#000")
            failed = "".join(f"<li>{_e(i)}</li>" for i in duty.failed_items)
            rows.append(
                f"<tr><td><b>{_e(duty.code)} {_e(duty.name)}</b></td>"
                f"<td style='color:{colour}'><b>{_e(results.get(duty.result or '', unanswered))}</b></td></tr>"
                + (f"<tr><td colspan=2><ul style='margin:0'>{failed}</ul></td></tr>" if failed else "")
                + (f"<tr><td colspan=2>{note_label} {_e(duty.note)}</td></tr>" if duty.note else "")
                + (f"<tr><td colspan=2>{photos}</td></tr>" if duty.photo_ids else ""))
        status = tr_text(STATUS_LABELS.get(d.review_status, d.review_status), "review")
        by = self.tr("Inspected by {officer} at {time}").format(officer=_e(d.officer), time=_e(d.inspected_at))
        scored = self.tr("Score: {score} · {verdict}").format(score=score, verdict=verdict)
        aware, review, overall = self.tr("知晓:"), self.tr("Review:"), self.tr("Overall note:")
        return (
            f"<h3>{_e(d.unit_name)}</h3><p>{_e(d.unit_address)}</p>"
            f"<p>{by}<br>{scored}<br>"
            f"{aware} {_e(awareness.get(d.awareness, d.awareness))}<br>"
            f"{review} {_e(status)} {_e(d.review_comment)}</p>"
            f"<table cellpadding=3 width='100%'>{''.join(rows)}</table>"
            + (f"<p><b>{overall}</b> {_e(d.note)}</p>" if d.note else "")
        )

    def _check_html(self, d: dict[str, Any]) -> str:
        status = tr_text(CHECK_STATUS.get(d["status"], d["status"]), "disorders")
        party = "　".join(_e(x) for x in (d["party_name"], d["party_phone"]) if x)
        timeline = "".join(
            f"<li>{_e(e['at_local'])} {_e(e['officer_name'])} → "
            f"{_e(tr_text(CHECK_STATUS.get(e['status_to'], e['status_to']), 'disorders'))} {_e(e['note'])}</li>"
            for e in d["timeline"])
        place, status_label, responsible, history = self.tr("Place:"), self.tr("Status:"), self.tr("Responsible:"), self.tr("Timeline")
        found = self.tr("Found by {officer} at {time}").format(officer=_e(d["officer_name"]), time=_e(d["found_local"]))
        return (
            f"<h3>{_e(d['category_name'])}</h3><p>{_e(d['event_name'])}</p>"
            f"<p>{place} {_e(d['address'])} {_e(d['road_name'])}<br>{found}<br>{status_label} {_e(status)}<br>"
            + (f"{responsible} {party}<br>" if party else "")
            + f"</p><p>{_e(d['description'])}</p>"
            + (f"<p><b>{history}</b></p><ul>{timeline}</ul>" if timeline else "")
        )

    def _thumbnails(self, thumbs: dict[str, bytes]) -> None:
        self.photos.clear()
        for photo_id in self.photo_ids:
            pixmap = QPixmap()
            pixmap.loadFromData(thumbs.get(photo_id, b""))
            item = QListWidgetItem(QIcon(pixmap), "")
            item.setData(ROLE, photo_id)
            self.photos.addItem(item)
        if self.photos.count():
            self.photos.setCurrentRow(0)

    def _show_photo(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        photo_id = item.data(ROLE)
        self.full.setText(self.tr("Loading…"))
        self.runner.run(_decoded, self.session, photo_id, on_done=lambda image: self._full(photo_id, image),
                        on_error=lambda e: show_error(self, e))

    def _full(self, photo_id: str, image: QImage | None) -> None:
        current = self.photos.currentItem()
        if current is None or current.data(ROLE) != photo_id:
            return  # another photo was chosen meanwhile
        if image is None or image.isNull():
            self.full.setText(self.tr("This photo is not on this laptop yet (sync to fetch it)."))
            return
        self.shown_photo = photo_id
        self.full.setPixmap(QPixmap.fromImage(image))


def _decoded(session: Session, photo_id: str) -> QImage | None:
    # Read and decode on the worker thread (QImage, unlike QPixmap, may be made there).
    data = photo_bytes(session, photo_id)
    return QImage.fromData(data) if data else None
