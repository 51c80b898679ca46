"""Issue 21 case 8: the import's bulk path (rows prepared during the check, kept in a scratch
file, inserted in batches) stores what one ``Recorder.create`` per row stores; the check keeps
only wrong rows and a preview in memory; the scratch file goes away; cancel changes nothing."""

from __future__ import annotations

import csv
import gc
import json
from pathlib import Path
from typing import Any

import pytest

from inspector_app.domain.progress import Cancelled, Progress
from inspector_app.domain.validators import resident_id_check_char
from inspector_app.services.demo_names import DemoRandom
from inspector_app.services.session import Session
from inspector_app.services.unit_import import FORM_VERSION, plan_import, read_unit_file, run_import
from inspector_app.services.units import _stored_values, road_places
from inspector_app.storage.import_scratch import PREFIX
from inspector_app.storage.officers import road_segments

SYNCED = ("id", "created_at", "updated_at", "hlc", "device_id", "server_seq", "deleted")


def _csv(path: Path, session: Session, rows: int, bad_every: int = 0) -> Path:
    """A registry CSV: some rows with a road, some without, individuals with ID numbers."""
    rng = DemoRandom(7)
    road = road_segments(session.store.db, session.actor.squad_id)[0]["name"]
    used: set[str] = set()
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["单位名称", "统一社会信用代码", "身份证号", "联系电话", "地址", "所在路段", "是否签订责任书", "备注"])
        for n in range(rows):
            uscc = rng.uscc("91" if n % 3 else "92", "370102")
            while uscc[:-1] in used:  # random codes collide now and then; a registry's do not
                uscc = rng.uscc("91" if n % 3 else "92", "370102")
            used.add(uscc[:-1])
            if bad_every and n % bad_every == 1:
                uscc = uscc[:-1] + ("0" if uscc[-1] != "0" else "1")
            out.writerow([f"批量商户{n:05d}", uscc if n % 4 else "", "" if n % 4 else _id_number(n),
                          rng.mobile(), f"经十路{n}号", road if n % 2 else "", "是" if n % 5 else "否",
                          "=1+1" if n == 7 else ""])
    return path


def _id_number(n: int) -> str:
    first17 = f"370102{1960 + n // 1000}0101{n % 1000:03d}"
    return first17 + resident_id_check_char(first17)


def _scratch_files(session: Session) -> list[Path]:
    return list(session.store.paths.root.glob(PREFIX + "*"))


def _stored(session: Session, where: str, params: list[Any]) -> list[tuple[dict[str, Any], Any]]:
    cursor = session.store.db.execute(
        f"SELECT u.*, o.changes, o.form_version, o.blobs FROM unit u JOIN outbox o ON o.entity_id = u.id "
        f"AND o.op = 'create' WHERE {where} ORDER BY u.name", params)
    names = [d[0] for d in cursor.description]
    out = []
    for row in cursor.fetchall():
        record = dict(zip(names, row, strict=True))
        changes = record.pop("changes")
        out.append(({k: v for k, v in record.items() if k not in SYNCED}, changes))
    return out


def test_bulk_rows_equal_one_create_per_row(supervisor_session: Session, tmp_path: Path) -> None:
    session = supervisor_session
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=40))
    plan = plan_import(session, source, source.mapping)
    assert plan.count("create") == 40 and len(plan.rows) == 40, plan.counts
    run_import(session, plan)
    bulk = _stored(session, "u.name LIKE '批量商户%'", [])
    places = road_places(session)

    class Undo(Exception):
        pass

    one_by_one: list[tuple[dict[str, Any], Any]] = []
    with pytest.raises(Undo), session.operation("test") as op:
        ids = [op.recorder.create("unit", {**_stored_values(session, r.values, places),
                                           "name": "单建" + r.values["name"]}, form_version=FORM_VERSION)
               for r in plan.rows]
        marks = ",".join("?" * len(ids))
        one_by_one = _stored(session, f"u.id IN ({marks})", ids)
        raise Undo
    assert len(bulk) == len(one_by_one) == 40
    for (b_row, b_changes), (o_row, o_changes) in zip(bulk, one_by_one, strict=True):
        # The same columns (search keys included) and the same op, byte for byte, but the name.
        o_row["name"] = o_row["name"].removeprefix("单建")
        o_ops = json.loads(o_changes)
        o_ops["name"][1] = o_ops["name"][1].removeprefix("单建")
        assert {k: v for k, v in b_row.items() if k not in ("sort_key", "search_latin", "search_grams")} == \
            {k: v for k, v in o_row.items() if k not in ("sort_key", "search_latin", "search_grams")}
        assert json.loads(b_changes) == o_ops
        assert b_changes == json.dumps(json.loads(b_changes), ensure_ascii=False, sort_keys=True)
    # Search keys: the bulk rows' equal what the entity's derive gives for the same row.
    from inspector_app.storage.units import derive_unit_keys

    for row, _ in bulk:
        assert {k: row[k] for k in ("sort_key", "search_latin", "search_grams")} == derive_unit_keys(row)


