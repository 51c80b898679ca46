"""Settings' "Fonts for rare characters": the faces the app carries for names such as 𠮷 and
the TrueType files an office adds for characters none of them has (𰻞, CJK Extension G).
A file is checked (off the UI thread) when it is chosen; one that cannot be used is explained
and not added."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.glyphs import Face
from inspector_app.services.document_fonts import check_font_file, shipped_faces
from inspector_app.ui.errors import show_error
from inspector_app.ui.tasks import ImmediateTaskRunner, TaskRunner


class RareFontsWidget(QWidget):
    """The added font files (Add…, Remove) and a line naming the faces in use."""

    def __init__(self, paths: list[str], runner: TaskRunner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.files = QListWidget()
        self.files.setObjectName("rareFonts")
        self.files.setFixedHeight(3 * self.files.fontMetrics().height() + 12)  # three files show
        self.files.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for path in paths:
            self.files.addItem(path)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addRareFont")
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeRareFont")
        self.remove_button.clicked.connect(self._remove)
        self.in_use = QLabel(self.tr("Rare-character faces: looking…"))
        self.in_use.setObjectName("rareFontsInUse")
        self.in_use.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.in_use)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        (runner or ImmediateTaskRunner()).run(shipped_faces, on_done=self._show_in_use,
                                              on_error=lambda exc: self._show_in_use(()))

    def paths(self) -> list[str]:
        """The added files, in the order they are tried."""
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _show_in_use(self, faces: tuple[Face, ...]) -> None:
        if not faces:
            self.in_use.setText(self.tr("No face for rare characters was found: names such as 𠮷 cannot be "
                                        "printed until one is added here."))
            return
        where = {"built-in": self.tr("built in"), "system": self.tr("from this computer")}
        names = "、".join(f"{face.path.stem}（{where.get(face.origin, face.origin)}）" for face in faces)
        self.in_use.setText(self.tr("In use for rare characters: {names}. Added files are used for "
                                    "characters none of these has.").format(names=names))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Font for rare characters"), "", "TrueType (*.ttf *.ttc)")
        if name:
            self.add_file(name)

    def add_file(self, path: str) -> None:
        """Check ``path`` (off the UI thread) and add it when documents can use it."""
        if path in self.paths():
            return
        self.add_button.setEnabled(False)
        runner = self.runner or ImmediateTaskRunner()
        runner.run(check_font_file, path, on_done=lambda face: self._added(path, face), on_error=self._refused)

    def _added(self, path: str, face: Face) -> None:
        self.add_button.setEnabled(True)
        item = QListWidgetItem(path)
        item.setToolTip(self.tr("{n} characters").format(n=len(face.chars)))
        self.files.addItem(item)

    def _refused(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        show_error(self, exc)

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
