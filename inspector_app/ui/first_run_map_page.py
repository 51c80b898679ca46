"""The first-run wizard's offer to keep the squad's base map on this computer, right after the
squad's data came down from the server (while the network is still there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWizardPage,
)

from inspector_app.domain.progress import Cancelled
from inspector_app.domain.tiles import Area
from inspector_app.services.map_tiles import (
    BaseMap,
    DownloadResult,
    area_estimate,
    download_tiles,
    squad_area,
)
from inspector_app.services.session import Session
from inspector_app.ui.base_map_dialog import save_base_map
from inspector_app.ui.errors import error_text
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.tasks import Task, TaskRunner


class MapTilesPage(QWizardPage):
    """Optional: download the squad's area at zoom 12 to the chosen level; Next skips it."""

    def __init__(self, runner: TaskRunner, session_of: Any, next_id: int) -> None:
        super().__init__()
        self.runner = runner
        self.next_id = next_id
        self.session_of = session_of  # the wizard's signed-in session, known once the server page is done
        self.area: Area | None = None
        self.task: Task | None = None
        self.setTitle(self.tr("Offline map (optional)"))
        self.setSubTitle(self.tr("Keep the base map of your squad's area on this computer, so the map shows streets "
                                 "without a network. You can also do this later on the map page."))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("天地图 (needs the bureau's key)"), "tianditu")
        self.kind.addItem(self.tr("OpenStreetMap"), "osm")
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("天地图 key (tk)"))
        self.kind.currentIndexChanged.connect(lambda _i: self.key.setEnabled(self.kind.currentData() == "tianditu"))
        self.max_zoom = QSpinBox()
        self.max_zoom.setRange(13, 18)
        self.max_zoom.setValue(16)
        self.max_zoom.valueChanged.connect(self._estimate)
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.hide()
        self.download = QPushButton(self.tr("Download now"))
        self.download.clicked.connect(self.start)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Source"), self.kind)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Down to zoom level"), self.max_zoom)
        form.addRow(self.tr("Estimate"), self.estimate)
        form.addRow(self.download)
        form.addRow(self.bar)
        form.addRow(self.status)

    def initializePage(self) -> None:
        session = self.session_of()
        self.download.setEnabled(False)
        if session is not None:  # the squad's roads are read off the UI thread
            self.runner.run(squad_area, session, on_done=self._area_found,
                            on_error=lambda exc: self.status.setText(error_text(exc)))

    def _area_found(self, area: Area | None) -> None:
        self.area = area
        self.download.setEnabled(area is not None)
        if area is None:
            self.estimate.setText(self.tr("Your squad has no road segments yet; set the map up later on the map page."))
        self._estimate()

    def _area(self) -> Area | None:
        if self.area is None:
            return None
        a = self.area
        return Area(a.south, a.west, a.north, a.east, a.min_zoom, self.max_zoom.value())

    def _estimate(self) -> None:
        area = self._area()
        if area is not None:
            count, size = area_estimate(area)
            self.estimate.setText(self.tr("{count} tiles, about {mb:.0f} MB").format(count=f"{count:,}", mb=size / 1e6))

    def base_map(self) -> BaseMap:
        return BaseMap(kind=self.kind.currentData(), key=self.key.text().strip())

    def start(self) -> None:
        """Download in the background; the wizard can be finished meanwhile only after cancel."""
        session: Session | None = self.session_of()
        area = self._area()
        if session is None or area is None:
            return
        base = self.base_map()
        save_base_map(AppSettings(session.store.paths.settings), base)
        self.download.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(self.tr("Downloading… Pressing Next stops it; the tiles saved so far are kept."))
        self.task = self.runner.run(download_tiles, Path(session.store.paths.root), base, area, with_progress=True,
                                    on_progress=self._progress, on_done=self._done, on_error=self._failed)

    def _progress(self, done: int, total: int, _note: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, result: DownloadResult) -> None:
        self.task = None
        self.bar.hide()
        self.download.setEnabled(True)
        self.status.setText(self.tr("{fetched} tiles saved for offline use.").format(fetched=result.fetched + result.skipped))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.bar.hide()
        self.download.setEnabled(True)
        self.status.setText(self.tr("Stopped; the tiles saved so far are kept.") if isinstance(exc, Cancelled)
                            else error_text(exc))

    def validatePage(self) -> bool:
        if self.task is not None and not self.task.finished:
            self.task.cancel()
            return False
        return True

    def nextId(self) -> int:
        return self.next_id
