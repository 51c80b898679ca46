"""Issue 15: the three-laptop property test. Two officers and a supervisor of one squad edit
offline at random — unit edits and deletes, 八乱 checks disposed of in every way, re-checks,
patrols and their review, conflict decisions — and sync in random order through a proxy that
cuts connections; one laptop's clock is 48 hours off. At the end every laptop and the server
hold the same records, no refused op is left unexplained, and every audit chain verifies."""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fault_proxy import FaultProxy
from sqlalchemy import create_engine
from sync_helpers import LiveServer, Seed, client_factory, device
from test_sync_faults import via
from truth import differences

from inspector_app.domain.clock import ServerCorrectedClock
from inspector_app.domain.errors import UserError
from inspector_app.domain.workflows import WORKFLOWS
from inspector_app.services.conflicts import EARLIER, LATER, open_conflicts, resolve_conflict
from inspector_app.services.disorders import dispose_check, recheck, record_check, verify_check
from inspector_app.services.patrols import current_patrol, end_patrol, start_patrol
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.review import resubmit_patrol, review_record
from inspector_app.services.session import Session
from inspector_app.services.sync import sync_now, sync_status
from inspector_app.services.units import delete_unit, unit_form_values, update_unit
from inspector_app.ui.pages.sync_view import REASONS
from inspector_server import audit
from tests.photo_files import jpeg

SEED = int(os.environ.get("INSPECTOR_PROPERTY_SEED", "15"))
ROUNDS = int(os.environ.get("INSPECTOR_PROPERTY_ROUNDS", "200"))
USERS = ("liqiang", "zhangwei", "wangfang")
FIELDS = {"phone": ["13800000001", "13900000002"], "notes": ["门前堆物", "已整改", ""], "contact": ["李四", "王五"]}
SYNCED = {"unit", "disorder_check", "disorder_event", "patrol", "review", "conflict", "photo"}


class _Skewed:
    def __init__(self, by: timedelta) -> None:
        self.by = by

    def now(self) -> datetime:
        return datetime.now(UTC) + self.by


