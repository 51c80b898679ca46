"""Issue 19: the city-wide offence index. A party warned by squad A is not "first" for squad B
offline once B pulled the index, and the printed reason says how fresh the index is; an old
index warns; the index never holds an ID number, name or address in clear; a refused or
tampered pull changes nothing. On SQLite and PostgreSQL (the server fixtures)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sync_helpers import LiveServer, Seed, client_factory, device
from test_sync_workflows import png

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.first_offence import FIRST_OFFENCE, NOT_ELIGIBLE, index_time_text
from inspector_app.services.notice_documents import Signing, issue_document
from inspector_app.services.offence_index import index_freshness, pull_index
from inspector_app.services.session import Session
from inspector_app.services.sync import open_client, sync_now
from inspector_app.services.violations import assess, record_violation
from inspector_app.sync.client import Refused, SyncClient, Tokens
from inspector_app.sync.protocol import IndexPage
from inspector_server.db import make_engine

VENDOR = {"party_kind": "person", "party_name": "王小摊", "party_id_number": "370102199001011231",
          "party_address": "济南市历下区泉城路99号", "item_code": "FO02", "facts": "在泉城路占道摆摊售卖水果。",
          "place": "泉城路99号门前"}
CONFIRMED = {1, 2}  # FO02's conditions other than 首次被发现 (checked in the records)


@pytest.fixture(autouse=True)
def _phones(seeded: Seed, engine: Engine) -> None:
    """Every officer with a phone number: a notice says whom to call, or is not issued."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        for rid, fields in conn.execute(text("SELECT id, fields FROM record WHERE entity = 'officer'")).fetchall():
            conn.execute(text("UPDATE record SET fields = :f WHERE entity = 'officer' AND id = :i"),
                         {"f": json.dumps({**json.loads(fields), "phone": "0531-86001234"}, ensure_ascii=False), "i": rid})


def _warned_by_squad_a(live: LiveServer, seeded: Seed, tmp_path: Path) -> str:
    """Squad A's officer warns the vendor (a 首违不罚告知书 with a leased number) and syncs;
    returns the notice's number."""
    return _warn(live, seeded, tmp_path)[1]


def _warn(live: LiveServer, seeded: Seed, tmp_path: Path) -> tuple[Session, str]:
    officer = device(tmp_path / "a", seeded, "liqiang", live.url)
    sync_now(officer, factory=client_factory)  # number leases
    values = {**VENDOR, "officer2_id": seeded.officers["zhangwei"][0]}
    assert assess(officer, values, CONFIRMED).decision.outcome == FIRST_OFFENCE
    violation_id = record_violation(officer, values, CONFIRMED).ids("violation")[0]
    signed = png()
    issue_document(officer, violation_id, "warning", Signing(party_png=signed, officer1_png=signed, officer2_png=signed))
    sync_now(officer, factory=client_factory)
    return officer, str(officer.store.db.execute("SELECT number FROM document WHERE violation_id = ?",
                                                 [violation_id]).fetchone()[0])


def _rows(db_url: str, sql: str) -> list[Any]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql)).fetchall())
    finally:
        engine.dispose()


