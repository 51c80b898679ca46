"""The admin command line and the schema: squads, officers, roles, devices, passwords, unit
imports with per-row errors, seeding from a demo profile, the device status table."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from inspector_app.sync.protocol import PROTOCOL_VERSION, VERSION_HEADER
from inspector_server.app import create_app
from inspector_server.cli import main
from inspector_server.db import metadata


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "admin", *args])


def test_the_migrated_schema_matches_the_table_definitions(engine: Engine) -> None:
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_admin_creates_squads_and_officers_who_can_then_sign_in(db_url: str, engine: Engine, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, "squad", "create", "槐荫区城管中队", "--district", "370104") == 0
    squad = capsys.readouterr().out.strip()
    assert run(db_url, "officer", "create", "zhouqi", "--name", "周七", "--role", "officer", "--squad", squad,
               "--password", "Start#2026") == 0
    assert run(db_url, "officer", "create", "zhouqi", "--name", "周七", "--squad", squad,
               "--password", "Start#2026") == 2
    assert "taken" in capsys.readouterr().err
    assert run(db_url, "officer", "create", "x", "--name", "X", "--squad", "nope", "--password", "12345678") == 2
    assert "no squad" in capsys.readouterr().err
    assert run(db_url, "password", "reset", "zhouqi", "--password", "short") == 2
    assert "8 characters" in capsys.readouterr().err
    assert run(db_url, "password", "reset", "zhouqi", "--password", "Changed#2026") == 0
    assert run(db_url, "role", "set", "zhouqi", "supervisor") == 0
    app = create_app(db_url, tmp_path / "blobs")
    with TestClient(app, headers={VERSION_HEADER: str(PROTOCOL_VERSION)}) as api:
        resp = api.post("/api/v1/auth/login", json={"username": "zhouqi", "password": "Changed#2026",
                                                    "device_id": "lap-1", "device_name": "槐荫1号机"})
        assert resp.status_code == 200 and resp.json()["officer"]["role"] == "supervisor"
        headers = {"Authorization": f"Bearer {resp.json()['access_token']}"}
        api.get("/api/v1/sync/pull", headers=headers)
    app.state.engine.dispose()
    capsys.readouterr()
    assert run(db_url, "device", "list") == 0
    table = capsys.readouterr().out
    assert "槐荫1号机" in table and "zhouqi" in table and "behind" in table
    assert run(db_url, "device", "revoke", "lap-1") == 0
    assert run(db_url, "device", "revoke", "lap-x") == 2


def test_units_import_reuses_the_apps_column_recognition(db_url: str, engine: Engine, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    run(db_url, "squad", "create", "历下区城管中队", "--district", "370102")
    squad = capsys.readouterr().out.strip()
    registry = tmp_path / "registry.csv"
    registry.write_bytes("单位名称,单位类型,统一社会信用代码,经营地址,联系电话\n"
                         "鑫源超市,企业,91370102MA3C4XXX4T,泉城路1号,13800000000\n"
                         ",个体,,泉城路2号,\n"
                         "老王烧烤,个体工商户,,泉城路3号,12345\n".encode("gbk"))
    assert run(db_url, "units", "import", str(registry), "--squad", squad) == 0
    captured = capsys.readouterr()
    assert "1 units imported, 2 rows skipped" in captured.out
    assert "row 3" in captured.err and "row 4" in captured.err
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT fields FROM record WHERE entity = 'unit'"))]
    assert len(names) == 1 and "鑫源超市" in names[0]


def test_seed_copies_a_demo_profile(db_url: str, engine: Engine, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, "seed", str(demo_dir)) == 0
    assert "'unit': 400" in capsys.readouterr().out
    assert run(db_url, "seed", str(demo_dir)) == 2
    assert "empty server" in capsys.readouterr().err
