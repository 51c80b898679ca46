"""The 门前五包 inspection form, built from the five duties and their check items.

Field keys: ``<duty>.result`` (ok / fail / na), ``<duty>.failed`` (check-item codes, needed
when the duty failed), ``<duty>.note``, ``<duty>.photos`` (photo ids); then ``awareness``
(did the unit's person know the five duties: yes / no / not_asked) and ``note``.
"""

from __future__ import annotations

from functools import cache

from inspector_app.domain.catalogs import Catalogs
from inspector_app.domain.errors import FieldError
from inspector_app.domain.frontage import FAIL, NA, OK, DutyResult
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.forms.engine import Choice, Field, Form, FormContext, Kind, Values

RESULT_CHOICES = (
    Choice("ok", QT_TRANSLATE_NOOP("forms", "Compliant")),
    Choice("fail", QT_TRANSLATE_NOOP("forms", "Not compliant")),
    Choice("na", QT_TRANSLATE_NOOP("forms", "Not applicable")),
)
AWARENESS_CHOICES = (
    Choice("yes", QT_TRANSLATE_NOOP("forms", "Knows the five duties")),
    Choice("no", QT_TRANSLATE_NOOP("forms", "Does not know them")),
    Choice("not_asked", QT_TRANSLATE_NOOP("forms", "Not asked")),
)

# A duty nobody looked at must not count as passed, so each starts unanswered.
UNANSWERED = QT_TRANSLATE_NOOP(
    "forms", "{label} is not answered yet: choose compliant, not compliant or not applicable."
)


def _at_least_one_applicable(codes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def rule(values: Values, ctx: FormContext) -> list[FieldError]:
        if all(values.get(f"{c}.result") == NA for c in codes):
            return [
                FieldError(
                    f"{codes[0]}.result",
                    QT_TRANSLATE_NOOP(
                        "forms",
                        "Every duty is marked not applicable: check at least one duty, or do "
                        "not record an inspection.",
                    ),
                )
            ]
        return []

    return rule


@cache
def inspection_form(catalogs: Catalogs) -> Form:
    """The form for the duties in ``catalogs``."""
    fields: list[Field] = []
    for duty in catalogs.responsibilities:
        code = duty.code
        failed = lambda v, c=code: v.get(f"{c}.result") == FAIL  # noqa: E731
        fields += [
            Field(
                f"{code}.result", duty.name_zh, Kind.CHOICE, required=True, choices=RESULT_CHOICES,
                required_message=UNANSWERED,
            ),
            Field(
                f"{code}.failed",
                QT_TRANSLATE_NOOP("forms", "Failed check items"),
                Kind.MULTICHOICE,
                choices=tuple(Choice(i.code, i.text_zh) for i in duty.check_items),
                relevant=failed,
                required_if=failed,
            ),
            Field(f"{code}.note", QT_TRANSLATE_NOOP("forms", "Note"), max_length=300),
            Field(f"{code}.photos", QT_TRANSLATE_NOOP("forms", "Photos"), Kind.MULTICHOICE),
        ]
    fields += [
        Field("awareness", QT_TRANSLATE_NOOP("forms", "Asked about the five duties"), Kind.CHOICE,
              required=True, choices=AWARENESS_CHOICES),
        Field("note", QT_TRANSLATE_NOOP("forms", "Overall note"), Kind.MULTILINE, max_length=1000),
    ]
    codes = tuple(d.code for d in catalogs.responsibilities)
    return Form(
        name="frontage_inspection",
        version=f"1/{catalogs.version}",
        title=QT_TRANSLATE_NOOP("forms", "门前五包 inspection"),
        fields=tuple(fields),
        rules=(_at_least_one_applicable(codes),),
    )


def duty_results(catalogs: Catalogs, clean: Values) -> list[DutyResult]:
    """The per-duty results of cleaned form values."""
    return [
        DutyResult(
            d.code,
            clean[f"{d.code}.result"],
            tuple(clean.get(f"{d.code}.failed") or ()),
            clean.get(f"{d.code}.note") or "",
            tuple(clean.get(f"{d.code}.photos") or ()),
        )
        for d in catalogs.responsibilities
    ]


def unanswered_values(catalogs: Catalogs) -> dict[str, object]:
    """A new inspection's starting values: no duty answered yet, awareness not asked."""
    values: dict[str, object] = {f"{d.code}.result": None for d in catalogs.responsibilities}
    values["awareness"] = "not_asked"
    return values


def all_compliant_values(catalogs: Catalogs) -> dict[str, object]:
    """Every duty answered compliant (what the 全部合格 button records), awareness not asked."""
    values = unanswered_values(catalogs)
    values.update({f"{d.code}.result": OK for d in catalogs.responsibilities})
    return values


# Other branches' tests still build "all pass" inspections under the old name; it is no longer
# what a new form starts with (that is unanswered_values).
blank_values = all_compliant_values
