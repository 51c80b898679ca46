"""Creating, editing and finding frontage units (责任单位)."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.errors import FieldError, ValidationFailed
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.forms.engine import Choice, FormContext, validate
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.services.document_fonts import printable
from inspector_app.services.session import Session
from inspector_app.services.type_ahead import pinyin_sorted, typeahead_text
from inspector_app.storage import units as unit_store
from inspector_app.storage.officers import road_segments, road_table_stamp

UnitQuery = unit_store.UnitQuery


_road_cache: dict[tuple[int, str | None, bool, tuple[Any, ...]], tuple[Choice, ...]] = {}


def _road_choices(session: Session, all_roads: bool) -> tuple[Choice, ...]:
    """The road choices of the unit form, rebuilt only when the road table changed (every unit
    edit validates against them; an admin without a squad has every road of the city)."""
    db = session.store.db
    stamp = road_table_stamp(db)
    key = (id(session.store), session.actor.squad_id, all_roads, stamp)
    cached = _road_cache.get(key)
    if cached is None:
        roads = road_segments(db) if all_roads else (road_segments(db, session.actor.squad_id) or road_segments(db))
        cached = tuple(Choice(r["id"], r["name"], typeahead_text(r["name"])) for r in pinyin_sorted(roads))
        if len(_road_cache) > 16:
            _road_cache.clear()
        _road_cache[key] = cached
    return cached


def unit_form_context(session: Session, all_roads: bool = False, mode: str = "entry") -> FormContext:
    """Today's date and the run-time choices (roads of the squad — or every road, for a
    city-wide import — and unit categories)."""
    return FormContext(
        today=session.today(),
        choices={
            "road_segments": _road_choices(session, all_roads),
            "unit_categories": tuple(Choice(c, c) for c in session.catalogs.unit_categories),
        },
        mode=mode,
        covers=printable,  # the unit's name and people are printed on its 责任书 and notices
    )


def road_places(session: Session) -> dict[str, tuple[Any, Any, Any]]:
    """Every road segment's (district, subdistrict, squad), for :func:`_stored_values` in bulk."""
    return {r[0]: (r[1], r[2], r[3]) for r in session.store.db.execute(
        "SELECT id, district_code, subdistrict_code, squad_id FROM road_segment")}


def _stored_values(session: Session, clean: dict[str, Any],
                   roads: dict[str, tuple[Any, Any, Any]] | None = None) -> dict[str, Any]:
    values = dict(clean)
    values["agreement_signed"] = bool(values.get("agreement_signed"))
    values["awareness"] = bool(values.get("awareness"))
    for key in ("category", "legal_person", "contact", "phone", "notes", "agreement_signer"):
        values[key] = values.get(key) or ""
    road_id = values.get("road_segment_id")
    if road_id:
        row = roads.get(road_id) if roads is not None else session.store.db.execute(
            "SELECT district_code, subdistrict_code, squad_id FROM road_segment WHERE id = ?",
            [road_id],
        ).fetchone()
        if row:
            values["district_code"], values["subdistrict_code"] = row[0], row[1] or ""
            values["squad_id"] = row[2]
    return values


def _check_duplicate(session: Session, values: dict[str, Any], own_id: str | None) -> None:
    other = unit_store.find_unit_by_identity(
        session.store.db, values.get("uscc"), values.get("id_number")
    )
    if other and other != own_id:
        existing = unit_store.get_unit(session.store.db, other) or {}
        raise ValidationFailed(
            [
                FieldError(
                    "uscc" if values.get("uscc") else "id_number",
                    QT_TRANSLATE_NOOP(
                        "forms",
                        "Another unit already has this code: {name} ({address}). Open that "
                        "unit instead of adding it twice.",
                    ),
                    {"name": existing.get("name", ""), "address": existing.get("address", "")},
                )
            ]
        )


def create_unit(session: Session, values: dict[str, Any]) -> Changes:
    """Validate and store a new unit; returns the change (the new id is in it)."""
    clean = validate(UNIT_FORM, values, unit_form_context(session))
    stored = _stored_values(session, clean)
    _check_duplicate(session, stored, None)
    with session.operation("create_unit", Permission.EDIT_UNITS) as op:
        op.recorder.create("unit", stored, form_version=f"{UNIT_FORM.name}/{UNIT_FORM.version}")
        op.details["name"] = stored["name"]
    return op.changes


def update_unit(session: Session, unit_id: str, values: dict[str, Any]) -> Changes:
    """Validate and store edits of a unit; only changed fields go into the outbox op."""
    clean = validate(UNIT_FORM, values, unit_form_context(session))
    stored = _stored_values(session, clean)
    _check_duplicate(session, stored, unit_id)
    with session.operation("update_unit", Permission.EDIT_UNITS) as op:
        changed = op.recorder.patch(
            "unit", unit_id, stored, form_version=f"{UNIT_FORM.name}/{UNIT_FORM.version}"
        )
        op.entity, op.entity_id = "unit", unit_id
        op.details["fields"] = sorted(changed)
    return op.changes


def delete_unit(session: Session, unit_id: str) -> Changes:
    """Soft-delete a unit (it syncs as a tombstone)."""
    with session.operation("delete_unit", Permission.EDIT_UNITS) as op:
        op.recorder.delete("unit", unit_id)
    return op.changes


def unit_form_values(session: Session, unit_id: str) -> dict[str, Any]:
    """A unit's stored values as the form expects them (for editing)."""
    row = unit_store.get_unit(session.store.db, unit_id) or {}
    return {f.key: row.get(f.key) for f in UNIT_FORM.fields}


def search_unit_rowids(session: Session, query: unit_store.UnitQuery) -> list[int]:
    """Rowids of matching units in display order (run off the UI thread)."""
    session.require(Permission.VIEW_UNITS)
    return unit_store.unit_rowids(session.store.db, query)
