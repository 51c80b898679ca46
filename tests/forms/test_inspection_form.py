from datetime import date

import pytest

from inspector_app.domain.catalogs import load_catalogs
from inspector_app.domain.errors import ValidationFailed
from inspector_app.forms.engine import FormContext, clean, validate
from inspector_app.forms.inspection import all_compliant_values, inspection_form, unanswered_values

CATALOGS = load_catalogs()
CTX = FormContext(today=date(2026, 12, 2))


def test_a_new_inspection_answers_no_duty() -> None:
    values = unanswered_values(CATALOGS)
    assert [values[f"{d.code}.result"] for d in CATALOGS.responsibilities] == [None] * 5


def test_an_unanswered_duty_is_refused_by_name() -> None:
    values = all_compliant_values(CATALOGS)
    values["W3.result"] = None
    with pytest.raises(ValidationFailed) as raised:
        validate(inspection_form(CATALOGS), values, CTX)
    [error] = raised.value.errors
    assert error.field == "W3.result"
    assert error.params["label"] == CATALOGS.responsibilities[2].name_zh
    assert "not answered" in error.message


def test_saving_an_untouched_form_records_nothing_as_passed() -> None:
    _, problems = clean(inspection_form(CATALOGS), unanswered_values(CATALOGS), CTX)
    assert [p.field for p in problems] == [f"{d.code}.result" for d in CATALOGS.responsibilities]


def test_all_compliant_is_a_complete_answer() -> None:
    out = validate(inspection_form(CATALOGS), all_compliant_values(CATALOGS), CTX)
    assert {out[f"{d.code}.result"] for d in CATALOGS.responsibilities} == {"ok"}
