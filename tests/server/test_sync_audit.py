"""The audit trail anchored on the server (issue 15, case 5): each sync sends the laptop's new
entries, the server checks every link and HMAC and keeps the acknowledged head, and a laptop
whose newest entries were deleted or rewritten is caught at its next sync (SQLite and
PostgreSQL servers, a real server process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sync_helpers import PASSWORD, LiveServer, Seed, client_factory, device

from inspector_app.domain.audit_chain import ANCHOR_REWRITTEN, TAIL_DELETED
from inspector_app.services.audit_anchor import audit_status
from inspector_app.services.profile import open_profile
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now
from inspector_app.services.units import create_unit
from inspector_server import audit
from inspector_server.db import make_engine


def sync(session: Session):  # type: ignore[no-untyped-def]
    return sync_now(session, factory=client_factory)


def _new_unit(session: Session, seeded: Seed, n: int) -> None:
    if n == 1:
        sync(session)  # the road arrives first
    create_unit(session, {"name": f"芙蓉街{n}号小吃", "kind": "individual", "address": f"芙蓉街{n}号",
                          "road_segment_id": seeded.road})


def _server(live: LiveServer) -> Engine:
    return make_engine(live.db_url)


def _stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return audit.count_entries(conn)


def _verdicts(engine: Engine) -> list[audit.DeviceChain]:
    with engine.connect() as conn:
        return list(audit.verify_all(conn))


def test_every_entry_reaches_the_server_and_extends_the_head(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    laptop = device(tmp_path / "a", seeded, "liqiang", live.url)
    _new_unit(laptop, seeded, 1)
    report = sync(laptop)
    assert report.audit_breaks == []
    engine = _server(live)
    local = laptop.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    # the sync itself is audited after the anchor, so the server holds all but that entry
    assert _stored(engine) == local - 1
    _new_unit(laptop, seeded, 2)
    assert sync(laptop).audit_breaks == []
    assert _stored(engine) == laptop.store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] - 1
    [chain] = _verdicts(engine)
    assert chain.device_id == laptop.device_id and chain.breaks == []
    assert audit_status(laptop).ok
    engine.dispose()


def test_deleting_the_newest_entries_is_caught_at_the_next_sync(live: LiveServer, seeded: Seed,
                                                                 tmp_path: Path) -> None:
    laptop = device(tmp_path / "a", seeded, "liqiang", live.url)
    _new_unit(laptop, seeded, 1)
    _new_unit(laptop, seeded, 2)
    sync(laptop)
    with laptop.store.transaction() as db:  # someone cuts the record and hides the anchor too
        db.execute("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 4 FROM audit_log)")
        db.execute("DELETE FROM meta WHERE key = 'audit_anchor'")
    assert audit_status(laptop).ok, "locally nothing shows once the anchor is gone too"
    report = sync(laptop)
    assert [b.reason for b in report.audit_breaks] == [TAIL_DELETED]
    status = audit_status(laptop)
    assert not status.ok and status.reported[0].reason == TAIL_DELETED
    engine = _server(live)
    [chain] = _verdicts(engine)
    assert [reason for _e, _s, reason in chain.breaks] == [TAIL_DELETED]
    # the laptop keeps syncing in a new epoch; the old entries stay on the server
    _new_unit(laptop, seeded, 3)
    assert sync(laptop).audit_breaks == []
    engine.dispose()


def test_rewriting_an_acknowledged_entry_is_caught(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    laptop = device(tmp_path / "a", seeded, "liqiang", live.url)
    _new_unit(laptop, seeded, 1)
    sync(laptop)
    head = laptop.store.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] - 1  # the server's head
    with laptop.store.transaction() as db:
        db.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", ["f" * 64, head])
        db.execute("DELETE FROM meta WHERE key = 'audit_anchor'")
    report = sync(laptop)
    assert ANCHOR_REWRITTEN in [b.reason for b in report.audit_breaks]
    engine = _server(live)
    [chain] = _verdicts(engine)
    assert any(reason == ANCHOR_REWRITTEN for _e, _s, reason in chain.breaks)
    engine.dispose()


def test_only_supervisors_and_admins_read_a_devices_trail(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    officer = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync(officer)
    import httpx

    from inspector_app.sync.protocol import API, PROTOCOL_VERSION, VERSION_HEADER

    def token(username: str) -> str:
        resp = httpx.post(f"{live.url}{API}/auth/login", headers={VERSION_HEADER: str(PROTOCOL_VERSION)},
                          json={"username": username, "password": PASSWORD, "device_id": f"dev-{username}"})
        return str(resp.json()["access_token"])

    def read(username: str) -> httpx.Response:
        return httpx.get(f"{live.url}{API}/audit/devices/{officer.device_id}/entries",
                         headers={VERSION_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token(username)}"})

    assert read("zhangwei").status_code == 403
    assert read("sunli").status_code == 403
    assert read("wangfang").status_code == 200 and read("wangfang").json()["entries"]
    assert read("admin").status_code == 200


def test_the_commands_report_the_break(live: LiveServer, seeded: Seed, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """``inspector-app sync`` exits 0 on a clean sync and 1 when the server finds a break;
    ``inspector-server admin audit verify`` names the device's first and last break."""
    from inspector_app.cli import main as app_main
    from inspector_app.services.profile import close_profile
    from inspector_server.cli import main as server_main

    laptop = device(tmp_path / "a", seeded, "liqiang", live.url)
    _new_unit(laptop, seeded, 1)
    close_profile(laptop)
    assert app_main(["sync", "--data-dir", str(tmp_path / "a")]) == 0
    assert "Synced:" in capsys.readouterr().out
    assert server_main(["--db", live.db_url, "admin", "audit", "verify"]) == 0
    assert f"{laptop.device_id}: ok" in capsys.readouterr().out
    reopened = open_profile(tmp_path / "a")
    with reopened.store.transaction() as db:
        db.execute("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)")
        db.execute("DELETE FROM meta WHERE key = 'audit_anchor'")
    close_profile(reopened)
    assert app_main(["sync", "--data-dir", str(tmp_path / "a")]) == 1
    assert "Audit trail break" in capsys.readouterr().out
    assert server_main(["--db", live.db_url, "admin", "audit", "verify"]) == 1
    printed = capsys.readouterr().out
    assert "BROKEN" in printed and TAIL_DELETED in printed


def test_a_headless_sync_without_a_server_sign_in_says_what_to_do(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app.cli import main as app_main

    close = open_profile(tmp_path / "p")
    close.store.close()
    assert app_main(["sync", "--data-dir", str(tmp_path / "p")]) == 2
    assert "sign in" in capsys.readouterr().err.lower()
