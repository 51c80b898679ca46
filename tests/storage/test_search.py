import pytest

from inspector_app.storage.database import Store
from inspector_app.storage.records import Recorder
from inspector_app.storage.search import latin_keys, pinyin_initials
from inspector_app.storage.units import UnitQuery, unit_rowids, unit_rows

UNITS = [
    {"name": "鑫源便利店", "kind": "individual", "address": "济南市历下区泉城路12号", "contact": "张伟"},
    {"name": "老王家常菜馆", "kind": "individual", "address": "济南市历下区泉城路30号", "contact": "王芳"},
    {"name": "济南明湖商贸有限公司", "kind": "enterprise", "address": "济南市历下区大明湖路5号",
     "contact": "李强", "uscc": "91350100M000100Y43"},
    {"name": "银行营业厅", "kind": "institution", "address": "济南市市中区经四路8号", "contact": "赵敏"},
]


@pytest.fixture
def store(data_dir):  # type: ignore[no-untyped-def]
    s = Store.open(data_dir)
    with s.transaction() as db:
        rec = Recorder(db, "d", "2026-11-20T02:00:00.000Z", lambda: "000000000000001-00000-d")
        for unit in UNITS:
            rec.create("unit", unit)
    yield s
    s.close()


def _names(store: Store, text: str) -> list[str]:
    ids = unit_rowids(store.db, UnitQuery(text=text))
    rows = unit_rows(store.db, ids)
    return [rows[i]["name"] for i in ids]


def test_initials() -> None:
    assert pinyin_initials("泉城路12号") == "qcl12h"
    assert "yinhang" in latin_keys("银行营业厅")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("qcl", ["老王家常菜馆", "鑫源便利店"]),  # pinyin initials of the address
        ("QCL", ["老王家常菜馆", "鑫源便利店"]),
        ("泉城路", ["老王家常菜馆", "鑫源便利店"]),  # 3+ characters: trigram index
        ("泉城", ["老王家常菜馆", "鑫源便利店"]),  # 2 characters: LIKE fallback
        ("菜", ["老王家常菜馆"]),
        ("xybld", ["鑫源便利店"]),
        ("bianli", ["鑫源便利店"]),
        ("91350100M0", ["济南明湖商贸有限公司"]),
        ("王芳", ["老王家常菜馆"]),
        ("yinhang", ["银行营业厅"]),
        ("泉城路 菜馆", ["老王家常菜馆"]),
        ("zz", []),
        ('"', []),
    ],
)
def test_search(store: Store, query: str, expected: list[str]) -> None:
    assert _names(store, query) == expected


def test_sorted_by_pinyin_both_ways(store: Store) -> None:
    names = _names(store, "")
    assert names == ["济南明湖商贸有限公司", "老王家常菜馆", "鑫源便利店", "银行营业厅"]
    ids = unit_rowids(store.db, UnitQuery(descending=True))
    assert [unit_rows(store.db, ids)[i]["name"] for i in ids] == list(reversed(names))


def test_deleted_units_are_not_found(store: Store) -> None:
    with store.transaction() as db:
        rid = db.execute("SELECT id FROM unit WHERE name='鑫源便利店'").fetchone()[0]
        Recorder(db, "d", "2026-11-20T02:00:00.000Z", lambda: "000000000000002-00000-d").delete("unit", rid)
    assert _names(store, "qcl") == ["老王家常菜馆"]


def test_edit_updates_the_index(store: Store) -> None:
    with store.transaction() as db:
        rid = db.execute("SELECT id FROM unit WHERE name='银行营业厅'").fetchone()[0]
        Recorder(db, "d", "2026-11-20T02:00:00.000Z", lambda: "000000000000003-00000-d").patch(
            "unit", rid, {"address": "济南市历下区芙蓉街1号"}
        )
    assert _names(store, "frj") == ["银行营业厅"]
    assert _names(store, "经四路") == []


def test_unit_search_looks_up_its_matches_instead_of_scanning_units(session) -> None:  # type: ignore[no-untyped-def]
    """An index that starts with ``deleted`` once made SQLite scan every unit for a search."""
    from inspector_app.storage.units import UnitQuery, unit_rowids

    captured: list[tuple[str, object]] = []

    class Spy:
        def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
            self.db = db

        def execute(self, sql, params=()):  # type: ignore[no-untyped-def]
            captured.append((sql, params))
            return self.db.execute(sql, params)

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(self.db, name)

    unit_rowids(Spy(session.store.db), UnitQuery(text="泉城路"))  # type: ignore[arg-type]
    sql, params = captured[-1]
    plan = " ".join(str(row[3]) for row in session.store.db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "SEARCH u USING INTEGER PRIMARY KEY" in plan, plan
