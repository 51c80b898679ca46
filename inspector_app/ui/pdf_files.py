"""PDFs as files: saving several documents at once (one merged PDF or one file each in a
folder) and opening a written PDF, with a clear way out when no PDF viewer is installed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

# Characters no file system takes in a name (a number's 〔〕 are fine).
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(number: str) -> str:
    """A file name for a document: its number, made safe for any file system."""
    return (_UNSAFE.sub("_", number).strip("._") or "document") + ".pdf"


def write_each(folder: Path, parts: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write one file per (number, PDF) into ``folder``; a name already there gets (2), (3)…"""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, data in parts:
        path = folder / file_name(number)
        n = 2
        while path.exists() or path in written:
            path = folder / f"{path.stem.split(' (')[0]} ({n}).pdf"
            n += 1
        path.write_bytes(data)
        written.append(path)
    return written


def ask_batch_target(parent: QWidget, count: int, first_number: str) -> tuple[str, Path] | None:
    """Where to save ``count`` documents: ("merged", file) or ("folder", folder); None if
    cancelled. One document is simply saved under its number."""
    if count == 1:
        name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PdfFiles", "Save document"), file_name(first_number), "PDF (*.pdf)")
        return ("merged", Path(name)) if name else None
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("PdfFiles", "Save documents"),
                      QCoreApplication.translate("PdfFiles", "Save the {n} selected documents as one PDF, or as one file each in a folder?").format(n=count),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("batchSave")
    merged = box.addButton(QCoreApplication.translate("PdfFiles", "One PDF…"), QMessageBox.ButtonRole.AcceptRole)
    each = box.addButton(QCoreApplication.translate("PdfFiles", "One file each…"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is merged:
        name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PdfFiles", "Save documents"), QCoreApplication.translate("PdfFiles", "{n} documents.pdf").format(n=count),
                                              "PDF (*.pdf)")
        return ("merged", Path(name)) if name else None
    if box.clickedButton() is each:
        folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("PdfFiles", "Folder for the documents"))
        return ("folder", Path(folder)) if folder else None
    return None


def open_pdf(parent: QWidget, path: Path) -> bool:
    """Open a PDF in the system's viewer. When none can open it, say so and offer to save a
    copy elsewhere (e.g. a USB stick for another computer); False then."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("PdfFiles", "No PDF viewer"),
                      QCoreApplication.translate("PdfFiles", "This computer has no program that opens PDF files. The file is saved at:\n{path}\n"
                          "Save a copy elsewhere to open or print it on another computer, or ask the "
                          "administrator to install a PDF viewer.").format(path=path),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("noPdfViewer")
    save = box.addButton(QCoreApplication.translate("PdfFiles", "Save as…"), QMessageBox.ButtonRole.AcceptRole)
    save.clicked.connect(lambda: save_copy(parent, path))
    box.open()
    return False


def save_copy(parent: QWidget, path: Path) -> Path | None:
    """Copy a written PDF to a place the user picks."""
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PdfFiles", "Save as"), path.name, "PDF (*.pdf)")
    if not name:
        return None
    target = Path(name)
    if target.resolve() != path.resolve():
        shutil.copyfile(path, target)
    return target
