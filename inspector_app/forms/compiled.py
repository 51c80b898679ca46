"""The form engine's :func:`~inspector_app.forms.engine.clean`, prepared once per form and
context for checking many rows (a registry import of 446,793 rows).

``clean`` works out for every row and field what the field needs (its kind, the set of
allowed choices, whether it is a code, which checks apply); here that is done once and each
field becomes a small function, and empty fields cost almost nothing. The rules are the
same: tests/forms/test_compiled_clean.py runs both over rows with every kind of error and
requires equal values and equal errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.domain.errors import FieldError
from inspector_app.domain.glyphs import check_printable
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.validators import normalise_code
from inspector_app.forms.engine import (
    Field,
    Form,
    FormContext,
    Kind,
    Values,
    _coerce,
    _empty,
    _error,
)

Coerced = tuple[Any, FieldError | None]
Clean = Callable[[Values], tuple[dict[str, Any], list[FieldError]]]


def _coercer(f: Field, ctx: FormContext) -> Callable[[Any], Coerced]:
    """``engine._coerce`` for one field, with its choices and flags looked up once."""
    kind, code, upper = f.kind, f.code, f.uppercase
    allowed = {c.value for c in (f.choices or ctx.choices.get(f.choices_source or "", ()))}
    choice_error = _error(f, QT_TRANSLATE_NOOP("forms", "{label}: choose one of the offered values."))

    def coerce(raw: Any) -> Coerced:
        if raw is None:
            return None, None
        if isinstance(raw, str):
            raw = normalise_code(raw) if code else raw.strip()
            if upper:
                raw = raw.upper()
            if not raw:
                return None, None
            if kind is Kind.TEXT or kind is Kind.MULTILINE:
                return raw, None
            if kind is Kind.CHOICE:
                if allowed and raw not in allowed:
                    return raw, FieldError(choice_error.field, choice_error.message, dict(choice_error.params))
                return raw, None
        elif _empty(raw):
            return None, None
        # Other kinds and non-text values are rare in a registry: the engine's own code.
        return _coerce(f, raw, ctx)

    return coerce


def _judge(f: Field, ctx: FormContext) -> Callable[[Any, dict[str, Any], list[FieldError]], None]:
    """The engine's checks of one relevant, well-typed value (length, range, check, fonts)."""
    max_length, low, high, check = f.max_length, f.min_value, f.max_value, f.check
    covers = ctx.covers if f.printed else None
    required_message = f.required_message or QT_TRANSLATE_NOOP("forms", "{label} is required.")

    def judge(value: Any, out: dict[str, Any], problems: list[FieldError]) -> None:
        if value is None or _empty(value):
            if f.is_required(out):
                problems.append(_error(f, required_message))
            return
        if isinstance(value, str):
            if max_length is not None and len(value) > max_length:
                problems.append(_error(
                    f, QT_TRANSLATE_NOOP("forms", "{label} is too long: at most {max} characters (now {n})."),
                    max=max_length, n=len(value)))
            if check is not None and (problem := check(value)) is not None:
                problems.append(FieldError(f.key, problem.message, dict(problem.params)))
            if covers is not None and (problem := check_printable(value, f.label, covers)) is not None:
                problems.append(FieldError(f.key, problem.message, dict(problem.params)))
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            if low is not None and value < low:
                problems.append(_error(f, QT_TRANSLATE_NOOP("forms", "{label} must be at least {min}."), min=low))
            if high is not None and value > high:
                problems.append(_error(f, QT_TRANSLATE_NOOP("forms", "{label} must be at most {max}."), max=high))

    return judge


def compile_clean(form: Form, ctx: FormContext) -> Clean:
    """A function equal to ``engine.clean(form, values, ctx)`` for any ``values``."""
    coercers = [(f.key, _coercer(f, ctx)) for f in form.fields]
    # An empty field that can never be required has nothing to judge (most of a registry's).
    judges = [(f.key, f.relevant, _judge(f, ctx), f.required or f.required_if is not None)
              for f in form.fields]
    rules = form.rules

    def clean(values: Values) -> tuple[dict[str, Any], list[FieldError]]:
        out: dict[str, Any] = {}
        problems: list[FieldError] = []
        wrong: set[str] = set()
        get = values.get
        for key, coerce in coercers:
            raw = get(key)
            if raw is None:
                out[key] = None
                continue
            value, err = coerce(raw)
            if err:
                problems.append(err)
                wrong.add(key)
            out[key] = value
        for key, relevant, judge, may_be_required in judges:
            if relevant is not None and not relevant(out):
                out[key] = None
                continue
            value = out[key]
            if (value is not None or may_be_required) and key not in wrong:
                judge(value, out, problems)
        if not problems:
            for rule in rules:
                problems.extend(rule(out, ctx))
        return out, problems

    return clean
