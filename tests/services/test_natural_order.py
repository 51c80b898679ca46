from inspector_app.domain.natural_sort import natural_key
from inspector_app.services.patrols import current_patrol, patrol_units, start_patrol
from inspector_app.services.profile import squad_roads, unit_page
from inspector_app.services.session import Session
from inspector_app.services.type_ahead import matches
from inspector_app.services.units import search_unit_rowids
from inspector_app.storage.units import UnitQuery


def _house_numbers_in_order(addresses: list[str]) -> bool:
    return addresses == sorted(addresses, key=natural_key)


def test_before_a_fix_patrol_units_follow_the_house_numbers(officer_session: Session) -> None:
    roads = squad_roads(officer_session)[:2]
    start_patrol(officer_session, [r["id"] for r in roads])
    units = patrol_units(officer_session, current_patrol(officer_session)["id"])
    for road in {u["road_name"] for u in units}:
        addresses = [u["address"] for u in units if u["road_name"] == road]
        assert len(addresses) > 3 and _house_numbers_in_order(addresses), addresses


def test_the_units_page_sorted_by_address_follows_the_house_numbers(officer_session: Session) -> None:
    road = squad_roads(officer_session)[0]
    rowids = search_unit_rowids(officer_session, UnitQuery(sort="address", road_segment_id=road["id"]))
    rows = unit_page(officer_session, rowids)
    addresses = [rows[r]["address"] for r in rowids]
    assert len(addresses) > 3 and _house_numbers_in_order(addresses), addresses


def test_roads_and_units_carry_what_type_ahead_matches(officer_session: Session) -> None:
    roads = squad_roads(officer_session)
    quancheng = next(r for r in roads if r["name"].startswith("泉城路"))
    assert matches("qcl", quancheng["search"]) and matches("quancheng", quancheng["search"])
    assert matches("泉城", quancheng["search"]) and not matches("jsl", quancheng["search"])
    start_patrol(officer_session, [quancheng["id"]])
    units = patrol_units(officer_session, current_patrol(officer_session)["id"])
    assert all(matches("qcl", u["search"]) for u in units)


def test_the_next_unit_is_the_next_house_number_on_the_same_road() -> None:
    from inspector_app.services.patrols import next_unchecked

    def unit(uid: str, road: str, address: str, checked: bool = False) -> dict[str, object]:
        return {"id": uid, "name": uid, "road_name": road, "address": address, "checked": checked}

    units = [unit("a", "泉城路", "泉城路102号"), unit("b", "泉城路", "泉城路10号", True),
             unit("c", "泉城路", "泉城路9号"), unit("d", "经十路", "经十路1号"), unit("e", "泉城路", "泉城路11号")]
    assert next_unchecked(units, "b")["id"] == "e"  # 10 → 11, not 102 (text order)
    assert next_unchecked(units, "a")["id"] == "c"  # end of the road: back to its start
    units = [unit("a", "泉城路", "泉城路1号"), unit("d", "经十路", "经十路1号")]
    assert next_unchecked(units, "a")["id"] == "d"  # road done: another road
    assert next_unchecked([unit("a", "泉城路", "泉城路1号")], "a") is None


def test_roads_are_listed_in_pinyin_order(officer_session: Session) -> None:
    from inspector_app.storage.search import pinyin_full

    names = [r["name"] for r in squad_roads(officer_session)]
    assert names == sorted(names, key=lambda n: (natural_key(pinyin_full(n)), natural_key(n)))
    assert names.index("大明湖路") < names.index("二环东路")  # d before e, not by code point
