"""Convergence: three devices edit the same units offline in random ways and sync in random
order; after everyone has synced twice, every device and the server hold the same state."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sync_helpers import LiveServer, Seed, client_factory, device

from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now
from inspector_app.services.units import delete_unit, unit_form_values, update_unit

FIELDS = {"phone": ["13800000001", "13900000002", "15100000003"], "notes": ["", "门前堆物", "已整改"],
          "contact": ["张三", "李四", "王五"]}
USERS = ("liqiang", "zhangwei", "wangfang")

edit = st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 2), st.sampled_from(sorted(FIELDS)),
                 st.integers(0, 2))
step = st.one_of(edit, edit, edit, st.tuples(st.just("sync"), st.integers(0, 2)),
                 st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 2)))


def unit_state(session: Session) -> list[tuple]:
    return session.store.db.execute(
        "SELECT id, name, phone, notes, contact, deleted FROM unit ORDER BY id").fetchall()


def conflict_state(session: Session) -> list[tuple]:
    return session.store.db.execute("SELECT id, entity_id, field, status, device_id, source_device_id FROM conflict ORDER BY id").fetchall()


def test_three_devices_converge(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    devices = [device(tmp_path / u, seeded, u, live.url) for u in USERS]
    for s in devices:
        sync_now(s, factory=client_factory)

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(step, min_size=1, max_size=12))
    @example([("edit", 0, 0, "phone", 1), ("edit", 1, 0, "phone", 2), ("sync", 1), ("delete", 2, 1),
              ("edit", 0, 1, "notes", 1)])
    def run(steps: list[tuple]) -> None:
        for action in steps:
            s = devices[action[1]]
            if action[0] == "sync":
                sync_now(s, factory=client_factory)
                continue
            unit = seeded.units[action[2]]
            if action[0] == "delete":
                delete_unit(s, unit)
            else:
                values = unit_form_values(s, unit)
                values[action[3]] = FIELDS[action[3]][action[4]]
                update_unit(s, unit, values)
        for s in devices + devices:
            sync_now(s, factory=client_factory)
        states = [unit_state(s) for s in devices]
        assert states[0] == states[1] == states[2]
        conflicts = [conflict_state(s) for s in devices]
        assert conflicts[0] == conflicts[1] == conflicts[2]
        engine = create_engine(live.db_url)
        with engine.connect() as conn:
            server = {r.id: (json.loads(r.fields), r.deleted) for r in conn.execute(
                text("SELECT id, fields, deleted FROM record WHERE entity = 'unit' AND squad_id = :s"),
                {"s": seeded.squad})}
        engine.dispose()
        for rid, name, phone, notes, contact, deleted in states[0]:
            fields, gone = server[rid]
            assert (fields["name"], fields["phone"], fields["notes"], fields["contact"], gone) == (
                name, phone, notes, contact, deleted)

    run()
    assert conflict_state(devices[0]), "random offline edits of the same fields made conflicts"
