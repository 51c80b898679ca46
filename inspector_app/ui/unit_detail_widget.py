"""The unit pane's fields: the selected unit as label and value rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from inspector_app.domain.entities import UNIT_KINDS


class UnitDetailWidget(QWidget):
    """The selected unit's fields."""

    FIELDS = (
        ("name", "Name"), ("kind", "Kind"), ("category", "Category"), ("uscc", "USCC"),
        ("id_number", "ID number"), ("legal_person", "Legal representative"),
        ("contact", "Contact"), ("phone", "Phone"), ("address", "Address"),
        ("road_name", "Road segment"), ("position", "Position"), ("agreement", "责任书"),
        ("awareness", "知晓"), ("notes", "Notes"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumWidth(260)
        layout = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        labels = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "category": self.tr("Category"),
            "uscc": self.tr("USCC"), "id_number": self.tr("ID number"),
            "legal_person": self.tr("Legal representative"), "contact": self.tr("Contact"),
            "phone": self.tr("Phone"), "address": self.tr("Address"),
            "road_name": self.tr("Road segment"), "position": self.tr("Position"),
            "agreement": self.tr("责任书"), "awareness": self.tr("知晓"), "notes": self.tr("Notes"),
        }
        for key, _ in self.FIELDS:
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addRow(labels[key], value)
            self.values[key] = value

    def show_unit(self, unit: dict[str, Any] | None) -> None:
        """Fill in a unit, or clear."""
        unit = unit or {}
        shown = dict(unit)
        shown["kind"] = UNIT_KINDS.get(unit.get("kind", ""), unit.get("kind", ""))
        if unit.get("lat") is not None:
            shown["position"] = f"{unit['lat']:.6f}, {unit['lon']:.6f}"
        if unit:
            shown["agreement"] = (
                self.tr("Signed on {date} by {signer}").format(
                    date=unit.get("agreement_date") or "", signer=unit.get("agreement_signer") or ""
                )
                if unit.get("agreement_signed")
                else self.tr("Not signed")
            )
            shown["awareness"] = self.tr("Yes") if unit.get("awareness") else self.tr("No")
        for key, label in self.values.items():
            value = shown.get(key)
            label.setText("" if value is None else str(value))
