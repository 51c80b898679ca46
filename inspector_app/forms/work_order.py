"""The work-order intake form: what a city platform (or a dispatcher's spreadsheet) must tell us
about an order. The server's intake API, the dispatcher's import and the server's check of a
pushed order all validate with this one form."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import FieldError
from inspector_app.domain.geo import JINAN_BOUNDS
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import Problem, check_phone
from inspector_app.domain.work_calendar import LOCAL_TZ, Deadline, WorkCalendar
from inspector_app.domain.work_order_categories import OrderCategories
from inspector_app.domain.work_orders import RECEIVED, SOURCES
from inspector_app.forms.engine import Choice, Field, Form, FormContext, Kind, Values

_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-_/.]{2,39}$")
_GRID = re.compile(r"^[0-9]{6,20}$")


def check_platform_no(value: str) -> Problem | None:
    """The platform's own order number: 3–40 letters, digits and - _ / ."""
    if _NUMBER.fullmatch(value):
        return None
    return Problem(QT_TRANSLATE_NOOP(
        "forms", "{value} is not an order number: use the platform's number (3 to 40 letters, digits, - _ / .)."),
        {"value": value})


def check_grid(value: str) -> Problem | None:
    """A 数字城管 grid code: 6 to 20 digits."""
    if _GRID.fullmatch(value):
        return None
    return Problem(QT_TRANSLATE_NOOP("forms", "{value} is not a grid code: a grid code has 6 to 20 digits."),
                   {"value": value})


def parse_moment(value: str) -> datetime:
    """A time written as ISO 8601 (with or without a zone; without one it is Beijing time) or
    as 2026-11-20 09:30. Raises ValueError."""
    text = value.strip().replace("/", "-")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


def check_moment(value: str) -> Problem | None:
    """A readable date and time."""
    try:
        parse_moment(value)
    except ValueError:
        return Problem(QT_TRANSLATE_NOOP(
            "forms", "{value} is not a date and time: write it like 2026-11-20 09:30 or 2026-11-20T09:30:00+08:00."),
            {"value": value})
    return None


def _place_rule(values: Values, ctx: FormContext) -> list[FieldError]:
    lat, lon = values.get("lat"), values.get("lon")
    if (lat is None) != (lon is None):
        return [FieldError("lat" if lat is None else "lon", QT_TRANSLATE_NOOP(
            "forms", "Give both latitude and longitude, or leave both empty."))]
    if lat is not None and lon is not None and not JINAN_BOUNDS.contains(lat, lon):
        return [FieldError("lat", QT_TRANSLATE_NOOP(
            "forms", "The position {lat:.5f}, {lon:.5f} is outside Jinan: check the numbers (WGS-84)."),
            {"lat": lat, "lon": lon})]
    return []


def _times_rule(values: Values, ctx: FormContext) -> list[FieldError]:
    problems = []
    for key in ("reported_at", "received_at"):
        when = values.get(key)
        if when and parse_moment(when).astimezone(LOCAL_TZ).date() > ctx.today:
            problems.append(FieldError(key, QT_TRANSLATE_NOOP(
                "forms", "The time {when} is in the future; check the date."), {"when": when}))
    return problems


@cache
def work_order_form(categories: OrderCategories) -> Form:
    """The intake form for the categories in use."""
    return Form(
        name="work_order",
        version=f"1/{categories.version}",
        title=QT_TRANSLATE_NOOP("forms", "Work order"),
        fields=(
            Field("source", QT_TRANSLATE_NOOP("forms", "Source"), Kind.CHOICE, required=True,
                  choices=tuple(Choice(k, v) for k, v in SOURCES.items())),
            Field("platform_no", QT_TRANSLATE_NOOP("forms", "Order number"), required=True, check=check_platform_no),
            Field("category", QT_TRANSLATE_NOOP("forms", "Category (event code)"), Kind.CHOICE, required=True,
                  choices=tuple(Choice(c.event_code, f"{c.event_code} {c.name_zh}") for c in categories.items)),
            Field("title", QT_TRANSLATE_NOOP("forms", "Title"), max_length=60),
            Field("description", QT_TRANSLATE_NOOP("forms", "What the reporter said"), Kind.MULTILINE,
                  required=True, max_length=2000),
            Field("address", QT_TRANSLATE_NOOP("forms", "Place"), required=True, max_length=120),
            Field("lat", QT_TRANSLATE_NOOP("forms", "Latitude"), Kind.DECIMAL),
            Field("lon", QT_TRANSLATE_NOOP("forms", "Longitude"), Kind.DECIMAL),
            Field("grid_code", QT_TRANSLATE_NOOP("forms", "Grid code"), check=check_grid),
            Field("road", QT_TRANSLATE_NOOP("forms", "Road"), max_length=60),
            Field("reporter_name", QT_TRANSLATE_NOOP("forms", "Reporter"), max_length=40),
            Field("reporter_phone", QT_TRANSLATE_NOOP("forms", "Reporter's phone"), check=check_phone,
                  code=True),
            Field("reported_at", QT_TRANSLATE_NOOP("forms", "Reported at"), check=check_moment),
            Field("received_at", QT_TRANSLATE_NOOP("forms", "Dispatched to us at"), check=check_moment),
            Field("deadline", QT_TRANSLATE_NOOP("forms", "Deadline set by the platform"), check=check_moment),
        ),
        rules=(_place_rule, _times_rule),
    )


INTAKE_FIELDS = ("source", "platform_no", "category", "title", "description", "address", "lat", "lon",
                 "grid_code", "road", "reporter_name", "reporter_phone", "reported_at", "received_at", "deadline")


def new_order_fields(clean: Values, now: datetime, categories: OrderCategories, calendar: WorkCalendar) -> dict[str, Any]:
    """The stored fields of a new order (status 受理) from clean intake values: received now (or
    when the platform says it dispatched the order), with the category's 处置时限 counted in
    working time, unless the platform set a deadline of its own."""
    category = categories.get(str(clean["category"]))
    received = parse_moment(clean["received_at"]) if clean.get("received_at") else now
    if clean.get("deadline"):
        due = Deadline(parse_moment(clean["deadline"]).astimezone(LOCAL_TZ))
    else:
        due = calendar.deadline(received, category.limit, category.unit)
    reported = parse_moment(clean["reported_at"]) if clean.get("reported_at") else None
    title = clean.get("title") or category.name_zh.split("·")[-1]
    return {
        "source": clean["source"], "platform_no": clean["platform_no"], "category": category.event_code,
        "title": title, "description": clean["description"], "address": clean["address"],
        "lat": clean.get("lat"), "lon": clean.get("lon"), "grid_code": clean.get("grid_code") or "",
        "reporter_name": clean.get("reporter_name") or "", "reporter_phone": clean.get("reporter_phone") or "",
        "reported_at": utc_iso(reported) if reported else None, "received_at": utc_iso(received),
        "limit_value": category.limit, "limit_unit": category.unit, "deadline": utc_iso(due.at),
        "deadline_estimated": int(due.estimated), "status": RECEIVED,
    }