class World:
    """The laptops, what they did, and the workflow moves their pushes carried."""

    def __init__(self, sessions: list[Session], seeded: Seed, tmp_path: Path, rng: random.Random) -> None:
        self.sessions, self.seeded, self.tmp_path, self.rng = sessions, seeded, tmp_path, rng
        self.done: Counter[str] = Counter()
        self.moves: set[tuple[str, str, str, str]] = set()
        self.photos = 0

    def photo(self, s: Session) -> str:
        self.photos += 1
        return store_photo(s, jpeg(self.tmp_path / f"p{self.photos}.jpg", (320, 240)),
                           stamp_for(s, "泉城路", 36.6661, 117.0182)).photo_id

    def checks(self, s: Session, *statuses: str) -> list[str]:
        marks = ",".join("?" * len(statuses))
        return [r[0] for r in s.store.db.execute(
            f"SELECT id FROM disorder_check WHERE deleted = 0 AND status IN ({marks}) ORDER BY id", statuses)]

    def note_moves(self, s: Session) -> None:
        for entity, changes in s.store.db.execute(
                "SELECT entity, changes FROM outbox WHERE status = 'pending' AND op = 'patch'").fetchall():
            for name, (old, new) in json.loads(changes).items():
                if (entity, name) in WORKFLOWS and old != new:
                    self.moves.add((entity, name, old, new))

    def step(self) -> None:
        rng = self.rng
        who = rng.randrange(3)
        s = self.sessions[who]
        officer = who < 2
        action = rng.choice(["edit", "edit", "delete", "check", "dispose", "dispose", "recheck", "verify",
                             "patrol", "patrol", "resubmit", "sync", "sync", "sync"] if officer else
                            ["edit", "delete", "review", "review", "decide", "decide", "sync", "sync"])
        try:
            getattr(self, f"_{action}")(s, officer)
        except UserError:
            self.done[f"{action} (refused by the app)"] += 1
            return
        self.done[action] += 1

    def _edit(self, s: Session, officer: bool) -> None:
        unit = self.rng.choice(self.seeded.units)
        field = self.rng.choice(sorted(FIELDS))
        update_unit(s, unit, {**unit_form_values(s, unit), field: self.rng.choice(FIELDS[field])})

    def _delete(self, s: Session, officer: bool) -> None:
        delete_unit(s, self.rng.choice(self.seeded.units[1:]))  # one unit always stays

    def _check(self, s: Session, officer: bool) -> None:
        record_check(s, {"category": "L1", "event_code": "0504", "lat": 36.6661 + self.rng.random() / 100,
                         "lon": 117.0182, "address": f"泉城路{self.rng.randrange(1, 99)}号门前",
                         "description": "店外摆放货架", "photos": [self.photo(s)]})

    def _dispose(self, s: Session, officer: bool) -> None:
        found = self.checks(s, "found")
        if not found:
            raise UserError("no check to dispose of")
        check_id, kind = self.rng.choice(found), self.rng.choice(["onsite", "file", "transfer", "deadline", "notice"])
        extra: dict[str, Any] = {"onsite": {"after_photo_ids": [self.photo(s)]} if kind == "onsite" else {},
                                 "file": {"note": "拒不整改"}, "transfer": {"department": "市场监管局"},
                                 "deadline": {"deadline": s.today() + timedelta(days=3)}, "notice": {"note": "首违告知"}}[kind]
        dispose_check(s, check_id, kind, **extra)

    def _recheck(self, s: Session, officer: bool) -> None:
        handling = self.checks(s, "handling")
        if not handling:
            raise UserError("no check being handled")
        fixed = self.rng.random() < 0.5
        recheck(s, self.rng.choice(handling), fixed, "", [self.photo(s)] if fixed else [])

    def _verify(self, s: Session, officer: bool) -> None:
        closed = self.checks(s, "rectified", "filed", "transferred")
        if not closed:
            raise UserError("no closed check")
        verify_check(s, self.rng.choice(closed))

    def _patrol(self, s: Session, officer: bool) -> None:
        patrol = current_patrol(s)
        if patrol is None:
            start_patrol(s, [self.seeded.road])
        else:
            end_patrol(s, patrol["id"])

    def _review(self, s: Session, officer: bool) -> None:
        waiting = [r[0] for r in s.store.db.execute(
            "SELECT id FROM patrol WHERE deleted = 0 AND status IN ('submitted','resubmitted') ORDER BY id")]
        if not waiting:
            raise UserError("nothing to review")
        decision = self.rng.choice(["approved", "returned"])
        review_record(s, "patrol", self.rng.choice(waiting), decision, "轨迹不完整" if decision == "returned" else "")

    def _resubmit(self, s: Session, officer: bool) -> None:
        returned = [r[0] for r in s.store.db.execute(
            "SELECT id FROM patrol WHERE deleted = 0 AND status = 'returned' AND officer_id = ?", [s.actor.officer_id])]
        if not returned:
            raise UserError("nothing returned")
        resubmit_patrol(s, returned[0], "已补充")

    def _decide(self, s: Session, officer: bool) -> None:
        items = open_conflicts(s)  # officers are refused here by the permission check
        if not items:
            raise UserError("no open conflict")
        resolve_conflict(s, items[0]["id"], self.rng.choice([EARLIER, LATER]))

    def _sync(self, s: Session, officer: bool, factory: Any = None) -> None:
        self.note_moves(s)
        sync_now(s, factory=factory or self.factory)

    factory: Any = None


def test_three_laptops_end_with_the_servers_truth(live: LiveServer, seeded: Seed, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sessions = [device(tmp_path / u, seeded, u, live.url) for u in USERS]
    skew = timedelta(hours=48 if SEED % 2 else -48)  # odd seeds ahead, even seeds behind
    sessions[1].clock = ServerCorrectedClock(_Skewed(skew))
    sessions[1].hlc._clock = sessions[1].clock
    world = World(sessions, seeded, tmp_path, rng)
    for s in sessions:
        sync_now(s, factory=client_factory)
    proxy = FaultProxy(live.port, fault_rate=0.2, seed=SEED, delay=0.1)
    world.factory = via(proxy, attempts=4)
    try:
        for _ in range(ROUNDS):
            world.step()
    finally:
        proxy.close()
    for s in sessions + sessions:  # the network is back
        world._sync(s, False, client_factory)

    engine = create_engine(live.db_url)
    try:
        for s in sessions:
            assert differences(s, engine, SYNCED) == [], s.actor.username
            status = sync_status(s)
            assert status.pending_ops == 0
            unexplained = [f for f in status.failed if not f["rolled_back"] or f["code"] not in REASONS]
            assert unexplained == [], unexplained
        with engine.connect() as conn:
            chains = list(audit.verify_all(conn))
    finally:
        engine.dispose()
    assert len(chains) == 3 and all(c.breaks == [] and c.entries > 0 for c in chains), chains
    faults = Counter(m for m in proxy.used if m != "pass")
    refused = sum(len(sync_status(s).failed) for s in sessions)
    print(f"\nseed {SEED}: {ROUNDS} rounds, clock {skew}, actions {dict(world.done)}, faults {dict(faults)}, "
          f"{len(world.moves)} workflow transitions {sorted(world.moves)}, {refused} refused ops, all rolled back")
