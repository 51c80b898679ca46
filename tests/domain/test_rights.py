import json
from pathlib import Path

import pytest

from inspector_app.domain.catalogs import load_catalogs
from inspector_app.domain.errors import CatalogError
from inspector_app.domain.resources import resource_path
from inspector_app.domain.rights import cn_count, load_rights, rights_for


def test_periods_in_chinese_numerals() -> None:
    assert [cn_count(n) for n in (3, 6, 10, 15, 60, 105, 180)] == ["三", "六", "十", "十五", "六十", "一百零五", "一百八十"]


def test_every_jinan_district_has_its_bodies_and_the_courts_wait_for_confirmation() -> None:
    rights = load_rights()
    assert {d.code for d in load_catalogs().districts} <= set(rights)
    lixia = rights_for("370102")
    assert lixia.review_body == "济南市历下区人民政府" and lixia.review_days == 60 and lixia.litigation_months == 6
    assert all("court" in r.to_confirm for r in rights.values())
    assert "六十日内向济南市历下区人民政府申请行政复议" in lixia.remedies() and "六个月内向" in lixia.remedies()
    assert lixia.no_suspension("rectify_order") and not lixia.no_suspension("no_penalty")
    assert "三日内向历下区泉城路街道中队提出陈述、申辩" in lixia.hearing("warning", "历下区泉城路街道中队")


def test_a_district_without_data_is_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="370199"):
        rights_for("370199")
    data = json.loads((resource_path("catalogs") / "rights.json").read_text("utf-8"))
    data["items"][0]["review_days"] = "sixty"
    (tmp_path / "rights.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CatalogError) as info:
        load_rights(tmp_path)
    assert "row 1" in info.value.render() and "review_days" in info.value.render()
