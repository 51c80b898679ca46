"""Masked renderings of personal data: what stays visible and what never does."""

from __future__ import annotations

import pytest

from inspector_app.domain.masking import mask_id_number, mask_name, mask_phone, mask_uscc


@pytest.mark.parametrize(("raw", "shown"), [
    ("370102199003071234", "370102********1234"),
    ("37010219900307123X", "370102********123X"),
    ("３７０１０２１９９００３０７１２３４", "370102********1234"),
    ("370102900307123", "370102*****7123"),
    ("E1234567", "*******7"),
    ("", ""),
])
def test_id_numbers_keep_region_and_last_four(raw: str, shown: str) -> None:
    assert mask_id_number(raw) == shown


def test_names_and_phones() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0531-86001234") == "0531-****1234"


def test_company_codes_are_public_but_personal_ones_are_not() -> None:
    assert mask_uscc("91370102MA3C4XYZ1K") == "91370102MA3C4XYZ1K"
    assert mask_uscc("370102199003071234") == "370102********1234"
