"""Faults between client and server: a proxy that drops, delays, truncates and resets
connections; a server answering 500 or garbage; a server restart mid-sync; a client killed
after the server applied its batch. Every record ends on the server exactly once."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from sqlalchemy import create_engine, text
from sync_helpers import LiveServer, Seed, device, fast_retry

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.progress import Progress
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now, sync_status
from inspector_app.services.units import create_unit
from inspector_app.storage.blobs import register_blob
from inspector_app.sync.client import Offline, RetryPolicy, SyncClient, Tokens


def new_units(session: Session, count: int, prefix: str = "测试") -> list[str]:
    road = session.store.db.execute("SELECT id FROM road_segment LIMIT 1").fetchone()[0]
    return [create_unit(session, {"name": f"{prefix}{n}号店", "kind": "individual", "address": f"芙蓉街{n}号",
                                  "road_segment_id": road}).ids("unit")[0] for n in range(count)]


def server_counts(db_url: str, ids: list[str]) -> dict[str, int]:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, count(*) FROM record WHERE entity = 'unit' GROUP BY id")).all()
        ops = conn.execute(text("SELECT count(*) FROM applied_op")).scalar_one()
    engine.dispose()
    counts = dict(rows)
    return {"missing": sum(1 for i in ids if i not in counts), "doubled": sum(1 for i in ids if counts.get(i, 0) > 1),
            "applied_ops": int(ops)}


def via(proxy: FaultProxy, attempts: int = 12):  # type: ignore[no-untyped-def]
    def factory(_url: str, device_id: str, tokens: Tokens) -> SyncClient:
        return SyncClient(proxy.url, device_id, tokens, retry=RetryPolicy(attempts, 0.01, 0.05), timeout=3)
    return factory


def test_faulty_network_ends_with_every_record_once(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync_now(a, factory=via(FaultProxy(live.port)))
    ids = new_units(a, 40)
    proxy = FaultProxy(live.port, schedule=["drop", "reset", "http500", "garbage", "truncate", "delay"],
                       fault_rate=0.3, seed=7, delay=0.2)
    for _ in range(10):
        try:
            sync_now(a, factory=via(proxy))
            break
        except Offline:
            continue
    proxy.close()
    assert {"drop", "reset", "http500", "garbage", "truncate", "delay"} <= set(proxy.used)
    assert sync_status(a).pending_ops == 0
    counts = server_counts(live.db_url, ids)
    assert counts["missing"] == counts["doubled"] == 0


def test_an_upload_cut_midway_resumes_from_the_offset(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    data = os.urandom(1_200_000)
    sha = a.blobs.put_bytes(data)
    with a.store.transaction() as db:
        register_blob(db, sha, len(data), "application/pdf", utc_iso(a.now()))
    proxy = FaultProxy(live.port, schedule=["cut_request"], cut_at=400_000)
    sync_now(a, factory=via(proxy))
    proxy.close()
    assert (live.blob_dir / sha[:2] / sha).read_bytes() == data
    assert proxy.up_bytes < len(data) * 1.15, "the upload resumed; it did not start again from zero"
    assert sync_status(a).pending_blobs == 0


def test_a_server_restart_mid_sync_is_survived(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync_now(a, factory=via(FaultProxy(live.port)))
    with a.operation("bulk") as op:
        ids = [op.recorder.create("unit", {"name": f"批量{n}", "kind": "individual", "address": f"{n}号",
                                           "squad_id": seeded.squad}) for n in range(700)]
    restarted: list[bool] = []

    def stop_after_first_batch(done: int, total: int, what: str) -> None:
        if what == "ops" and not restarted:
            restarted.append(True)
            live.stop()

    def sleep_and_restart(_delay: float) -> None:
        if live.proc is None:
            live.start()

    def factory(_url: str, device_id: str, tokens: Tokens) -> SyncClient:
        return SyncClient(live.url, device_id, tokens, retry=RetryPolicy(5, 0.01, 0.05, sleep_and_restart))

    sync_now(a, progress=Progress(stop_after_first_batch), factory=factory)
    assert restarted and sync_status(a).pending_ops == 0
    counts = server_counts(live.db_url, ids)
    assert counts["missing"] == counts["doubled"] == 0


def test_server_down_keeps_everything_pending_with_a_clear_message(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync_now(a, factory=via(FaultProxy(live.port)))
    new_units(a, 3)
    live.stop()
    with pytest.raises(Offline) as err:
        sync_now(a, factory=lambda u, d, t: SyncClient(u, d, t, retry=fast_retry()))
    assert "cannot be reached" in err.value.render() and "kept on this laptop" in err.value.render()
    status = sync_status(a)
    assert status.pending_ops == 3 and status.last_error and "cannot be reached" in status.last_error.render()


KILLED_CLIENT = """
import sys, json
from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.services.profile import open_profile
from inspector_app.services.sync import sync_now
from inspector_app.sync.client import RetryPolicy, SyncClient
folder, url, who = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
session = open_profile(folder).as_actor(Actor(who[0], who[1], Role(who[2]), who[3], username=who[1]))
sync_now(session, factory=lambda u, d, t: SyncClient(url, d, t, retry=RetryPolicy(2, 0.01, 0.02), timeout=600))
"""


def test_a_client_killed_before_the_answer_resends_and_nothing_doubles(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync_now(a, factory=via(FaultProxy(live.port)))
    ids = new_units(a, 20)
    a.store.close()
    before = server_counts(live.db_url, ids)["applied_ops"]
    proxy = FaultProxy(live.port, default="swallow_push")
    officer_id, role, squad = seeded.officers["liqiang"]
    child = subprocess.Popen([sys.executable, "-c", KILLED_CLIENT, str(tmp_path / "a"), proxy.url,
                              json.dumps([officer_id, "liqiang", role, squad])])
    try:
        for _ in range(600):
            if server_counts(live.db_url, ids)["applied_ops"] >= before + 20:
                break
            time.sleep(0.05)
        assert server_counts(live.db_url, ids)["missing"] == 0, "the server applied the batch"
    finally:
        child.kill()
        child.wait()
        proxy.close()
    b = device(tmp_path / "a", seeded, "liqiang", live.url)  # the same laptop, restarted
    assert sync_status(b).pending_ops == 20, "the answer never arrived, so the ops are still pending"
    report = sync_now(b, factory=via(FaultProxy(live.port)))
    assert report.answers == {"applied": 20}
    assert sync_status(b).pending_ops == 0
    counts = server_counts(live.db_url, ids)
    assert counts["missing"] == counts["doubled"] == 0 and counts["applied_ops"] == before + 20


def test_a_blob_is_present_only_after_its_hash_is_verified(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    a = device(tmp_path / "a", seeded, "liqiang", live.url)
    data = b"signature bytes " * 1000
    sha = hashlib.sha256(data).hexdigest()
    with SyncClient(live.url, a.device_id, Tokens(refresh=sync_state_refresh(a)), retry=fast_retry()) as client:
        resp = client.http.put(f"/api/v1/blobs/{sha}", content=data[:5000],
                               headers={"Content-Range": f"bytes 0-4999/{len(data)}", **auth(client)})
        assert resp.json() == {"sha256": sha, "offset": 5000, "complete": False}
        assert client.missing_blobs([sha]) == {sha: 5000}
        wrong = b"x" * (len(data) - 5000)
        resp = client.http.put(f"/api/v1/blobs/{sha}", content=wrong,
                               headers={"Content-Range": f"bytes 5000-{len(data) - 1}/{len(data)}", **auth(client)})
        assert resp.status_code == 422 and "do not match" in resp.json()["detail"]
        assert client.missing_blobs([sha]) == {sha: 0}
        client.upload_blob(sha, data, 0)
        assert client.missing_blobs([sha]) == {}


def sync_state_refresh(session: Session) -> str:
    from inspector_app.services.sync import _tokens

    return _tokens(session).refresh


def auth(client: SyncClient) -> dict[str, str]:
    client.missing_blobs([])  # makes sure an access token is held
    return {"Authorization": f"Bearer {client.tokens.access}"}

