"""Printing PDFs through the system print dialog, and previewing them (QtPdf)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QMessageBox, QWidget

PRINT_DPI = 300




def load_pdf(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over PDF bytes (keep the buffer alive as long as the document)."""
    document = QPdfDocument(parent)  # type: ignore[arg-type]  # None is a valid parent
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def printers_available() -> bool:
    """Whether the system knows any printer."""
    return bool(QPrinterInfo.availablePrinters())


def print_pdf(parent: QWidget | None, data: bytes, title: str) -> bool:
    """Ask for a printer and print every page; False (with a message) when there is no
    printer or the officer cancelled. Nothing stored is touched either way."""
    if not printers_available():
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Printing", "No printer"),
                          QCoreApplication.translate("Printing", "No printer is set up on this computer. The document is stored; save it as "
                              "PDF and print it elsewhere, or connect a printer and try again."),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("noPrinter")
        box.open()
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setResolution(PRINT_DPI)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document, _buffer = load_pdf(data)
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Printing failed"),
                            QCoreApplication.translate("Printing", "The printer did not accept the job. Check that it is on and has paper."))
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() * PRINT_DPI / 72), int(points.height() * PRINT_DPI / 72))
            image = document.render(page, size)
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled))
    finally:
        painter.end()
    return True
