"""Case 9 of issue 21: every fixture database made by a release (tests/storage/fixtures,
written by tools/make_fixture_db.py) opens with today's code: upgraded when it is older, its
records all there, its audit chain intact, its officer able to sign in, its search working."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspector_app.services.profile import close_profile, open_profile, sign_in, verify_audit
from inspector_app.services.units import search_unit_rowids
from inspector_app.storage.migrations import SCHEMA_VERSION
from inspector_app.storage.units import UnitQuery

FIXTURES = Path(__file__).parent / "fixtures"
DATABASES = sorted(FIXTURES.glob("v*-schema*.sqlite"))


def test_there_is_a_fixture_of_the_current_schema() -> None:
    versions = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["schema_version"] for p in DATABASES]
    assert SCHEMA_VERSION in versions, "run tools/make_fixture_db.py for the new schema version"


@pytest.mark.parametrize("fixture", DATABASES, ids=[p.stem for p in DATABASES])
def test_a_release_fixture_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    manifest = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    profile_dir = tmp_path / "profile"
    profile_dir.mkdir()
    shutil.copyfile(fixture, profile_dir / "inspector.sqlite")
    session = open_profile(profile_dir)
    try:
        db = session.store.db
        assert session.store.schema_version() == SCHEMA_VERSION
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, count in manifest["counts"].items():
            if table.startswith(("unit_fts_", "unit_grams_")):
                continue  # search shadow tables: rebuilt by upgrades as they like
            assert db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count, table
        assert verify_audit(session).ok
        officer = sign_in(session, manifest["officer"], manifest["password"])
        name = db.execute("SELECT name FROM unit ORDER BY rowid LIMIT 1").fetchone()[0]
        assert search_unit_rowids(officer, UnitQuery(text=name[:3]))
        document = db.execute("SELECT number FROM document LIMIT 1").fetchone()
        assert document is not None and document[0]
    finally:
        close_profile(session)
    if manifest["schema_version"] < SCHEMA_VERSION:  # the upgrade kept a copy of the old file
        assert list((profile_dir / "backups").glob(f"*before-upgrade-v{manifest['schema_version']}*"))


def test_the_generator_makes_a_fixture_of_this_release(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_fixture_db", Path(__file__).parents[2] / "tools" / "make_fixture_db.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make(tmp_path)
    assert made.name.endswith(f"-schema{SCHEMA_VERSION}.sqlite") and made.stat().st_size < 2_000_000
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        # the demo brings its own violations (法制审核, 公示); the generator adds one with its notice
        assert conn.execute("SELECT count(*) FROM violation WHERE party_name = '张伟'").fetchone()[0] == 1
    finally:
        conn.close()
