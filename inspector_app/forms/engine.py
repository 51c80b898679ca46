"""Form definitions and the validation engine."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from inspector_app.domain.errors import FieldError, ValidationFailed
from inspector_app.domain.glyphs import Covers, check_printable
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import Problem, invisible_chars, normalise_code


class Kind(StrEnum):
    """How a field's value is typed and shown."""

    TEXT = "text"
    MULTILINE = "multiline"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"


@dataclass(frozen=True)
class Choice:
    """One allowed value and its label (labels in Chinese domain terms stay as they are)."""

    value: str
    label: str
    # What type-ahead matches besides the label (its pinyin and initials), if the app supplies it.
    search: str = ""


Values = Mapping[str, Any]


@dataclass(frozen=True)
class FormContext:
    """What validation may need to know beyond the values: today's date, dynamic choices."""

    today: date
    choices: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    # "entry" when a person types the form; "import" for rows of a registry file, where
    # some facts (e.g. the date an old agreement was signed) are often simply unknown.
    mode: str = "entry"
    # Which characters the document fonts can draw; fields marked ``printed`` are checked
    # against it (None: not checked, e.g. a form that is never printed).
    covers: Covers | None = None


@dataclass(frozen=True)
class Field:
    """One input of a form."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[Choice, ...] = ()
    # Name of a list the app supplies at run time (roads, officers) instead of fixed choices.
    choices_source: str | None = None
    max_length: int | None = None
    min_value: float | None = None
    max_value: float | None = None
    check: Callable[[str], Problem | None] | None = None
    relevant: Callable[[Values], bool] | None = None
    required_if: Callable[[Values], bool] | None = None
    placeholder: str = ""
    help: str = ""
    uppercase: bool = False
    # Printed on official documents: every character must have a face (FormContext.covers).
    printed: bool = False
    # A typed identifier (ID number, USCC, phone): normalised by validators.normalise_code.
    code: bool = False
    # What to say when a required answer is missing, if "{label} is required." says too little.
    required_message: str = ""

    def is_relevant(self, values: Values) -> bool:
        """Whether the field applies given the other answers (irrelevant ones are cleared)."""
        return self.relevant is None or bool(self.relevant(values))

    def is_required(self, values: Values) -> bool:
        """Whether an answer is needed given the other answers."""
        return self.required or (self.required_if is not None and bool(self.required_if(values)))


Rule = Callable[[Values, FormContext], list[FieldError]]


@dataclass(frozen=True)
class Form:
    """A versioned set of fields with cross-field rules."""

    name: str
    version: str
    title: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()

    def field(self, key: str) -> Field:
        """The field with this key."""
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple) and len(value) == 0)


def _error(f: Field, message: str, **params: Any) -> FieldError:
    return FieldError(f.key, message, {"label": f.label, **params})


def _coerce(f: Field, raw: Any, ctx: FormContext) -> tuple[Any, FieldError | None]:
    """Normalise one raw value to the field's type; an error says what was expected."""
    if isinstance(raw, str):
        raw = normalise_code(raw) if f.code else raw.strip()
        if f.uppercase:
            raw = raw.upper()
    if _empty(raw):
        return None, None
    kind = f.kind
    try:
        if kind in (Kind.TEXT, Kind.MULTILINE):
            return str(raw), None
        if kind is Kind.INTEGER:
            if isinstance(raw, bool):
                raise ValueError
            return int(raw), None
        if kind is Kind.DECIMAL:
            if isinstance(raw, bool):
                raise ValueError
            return float(raw), None
        if kind is Kind.BOOLEAN:
            if isinstance(raw, bool):
                return raw, None
            if str(raw).lower() in ("1", "true", "yes", "是"):
                return True, None
            if str(raw).lower() in ("0", "false", "no", "否"):
                return False, None
            raise ValueError
        if kind is Kind.DATE:
            value = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
            return value.isoformat(), None
        if kind is Kind.CHOICE:
            allowed = {c.value for c in (f.choices or ctx.choices.get(f.choices_source or "", ()))}
            if allowed and str(raw) not in allowed:
                return raw, _error(
                    f, QT_TRANSLATE_NOOP("forms", "{label}: choose one of the offered values.")
                )
            return str(raw), None
        if kind is Kind.MULTICHOICE:
            values = list(raw) if isinstance(raw, list | tuple) else [raw]
            allowed = {c.value for c in (f.choices or ctx.choices.get(f.choices_source or "", ()))}
            if allowed and any(str(v) not in allowed for v in values):
                return raw, _error(
                    f, QT_TRANSLATE_NOOP("forms", "{label}: choose only offered values.")
                )
            return [str(v) for v in values], None
    except (TypeError, ValueError):
        expected = {
            Kind.INTEGER: QT_TRANSLATE_NOOP("forms", "a whole number"),
            Kind.DECIMAL: QT_TRANSLATE_NOOP("forms", "a number"),
            Kind.BOOLEAN: QT_TRANSLATE_NOOP("forms", "yes or no"),
            Kind.DATE: QT_TRANSLATE_NOOP("forms", "a date like 2026-11-24"),
        }.get(kind, "")
        return raw, _error(
            f, QT_TRANSLATE_NOOP("forms", "{label}: {value!r} is not {expected}."),
            value=raw, expected=expected,
        )
    return raw, None


