"""Concurrent writers: seq is taken just before commit under the counter's row lock, so a
reader following the feed never sees seq N+1 before N (a gap it would skip forever)."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, text
from sync_helpers import Seed

from inspector_app.domain.ids import uuid7
from inspector_app.sync.protocol import Op
from inspector_server.push import push
from inspector_server.rules import Caller

WRITERS, BATCHES, OPS = 8, 15, 20


def test_readers_never_see_a_later_seq_before_an_earlier_one(engine: Engine, seeded: Seed) -> None:
    officer_id, role, squad = seeded.officers["liqiang"]
    with engine.connect() as conn:
        start = conn.execute(text("SELECT max(seq) FROM record")).scalar_one()
    errors: list[str] = []
    done = threading.Event()

    def writer(n: int) -> None:
        caller = Caller(officer_id, role, squad, f"device-{n}")
        try:
            for _ in range(BATCHES):
                ops = [Op(uuid7(), "unit", uuid7(), "create", {"name": [None, f"店{n}"], "kind": [None, "individual"], "squad_id": [None, squad]},
                          "001764000000000-0000000000-x") for _ in range(OPS)]
                results = push(engine, caller, ops, "2026-11-20T02:00:00.000Z")
                assert all(r.status == "applied" for r in results)
        except Exception as exc:  # reported below, the thread must not die silently
            errors.append(repr(exc))

    def reader() -> None:
        cursor = start
        while True:
            finished = done.is_set()
            with engine.connect() as conn:
                seqs = [r[0] for r in conn.execute(text("SELECT seq FROM record WHERE seq > :c ORDER BY seq"),
                                                   {"c": cursor})]
            for seq in seqs:
                if seq != cursor + 1:
                    errors.append(f"reader saw seq {seq} while {cursor + 1} was not visible")
                    return
                cursor = seq
            if finished:
                reads.append(cursor)
                return

    reads: list[int] = []
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    watcher.join()
    assert errors == []
    assert reads == [start + WRITERS * BATCHES * OPS]
