"""A row of evidence-photo thumbnails with add (file or camera) and remove.

Use: ``PhotoStripWidget(session, runner, where)`` where ``where()`` returns the stamp's place
text and position ``(place, lat, lon)`` at the moment a photo is added. ``photo_ids()`` gives
the stored photos' ids for the record; ``changed`` fires when the list changes. Each photo is
checked, stamped and stored off the UI thread as soon as it is added, so nothing is lost if
the form is abandoned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.photos import StoredPhoto, photo_thumbnails, stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.ui.errors import show_error
from inspector_app.ui.icons import icon
from inspector_app.ui.tasks import TaskRunner

Where = Callable[[], tuple[str, float | None, float | None]]
IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.webp *.heic *.bmp *.tif *.tiff"


def _add_one(session: Session, path: Path, where: tuple[str, float | None, float | None]) -> tuple[StoredPhoto, bytes]:
    place, lat, lon = where
    stored = store_photo(session, path, stamp_for(session, place, lat, lon))
    return stored, photo_thumbnails(session, [stored.photo_id], 96).get(stored.photo_id, b"")


class PhotoStripWidget(QWidget):
    """Thumbnails of a record's photos."""

    changed = Signal()

    def __init__(self, session: Session, runner: TaskRunner, where: Where, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.where = where
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(96, 96))
        self.list.setFixedHeight(118)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setObjectName("photoList")
        self.list.hide()  # shown once there is a photo: an empty strip only takes room
        self.add_button = QPushButton(icon("fa5s.image"), self.tr("Add photo…"))
        self.add_button.clicked.connect(self.choose_files)
        self.camera_button = QPushButton(icon("fa5s.camera"), self.tr("Take photo"))
        self.camera_button.clicked.connect(self.take_photo)
        self.camera_button.setVisible(_camera_available())
        self.remove_button = QPushButton(icon("fa5s.trash"), self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self._pending = 0
        buttons = QHBoxLayout()
        for b in (self.add_button, self.camera_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._sync_visibility()

    def photo_ids(self) -> list[str]:
        """Ids of the photos shown, in order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _sync_visibility(self) -> None:
        self.list.setVisible(self.list.count() > 0)
        self.remove_button.setEnabled(self.list.count() > 0)

    def set_photo_ids(self, ids: list[str]) -> None:
        """Show stored photos (thumbnails are read off the UI thread)."""
        self.list.clear()
        for photo_id in ids:
            item = QListWidgetItem(icon("fa5s.image"), "")
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            self.list.addItem(item)
        self._sync_visibility()
        if ids:
            self.runner.run(photo_thumbnails, self.session, ids, 96, on_done=self._thumbs)

    def _thumbs(self, thumbs: dict[str, bytes]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            data = thumbs.get(item.data(Qt.ItemDataRole.UserRole))
            if data:
                item.setIcon(_icon(data))

    def image_filter(self) -> str:
        """The file dialog's filter, named in the UI language (the patterns stay as they are)."""
        return self.tr("Images ({patterns})").format(patterns=IMAGE_PATTERNS)

    def choose_files(self) -> None:
        """Pick photo files."""
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "", self.image_filter())
        for f in files:
            self.add_file(Path(f))

    def add_file(self, path: Path) -> None:
        """Check, stamp and store one file in the background, then show it."""
        self._pending += 1
        self.progress.show()
        self.runner.run(_add_one, self.session, path, self.where(), on_done=self._added, on_error=self._failed)

    def _finish_one(self) -> None:
        self._pending -= 1
        self.progress.setVisible(self._pending > 0)

    def _added(self, result: tuple[StoredPhoto, bytes]) -> None:
        self._finish_one()
        stored, thumb = result
        if stored.photo_id in self.photo_ids():
            return
        item = QListWidgetItem(_icon(thumb) if thumb else icon("fa5s.image"), "")
        item.setData(Qt.ItemDataRole.UserRole, stored.photo_id)
        item.setToolTip(f"{stored.width}×{stored.height}")
        self.list.addItem(item)
        self._sync_visibility()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish_one()
        show_error(self, exc, self.tr("Photo not added"))

    def remove_selected(self) -> None:
        """Take the selected photo off this record (the stored file stays as evidence)."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._sync_visibility()
        self.changed.emit()

    def take_photo(self) -> None:
        """Capture from the laptop's camera."""
        from inspector_app.ui.camera_dialog import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec() and dialog.captured is not None:
            self.add_file(dialog.captured)


def _icon(png: bytes) -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData(png)
    return QIcon(pixmap)


def _camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())
