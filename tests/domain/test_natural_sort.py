from inspector_app.domain.natural_sort import natural_key, natural_sorted, natural_text

ADDRESSES = ["泉城路110号", "泉城路10号", "泉城路103号", "泉城路9号", "泉城路102号", "泉城路10号之1"]
EXPECTED = ["泉城路9号", "泉城路10号", "泉城路10号之1", "泉城路102号", "泉城路103号", "泉城路110号"]


def test_house_numbers_sort_as_numbers() -> None:
    assert sorted(ADDRESSES, key=natural_key) == EXPECTED


def test_the_text_key_gives_the_same_order() -> None:
    assert sorted(ADDRESSES, key=natural_text) == EXPECTED


def test_full_width_digits_and_empty_values() -> None:
    assert sorted(["经十路１２号", "经十路３号", "", None], key=natural_key) == [None, "", "经十路３号", "经十路１２号"] \
        or sorted(["经十路１２号", "经十路３号", "", None], key=natural_key) == ["", None, "经十路３号", "经十路１２号"]


def test_rows_sorted_by_a_column() -> None:
    rows = [{"a": "第10段"}, {"a": "第2段"}, {"a": "第1段"}]
    assert [r["a"] for r in natural_sorted(rows, "a")] == ["第1段", "第2段", "第10段"]
