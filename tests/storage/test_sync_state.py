"""The outbox after the server has answered: old acknowledged ops are deleted, nothing else."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.storage.database import Store
from inspector_app.storage.records import Recorder
from inspector_app.storage.sync_state import purge_acked, record_answers


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


def _ops(store: Store, made: list[str]) -> list[str]:
    counter = iter(range(1, 10**6))
    ids = []
    for day in made:
        with store.transaction() as db:
            Recorder(db, "dev-1", f"{day}T02:00:00.000Z", lambda: f"{next(counter):015d}-00000-dev").create(
                "unit", {"name": f"店{day}", "kind": "individual", "address": "泉城路12号"})
    for (op_id,) in store.db.execute("SELECT op_id FROM outbox ORDER BY seq"):
        ids.append(op_id)
    return ids


def _statuses(store: Store) -> list[tuple[str, str]]:
    return [tuple(r) for r in store.db.execute("SELECT substr(created_at, 1, 10), status FROM outbox ORDER BY seq")]


def test_only_old_acknowledged_ops_are_purged(store: Store) -> None:
    ids = _ops(store, ["2026-09-01", "2026-09-02", "2026-09-03", "2026-11-25"])
    with store.transaction() as db:
        record_answers(db, [(ids[0], "applied", ""), (ids[1], "rejected", "forbidden: not your squad"),
                            (ids[3], "duplicate", "")])
        assert purge_acked(db, "2026-10-31T00:00:00.000Z") == 1
    # The refused op stays for the officer to see, the pending one stays to be sent, and the
    # recent acknowledged one is kept for a while; the records themselves are untouched.
    assert _statuses(store) == [("2026-09-02", "rejected"), ("2026-09-03", "pending"), ("2026-11-25", "acked")]
    assert store.db.execute("SELECT count(*) FROM unit WHERE name LIKE '店2026-%'").fetchone()[0] == 4
