"""The check before a document is numbered: every character of every text it prints has a
face that draws it. A character none draws would come out blank on the paper — in a party's
legal name, on an enforcement document — so it stops the issue with a message naming the
field and the character, and what to do.

The same rule checks values as they are typed (:func:`unprintable_values`), so the officer
learns it on the spot rather than when the notice is issued.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from inspector_app.documents.coverage import covers
from inspector_app.domain.errors import FieldError, ValidationFailed
from inspector_app.domain.glyphs import unprintable, unprintable_problem
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

# Where a document's snapshot keeps what was typed: snapshot path → (the form field it came
# from, that field's label). Paths not listed are still checked, under their own path.
SNAPSHOT_FIELDS: dict[str, tuple[str, str]] = {
    "party.name": ("party_name", QT_TRANSLATE_NOOP("forms", "Party's name")),
    "party.legal_person": ("party_legal_person", QT_TRANSLATE_NOOP("forms", "Legal representative")),
    "party.address": ("party_address", QT_TRANSLATE_NOOP("forms", "Party's address")),
    "facts.place": ("place", QT_TRANSLATE_NOOP("forms", "Place")),
    "facts.conduct": ("facts", QT_TRANSLATE_NOOP("forms", "Facts")),
    "refusal.reason": ("refused_reason", QT_TRANSLATE_NOOP("forms", "Reason for refusing to sign")),
    "refusal.witness": ("witness", QT_TRANSLATE_NOOP("forms", "Witness")),
    "service.place": ("service_place", QT_TRANSLATE_NOOP("forms", "Place of service")),
    "service.remarks": ("remarks", QT_TRANSLATE_NOOP("forms", "Remarks")),
    "pledge": ("pledge", QT_TRANSLATE_NOOP("forms", "Party's pledge")),
    "officers.name": ("officers", QT_TRANSLATE_NOOP("forms", "Officer's name")),
    "cause": ("party_name", QT_TRANSLATE_NOOP("forms", "Party's name")),
    "record.present.name": ("present", QT_TRANSLATE_NOOP("forms", "Name of a person present")),
    "record.scene": ("scene", QT_TRANSLATE_NOOP("forms", "Scene")),
    "record.recorder": ("recorder", QT_TRANSLATE_NOOP("forms", "Recorder")),
    "unit.name": ("name", QT_TRANSLATE_NOOP("forms", "Unit name")),
    "unit.legal_person": ("legal_person", QT_TRANSLATE_NOOP("forms", "Legal representative")),
    "unit.contact": ("contact", QT_TRANSLATE_NOOP("forms", "Contact person")),
    "unit.address": ("address", QT_TRANSLATE_NOOP("forms", "Address")),
    "unit.signer": ("agreement_signer", QT_TRANSLATE_NOOP("forms", "Signed by")),
}

# The violation form's printed fields (they become the notice's party block and facts).
VIOLATION_FIELDS: dict[str, str] = {
    "party_name": QT_TRANSLATE_NOOP("forms", "Party's name"),
    "party_legal_person": QT_TRANSLATE_NOOP("forms", "Legal representative"),
    "party_address": QT_TRANSLATE_NOOP("forms", "Party's address"),
    "facts": QT_TRANSLATE_NOOP("forms", "Facts"),
    "place": QT_TRANSLATE_NOOP("forms", "Place"),
}


def _texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) for every string in a snapshot; list items share their list's path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, path)


def _problem(field: str, label: str, chars: list[str]) -> FieldError:
    problem = unprintable_problem(label, chars)
    return FieldError(field, problem.message, dict(problem.params))


def unprintable_texts(snapshot: Mapping[str, Any]) -> list[FieldError]:
    """One problem per field of a document's snapshot that has characters no face draws."""
    missing: dict[tuple[str, str], list[str]] = {}
    for path, text in _texts(snapshot):
        chars = unprintable(text, covers)
        if chars:
            key = SNAPSHOT_FIELDS.get(path, (path, path))
            missing.setdefault(key, [])
            missing[key] += [c for c in chars if c not in missing[key]]
    return [_problem(field, label, chars) for (field, label), chars in missing.items()]


def check_printable(snapshot: Mapping[str, Any]) -> None:
    """Raise ValidationFailed when some text of the document cannot be printed whole (call it
    before the document takes its number)."""
    problems = unprintable_texts(snapshot)
    if problems:
        raise ValidationFailed(problems)


def unprintable_values(values: Mapping[str, Any], fields: Mapping[str, str]) -> list[FieldError]:
    """The same check on typed values: one problem per field (key → label) whose text has
    characters no face draws."""
    out = []
    for key, label in fields.items():
        chars = unprintable(str(values.get(key) or ""), covers)
        if chars:
            out.append(_problem(key, label, chars))
    return out
