from datetime import date

import pytest

from inspector_app.domain.errors import ValidationFailed
from inspector_app.forms.engine import Choice, FormContext, clean, validate
from inspector_app.forms.unit import UNIT_FORM

CTX = FormContext(today=date(2026, 11, 20), choices={"road_segments": (Choice("r1", "泉城路（第1段）"),)})

GOOD = {
    "name": "鑫源便利店",
    "kind": "individual",
    "uscc": "91350100m000100y43",
    "address": "济南市历下区泉城路12号",
    "phone": "138 1234 5678",
    "road_segment_id": "r1",
    "lat": "36.666",
    "lon": "117.018",
}


def test_good_values_are_cleaned() -> None:
    out = validate(UNIT_FORM, GOOD, CTX)
    assert out["uscc"] == "91350100M000100Y43"
    assert out["lat"] == pytest.approx(36.666)
    assert out["agreement_date"] is None


def test_invalid_uscc_is_reported_on_its_field() -> None:
    with pytest.raises(ValidationFailed) as info:
        validate(UNIT_FORM, {**GOOD, "uscc": "91350100M000100Y44"}, CTX)
    assert [e.field for e in info.value.errors] == ["uscc"]
    assert "should be 3" in info.value.errors[0].render()


def test_invalid_id_number_is_reported() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "id_number": "110105194912310021"}, CTX)
    assert [p.field for p in problems] == ["id_number"]


def test_required_fields() -> None:
    _, problems = clean(UNIT_FORM, {"kind": "enterprise"}, CTX)
    assert {p.field for p in problems} == {"name", "address", "uscc"}


def test_hidden_field_is_cleared() -> None:
    out = validate(UNIT_FORM, {**GOOD, "kind": "enterprise", "id_number": "11010519491231002X"}, CTX)
    assert out["id_number"] is None


def test_position_outside_jinan() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "lat": "39.9", "lon": "116.4"}, CTX)
    assert [p.field for p in problems] == ["lat"]
    assert "outside Jinan" in problems[0].render()


def test_half_a_position() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "lon": ""}, CTX)
    assert [p.field for p in problems] == ["lon"]


def test_not_a_number() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "lat": "北纬36"}, CTX)
    assert problems[0].field == "lat" and "not" in problems[0].render()


def test_agreement_date_required_when_signed_and_not_in_future() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "agreement_signed": True}, CTX)
    assert [p.field for p in problems] == ["agreement_date"]
    _, problems = clean(UNIT_FORM, {**GOOD, "agreement_signed": True, "agreement_date": "2027-01-01"}, CTX)
    assert [p.field for p in problems] == ["agreement_date"]


def test_unknown_choice_is_refused() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "road_segment_id": "nope"}, CTX)
    assert [p.field for p in problems] == ["road_segment_id"]


def test_name_too_long() -> None:
    _, problems = clean(UNIT_FORM, {**GOOD, "name": "店" * 61}, CTX)
    assert problems[0].params["max"] == 60
