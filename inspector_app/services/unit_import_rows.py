"""One registry row at a time: checked with the unit form (compiled once per check), matched
against the file's earlier rows and the units already stored, and turned into the stored row
that :mod:`storage.bulk_create` inserts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from inspector_app.domain.errors import FieldError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.forms.compiled import compile_clean
from inspector_app.forms.engine import notes
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.forms.unit_import import row_reader
from inspector_app.services.session import Session
from inspector_app.services.units import _stored_values, road_places, unit_form_context
from inspector_app.storage.bulk_create import columns, prepare
from inspector_app.storage.officers import road_segments

# What _stored_values adds to the form's fields, and the SQL default each column takes when a
# row has no road (the unit table's DEFAULT '' / NULL).
PLACE_DEFAULTS: dict[str, Any] = {"district_code": "", "subdistrict_code": "", "squad_id": None}
UNIT_COLUMNS = columns("unit", [f.key for f in UNIT_FORM.fields] + list(PLACE_DEFAULTS))
_DERIVED = frozenset(UNIT_COLUMNS) - {f.key for f in UNIT_FORM.fields} - set(PLACE_DEFAULTS)


@dataclass(slots=True)  # one per kept row: no per-instance __dict__
class RowOutcome:
    """What will happen to one row."""

    row_number: int
    values: dict[str, Any]
    action: str  # "create" | "update" | "error"
    unit_id: str | None = None
    errors: list[FieldError] = field(default_factory=list)
    # Changes made silently that the officer should know of (invisible characters removed).
    notes: list[FieldError] = field(default_factory=list)


class RowChecker:
    """Everything a check needs, looked up once: the compiled form, the roads, the codes
    already stored and the codes seen earlier in the file."""

    def __init__(self, session: Session, mapping: dict[str, int | None]) -> None:
        ctx = unit_form_context(session, all_roads=True, mode="import")
        if ctx.covers is not None:
            # The fonts do not change during one check; each character is looked up once.
            ctx = replace(ctx, covers=cache(ctx.covers))
        self.session = session
        self.clean = compile_clean(UNIT_FORM, ctx)
        self.mapping = mapping
        self.roads = {r["name"]: r["id"] for r in road_segments(session.store.db)}
        self.places = road_places(session)
        self.read = row_reader(mapping, self.roads)
        db = session.store.db
        self.by_uscc = dict(db.execute(
            "SELECT uscc, id FROM unit WHERE uscc IS NOT NULL AND deleted = 0").fetchall())
        self.by_idno = dict(db.execute(
            "SELECT id_number, id FROM unit WHERE id_number IS NOT NULL AND deleted = 0").fetchall())
        self.seen: dict[str, int] = {}

    def check(self, number: int, row: list[Any]) -> RowOutcome:
        """The outcome of one row of the file (rows are checked in file order)."""
        raw = self.read(row)
        values, errors = self.clean(raw)
        road = raw.get("road_segment_id")
        if isinstance(road, str) and road.startswith("?"):
            errors = [e for e in errors if e.field != "road_segment_id"] + [FieldError(
                "road_segment_id",
                QT_TRANSLATE_NOOP("forms", "There is no road segment named {road}; check the name or leave it empty."),
                {"road": road[1:]},
            )]
        key = values.get("uscc") or values.get("id_number")
        if key and not errors:
            if key in self.seen:
                errors.append(FieldError(
                    "uscc" if values.get("uscc") else "id_number",
                    QT_TRANSLATE_NOOP("forms", "The same code is already in row {row} of this file."),
                    {"row": self.seen[key]},
                ))
            else:
                self.seen[key] = number
        noted = notes(UNIT_FORM, raw)
        if errors:
            return RowOutcome(number, values, "error", errors=errors, notes=noted)
        match = self.by_uscc.get(values.get("uscc") or "") or self.by_idno.get(values.get("id_number") or "")
        return RowOutcome(number, values, "update" if match else "create", match, notes=noted)

    def stored(self, outcome: RowOutcome) -> tuple[Any, ...]:
        """The scratch row of a good outcome: (row number, action, matched id, the unit's
        stored columns, the create op's changes)."""
        values = _stored_values(self.session, outcome.values, self.places)
        return (outcome.row_number, outcome.action, outcome.unit_id,
                *prepare("unit", UNIT_COLUMNS, values, PLACE_DEFAULTS))


def update_values(stored: tuple[Any, ...]) -> dict[str, Any]:
    """The fields an update writes, from a scratch row: what the row gives (an empty cell
    never blanks a stored value), without the derived search keys (the patch derives them)."""
    return {c: v for c, v in zip(UNIT_COLUMNS, stored[3:], strict=False)
            if c not in _DERIVED and v not in (None, "")}
