"""Validating stored values of a synced record without a form or a window: what the server
asks of every pushed op (types, choices, caps, required fields, checksums, ISO times)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inspector_app.forms.record_schema import (
    INTEGER,
    JSON,
    REAL,
    RECORDS,
    REQUIRED_FIELDS,
    TIME,
    Column,
)

# The reason codes a refusal carries (the app explains each on its sync page).
INVALID, UNKNOWN_FIELD, REQUIRED, TOO_LARGE = "invalid_value", "unknown_field", "required", "too_large"
# ISO 8601 as the app writes it (domain.clock.utc_iso), a date alone, or any offset form.
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?")
# Integers a JSON reader anywhere keeps exactly.
MAX_INT = 2**53


@dataclass(frozen=True)
class ValueProblem:
    """Why one field's value is refused: a reason code, the field, and what is wrong (English,
    for logs; the app shows the code's own Chinese explanation)."""

    code: str
    field: str
    detail: str


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _problem(name: str, col: Column, value: Any) -> ValueProblem | None:
    if value is None:
        return None if col.nullable else ValueProblem(INVALID, name, "may not be empty (null)")
    kind = col.kind
    if kind == INTEGER:
        if not isinstance(value, int) or abs(value) > MAX_INT:
            return ValueProblem(INVALID, name, "must be a whole number")
        return None
    if kind == REAL:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return ValueProblem(INVALID, name, "must be a finite number")
        if isinstance(value, int) and abs(value) > MAX_INT:
            return ValueProblem(INVALID, name, "must be a finite number")
        return None
    if not isinstance(value, str):
        return ValueProblem(INVALID, name, "must be text")
    if len(value) > col.cap:
        return ValueProblem(TOO_LARGE, name, f"{len(value)} characters, at most {col.cap}")
    if kind == TIME:
        if not ISO_TIME.fullmatch(value):
            return ValueProblem(INVALID, name, "must be a time in ISO 8601 form, e.g. 2026-12-02T06:00:00.000Z")
        return None
    if kind == JSON:
        try:
            json.loads(value, parse_constant=_no_constant)
        except ValueError:
            return ValueProblem(INVALID, name, "must be JSON text without NaN or Infinity")
        return None
    if col.choices is not None and value and value not in col.choices:
        return ValueProblem(INVALID, name, "is not one of the allowed values")
    if col.check is not None and value:
        problem = col.check(value)
        if problem is not None:
            return ValueProblem(INVALID, name, problem.render())
    return None


def check_values(entity: str, values: Mapping[str, Any], creating: bool) -> ValueProblem | None:
    """The first problem with these stored values of a record of ``entity``, or None.

    ``creating``: the values are a whole new record, so each required field must be there;
    otherwise (a patch) only the fields present are checked."""
    columns = RECORDS.get(entity)
    if columns is None:
        return ValueProblem(INVALID, "entity", f"{entity} is not a kind of record the app keeps")
    for name, value in values.items():
        col = columns.get(name)
        if col is None:
            return ValueProblem(UNKNOWN_FIELD, name, f"{entity} has no field {name}")
        if type(value) is str and col.plain and len(value) <= col.cap and (
                col.choices is None or not value or value in col.choices) and (
                col.check is None or not value or col.check(value) is None):
            continue  # the usual case, without a call per field
        problem = _problem(name, col, value)
        if problem is not None:
            return problem
    if creating:
        for name in REQUIRED_FIELDS[entity]:
            if values.get(name) is None:  # NOT NULL with no default, as on the laptop
                return ValueProblem(REQUIRED, name, f"a new {entity} needs {name}")
    return None
