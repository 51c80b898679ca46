"""Recording a 八乱 check. From the patrol page it opens with the category chosen and the
current position filled in, so category + photo + place + save is four actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import ValidationFailed
from inspector_app.domain.geo import JINAN_BOUNDS
from inspector_app.services.disorders import Recorded, record_check
from inspector_app.services.profile import squad_roads
from inspector_app.services.session import Session
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.icons import icon
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import TaskRunner
from inspector_app.ui.type_ahead import SEARCH_ROLE, combo_type_ahead


class DisorderDialog(QDialog):
    """The check form; ``recorded`` is set once the check is stored."""

    def __init__(self, session: Session, runner: TaskRunner, category: str | None = None,
                 position: tuple[float, float] | None = None, patrol_id: str | None = None,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.patrol_id = session, runner, patrol_id
        self.current_position = position
        self.recorded: Recorded | None = None
        self.within: Any = None  # runs in the check's transaction (a work order links itself)
        self.setWindowTitle(self.tr("八乱 check"))
        fit_to_screen(self, QSize(620, 640))  # never larger than the screen
        self.category = QComboBox()
        self.category.setObjectName("category")
        for d in session.catalogs.disorders:
            self.category.addItem(d.name_zh, d.code)
        self.event_code = QComboBox()
        self.event_code.setObjectName("eventCode")
        self.category.currentIndexChanged.connect(self._fill_events)
        self.lat, self.lon = QDoubleSpinBox(), QDoubleSpinBox()
        for box, low, high in ((self.lat, JINAN_BOUNDS.south - 5, JINAN_BOUNDS.north + 5),
                               (self.lon, JINAN_BOUNDS.west - 5, JINAN_BOUNDS.east + 5)):
            box.setDecimals(6)
            box.setRange(low, high)
            box.setSpecialValueText(" ")
            box.setValue(low)
        self.here = QPushButton(icon("fa5s.crosshairs"), self.tr("Current position"))
        self.here.setObjectName("hereButton")
        self.here.clicked.connect(self.use_current_position)
        self.here.setEnabled(position is not None)
        self.map_button = QPushButton(icon("fa5s.map-marker-alt"), self.tr("Map…"))
        self.map_button.setToolTip(self.tr("Pick the place on the map"))
        self.map_button.clicked.connect(self.pick_on_map)
        place_row = QHBoxLayout()
        for w in (self.lat, self.lon, self.here, self.map_button):
            place_row.addWidget(w)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("e.g. 泉城路188号门前"))
        self.road = QComboBox()
        self.road.addItem("", None)
        for r in squad_roads(session):
            self.road.addItem(r["name"], r["id"])
            self.road.setItemData(self.road.count() - 1, r["search"], SEARCH_ROLE)
        combo_type_ahead(self.road)
        self.party_name, self.party_id, self.party_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.unit_id: str | None = None
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(70)
        self.photos = PhotoStripWidget(session, runner, self._where)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Event code"), self.event_code)
        form.addRow(self.tr("Position"), place_row)
        form.addRow(self.tr("Place"), self.address)
        form.addRow(self.tr("Road segment"), self.road)
        form.addRow(self.tr("Responsible person or unit"), self.party_name)
        form.addRow(self.tr("ID number"), self.party_id)
        form.addRow(self.tr("Phone"), self.party_phone)
        form.addRow(self.tr("What was seen"), self.description)
        form.addRow(self.tr("Photos"), self.photos)
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, self.save_button, {
            "category": self.category, "event_code": self.event_code, "lat": self.lat, "lon": self.lon,
            "address": self.address, "road_segment_id": self.road, "party_name": self.party_name,
            "party_id_number": self.party_id, "party_phone": self.party_phone, "description": self.description,
            "photos": self.photos.add_button})
        if category:
            self.category.setCurrentIndex(max(0, self.category.findData(category)))
        self._fill_events()
        if values:
            self.set_values(values)
        elif position is not None:
            self.use_current_position()

    def _fill_events(self) -> None:
        disorder = self.session.catalogs.disorder(self.category.currentData())
        self.event_code.clear()
        for code in disorder.event_codes:
            event = self.session.catalogs.event_code(code)
            self.event_code.addItem(f"{code} {event.minor_zh}", code)

    def _where(self) -> tuple[str, float | None, float | None]:
        lat, lon = self._position()
        return self.address.text() or self.road.currentText(), lat, lon

    def _position(self) -> tuple[float | None, float | None]:
        if self.lat.value() == self.lat.minimum() or self.lon.value() == self.lon.minimum():
            return None, None
        return self.lat.value(), self.lon.value()

    def set_position(self, lat: float, lon: float) -> None:
        """Put a position in (the map picker uses this too)."""
        self.lat.setValue(lat)
        self.lon.setValue(lon)

    def pick_on_map(self) -> None:
        """Pick the place on the map."""
        from inspector_app.ui.map_picker_dialog import MapPickerDialog

        lat, lon = self._position()
        start = (lat, lon) if lat is not None and lon is not None else self.current_position
        dialog = MapPickerDialog(self.session, self.runner, start, self)
        dialog.position_picked.connect(self.set_position)
        dialog.exec()

    def use_current_position(self) -> None:
        if self.current_position is not None:
            self.set_position(*self.current_position)

    def set_values(self, values: dict[str, Any]) -> None:
        """Prefill (e.g. from a failed 门前五包 duty)."""
        if values.get("lat") is not None and values.get("lon") is not None:
            self.set_position(values["lat"], values["lon"])
        self.address.setText(values.get("address") or "")
        self.party_name.setText(values.get("party_name") or "")
        self.description.setPlainText(values.get("description") or "")
        self.unit_id = values.get("unit_id")
        self.photos.set_photo_ids(list(values.get("photos") or []))
        for combo, key in ((self.category, "category"), (self.road, "road_segment_id"), (self.event_code, "event_code")):
            if values.get(key) and combo.findData(values[key]) >= 0:
                combo.setCurrentIndex(combo.findData(values[key]))

    def values(self) -> dict[str, Any]:
        lat, lon = self._position()
        return {
            "category": self.category.currentData(), "event_code": self.event_code.currentData(),
            "lat": lat, "lon": lon, "address": self.address.text(), "road_segment_id": self.road.currentData(),
            "unit_id": self.unit_id, "party_name": self.party_name.text(), "party_id_number": self.party_id.text(),
            "party_phone": self.party_phone.text(), "description": self.description.toPlainText(),
            "photos": self.photos.photo_ids(),
        }

    def save(self) -> None:
        """Store the check off the UI thread; close once stored."""
        self.keys.busy()
        self.runner.run(record_check, self.session, self.values(), self.patrol_id, within=self.within,
                        on_done=self._saved, on_error=self._failed)

    def _saved(self, recorded: Recorded) -> None:
        self.recorded = recorded
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.keys.failed(exc.errors)
        else:
            self.keys.failed()
            show_error(self, exc)
