"""Taking a photo with the laptop's camera (shown only when a camera is present)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from inspector_app.ui.screen_fit import fit_to_screen


class CameraDialog(QDialog):
    """Live view and a capture button; ``captured`` is the saved file afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take photo"))
        fit_to_screen(self, QSize(800, 600))  # never larger than the screen
        self.captured: Path | None = None
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.media = QMediaCaptureSession(self)
        self.view = QVideoWidget()
        self.media.setCamera(self.camera)
        self.media.setImageCapture(self.capture)
        self.media.setVideoOutput(self.view)
        self.capture.imageSaved.connect(self._saved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        shoot = buttons.addButton(self.tr("Capture"), QDialogButtonBox.ButtonRole.ActionRole)
        shoot.clicked.connect(self._shoot)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.camera.start()

    def _shoot(self) -> None:
        target = Path(tempfile.mkdtemp(prefix="inspector-camera-")) / "capture.jpg"
        self.capture.captureToFile(str(target))

    def _saved(self, _id: int, path: str) -> None:
        self.captured = Path(path)
        self.camera.stop()
        self.accept()
