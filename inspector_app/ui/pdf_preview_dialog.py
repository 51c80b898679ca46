"""Looking at a document before printing: the PDF in the app, print, save as file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from inspector_app.ui.icons import icon
from inspector_app.ui.printing import load_pdf, print_pdf
from inspector_app.ui.screen_fit import fit_to_screen


class PdfPreviewDialog(QDialog):
    """A PDF with Print… and Save as…; ``on_printed`` is called after a successful print."""

    def __init__(self, data: bytes, title: str, on_printed: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data, self.title, self.on_printed = data, title, on_printed
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(820, 960))  # never larger than the screen
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setIcon(icon("fa5s.print"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_document)
        save = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setIcon(icon("fa5s.save"))
        save.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def print_document(self) -> bool:
        printed = print_pdf(self, self.data, self.title)
        if printed and self.on_printed:
            self.on_printed()
        return printed

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save document"), f"{self.title}.pdf", "PDF (*.pdf)")
        if name:
            Path(name).write_bytes(self.data)