def clean(form: Form, values: Values, ctx: FormContext) -> tuple[dict[str, Any], list[FieldError]]:
    """Normalise and check every field; returns (clean values, errors).

    Irrelevant fields are set to None, so a hidden answer is never stored by accident.
    """
    out: dict[str, Any] = {}
    problems: list[FieldError] = []
    for f in form.fields:
        value, err = _coerce(f, values.get(f.key), ctx)
        if err:
            problems.append(err)
        out[f.key] = value
    for f in form.fields:
        if not f.is_relevant(out):
            out[f.key] = None
            continue
        value = out[f.key]
        if any(p.field == f.key for p in problems):
            continue
        if _empty(value):
            if f.is_required(out):
                message = f.required_message or QT_TRANSLATE_NOOP("forms", "{label} is required.")
                problems.append(_error(f, message))
            continue
        if f.max_length is not None and isinstance(value, str) and len(value) > f.max_length:
            problems.append(
                _error(
                    f,
                    QT_TRANSLATE_NOOP(
                        "forms", "{label} is too long: at most {max} characters (now {n})."
                    ),
                    max=f.max_length,
                    n=len(value),
                )
            )
        if isinstance(value, int | float) and not isinstance(value, bool):
            if f.min_value is not None and value < f.min_value:
                problems.append(
                    _error(f, QT_TRANSLATE_NOOP("forms", "{label} must be at least {min}."), min=f.min_value)
                )
            if f.max_value is not None and value > f.max_value:
                problems.append(
                    _error(f, QT_TRANSLATE_NOOP("forms", "{label} must be at most {max}."), max=f.max_value)
                )
        if f.check is not None and isinstance(value, str):
            problem = f.check(value)
            if problem is not None:
                problems.append(FieldError(f.key, problem.message, dict(problem.params)))
        if f.printed and ctx.covers is not None and isinstance(value, str):
            problem = check_printable(value, f.label, ctx.covers)
            if problem is not None:
                problems.append(FieldError(f.key, problem.message, dict(problem.params)))
    if not problems:
        for rule in form.rules:
            problems.extend(rule(out, ctx))
    return out, problems


def notes(form: Form, values: Values) -> list[FieldError]:
    """What cleaning changed silently and the officer should know: invisible characters
    removed from identifiers (they made a pasted ID "19 characters" before)."""
    found = []
    for f in form.fields:
        raw = values.get(f.key)
        if f.code and isinstance(raw, str) and (chars := invisible_chars(raw)):
            found.append(_error(
                f, QT_TRANSLATE_NOOP(
                    "forms", "{label}: {count} invisible characters ({chars}) were removed; "
                    "they come with text copied from web pages or chats."),
                count=len(chars), chars=", ".join(sorted(set(chars)))))
    return found


def validate(form: Form, values: Values, ctx: FormContext) -> dict[str, Any]:
    """Clean values or raise :class:`ValidationFailed` listing every bad field."""
    out, problems = clean(form, values, ctx)
    if problems:
        raise ValidationFailed(problems)
    return out
