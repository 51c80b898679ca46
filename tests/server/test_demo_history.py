"""The demo's enforcement history (services.demo_enforcement): what the clerk's 公示 page and
the city-wide record show on a fresh ``make run``, and a server seeded from it that leases
numbers after the ones the history used."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sync_helpers import LiveServer, reset_database
from test_sync_workflows import laptop, sync

from inspector_app.domain.clock import parse_utc
from inspector_app.domain.first_offence import NOT_ELIGIBLE
from inspector_app.services.demo import generate_demo_profile
from inspector_app.services.demo_enforcement import DEMO_PARTY, DEMO_PARTY_ITEM
from inspector_app.services.notice_documents import Signing, issue_document
from inspector_app.services.publication import to_publish
from inspector_app.services.violations import assess, record_violation
from inspector_app.storage.officers import officers
from tests.conftest import DEMO_TODAY


@pytest.fixture(scope="module")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-history") / "profile"
    generate_demo_profile(folder, units=300, seed=7, today=DEMO_TODAY, enforcement=True)
    return folder


@pytest.fixture
def history_dir(history_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "history"
    shutil.copytree(history_template, target)
    return target


@pytest.fixture
def history_server(db_url: str, history_dir: Path, tmp_path: Path) -> Iterator[LiveServer]:
    from inspector_server import admin

    engine = reset_database(db_url)
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        admin.seed_from_profile(conn, history_dir / "inspector.sqlite", tmp_path / "server-blobs")
    engine.dispose()
    live = LiveServer(db_url, tmp_path / "server-blobs").start()
    yield live
    live.stop()


def _colleague(session) -> str:  # type: ignore[no-untyped-def]
    return next(o["id"] for o in officers(session.store.db, session.actor.squad_id) if o["id"] != session.actor.officer_id)


def test_the_clerk_sees_decisions_overdue_and_due_and_the_vendor_is_no_first_offender(  # type: ignore[no-untyped-def]
        history_dir: Path, tmp_path: Path, history_server: LiveServer, clock) -> None:
    clerk = laptop(history_dir, tmp_path, "zhaomin", history_server, clock)
    pending = to_publish(clerk, squad_id=clerk.actor.squad_id)
    # Published on time: 刘秀英's two decisions; overdue: 老李烧烤店's two and 陈志刚's warning;
    # due: 孙丽娟's warning of two days ago.
    assert (pending.overdue, pending.due) == (3, 1)
    db = clerk.store.db
    assert db.execute("SELECT count(*) FROM publication").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    officer = laptop(history_dir, tmp_path, "liqiang", history_server, clock)
    home = db.execute("SELECT district_code FROM squad WHERE id = ?", [officer.actor.squad_id]).fetchone()[0]
    prior = db.execute("SELECT s.district_code, v.item_code, v.occurred_at FROM violation v JOIN squad s "
                       "ON s.id = v.squad_id WHERE v.party_id_number = ?", [DEMO_PARTY["party_id_number"]]).fetchall()
    assert len(prior) == 1 and prior[0][0] != home and prior[0][1] == DEMO_PARTY_ITEM
    assert timedelta(days=0) < clock.now() - parse_utc(prior[0][2]) < timedelta(days=30)
    values = {**DEMO_PARTY, "item_code": DEMO_PARTY_ITEM, "place": "泉城路100号门前",
              "facts": "在泉城路100号门前人行道上摆摊销售煎饼。", "officer2_id": _colleague(officer)}
    assert assess(officer, values, set(range(10))).decision.outcome == NOT_ELIGIBLE


def test_numbers_leased_after_seeding_follow_the_history(  # type: ignore[no-untyped-def]
        history_dir: Path, tmp_path: Path, history_server: LiveServer, clock) -> None:
    officer = laptop(history_dir, tmp_path, "liqiang", history_server, clock)
    values = {"party_kind": "person", "party_name": "周海燕", "party_id_number": "370102198807150025",
              "party_phone": "13905310000", "party_address": "济南市历下区泉城路66号", "item_code": "FO25",
              "place": "泉城路66号门前", "facts": "在泉城路66号门前的行道树上拴绳晾挂衣物。", "officer2_id": _colleague(officer)}
    violation_id = record_violation(officer, values, set(range(10))).ids("violation")[0]
    issued = issue_document(officer, violation_id, "warning", Signing(refused_reason="拒绝签名", witness="刘敏"))
    sync(officer)  # the server takes it: the number is not one the seeded history used
    number = officer.store.db.execute("SELECT number FROM document WHERE id = ?", [issued.document_ids[0]]).fetchone()[0]
    assert number.endswith("第0005号"), number  # the history issued 历下 warnings 0001–0004
