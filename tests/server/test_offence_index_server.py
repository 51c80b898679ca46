"""Issue 19, on the server alone: index rows are written when a violation is accepted at push
(its notice's number: test_offence_index.py), made by the backfill for violations pushed before the index (or the key)
existed, and :func:`redecide` answers only when its decision differs from the laptop's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sync_helpers import Seed

from inspector_app.domain.clock import HlcStamp
from inspector_app.domain.first_offence import FIRST_OFFENCE, NOT_ELIGIBLE
from inspector_app.sync.protocol import Op, Status
from inspector_server import offence_index
from inspector_server.app import create_app, engine_of
from inspector_server.offence_index_table import offence_index as table
from inspector_server.push import push
from inspector_server.rules import Caller

ID_NUMBER = "370102199001011231"


def _fields(seeded: Seed, squad: str, officer: str, second: str, at: str, **more: Any) -> dict[str, Any]:
    return {"party_kind": "person", "party_name": "王小摊", "party_id_number": ID_NUMBER,
            "party_address": "济南市历下区泉城路99号", "item_code": "FO02", "catalog_version": "shipped",
            "occurred_at": at, "decision": FIRST_OFFENCE, "squad_id": squad, "facts": "占道摆摊。",
            "officer1_id": seeded.officers[officer][0], "officer2_id": seeded.officers[second][0], "status": "open",
            "confirmed_conditions": "[1, 2]", **more}


def _push(engine: Engine, seeded: Seed, username: str, entity: str, rid: str, fields: dict[str, Any], n: int) -> Status:
    officer, role, squad = seeded.officers[username]
    op = Op(f"op-{rid}", entity, rid, "create", {k: [None, v] for k, v in fields.items()},
            HlcStamp(1_763_600_000_000 + n, 0, f"dev-{username}").encode(), fields.get("occurred_at", ""))
    result = push(engine, Caller(officer, role, squad, f"dev-{username}"), [op], "2026-11-20T02:00:00.000Z")[0]
    return result.status


def _index(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table).order_by(table.c.seq)).mappings()]


def test_push_writes_the_row(seeded: Seed, db_url: str, tmp_path: Path) -> None:
    app = create_app(db_url, tmp_path / "blobs")
    engine = engine_of(app)
    fields = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2026-11-19T16:30:00.000Z")
    assert _push(engine, seeded, "liqiang", "violation", "v-1", fields, 1) == Status.APPLIED
    [row] = _index(engine)
    assert row["occurred_on"] == "2026-11-20"  # 00:30 in Jinan: the local date
    assert (row["item_code"], row["outcome"], row["squad_id"], row["number"]) == ("FO02", FIRST_OFFENCE, seeded.squad, "")
    assert len(row["id_token"]) == 16 and len(row["na_token"]) == 16
    app.state.engine.dispose()


def test_backfill_makes_rows_for_violations_pushed_without_the_key(
        seeded: Seed, engine: Engine, db_url: str, tmp_path: Path) -> None:
    # A push through an engine the server did not start with (no city key): no row yet.
    fields = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2026-11-19T02:00:00.000Z")
    assert _push(engine, seeded, "liqiang", "violation", "v-old", fields, 1) == Status.APPLIED
    assert _index(engine) == []
    app = create_app(db_url, tmp_path / "blobs")  # the backfill runs at start
    rows = _index(engine_of(app))
    assert [r["violation_id"] for r in rows] == ["v-old"]
    with engine.connect() as conn:
        newest = conn.exec_driver_sql("SELECT MAX(seq) FROM record").scalar()
    assert rows[0]["seq"] > newest  # a fresh position: laptops past the record's seq still get it
    assert offence_index.backfill(engine_of(app)) == 0  # nothing missing: nothing made
    app.state.engine.dispose()


def test_redecide_differs_only_when_the_city_knows_a_prior(seeded: Seed, db_url: str, tmp_path: Path) -> None:
    app = create_app(db_url, tmp_path / "blobs")
    engine = engine_of(app)
    first = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2026-11-10T02:00:00.000Z")
    with engine.connect() as conn:
        assert offence_index.redecide(conn, first, seeded.squad, "v-a") is None  # nobody knows a prior
    _push(engine, seeded, "liqiang", "violation", "v-a", first, 1)
    later = {**first, "occurred_at": "2026-11-20T02:00:00.000Z", "squad_id": seeded.other_squad}
    with engine.connect() as conn:
        again = offence_index.redecide(conn, later, seeded.other_squad, "v-b")
        assert offence_index.redecide(conn, {**later, "decision": NOT_ELIGIBLE}, seeded.other_squad, "v-b") is None
        # Its own row is never its prior.
        assert offence_index.redecide(conn, first, seeded.squad, "v-a") is None
        # Another person, or the same item long ago (outside the 365-day look-back), is first.
        other = {**later, "party_id_number": "37010219850505234X", "party_name": "李四"}
        assert offence_index.redecide(conn, other, seeded.other_squad, "v-c") is None
        old = {**later, "occurred_at": "2027-12-01T02:00:00.000Z"}
        assert offence_index.redecide(conn, old, seeded.other_squad, "v-d") is None
    assert again is not None
    assert (again.laptop_outcome, again.server_outcome) == (FIRST_OFFENCE, NOT_ELIGIBLE)
    assert again.reasons[0].startswith("经查询全市违法记录（截至 ")
    assert "历下区城管执法中队" in again.reasons[0]
    assert again.priors == ({"item_code": "FO02", "occurred_on": "2026-11-10", "squad_id": seeded.squad,
                             "squad": "历下区城管执法中队", "number": ""},)
    assert ID_NUMBER not in json.dumps(again.priors, ensure_ascii=False) and "王小摊" not in repr(again)
    app.state.engine.dispose()


def test_redecide_cannot_decide_without_party_or_item(seeded: Seed, db_url: str, tmp_path: Path) -> None:
    app = create_app(db_url, tmp_path / "blobs")
    fields = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2026-11-10T02:00:00.000Z")
    with engine_of(app).connect() as conn:
        assert offence_index.redecide(conn, {**fields, "item_code": "FO999"}, seeded.squad) is None
        nobody = {**fields, "party_id_number": "", "party_name": "", "party_address": ""}
        assert offence_index.redecide(conn, nobody, seeded.squad) is None
    app.state.engine.dispose()


def test_a_bad_value_from_a_device_makes_no_row_that_laptops_would_refuse(seeded: Seed, db_url: str,
                                                                           tmp_path: Path) -> None:
    from inspector_app.sync.protocol import parse_index_page

    app = create_app(db_url, tmp_path / "blobs")
    engine = engine_of(app)
    at = "2026-11-19T02:00:00.000Z"
    for n, bad in enumerate(({"decision": "nonsense"}, {"item_code": ""}, {"item_code": "X" * 41}), start=1):
        assert _push(engine, seeded, "liqiang", "violation", f"v-bad{n}",
                     _fields(seeded, seeded.squad, "liqiang", "zhangwei", at, **bad), n) == Status.APPLIED
    assert _index(engine) == []
    _push(engine, seeded, "liqiang", "violation", "v-good", _fields(seeded, seeded.squad, "liqiang", "zhangwei", at), 9)
    with engine.connect() as conn:
        page = parse_index_page(offence_index.pull_page(conn, 0, 100, "2026-11-20T02:00:00.000Z", True))
    assert [e.outcome for e in page.entries] == [FIRST_OFFENCE]  # the feed stays readable
    app.state.engine.dispose()


def test_rows_older_than_the_searched_history_are_not_sent(seeded: Seed, db_url: str, tmp_path: Path) -> None:
    from inspector_app.sync.protocol import parse_index_page

    app = create_app(db_url, tmp_path / "blobs")
    engine = engine_of(app)
    old = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2022-11-01T02:00:00.000Z")  # 4 years before
    recent = _fields(seeded, seeded.squad, "liqiang", "zhangwei", "2026-11-01T02:00:00.000Z")
    _push(engine, seeded, "liqiang", "violation", "v-old", old, 1)
    _push(engine, seeded, "liqiang", "violation", "v-new", recent, 2)
    assert len(_index(engine)) == 2  # the server keeps both (its own decision looks back itself)
    with engine.connect() as conn:
        page = parse_index_page(offence_index.pull_page(conn, 0, 100, "2026-11-20T02:00:00.000Z", True))
    assert [e.occurred_on for e in page.entries] == ["2026-11-01"]
    app.state.engine.dispose()