def test_warned_in_squad_a_is_not_first_in_squad_b_after_b_pulled_the_index(
        live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    number = _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    before = assess(other, VENDOR, CONFIRMED).decision
    assert before.outcome == FIRST_OFFENCE
    assert "本设备尚未取得全市违法记录索引" in before.reasons[0]

    pulled_at = datetime.now(UTC)
    report = sync_now(other, factory=client_factory)
    assert report.index_pulled == 1
    live.stop()  # squad B decides offline
    a = assess(other, VENDOR, CONFIRMED)
    assert a.decision.outcome == NOT_ELIGIBLE
    assert a.index_as_of is not None and abs(a.index_as_of - pulled_at) < timedelta(minutes=1)
    assert a.decision.reasons[0].startswith(f"经查询全市违法记录（截至 {index_time_text(a.index_as_of)}）")
    assert "历下区城管执法中队" in a.decision.reasons[0]  # the prior's squad, by name
    assert number and number in a.decision.reasons[0]  # and its notice's number
    # The prior came from the index (no record of squad A is on squad B's laptop).
    assert other.store.db.execute("SELECT COUNT(*) FROM violation").fetchone()[0] == 0
    assert [p.source for p in a.decision.priors] == ["index"]
    # The same party typed differently (full-width digits, spaces) is still found.
    typed = {**VENDOR, "party_id_number": "３７０１０２１９９００１０１１２３１", "party_name": " 王小摊 "}
    assert assess(other, typed, CONFIRMED).decision.outcome == NOT_ELIGIBLE
    # Another person is first.
    stranger = {**VENDOR, "party_id_number": "37010219850505234X", "party_name": "李四", "party_address": "经四路1号"}
    assert assess(other, stranger, CONFIRMED).decision.outcome == FIRST_OFFENCE


def test_the_own_squads_violation_is_counted_once(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    officer, _number = _warn(live, seeded, tmp_path)
    assert officer.store.db.execute("SELECT COUNT(*) FROM offence_index").fetchone()[0] == 1  # in both
    d = assess(officer, VENDOR, CONFIRMED).decision
    assert d.outcome == NOT_ELIGIBLE and len(d.priors) == 1 and d.priors[0].source == "device"
    assert "违法记录 1 次" in d.reasons[0]


def test_an_index_older_than_the_limit_warns(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    assert index_freshness(other, 7).warn  # never pulled, on a laptop that syncs
    assert not index_freshness(other, 7, syncs=False).warn
    sync_now(other, factory=client_factory)
    assert not index_freshness(other, 7).warn
    other.clock = FixedClock(datetime.now(UTC) + timedelta(days=8))
    fresh = index_freshness(other, 7)
    assert fresh.warn and fresh.age is not None and fresh.age > timedelta(days=7)
    assert not index_freshness(other, 10).warn  # the administrator's limit decides


def test_the_index_holds_no_id_number_name_or_address_in_clear(
        live: LiveServer, seeded: Seed, tmp_path: Path, db_url: str) -> None:
    _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    sync_now(other, factory=client_factory)
    server_rows = _rows(db_url, "SELECT * FROM offence_index")
    laptop_rows = other.store.db.execute("SELECT * FROM offence_index").fetchall()
    assert len(server_rows) == 1 and len(laptop_rows) == 1
    dumped = repr(server_rows) + repr(laptop_rows) + repr(
        other.store.db.execute("SELECT * FROM offence_index_squad").fetchall())
    for secret in ("370102199001011231", "199001011231", "王小摊", "泉城路99号", "小摊"):
        assert secret not in dumped
    file_bytes = b"".join(f.read_bytes() for f in (tmp_path / "b").glob("inspector.sqlite*"))
    assert b"370102199001011231" not in file_bytes and "王小摊".encode() not in file_bytes


class _Tampering(SyncClient):
    """The real client, whose index answers are changed on the way (a proxy in the middle)."""

    change: str = "item"

    def pull_index(self, after: int, limit: int = 2000, with_key: bool = False) -> IndexPage:
        page = super().pull_index(after, limit, with_key)
        if not page.entries:
            return page
        if self.change == "item":
            body = {**page.body, "entries": [[*e[:3], "FO99", *e[4:]] for e in page.body["entries"]]}
            return replace(page, entries=[replace(e, item_code="FO99") for e in page.entries], body=body)
        return replace(page, key=bytes(32), key_id=page.key_id)  # another key, under the real key's id


@pytest.mark.parametrize("change", ["item", "key"])
def test_a_tampered_index_page_changes_nothing(live: LiveServer, seeded: Seed, tmp_path: Path, change: str) -> None:
    _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    client = open_client(other, lambda url, dev, tokens: _tampering(url, dev, tokens, change))
    with pytest.raises(Refused) as refused:
        pull_index(other, client)
    client.close()
    assert "did not verify" in refused.value.message
    assert other.store.db.execute("SELECT COUNT(*) FROM offence_index").fetchone()[0] == 0
    assert other.store.db.execute("SELECT key FROM meta WHERE key LIKE 'offence_index%'").fetchall() == []
    assert assess(other, VENDOR, CONFIRMED).decision.outcome == FIRST_OFFENCE


def _tampering(url: str, device_id: str, tokens: Tokens, change: str) -> SyncClient:
    client = _Tampering(url, device_id, tokens, retry=client_factory(url, device_id, tokens).retry, timeout=10)
    client.change = change
    return client


def test_a_refused_index_pull_changes_nothing(live: LiveServer, seeded: Seed, tmp_path: Path, db_url: str) -> None:
    _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    sync_now(other, factory=client_factory)
    before = other.store.db.execute("SELECT * FROM offence_index").fetchall()
    meta = other.store.db.execute("SELECT * FROM meta WHERE key LIKE 'offence_index%' ORDER BY key").fetchall()
    from inspector_server import admin

    engine = make_engine(db_url)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.revoke_device(conn, other.device_id)
    engine.dispose()
    client = open_client(other, client_factory)
    with pytest.raises(Exception):  # noqa: B017 - the revoked device's refusal, whatever its wording
        pull_index(other, client)
    client.close()
    assert other.store.db.execute("SELECT * FROM offence_index").fetchall() == before
    assert other.store.db.execute("SELECT * FROM meta WHERE key LIKE 'offence_index%' ORDER BY key").fetchall() == meta


def test_a_clerk_gets_no_index(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    clerk = device(tmp_path / "c", seeded, "zhaomin", live.url)
    client = open_client(clerk, client_factory)
    with pytest.raises(Refused) as refused:
        client.pull_index(0, 10, True)
    client.close()
    assert refused.value.params["code"] == 403
    assert pull_index(clerk, open_client(clerk, client_factory)) == 0  # the app does not ask


def test_a_new_lookup_key_makes_laptops_pull_the_index_again(
        live: LiveServer, seeded: Seed, tmp_path: Path, db_url: str) -> None:
    from inspector_server.cli import main

    _warned_by_squad_a(live, seeded, tmp_path)
    other = device(tmp_path / "b", seeded, "sunli", live.url)
    sync_now(other, factory=client_factory)
    old_key = other.store.db.execute("SELECT value FROM meta WHERE key = 'offence_index_key'").fetchone()[0]
    old_tokens = other.store.db.execute("SELECT id_token, na_token FROM offence_index").fetchall()
    assert main(["--db", db_url, "--blobs", str(tmp_path / "server-blobs"), "admin", "index", "rekey"]) == 0
    assert sync_now(other, factory=client_factory).index_pulled == 1
    new_key = other.store.db.execute("SELECT value FROM meta WHERE key = 'offence_index_key'").fetchone()[0]
    assert new_key != old_key
    new_tokens = other.store.db.execute("SELECT id_token, na_token FROM offence_index").fetchall()
    assert len(new_tokens) == 1 and not set(new_tokens[0]) & set(old_tokens[0])  # the old rows are gone
    assert other.store.db.execute("SELECT COUNT(*) FROM offence_index").fetchone()[0] == 1
    assert assess(other, VENDOR, CONFIRMED).decision.outcome == NOT_ELIGIBLE  # found with the new key
