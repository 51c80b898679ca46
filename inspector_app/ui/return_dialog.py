"""Asking the supervisor what must be corrected before a record is returned."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

QUICK = ("轨迹不完整，请补充说明", "照片不清晰或缺失，请补拍", "检查项与照片不符，请核实", "请补充当事人信息")


class ReturnDialog(QDialog):
    """A comment (required) with a few ready-made ones; Ctrl+Enter returns."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return for correction"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Return {what}. What must the officer correct?").format(what=what)))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(self.tr("e.g. {example}").format(example=QUICK[0]))
        layout.addWidget(self.comment)
        for text in QUICK:
            hint = QLabel(f'<a href="#">{text}</a>')
            hint.linkActivated.connect(lambda _=None, t=text: self.comment.setPlainText(t))
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Return"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setShortcut("Ctrl+Return")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.comment.toPlainText().strip()
