"""Issue 7 figures: push 10,000 ops and pull 10,000 changes over loopback (ops/s, and the ratio
to posting the same JSON bytes with httpx to a bare endpoint of the same server in the same
run), a sync with nothing to do (p95), and 50 devices pushing at once (PostgreSQL when
INSPECTOR_TEST_PG_URL is set, else SQLite, said so in the output)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.common import p95, report

OPS = 10_000
PASSWORD = "Bench#2026"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    def __init__(self, url: str, folder: Path, workers: int = 1) -> None:
        self.url, self.port = url, _port()
        folder.mkdir(parents=True, exist_ok=True)  # the token secret is kept beside the blob folder
        self.proc = subprocess.Popen([sys.executable, "-m", "inspector_server.cli", "--db", url, "--blobs",
                                      str(folder / "blobs"), "serve", "--port", str(self.port),
                                      "--workers", str(workers)])
        import httpx

        for _ in range(400):
            try:
                if httpx.get(f"{self.base}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(20)


# Server account id of each seeded user name: the laptop's actor must be that account, or its
# changes wait for their own author's sign-in (issue 14, case 11) and nothing is pushed.
_OFFICER_IDS: dict[str, str] = {}


def _seed(url: str, officers: int = 1) -> tuple[str, list[str]]:
    from inspector_server import admin
    from inspector_server.db import make_engine
    from inspector_server.schema import upgrade

    engine = make_engine(url)
    upgrade(engine)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        squad = admin.create_squad(conn, "历下区城管执法中队", "370102")
        names = [f"bench{n}" for n in range(officers)]
        for name in names:
            _OFFICER_IDS[name] = admin.create_officer(conn, name, name, "officer", squad, PASSWORD)
    engine.dispose()
    return squad, names


def _device(folder: Path, server: _Server, squad: str, username: str) -> Any:
    from inspector_app.domain.entities import Actor
    from inspector_app.domain.roles import Role
    from inspector_app.services.profile import open_profile
    from inspector_app.services.sync import set_server_url, sign_in_online, sync_now

    officer_id = _OFFICER_IDS.get(username, username)
    session = open_profile(folder).as_actor(Actor(officer_id, username, Role.OFFICER, squad, username=username))
    set_server_url(session, server.base)
    profile = sign_in_online(session, PASSWORD)
    # The ops must name the server's account as their author, or the laptop keeps them back
    # for that officer's own sign-in (issue 14, case 11) and nothing is pushed.
    session = session.as_actor(Actor(str(profile["id"]), username, Role.OFFICER, squad, username=username))
    sync_now(session)  # the squad and its officers first
    return session


def _make_ops(session: Any, squad: str, count: int) -> None:
    from inspector_app.storage.records import create_many

    with session.operation("bench") as op:
        create_many(op.recorder, "unit", [{"name": f"商户{n}", "kind": "individual", "address": f"泉城路{n}号",
                                           "squad_id": squad, "phone": "13800000000"} for n in range(count)])


def _bare_rate(client: Any, bodies: list[bytes]) -> float:
    start = time.perf_counter()
    ops = 0
    for body in bodies:
        resp = client.http.post("/api/v1/sync/ping", content=body, headers={
            "Authorization": f"Bearer {client.tokens.access}", "Content-Type": "application/json",
            "Content-Encoding": "gzip"})
        ops += resp.json()["ops"]
    return ops / (time.perf_counter() - start)


def _push_and_pull(folder: Path, url: str, label: str) -> bool:
    from inspector_app.domain.progress import Progress
    from inspector_app.services import sync as service
    from inspector_app.storage import sync_state as state
    from inspector_app.sync.protocol import MAX_PUSH_OPS, Op

    squad, names = _seed(url, 2)
    server = _Server(url, folder)
    ok = True
    try:
        a = _device(folder / "a", server, squad, names[0])
        b = _device(folder / "b", server, squad, names[1])
        _make_ops(a, squad, OPS)
        with service.open_client(a) as client:
            batches = []
            after = 0
            while batch := state.pending_ops(a.store.db, MAX_PUSH_OPS, after):
                batches.append([Op(o.op_id, o.entity, o.entity_id, o.op, o.changes, o.hlc, o.created_at,
                                   o.form_version, o.blobs) for o in batch])
                after = batch[-1].seq
            bodies = [gzip.compress(json.dumps({"device_id": a.device_id, "ops": [o.to_json() for o in b]},
                                               ensure_ascii=False).encode(), 5) for b in batches]
            client.missing_blobs([])
            bare = _bare_rate(client, bodies)
            start = time.perf_counter()
            report_push = service.SyncReport()
            service._push(a, client, report_push, Progress())
            push_rate = OPS / (time.perf_counter() - start)
        ok &= report(f"push {OPS} ops ({label})", push_rate, "ops/s", ">= 2000", push_rate >= 2000,
                     f"bare POST of the same bytes {bare:.0f} ops/s, ratio {push_rate / bare:.2f}")
        with service.open_client(b) as client:
            start = time.perf_counter()
            report_pull = service.SyncReport()
            service._pull(b, client, report_pull, Progress())
            pull_rate = report_pull.pulled / (time.perf_counter() - start)
            pages = []
            after = 0
            while True:
                resp = client.http.get("/api/v1/sync/pull", params={"after": after, "limit": service.PULL_LIMIT},
                                       headers={"Authorization": f"Bearer {client.tokens.access}"})
                pages.append(gzip.compress(resp.content, 5))
                data = resp.json()
                after = data["next_after"]
                if not data["more"]:
                    break
            start = time.perf_counter()
            for body in pages:
                client.http.post("/api/v1/sync/ping", content=body, headers={
                    "Authorization": f"Bearer {client.tokens.access}", "Content-Type": "application/json",
                    "Content-Encoding": "gzip"})
            bare_pull = report_pull.pulled / (time.perf_counter() - start)
        ok &= report(f"pull {report_pull.pulled} changes ({label})", pull_rate, "changes/s", ">= 2000",
                     pull_rate >= 2000 and report_pull.pulled >= OPS,
                     f"bare POST of the same bytes {bare_pull:.0f}/s, ratio {pull_rate / bare_pull:.2f}")
        samples = []
        for _ in range(31):
            start = time.perf_counter()
            service.sync_now(b)
            samples.append((time.perf_counter() - start) * 1000)
        ok &= report(f"sync with nothing to do, p95 ({label})", p95(samples[1:]), "ms", "<= 150",
                     p95(samples[1:]) <= 150)
        a.store.close()
        b.store.close()
    finally:
        server.stop()
    return ok


def _many_devices(folder: Path, url: str, label: str, devices: int = 50, batches: int = 6, size: int = 50) -> bool:
    from inspector_app.domain.ids import uuid7
    from inspector_app.sync.client import SyncClient
    from inspector_app.sync.protocol import Op

    squad, names = _seed(url, devices)
    server = _Server(url, folder, workers=os.cpu_count() or 1)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(devices)

    def run(name: str) -> None:
        try:
            with SyncClient(server.base, f"dev-{name}") as client:
                client.login(name, PASSWORD, name)
                ready.wait()  # signing in (argon2) is not part of the push latency
                for _ in range(batches):
                    # A unit the server's validation accepts (kind and address are required).
                    ops = [Op(uuid7(), "unit", uuid7(), "create", {
                        "name": [None, "店"], "kind": [None, "individual"], "address": [None, "泉城路1号"],
                        "squad_id": [None, squad]}, "001764000000000-0000000000-x") for _ in range(size)]
                    start = time.perf_counter()
                    results = client.push(ops)
                    elapsed = (time.perf_counter() - start) * 1000
                    bad = [r for r in results if r.status.value != "applied"]
                    with lock:
                        latencies.append(elapsed)
                        errors.extend(r.reason for r in bad)
        except Exception as exc:
            with lock:
                errors.append(repr(exc))

    try:
        threads = [threading.Thread(target=run, args=(n,)) for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.stop()
    value = p95(latencies) if latencies else float("inf")
    return report(f"{devices} devices pushing at once, p95 push latency ({label})", value, "ms", "<= 1000, no errors",
                  value <= 1000 and not errors, f"{len(latencies)} pushes of {size} ops, {len(errors)} errors")


def _pg_database() -> tuple[str, Any] | None:
    base = os.environ.get("INSPECTOR_TEST_PG_URL")
    if not base:
        return None
    from sqlalchemy import create_engine, make_url, text

    name = f"inspector_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(base).set(database=name).render_as_string(hide_password=False), drop


def run() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    ok = True
    try:
        ok &= _push_and_pull(folder / "sqlite", f"sqlite:///{folder / 'server.db'}", "SQLite server")
        pg = _pg_database()
        if pg is None:
            ok &= _many_devices(folder / "many", f"sqlite:///{folder / 'many.db'}",
                                "SQLite server: set INSPECTOR_TEST_PG_URL for PostgreSQL")
        else:
            url, drop = pg
            try:
                ok &= _many_devices(folder / "many", url, "PostgreSQL server")
            finally:
                drop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ok
