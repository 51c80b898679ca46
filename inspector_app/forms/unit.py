"""The frontage unit (责任单位) form."""

from __future__ import annotations

from datetime import date

from inspector_app.domain.entities import UNIT_KINDS
from inspector_app.domain.errors import FieldError
from inspector_app.domain.geo import JINAN_BOUNDS
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import check_phone, check_resident_id, check_uscc
from inspector_app.forms.engine import Choice, Field, Form, FormContext, Kind, Values

_NEEDS_USCC = ("enterprise", "institution", "organisation")


def _location_rule(values: Values, ctx: FormContext) -> list[FieldError]:
    lat, lon = values.get("lat"), values.get("lon")
    if (lat is None) != (lon is None):
        return [
            FieldError(
                "lat" if lat is None else "lon",
                QT_TRANSLATE_NOOP(
                    "forms", "Give both latitude and longitude, or leave both empty."
                ),
            )
        ]
    if lat is not None and lon is not None and not JINAN_BOUNDS.contains(lat, lon):
        return [
            FieldError(
                "lat",
                QT_TRANSLATE_NOOP(
                    "forms",
                    "The position {lat:.5f}, {lon:.5f} is outside Jinan. Check the numbers "
                    "(latitude about 36-37, longitude about 116-118) or pick the place on the map.",
                ),
                {"lat": lat, "lon": lon},
            )
        ]
    return []


def _agreement_rule(values: Values, ctx: FormContext) -> list[FieldError]:
    signed_on = values.get("agreement_date")
    if values.get("agreement_signed") and not signed_on and ctx.mode == "entry":
        return [
            FieldError(
                "agreement_date",
                QT_TRANSLATE_NOOP("forms", "{label} is required."),
                {"label": QT_TRANSLATE_NOOP("forms", "Date signed")},
            )
        ]
    if signed_on and date.fromisoformat(signed_on) > ctx.today:
        return [
            FieldError(
                "agreement_date",
                QT_TRANSLATE_NOOP(
                    "forms", "The agreement date {when} is in the future; use the day it was signed."
                ),
                {"when": signed_on},
            )
        ]
    return []


UNIT_FORM = Form(
    name="unit",
    version="1",
    title=QT_TRANSLATE_NOOP("forms", "Frontage unit"),
    fields=(
        Field("name", QT_TRANSLATE_NOOP("forms", "Unit name"), required=True, max_length=60, printed=True),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("forms", "Kind"),
            Kind.CHOICE,
            required=True,
            choices=tuple(Choice(k, v) for k, v in UNIT_KINDS.items()),
        ),
        Field(
            "category",
            QT_TRANSLATE_NOOP("forms", "Category"),
            Kind.CHOICE,
            choices_source="unit_categories",
        ),
        Field(
            "uscc",
            QT_TRANSLATE_NOOP("forms", "Unified social credit code"),
            check=check_uscc, code=True,
            uppercase=True,
            required_if=lambda v: v.get("kind") in _NEEDS_USCC,
            placeholder="91370102MA3C4XXXXX",
        ),
        Field(
            "id_number",
            QT_TRANSLATE_NOOP("forms", "ID number of the person in charge"),
            check=check_resident_id, code=True,
            uppercase=True,
            relevant=lambda v: v.get("kind") in ("individual", "resident"),
        ),
        Field("legal_person", QT_TRANSLATE_NOOP("forms", "Legal representative"), max_length=30, printed=True),
        Field("contact", QT_TRANSLATE_NOOP("forms", "Contact person"), max_length=30, printed=True),
        Field("phone", QT_TRANSLATE_NOOP("forms", "Phone"), check=check_phone, code=True),
        Field("address", QT_TRANSLATE_NOOP("forms", "Address"), required=True, max_length=120, printed=True),
        Field(
            "road_segment_id",
            QT_TRANSLATE_NOOP("forms", "Road segment"),
            Kind.CHOICE,
            choices_source="road_segments",
        ),
        Field("lat", QT_TRANSLATE_NOOP("forms", "Latitude"), Kind.DECIMAL, min_value=-90, max_value=90),
        Field("lon", QT_TRANSLATE_NOOP("forms", "Longitude"), Kind.DECIMAL, min_value=-180, max_value=180),
        Field("agreement_signed", QT_TRANSLATE_NOOP("forms", "责任书 signed"), Kind.BOOLEAN),
        Field(
            "agreement_date",
            QT_TRANSLATE_NOOP("forms", "Date signed"),
            Kind.DATE,
            relevant=lambda v: bool(v.get("agreement_signed")),
        ),
        Field(
            "agreement_signer",
            QT_TRANSLATE_NOOP("forms", "Signed by"),
            relevant=lambda v: bool(v.get("agreement_signed")),
            max_length=30,
            printed=True,
        ),
        Field("awareness", QT_TRANSLATE_NOOP("forms", "Knows the five duties (知晓)"), Kind.BOOLEAN),
        Field("notes", QT_TRANSLATE_NOOP("forms", "Notes"), Kind.MULTILINE, max_length=1000),
    ),
    rules=(_location_rule, _agreement_rule),
)
