"""Issue 15, case 1b: refused means rolled back. When the server refuses an op, the laptop puts
the record back to the server's version in the transaction that stores the answer, and after
the sync every synced table on the laptop equals the server's view."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine
from sync_helpers import LiveServer, Seed, client_factory, device
from truth import differences

from inspector_app.services.disorders import dispose_check, record_check
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now, sync_status
from inspector_app.storage.rollback import ROLLED_BACK
from tests.photo_files import jpeg

SYNCED = {"disorder_check", "disorder_event", "unit", "photo", "conflict"}


def _sync(session: Session) -> None:
    sync_now(session, factory=client_factory)


def _check(session: Session, check_id: str) -> dict:  # type: ignore[type-arg]
    cur = session.store.db.execute("SELECT * FROM disorder_check WHERE id = ?", [check_id])
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def test_a_refused_op_puts_the_record_back_to_the_servers_version(live: LiveServer, seeded: Seed,
                                                                   tmp_path: Path) -> None:
    first = device(tmp_path / "liqiang", seeded, "liqiang", live.url)
    second = device(tmp_path / "zhangwei", seeded, "zhangwei", live.url)
    found = store_photo(first, jpeg(tmp_path / "found.jpg", (640, 480)), stamp_for(first, "泉城路", 36.6661, 117.0182))
    check_id = record_check(first, {"category": "L1", "event_code": "0504", "lat": 36.6661, "lon": 117.0182,
                                    "address": "泉城路12号门前", "description": "店外摆放货架",
                                    "photos": [found.photo_id]}).check_id
    _sync(first)
    _sync(second)

    # Both officers dispose of the same check offline; the first one to sync wins.
    after = store_photo(first, jpeg(tmp_path / "after.jpg", (640, 480)), stamp_for(first, "泉城路", 36.6661, 117.0182))
    dispose_check(first, check_id, "onsite", after_photo_ids=[after.photo_id])
    dispose_check(second, check_id, "transfer", department="市场监管局")
    # And the second laptop makes a record an officer may not (no service does; the server refuses it).
    with second.operation("test_forbidden_record") as op:
        foreign = op.recorder.create("conflict", {"entity": "unit", "entity_id": seeded.units[0], "field": "phone",
                                                  "detected_at": "2026-11-20T02:00:00.000Z"})
    _sync(first)
    _sync(second)
    _sync(first)  # gets what the second laptop's push added

    engine = create_engine(live.db_url)
    try:
        assert differences(second, engine, SYNCED) == []
        assert differences(first, engine, SYNCED) == []
    finally:
        engine.dispose()
    for s in (first, second):  # the refused 移交 left no step in any timeline
        assert s.store.db.execute("SELECT kind FROM disorder_event WHERE check_id = ? AND deleted = 0 ORDER BY at, id",
                                  [check_id]).fetchall() == first.store.db.execute(
            "SELECT kind FROM disorder_event WHERE check_id = ? AND deleted = 0 ORDER BY at, id", [check_id]).fetchall()
        assert ("transfer",) not in s.store.db.execute(
            "SELECT kind FROM disorder_event WHERE check_id = ? AND deleted = 0", [check_id]).fetchall()
    check = _check(second, check_id)
    assert (check["status"], check["disposal"], check["transfer_department"]) == ("rectified", "onsite", "")
    assert second.store.db.execute("SELECT count(*) FROM conflict WHERE id = ?", [foreign]).fetchone()[0] == 0
    refused = sync_status(second).failed
    assert {(f["entity"], f["status"]) for f in refused} == {("disorder_check", "rejected"), ("conflict", "forbidden")}
    assert all(f["rolled_back"] for f in refused)
    assert all(e.startswith(ROLLED_BACK) for (e,) in second.store.db.execute(
        "SELECT last_error FROM outbox WHERE status IN ('rejected','forbidden')"))
