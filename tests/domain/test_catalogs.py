import json
import shutil
from pathlib import Path

import pytest

from inspector_app.domain.catalogs import load_catalogs
from inspector_app.domain.errors import CatalogError
from inspector_app.domain.resources import resource_path


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    target = tmp_path / "catalogs"
    shutil.copytree(resource_path("catalogs"), target)
    return target


def _edit(folder: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / name
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_shipped_catalogs_load_completely() -> None:
    c = load_catalogs()
    assert [r.name_zh for r in c.responsibilities] == [
        "包环境卫生", "包市容整洁", "包设施完好", "包秩序良好", "包绿化美观",
    ]
    assert len(c.disorders) == 8
    assert all(r.check_items for r in c.responsibilities)
    assert len(c.first_offence) == 31
    assert c.event_code("0504").minor_zh == "店外经营"
    assert c.district("370102").name_zh == "历下区"
    assert any(s.name_zh == "泉城路街道" for s in c.district("370102").subdistricts)
    assert c.star_rating.bands[0].stars == 5


def test_unsure_legal_bases_stay_marked_for_verification() -> None:
    c = load_catalogs()
    assert c.first_offence_item("FO02").needs_verification
    assert not c.first_offence_item("FO01").needs_verification
    assert c.disorder("L7").needs_verification


def test_missing_field_is_named_with_file_and_row(catalog_dir: Path) -> None:
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"][2].pop("legal_basis_zh"))
    with pytest.raises(CatalogError) as info:
        load_catalogs(catalog_dir)
    text = info.value.render()
    assert "first_offence.json" in text and "row 3 (FO03)" in text and "legal_basis_zh" in text
    assert "administrator" in text


def test_wrong_type_is_named(catalog_dir: Path) -> None:
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"][0].update(rectify_days="three"))
    with pytest.raises(CatalogError) as info:
        load_catalogs(catalog_dir)
    assert "rectify_days" in info.value.render() and "'three'" in info.value.render()


def test_boolean_is_not_accepted_as_a_number(catalog_dir: Path) -> None:
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"][0].update(rectify_days=True))
    with pytest.raises(CatalogError, match="rectify_days"):
        load_catalogs(catalog_dir)


def test_unknown_penalty_mode(catalog_dir: Path) -> None:
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"][0].update(penalty_mode="maybe"))
    with pytest.raises(CatalogError, match="penalty_mode"):
        load_catalogs(catalog_dir)


def test_missing_file(catalog_dir: Path) -> None:
    (catalog_dir / "disorders.json").unlink()
    with pytest.raises(CatalogError, match=r"disorders\.json is missing"):
        load_catalogs(catalog_dir)


def test_file_that_is_not_json(catalog_dir: Path) -> None:
    (catalog_dir / "event_codes.json").write_text("{ not json", "utf-8")
    with pytest.raises(CatalogError, match="not valid JSON"):
        load_catalogs(catalog_dir)


def test_duplicate_code(catalog_dir: Path) -> None:
    _edit(catalog_dir, "disorders.json", lambda d: d["items"][1].update(code="L1"))
    with pytest.raises(CatalogError, match="used twice"):
        load_catalogs(catalog_dir)


def test_dangling_reference_between_catalogs(catalog_dir: Path) -> None:
    _edit(catalog_dir, "disorders.json", lambda d: d["items"][0]["event_codes"].append("9999"))
    with pytest.raises(CatalogError, match="9999"):
        load_catalogs(catalog_dir)


def test_bad_file_leaves_the_shipped_files_untouched(catalog_dir: Path) -> None:
    before = (resource_path("catalogs") / "first_offence.json").read_bytes()
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"].clear())
    with pytest.raises(CatalogError, match="no rows"):
        load_catalogs(catalog_dir)
    assert (resource_path("catalogs") / "first_offence.json").read_bytes() == before


def test_every_row_has_its_structured_legal_basis() -> None:
    for item in load_catalogs().first_offence:
        assert item.violated_provisions_zh and item.penalty_provisions_zh and item.correction_zh and item.case_name_zh
        assert all(p.startswith("《") for p in item.violated_provisions_zh + item.penalty_provisions_zh), item.code


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("violated_provisions_zh", ["《济南市绿化条例》第五十六条所指行为"], "所指行为"),
    ("penalty_provisions_zh", ["同条例第六十一条第（三）项：责令限期改正"], "罚则"),
    ("penalty_provisions_zh", [], "is empty"),
    ("correction_zh", "清除宣传品。", "标点"),
    ("correction_zh", "当场清除宣传品", "期限"),
])
def test_a_pasted_legal_text_is_refused_naming_the_field(catalog_dir: Path, field: str, value: object,
                                                         expected: str) -> None:
    _edit(catalog_dir, "first_offence.json", lambda d: d["items"][4].update({field: value}))
    with pytest.raises(CatalogError) as info:
        load_catalogs(catalog_dir)
    text = info.value.render()
    assert "row 5 (FO05)" in text and field in text and expected in text
