"""Download the visible area's tiles for offline use: zoom range, estimated size, progress,
cancel. Saved tiles are kept when cancelled or when the network drops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from inspector_app.domain.progress import Cancelled
from inspector_app.domain.tiles import MAX_DOWNLOAD_TILES, Area
from inspector_app.services.map_tiles import BaseMap, DownloadResult, area_estimate, download_tiles
from inspector_app.ui.errors import show_error
from inspector_app.ui.tasks import Task, TaskRunner


class TileDownloadDialog(QDialog):
    """Downloads ``bounds`` (south, west, north, east) from the configured source."""

    def __init__(self, runner: TaskRunner, profile_root: Path, base: BaseMap,
                 bounds: tuple[float, float, float, float], zoom: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.profile_root, self.base, self.bounds = runner, profile_root, base, bounds
        self.task: Task | None = None
        self.result_value: DownloadResult | None = None
        self.setWindowTitle(self.tr("Download this area for offline use"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.estimate_label = QLabel()
        self.estimate_label.setWordWrap(True)
        self.start = QPushButton(self.tr("Download"))
        self.low, self.high = QSpinBox(), QSpinBox()
        for box in (self.low, self.high):
            box.setRange(3, 18)
            box.valueChanged.connect(self._estimate)
        self.low.setValue(max(3, min(zoom, 18) - 3))
        self.high.setValue(min(18, max(zoom, 3) + 2))
        form.addRow(self.tr("From zoom level"), self.low)
        form.addRow(self.tr("To zoom level"), self.high)
        form.addRow(self.tr("Estimate"), self.estimate_label)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        form.addRow(self.bar)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.start, QDialogButtonBox.ButtonRole.ActionRole)
        self.start.clicked.connect(self.download)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._estimate()

    def area(self) -> Area:
        south, west, north, east = self.bounds
        low, high = sorted((self.low.value(), self.high.value()))
        return Area(south, west, north, east, low, high)

    def _estimate(self) -> None:
        count, size = area_estimate(self.area())
        text = self.tr("{count} tiles, about {mb:.1f} MB").format(count=f"{count:,}", mb=size / 1e6)
        if count > MAX_DOWNLOAD_TILES:
            text += self.tr(" — too many: zoom in or lower the highest zoom level")
        self.estimate_label.setText(text)
        self.start.setEnabled(count <= MAX_DOWNLOAD_TILES and self.task is None)

    def download(self) -> None:
        self.start.setEnabled(False)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Downloading…"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        cancel.setText(self.tr("Cancel"))
        self.task = self.runner.run(download_tiles, self.profile_root, self.base, self.area(), with_progress=True,
                                    on_progress=self._progress, on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int, _note: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finish(self) -> None:
        self.task = None
        self.bar.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._estimate()

    def _done(self, result: DownloadResult) -> None:
        self.result_value = result
        self._finish()
        self.status.setText(self.tr("{fetched} tiles downloaded, {skipped} were already saved, {failed} failed.").format(
            fetched=result.fetched, skipped=result.skipped, failed=result.failed))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled. The tiles downloaded so far are kept."))
            return
        self.status.setText(self.tr("The download stopped. The tiles downloaded so far are kept."))
        show_error(self, exc)

    def reject(self) -> None:
        if self.task is not None and not self.task.finished:
            self.task.cancel()
            return
        super().reject()
