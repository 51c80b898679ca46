"""Shared by the server and sync tests: a seeded server database, a live uvicorn process,
and field devices (app profiles) that sync with it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import Engine, text

from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.services.profile import open_profile
from inspector_app.services.session import Session
from inspector_app.services.sync import set_server_url, sign_in_online
from inspector_app.sync.client import RetryPolicy, SyncClient, Tokens
from inspector_server import admin
from inspector_server.db import make_engine
from inspector_server.schema import upgrade

PASSWORD = "Jinan@2026"


def reset_database(url: str) -> Engine:
    """An empty, migrated database at ``url`` (PostgreSQL: the public schema is recreated)."""
    engine = make_engine(url)
    if not url.startswith("sqlite"):
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    return engine


@dataclass
class Seed:
    """What :func:`seed` put on the server."""

    squad: str
    other_squad: str
    road: str
    units: list[str]
    other_unit: str
    officers: dict[str, tuple[str, str, str | None]]  # username → (officer id, role, squad)


def seed(engine: Engine, units: int = 3) -> Seed:
    """Two squads, officers of every role, one road and a few units in the first squad."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        squad = admin.create_squad(conn, "历下区城管执法中队", "370102")
        other = admin.create_squad(conn, "市中区城管执法中队", "370103")
        road = admin.put_record(conn, "road_segment", {
            "name": "泉城路（舜井街—县西巷）", "street_name": "泉城路", "district_code": "370102",
            "subdistrict_code": None, "grid_code": "", "geometry": "[]", "length_m": 500.0,
            "road_chief": "", "squad_id": squad}, squad)
        unit_ids = [admin.put_record(conn, "unit", {
            "name": f"泉城路{n}号商店", "kind": "individual", "category": "", "uscc": None, "id_number": None,
            "legal_person": "", "contact": "张三", "phone": "13800000000", "address": f"泉城路{n}号",
            "road_segment_id": road, "district_code": "370102", "subdistrict_code": "", "squad_id": squad,
            "lat": 36.66, "lon": 117.02, "agreement_signed": 0, "awareness": 0, "notes": ""}, squad)
            for n in range(1, units + 1)]
        other_unit = admin.put_record(conn, "unit", {
            "name": "经四路1号", "kind": "individual", "address": "经四路1号", "squad_id": other,
            "agreement_signed": 0, "awareness": 0}, other)
        people = {
            "liqiang": ("李强", "officer", squad), "zhangwei": ("张伟", "officer", squad),
            "wangfang": ("王芳", "supervisor", squad), "zhaomin": ("赵敏", "clerk", squad),
            "sunli": ("孙丽", "officer", other), "admin": ("系统管理员", "admin", None),
        }
        officers = {u: (admin.create_officer(conn, u, name, role, sq, PASSWORD, badge_no=f"37010{i}"), role, sq)
                    for i, (u, (name, role, sq)) in enumerate(people.items())}
    return Seed(squad, other, road, unit_ids, other_unit, officers)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``inspector-server serve`` as a real process on a free port."""

    def __init__(self, db_url: str, blob_dir: Path, port: int | None = None, tls: tuple[Path, Path] | None = None) -> None:
        self.db_url, self.blob_dir = db_url, blob_dir
        self.port = port or free_port()
        self.tls = tls
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "inspector_server.cli", "--db", self.db_url, "--blobs", str(self.blob_dir),
             "serve", "--port", str(self.port),
             *(["--cert", str(self.tls[0]), "--key", str(self.tls[1])] if self.tls else [])],
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        for _ in range(300):
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1, verify=False).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("the server process exited")
            time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


def fast_retry() -> RetryPolicy:
    """Retries without real waiting (the tests are not timed)."""
    return RetryPolicy(attempts=8, base_delay=0.01, max_delay=0.05)


def device(folder: Path, seed_data: Seed, username: str, url: str) -> Session:
    """A field laptop's profile signed in as ``username`` and signed in to the server."""
    officer_id, role, squad = seed_data.officers[username]
    session = open_profile(folder).as_actor(Actor(officer_id, username, Role(role), squad, username=username))
    set_server_url(session, url)
    sign_in_online(session, PASSWORD, factory=client_factory)
    return session


def client_factory(url: str, device_id: str, tokens: Tokens) -> SyncClient:
    return SyncClient(url, device_id, tokens, retry=fast_retry(), timeout=10)


def row(session: Session, entity: str, rid: str) -> dict:
    cur = session.store.db.execute(f'SELECT * FROM "{entity}" WHERE id = ?', [rid])
    values = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], values, strict=True)) if values else {}


def server_fields(engine: Engine, entity: str, rid: str) -> dict:
    with engine.connect() as conn:
        found = conn.execute(text("SELECT fields FROM record WHERE entity = :e AND id = :i"),
                             {"e": entity, "i": rid}).scalar()
    return json.loads(found) if found else {}
