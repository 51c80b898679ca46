"""Case 8 of issue 21 (part): a bulk import adds its units to the search indexes in one
statement each (the per-row triggers are off during the insert) and, when it brings more units
than are there, builds the table's indexes afresh; search finds them, triggers and indexes are
back afterwards, and a cancelled import leaves them as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.domain.progress import Cancelled, Progress
from inspector_app.services.session import Session
from inspector_app.services.unit_import import plan_import, read_unit_file, run_import
from inspector_app.services.units import search_unit_rowids
from inspector_app.storage.units import UnitQuery
from tests.services.test_unit_import import _registry


def _triggers(session: Session) -> list[tuple[str, str]]:
    """The unit table's triggers and indexes, with their SQL."""
    return sorted(session.store.db.execute(
        "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type IN ('trigger', 'index') "
        "AND tbl_name = 'unit'").fetchall())


@pytest.fixture(autouse=True)
def _bulk_from_1000_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    # The table's indexes are rebuilt from 10,000 rows on; the same path from 1,000 here.
    monkeypatch.setattr("inspector_app.storage.units.BULK_INDEX_ROWS", 1000)


def _found(session: Session, text: str) -> int:
    return len(search_unit_rowids(session, UnitQuery(text=text)))


def test_imported_units_are_searchable_and_the_triggers_come_back(supervisor_session: Session, tmp_path: Path) -> None:
    triggers = _triggers(supervisor_session)
    source = read_unit_file(supervisor_session, _registry(tmp_path / "r.xlsx", supervisor_session, rows=3000))
    result = run_import(supervisor_session, plan_import(supervisor_session, source, source.mapping))
    assert result.created == 3000
    assert _triggers(supervisor_session) == triggers
    assert supervisor_session.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _found(supervisor_session, "台账商户01234") == 1  # trigram index (3+ characters)
    assert _found(supervisor_session, "台账") == 3000  # one- and two-character index
    assert _found(supervisor_session, "tzsh01234") == 1  # pinyin initials
    db = supervisor_session.store.db
    fts = db.execute("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'name: \"台账商户\"'").fetchone()[0]
    assert fts == 3000


def test_a_cancelled_import_leaves_triggers_and_index_as_they_were(supervisor_session: Session, tmp_path: Path) -> None:
    triggers = _triggers(supervisor_session)
    before = _found(supervisor_session, "台账")
    source = read_unit_file(supervisor_session, _registry(tmp_path / "r.xlsx", supervisor_session, rows=5000))
    plan = plan_import(supervisor_session, source, source.mapping)
    progress = Progress(lambda done, total, note: progress.cancel() if done >= 2000 else None)
    with pytest.raises(Cancelled):
        run_import(supervisor_session, plan, progress)
    assert _triggers(supervisor_session) == triggers
    assert _found(supervisor_session, "台账") == before == 0
