from datetime import date

import pytest

from inspector_app.domain.validators import (
    check_mobile,
    check_phone,
    check_resident_id,
    check_uscc,
    resident_id_check_char,
    uscc_check_char,
)


def test_known_valid_resident_id() -> None:
    # The GB 11643 standard's own example number.
    assert check_resident_id("11010519491231002X") is None


def test_lowercase_x_is_accepted() -> None:
    assert check_resident_id("11010519491231002x") is None


def test_wrong_check_digit_names_the_expected_one() -> None:
    problem = check_resident_id("110105194912310021")
    assert problem is not None
    assert problem.params == {"expected": "X", "actual": "1"}
    assert "should be X" in problem.render()


def test_id_with_impossible_birth_date() -> None:
    first17 = "11010519491331002"  # month 13
    problem = check_resident_id(first17 + resident_id_check_char(first17))
    assert problem is not None and "birth date" in problem.render()


def test_id_born_in_the_future() -> None:
    first17 = "11010520300101002"
    problem = check_resident_id(first17 + resident_id_check_char(first17), today=date(2026, 1, 1))
    assert problem is not None and "impossible" in problem.render()


def test_id_of_wrong_length() -> None:
    problem = check_resident_id("1101051949")
    assert problem is not None and problem.params["length"] == 10


@pytest.mark.parametrize("value", ["91350100M000100Y43", "91110000600037341L", "12100000400000624D", "91440300708461136T"])
def test_known_valid_usccs(value: str) -> None:
    assert check_uscc(value) is None


def test_uscc_check_char_matches_published_code() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"


def test_uscc_wrong_check_char() -> None:
    problem = check_uscc("91350100M000100Y44")
    assert problem is not None
    assert problem.params == {"expected": "3", "actual": "4"}


def test_uscc_forbidden_letters() -> None:
    problem = check_uscc("91350100O000100Y43")
    assert problem is not None and problem.params["chars"] == "O"


def test_uscc_length() -> None:
    problem = check_uscc("9135010")
    assert problem is not None and problem.params["length"] == 7


@pytest.mark.parametrize("value", ["13812345678", "+86 138 1234 5678", "199-1234-5678"])
def test_mobile_numbers(value: str) -> None:
    assert check_mobile(value) is None


@pytest.mark.parametrize("value", ["12812345678", "1381234567", "0531-86001234"])
def test_not_mobile_numbers(value: str) -> None:
    assert check_mobile(value) is not None


def test_landline_is_a_phone_but_not_a_mobile() -> None:
    assert check_phone("0531-86001234") is None
    assert check_phone("86001234") is not None
