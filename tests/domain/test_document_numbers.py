import pytest

from inspector_app.domain.documents import number_key

OFFICIAL = "济历下城管警告字〔2026〕第0001号"


@pytest.mark.parametrize("typed", [
    OFFICIAL, "济历下城管警告字[2026]第1号", "济历下城管警告字［2026］第01号", "济历下城管警告字【2026】第1号",
    "济历下城管警告字(2026)第0001号", " 济历下城管警告字 〔2026〕 第 1 号 ", "济历下城管警告字〔２０２６〕第０００１号",
    "济历下城管警告字\u3000[2026]\u3000第1号",
])
def test_brackets_spaces_and_zero_padding_do_not_matter(typed: str) -> None:
    assert number_key(typed) == number_key(OFFICIAL)


@pytest.mark.parametrize("other", [
    "济历下城管警告字〔2026〕第0010号", "济历下城管警告字〔2025〕第0001号", "济历下城管责改字〔2026〕第0001号",
    "临济历下城管警告字〔2026〕第0001号",
])
def test_a_different_number_keeps_a_different_key(other: str) -> None:
    assert number_key(other) != number_key(OFFICIAL)


def test_a_lone_zero_stays_a_figure() -> None:
    assert number_key("第0号") == "第0号" and number_key("第000号") == "第0号"
