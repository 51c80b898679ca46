"""Case 6 of issue 21: typed IDs, codes and phones are NFKC-normalised (full-width digits
accepted), invisible characters are removed with a note, and a wrong ID says exactly what is
wrong (an X in the middle, the real length)."""

from __future__ import annotations

from datetime import date

from inspector_app.domain.validators import (
    check_phone,
    check_resident_id,
    check_uscc,
    invisible_chars,
    normalise_code,
    uscc_check_char,
)
from inspector_app.forms.engine import FormContext, clean, notes
from inspector_app.forms.unit import UNIT_FORM

GOOD_ID = "11010519491231002X"
FULL_WIDTH_ID = "１１０１０５１９４９１２３１００２Ｘ"


def test_full_width_digits_are_accepted_not_blamed_on_the_check_digit() -> None:
    assert normalise_code(FULL_WIDTH_ID) == GOOD_ID
    assert check_resident_id(FULL_WIDTH_ID) is None
    uscc = "91370102MA3C4X5L6" + uscc_check_char("91370102MA3C4X5L6")
    assert check_uscc("".join(chr(ord(c) + 0xFEE0) for c in uscc)) is None
    assert check_phone("１３８１２３４５６７８") is None
    assert check_phone("０５３１－８６００１２３４") is None


def test_a_zero_width_space_is_removed_not_counted() -> None:
    pasted = GOOD_ID[:6] + "\u200b" + GOOD_ID[6:] + "\ufeff"
    assert invisible_chars(pasted) == ["U+200B", "U+FEFF"]
    assert check_resident_id(pasted) is None


def test_an_x_in_the_middle_is_named_with_its_position() -> None:
    problem = check_resident_id("1101051949X231002X")
    assert problem is not None
    assert problem.params == {"position": 11, "char": "X"}
    assert "Character 11" in problem.render() and "18" not in problem.render()


def test_a_wrong_length_says_the_real_length() -> None:
    problem = check_resident_id(GOOD_ID[:-1])
    assert problem is not None and problem.params == {"length": 17}
    assert "you typed 17" in problem.render()
    problem = check_resident_id(GOOD_ID + " 1")
    assert problem is not None and problem.params == {"length": 19}


def test_a_bad_last_character() -> None:
    problem = check_resident_id(GOOD_ID[:17] + "Y")
    assert problem is not None and problem.params == {"char": "Y"}


def test_the_form_stores_the_normalised_id_and_notes_the_removal() -> None:
    ctx = FormContext(today=date(2026, 11, 20), mode="import")
    raw = {"name": "泉城路小吃", "kind": "individual", "address": "泉城路1号",
           "id_number": FULL_WIDTH_ID[:4] + "\u200b" + FULL_WIDTH_ID[4:], "phone": "１３８ １２３４ ５６７８"}
    values, errors = clean(UNIT_FORM, raw, ctx)
    assert not [e for e in errors if e.field in ("id_number", "phone")], errors
    assert values["id_number"] == GOOD_ID and values["phone"] == "13812345678"
    noted = notes(UNIT_FORM, raw)
    assert [n.field for n in noted] == ["id_number"]
    assert "1 invisible characters (U+200B) were removed" in noted[0].render()
