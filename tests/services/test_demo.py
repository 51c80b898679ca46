from datetime import date
from pathlib import Path

from inspector_app.domain.geo import JINAN_BOUNDS
from inspector_app.domain.validators import check_resident_id, check_uscc
from inspector_app.services.demo import generate_demo_profile
from inspector_app.storage.database import Store


def _dump(folder: Path) -> list[tuple]:
    store = Store.open(folder)
    try:
        return store.db.execute(
            "SELECT id, name, kind, uscc, id_number, address, lat, lon, agreement_signed FROM unit ORDER BY id"
        ).fetchall()
    finally:
        store.close()


def test_same_seed_same_data(tmp_path: Path) -> None:
    generate_demo_profile(tmp_path / "a", units=150, seed=3, today=date(2026, 11, 20))
    generate_demo_profile(tmp_path / "b", units=150, seed=3, today=date(2026, 11, 20))
    generate_demo_profile(tmp_path / "c", units=150, seed=4, today=date(2026, 11, 20))
    assert _dump(tmp_path / "a") == _dump(tmp_path / "b")
    assert _dump(tmp_path / "a") != _dump(tmp_path / "c")


def test_demo_data_is_valid(demo_dir: Path) -> None:
    store = Store.open(demo_dir)
    try:
        db = store.db
        rows = db.execute("SELECT uscc, id_number, lat, lon, kind, road_segment_id, squad_id FROM unit").fetchall()
        assert len(rows) == 400
        for uscc, id_number, lat, lon, kind, road, squad in rows:
            assert uscc is None or check_uscc(uscc) is None
            assert id_number is None or check_resident_id(id_number) is None
            assert JINAN_BOUNDS.contains(lat, lon)
            assert kind in ("individual", "enterprise", "institution")
            assert road and squad
        roles = {r[0] for r in db.execute("SELECT role FROM officer")}
        assert roles == {"officer", "supervisor", "clerk", "admin"}
        badges = [r[0] for r in db.execute("SELECT badge_no FROM officer WHERE role != 'admin'")]
        assert all(len(b) == 11 for b in badges)
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0  # as pulled from the server
        assert db.execute("SELECT count(*) FROM unit WHERE server_seq IS NULL").fetchone()[0] == 0
        streets = {r[0] for r in db.execute("SELECT street_name FROM road_segment")}
        assert {"泉城路", "芙蓉街", "经四路"} <= streets
    finally:
        store.close()


def test_refuses_a_profile_with_data(demo_dir: Path) -> None:
    import pytest

    from inspector_app.domain.errors import UserError

    with pytest.raises(UserError, match="already holds data"):
        generate_demo_profile(demo_dir, units=10)
