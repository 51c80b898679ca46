"""The 八乱 check form: category, national event code, place, who is responsible, what was
seen, photos. Built from the catalogs (categories, their event codes, photo requirements)."""

from __future__ import annotations

from functools import cache

from inspector_app.domain.catalogs import Catalogs
from inspector_app.domain.errors import FieldError
from inspector_app.domain.geo import JINAN_BOUNDS
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import check_phone, check_resident_id
from inspector_app.forms.engine import Choice, Field, Form, FormContext, Kind, Values
from inspector_app.forms.evidence import photo_rule


def _rules(catalogs: Catalogs):  # type: ignore[no-untyped-def]
    by_code = {d.code: d for d in catalogs.disorders}

    def event_code_matches(values: Values, ctx: FormContext) -> list[FieldError]:
        disorder = by_code.get(values.get("category") or "")
        code = values.get("event_code")
        if disorder and code and code not in disorder.event_codes:
            return [FieldError("event_code", QT_TRANSLATE_NOOP(
                "forms", "Event code {code} does not belong to this category; choose one of {codes}."),
                {"code": code, "codes": "、".join(disorder.event_codes)})]
        return []

    def photo_required(values: Values, ctx: FormContext) -> list[FieldError]:
        disorder = by_code.get(values.get("category") or "")
        return photo_rule(bool(disorder and disorder.photo_required), values.get("photos"), "photos",
                          disorder.name_zh if disorder else "")

    def inside_jinan(values: Values, ctx: FormContext) -> list[FieldError]:
        lat, lon = values.get("lat"), values.get("lon")
        if lat is not None and lon is not None and not JINAN_BOUNDS.contains(lat, lon):
            return [FieldError("lat", QT_TRANSLATE_NOOP(
                "forms", "The position {lat:.5f}, {lon:.5f} is outside Jinan. Use the current position, "
                "pick the place on the map, or check the numbers."), {"lat": lat, "lon": lon})]
        return []

    return (event_code_matches, photo_required, inside_jinan)


@cache
def disorder_form(catalogs: Catalogs) -> Form:
    """The check form for the categories in ``catalogs``."""
    events = {e.code: e for e in catalogs.event_codes}
    return Form(
        name="disorder_check",
        version=f"1/{catalogs.version}",
        title=QT_TRANSLATE_NOOP("forms", "八乱 check"),
        fields=(
            Field("category", QT_TRANSLATE_NOOP("forms", "Category"), Kind.CHOICE, required=True,
                  choices=tuple(Choice(d.code, d.name_zh) for d in catalogs.disorders)),
            Field("event_code", QT_TRANSLATE_NOOP("forms", "Event code (GB/T 30428)"), Kind.CHOICE, required=True,
                  choices=tuple(Choice(c, f"{c} {events[c].major_zh}·{events[c].minor_zh}")
                                for d in catalogs.disorders for c in d.event_codes if c in events)),
            Field("lat", QT_TRANSLATE_NOOP("forms", "Latitude"), Kind.DECIMAL, required=True),
            Field("lon", QT_TRANSLATE_NOOP("forms", "Longitude"), Kind.DECIMAL, required=True),
            Field("address", QT_TRANSLATE_NOOP("forms", "Place"), max_length=120, printed=True),
            Field("road_segment_id", QT_TRANSLATE_NOOP("forms", "Road segment"), Kind.CHOICE,
                  choices_source="road_segments"),
            Field("unit_id", QT_TRANSLATE_NOOP("forms", "Responsible unit"), Kind.TEXT),
            Field("party_name", QT_TRANSLATE_NOOP("forms", "Responsible person"), max_length=40, printed=True),
            Field("party_id_number", QT_TRANSLATE_NOOP("forms", "ID number"), check=check_resident_id, uppercase=True,
                  code=True),
            Field("party_phone", QT_TRANSLATE_NOOP("forms", "Phone"), check=check_phone, code=True),
            Field("description", QT_TRANSLATE_NOOP("forms", "What was seen"), Kind.MULTILINE, max_length=1000),
            Field("photos", QT_TRANSLATE_NOOP("forms", "Photos"), Kind.MULTICHOICE),
        ),
        rules=_rules(catalogs),
    )
