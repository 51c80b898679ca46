"""Recording a violation and deciding 首违不罚: the party, the catalog item, the facts and
evidence, both officers — and, as it is typed, the app's decision with its reasons, the
party's earlier records it found, the conditions to confirm, and an override with a reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, QSize, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import FieldError, ValidationFailed
from inspector_app.domain.first_offence import (
    FIRST_OFFENCE,
    NOT_ELIGIBLE,
    confirmable_conditions,
)
from inspector_app.services.document_fonts import unprintable_party
from inspector_app.services.first_offence_catalog import catalog_in_use
from inspector_app.services.offence_index import DEFAULT_MAX_AGE_DAYS
from inspector_app.services.profile import squad_officers
from inspector_app.services.session import Session
from inspector_app.services.violations import Assessment, assess, record_violation
from inspector_app.ui.dialog_keys import DialogKeys
from inspector_app.ui.errors import show_error
from inspector_app.ui.form_widget import ERROR_STYLE
from inspector_app.ui.i18n import tr_field_error
from inspector_app.ui.icons import icon
from inspector_app.ui.index_freshness_widget import IndexFreshnessWidget
from inspector_app.ui.photo_strip_widget import PhotoStripWidget
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.tasks import TaskRunner

OUTCOME_STYLE = {FIRST_OFFENCE: "#1b5e20", NOT_ELIGIBLE: "#b3261e", "order_only": "#8d6e00"}


class ViolationDialog(QDialog):
    """The violation form with the live first-offence decision; ``changes`` after saving."""

    def __init__(self, session: Session, runner: TaskRunner, values: dict[str, Any] | None = None,
                 parent: QWidget | None = None, max_index_age_days: int = DEFAULT_MAX_AGE_DAYS) -> None:
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.max_index_age_days = max_index_age_days
        self.prefill = dict(values or {})
        self.changes: Changes | None = None
        self.assessment: Assessment | None = None
        self._unprintable_shown = False
        self.setWindowTitle(self.tr("Violation and 首违不罚 decision"))
        fit_to_screen(self, QSize(1100, 760))  # never larger than the screen
        self.catalog = catalog_in_use(session)
        splitter = QSplitter()
        splitter.addWidget(self._scroll(self._build_form()))
        splitter.addWidget(self._scroll(self._build_decision()))
        splitter.setSizes([600, 480])
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save and issue the notice…"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.keys = DialogKeys(self, self.save_button, self._field_widgets())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reassess)
        self._fill(self.prefill)
        self._item_changed()

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _build_form(self) -> QWidget:
        box = QWidget()
        self.kind_person = QRadioButton(self.tr("Person (incl. 个体工商户)"))
        self.kind_unit = QRadioButton(self.tr("Unit"))
        self.kind_person.setChecked(True)
        kinds = QButtonGroup(box)
        kinds.addButton(self.kind_person)
        kinds.addButton(self.kind_unit)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_person)
        kind_row.addWidget(self.kind_unit)
        kind_row.addStretch(1)
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout(box)
        form.addRow(self.tr("Party"), kind_row)
        for key, label in (("party_name", self.tr("Name")), ("party_id_number", self.tr("ID number")),
                           ("party_uscc", self.tr("Credit code (USCC)")), ("party_legal_person", self.tr("Legal representative")),
                           ("party_phone", self.tr("Phone")), ("party_address", self.tr("Address"))):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.textChanged.connect(lambda _t: self._timer.start())
            self.inputs[key] = edit
            form.addRow(label, edit)
        self.item = QComboBox()
        # Catalog items are long: let the box be narrower than its longest item (the list
        # still shows them whole) instead of forcing a horizontal scrollbar on the form.
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item.setMinimumContentsLength(24)
        self.item.view().setMinimumWidth(560)
        self.item.setObjectName("item")
        for item in self.catalog.items:
            mark = self.tr(" (legal basis to verify)") if self.catalog.to_verify(item) else ""
            self.item.addItem(f"{item.code} {item.violation_zh}{mark}", item.code)
        self.item.currentIndexChanged.connect(self._item_changed)
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("facts")
        self.facts.setFixedHeight(110)
        self.place = QLineEdit()
        self.partner = QComboBox()
        self.partner.setObjectName("partner")
        for o in squad_officers(self.session):
            if o["id"] != self.session.actor.officer_id and o["role"] in ("officer", "supervisor"):
                self.partner.addItem(f"{o['name']}（{o['badge_no']}）", o["id"])
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.photos = PhotoStripWidget(self.session, self.runner, lambda: (self.place.text(), self.prefill.get("lat"), self.prefill.get("lon")))
        form.addRow(self.tr("Violation"), self.item)
        form.addRow(self.tr("Facts"), self.facts)
        self.map_button = QPushButton(icon("fa5s.map-marker-alt"), self.tr("Map…"))
        self.map_button.setToolTip(self.tr("Pick the place on the map"))
        self.map_button.clicked.connect(self.pick_on_map)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.map_button)
        form.addRow(self.tr("Place"), place_row)
        form.addRow(self.tr("Second officer"), self.partner)
        form.addRow(self.tr("Correct by"), self.deadline)
        form.addRow(self.tr("Evidence photos"), self.photos)
        for radio in (self.kind_person, self.kind_unit):
            radio.toggled.connect(lambda _c: self._timer.start())
        return box

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"party_kind": self.kind_person, **self.inputs, "item_code": self.item, "facts": self.facts,
                "place": self.place, "officer2_id": self.partner, "deadline": self.deadline,
                "photos": self.photos.add_button, "photo_ids": self.photos.add_button,
                "override_reason": self.override_reason}

    def _build_decision(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.index_note = IndexFreshnessWidget(self.session, self.max_index_age_days)
        self.verify_note = QLabel()
        self.verify_note.setWordWrap(True)
        self.verify_note.setStyleSheet("color: #8d6e00;")
        self.conditions_box = QGroupBox(self.tr("Conditions confirmed on the spot"))
        self.conditions_layout = QVBoxLayout(self.conditions_box)
        self.conditions: dict[int, QCheckBox] = {}
        self.override = QCheckBox(self.tr("Decide differently (override)"))
        self.override.setObjectName("override")
        self.override_to = QComboBox()
        self.override_to.addItem(self.tr("首违不罚: warning notice"), FIRST_OFFENCE)
        self.override_to.addItem(self.tr("Not eligible: order to correct and file a case"), NOT_ELIGIBLE)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.override.toggled.connect(self._sync_override)
        for w in (self.outcome, self.reasons, self.index_note, self.verify_note, self.conditions_box, self.override, self.override_to,
                  self.override_reason):
            layout.addWidget(w)
        layout.addStretch(1)
        self._sync_override()
        return box

    def _sync_override(self) -> None:
        self.override_to.setEnabled(self.override.isChecked())
        self.override_reason.setEnabled(self.override.isChecked())

    def _fill(self, values: dict[str, Any]) -> None:
        if values.get("party_kind") == "unit":
            self.kind_unit.setChecked(True)
        for key, edit in self.inputs.items():
            edit.setText(values.get(key) or "")
        self.facts.setPlainText(values.get("facts") or "")
        self.place.setText(values.get("place") or "")
        self.photos.set_photo_ids(list(values.get("photo_ids") or []))
        if values.get("item_code"):
            self.item.setCurrentIndex(max(0, self.item.findData(values["item_code"])))

    def _item_changed(self) -> None:
        item = self.catalog.item(self.item.currentData())
        for box in self.conditions.values():
            box.setParent(None)  # type: ignore[call-overload]
        self.conditions = {}
        for index, text in confirmable_conditions(item):
            box = QCheckBox(text)
            box.setObjectName(f"condition_{index}")
            box.toggled.connect(lambda _c: self._timer.start())
            self.conditions_layout.addWidget(box)
            self.conditions[index] = box
        day = self.session.today() + timedelta(days=item.rectify_days)
        self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.verify_note.setText(self.tr("The legal basis of this row is marked “to verify”: check it against the "
                                         "current official text.") if self.catalog.to_verify(item) else "")
        self._timer.start()

    def confirmed(self) -> set[int]:
        return {i for i, box in self.conditions.items() if box.isChecked()}

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: edit.text() for key, edit in self.inputs.items()}
        values.update({
            "party_kind": "unit" if self.kind_unit.isChecked() else "person", "item_code": self.item.currentData(),
            "facts": self.facts.toPlainText(), "place": self.place.text(), "officer2_id": self.partner.currentData(),
            "deadline": self.deadline.date().toString("yyyy-MM-dd"), "photo_ids": self.photos.photo_ids(),
            "catalog_version": self.catalog.version,
        })
        for key in ("unit_id", "lat", "lon", "source_entity", "source_id"):
            values[key] = self.prefill.get(key)
        return values

    def reassess(self) -> None:
        """Ask for the decision for what is typed now (it searches the records)."""
        self.runner.run(assess, self.session, self.values(), self.confirmed(), on_done=self._assessed,
                        on_error=lambda exc: None)
        self.runner.run(unprintable_party, self.values(), on_done=self._show_unprintable, on_error=lambda exc: None)

    def _show_unprintable(self, problems: list[FieldError]) -> None:
        """Mark the party's fields holding a character no document font can print, and say
        which and what to do, as it is typed (saving refuses it with the same message)."""
        bad = {p.field for p in problems}
        for key, edit in self.inputs.items():
            edit.setStyleSheet("border: 1px solid #b3261e;" if key in bad else "")
        if problems or self._unprintable_shown:
            self.errors.setText("\n".join(tr_field_error(p) for p in problems))
            self.errors.setVisible(bool(problems))
        self._unprintable_shown = bool(problems)

    def _assessed(self, a: Assessment) -> None:
        self.assessment = a
        text = {FIRST_OFFENCE: self.tr("首违不罚 applies: warning notice, correct by the deadline, re-check."),
                NOT_ELIGIBLE: self.tr("Not eligible: order to correct, and the case is filed (立案)."),
                "order_only": self.tr("No 首违不罚 decision needed: order to correct and re-check.")}[a.decision.outcome]
        self.outcome.setText(text)
        self.outcome.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {OUTCOME_STYLE[a.decision.outcome]};")
        reasons = list(a.decision.reasons)
        for p in a.decision.priors:
            via = self.tr("by ID") if p.matched_by == "id" else self.tr("by name and address")
            if p.source == "index":
                reasons.append(self.tr("Earlier, another squad: {day} {code}, {squad} {number} (found {via})").format(
                    day=p.occurred_on.isoformat(), code=p.item_code, squad=p.squad, number=p.number, via=via))
            else:
                reasons.append(self.tr("Earlier: {day} {code} (found {via})").format(
                    day=p.occurred_on.isoformat(), code=p.item_code, via=via))
        self.reasons.setText("\n".join(f"· {r}" for r in reasons))
        self.index_note.show_for(a.index_as_of)
        self.conditions_box.setVisible(bool(self.conditions) and a.item.penalty_mode not in
                                       ("fine_only_if_overdue", "fine_only_if_refused", "no_fine_in_ordinance"))

    def pick_on_map(self) -> None:
        """Pick the place on the map; the position goes with the violation and its photos."""
        from inspector_app.ui.map_picker_dialog import MapPickerDialog

        lat, lon = self.prefill.get("lat"), self.prefill.get("lon")
        dialog = MapPickerDialog(self.session, self.runner, (lat, lon) if lat is not None and lon is not None else None, self)
        dialog.position_picked.connect(self.set_position)
        dialog.exec()

    def set_position(self, lat: float, lon: float) -> None:
        """Where the violation happened (WGS-84)."""
        self.prefill["lat"], self.prefill["lon"] = lat, lon
        self.map_button.setText(f"{lat:.5f}, {lon:.5f}")

    def save(self) -> None:
        """Store the violation (off the UI thread), then the caller opens the signing."""
        override = self.override_to.currentData() if self.override.isChecked() else None
        outcome = override or (self.assessment.decision.outcome if self.assessment else "")
        if not self.index_note.confirm_before(outcome, self):
            return
        self.keys.busy()
        self.runner.run(record_violation, self.session, self.values(), self.confirmed(), override,
                        self.override_reason.text(), on_done=self._saved, on_error=self._failed)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.errors.setText("\n".join(tr_field_error(e) for e in exc.errors))
            self.errors.show()
            self.keys.failed(exc.errors)
        else:
            self.keys.failed()
            show_error(self, exc)
