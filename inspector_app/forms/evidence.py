"""The photo rule of evidence, one for every kind of record the catalogs can require a photo
for: a 八乱 check of a category whose catalog row says photo_required, and a violation (and so
its notice) whose first-offence row says it. Forms and services call this one function."""

from __future__ import annotations

from collections.abc import Sequence

from inspector_app.domain.errors import FieldError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP


def photo_rule(required: bool, photos: Sequence[str] | None, field: str, what: str) -> list[FieldError]:
    """The problem when the catalog requires a photo (``required``) of ``what`` (its Chinese
    name, e.g. 乱堆乱放 or the violation's row) and none is attached to ``field``."""
    if required and not photos:
        return [FieldError(field, QT_TRANSLATE_NOOP(
            "forms", "{category} needs at least one photo as evidence: take or add one."), {"category": what})]
    return []
