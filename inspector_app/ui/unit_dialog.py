"""Creating or editing a frontage unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import ValidationFailed
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.services.patrols import current_patrol, patrol_position
from inspector_app.services.session import Session
from inspector_app.services.units import create_unit, unit_form_context, update_unit
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import FormWidget
from inspector_app.ui.icons import icon
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import TaskRunner


class UnitDialog(QDialog):
    """The unit form; on save the record is stored (durably) before the dialog closes."""

    def __init__(
        self,
        session: Session,
        runner: TaskRunner,
        unit_id: str | None = None,
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.unit_id = unit_id
        self.changes: Changes | None = None
        self.setWindowTitle(self.tr("Edit unit") if unit_id else self.tr("New unit"))
        fit_to_screen(self, QSize(560, 680))  # never larger than the screen
        layout = QVBoxLayout(self)
        self.form = FormWidget(UNIT_FORM, unit_form_context(session))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll)
        if values:
            self.form.set_values(values)
        self.here_button = QPushButton(icon("fa5s.crosshairs"), self.tr("Use my current position"))
        self.here_button.setToolTip(self.tr("The latest GPS position of your open patrol"))
        self.here_button.clicked.connect(self.use_current_position)
        self.here_button.setEnabled(current_patrol(session) is not None)
        self.map_button = QPushButton(icon("fa5s.map-marker-alt"), self.tr("Pick on the map…"))
        self.map_button.clicked.connect(self.pick_on_map)
        position_row = QHBoxLayout()
        position_row.addWidget(self.here_button)
        position_row.addWidget(self.map_button)
        layout.addLayout(position_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.keys = DialogKeys(self, ok)

    def use_current_position(self) -> None:
        """Fill latitude and longitude from the open patrol's latest position."""
        patrol = current_patrol(self.session)
        position = patrol_position(self.session, patrol["id"]) if patrol else None
        if position is None:
            self.here_button.setText(self.tr("No position recorded yet on this patrol"))
            return
        values = self.form.values()
        values["lat"], values["lon"] = f"{position[0]:.6f}", f"{position[1]:.6f}"
        self.form.set_values(values)

    def pick_on_map(self) -> None:
        """Pick the unit's position on the map (starting from the one typed, if any)."""
        from inspector_app.ui.map_picker_dialog import MapPickerDialog

        values = self.form.values()
        try:
            start: tuple[float, float] | None = (float(values["lat"]), float(values["lon"]))
        except (KeyError, TypeError, ValueError):
            start = None
        dialog = MapPickerDialog(self.session, self.runner, start, self)
        dialog.position_picked.connect(self.set_position)
        dialog.exec()

    def set_position(self, lat: float, lon: float) -> None:
        """Put a position into the form."""
        values = self.form.values()
        values["lat"], values["lon"] = f"{lat:.6f}", f"{lon:.6f}"
        self.form.set_values(values)

    def save(self) -> None:
        """Check the form, then store it off the UI thread; close only once it is stored."""
        if self.form.check():
            return
        self.keys.busy()
        self.buttons.setEnabled(False)
        values = self.form.values()
        if self.unit_id:
            self.runner.run(update_unit, self.session, self.unit_id, values,
                            on_done=self._saved, on_error=self._failed)
        else:
            self.runner.run(create_unit, self.session, values,
                            on_done=self._saved, on_error=self._failed)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.keys.failed()
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)  # focuses the first wrong field
        else:
            show_error(self, exc)