def test_the_check_keeps_only_wrong_rows_and_a_preview(supervisor_session: Session, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("inspector_app.services.unit_import.PREVIEW_GOOD_ROWS", 5)
    session = supervisor_session
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=3000, bad_every=100))
    assert source.table.row_count == 3000
    plan = plan_import(session, source, source.mapping)
    good = plan.count("create") + plan.count("update")  # a random code may match a demo unit
    assert (good, plan.count("error"), plan.total) == (2970, 30, 3000) and plan.count("create") > 2900
    assert [r.action for r in plan.rows].count("error") == 30 and len(plan.rows) == 35
    assert [r.row_number for r in plan.rows] == sorted(r.row_number for r in plan.rows)
    assert len(_scratch_files(session)) == 1
    result = run_import(session, plan)
    assert result.created + result.updated + result.unchanged == 2970
    assert _scratch_files(session) == []  # removed once imported
    again = plan_import(session, source, source.mapping)
    assert again.count("update") == 2970 and len(_scratch_files(session)) == 1
    del again
    gc.collect()
    assert _scratch_files(session) == []  # a plan that is dropped takes its file along


def test_cancelling_the_check_leaves_nothing(supervisor_session: Session, tmp_path: Path) -> None:
    session = supervisor_session
    db = session.store.db
    before = db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone()
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=3000))
    progress = Progress(lambda done, total, note: progress.cancel() if done >= 1000 else None)
    with pytest.raises(Cancelled):
        plan_import(session, source, source.mapping, progress)
    gc.collect()
    assert _scratch_files(session) == []
    assert db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone() == before


def test_a_plan_is_imported_once(supervisor_session: Session, tmp_path: Path) -> None:
    session = supervisor_session
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=10))
    plan = plan_import(session, source, source.mapping)
    run_import(session, plan)
    with pytest.raises(ValueError, match="imported or closed"):
        run_import(session, plan)


def test_the_row_reader_equals_row_values(supervisor_session: Session, tmp_path: Path) -> None:
    from inspector_app.forms.unit_import import SYNONYMS, row_reader, row_values

    session = supervisor_session
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=200))
    roads = {r["name"]: r["id"] for r in road_segments(session.store.db)}
    odd: list[list[Any]] = [[], [None] * 3, ["店", 9135010000010043, None, 13812345678.0, " 经十路 ", "不存在的路", "否"],
                            ["店", "91350100M000100Y43", "x", "y", "z", next(iter(roads)), "√", "n", "extra"]]
    rows = source.table.rows + odd
    mappings: list[dict[str, int | None]] = [source.mapping, {f: None for f in SYNONYMS},
                {f: i % 9 for i, f in enumerate(SYNONYMS)}, {**source.mapping, "road": 12}]
    for mapping in mappings:
        read = row_reader(mapping, roads)
        for row in rows:
            assert read(row) == row_values(row, mapping, roads)


def test_a_full_disk_during_the_check_is_said_and_changes_nothing(supervisor_session: Session, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import uuid

    from inspector_app.domain.errors import UserError
    from inspector_app.ui.errors import error_text

    session = supervisor_session
    source = read_unit_file(session, _csv(tmp_path / "r.csv", session, rows=50))
    # The scratch file is /dev/full: every write fails with ENOSPC, as on a full disk.
    full = session.store.paths.root / f"{PREFIX}full.sqlite"
    full.symlink_to("/dev/full")
    monkeypatch.setattr("inspector_app.storage.import_scratch.uuid.uuid4", lambda: uuid.UUID(int=0))
    monkeypatch.setattr(uuid.UUID, "hex", property(lambda _self: "full"))
    db = session.store.db
    before = db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone()
    with pytest.raises(UserError) as refused:
        plan_import(session, source, source.mapping)
    assert "is full" in error_text(refused.value) and str(session.store.paths.root) in refused.value.render()
    assert db.execute("SELECT count(*), (SELECT count(*) FROM outbox) FROM unit").fetchone() == before
