"""Issue 20 figures: the 待办 list, the dispatcher's queues, the badge and the indicators over
100,000 work orders, each beside a bare-SQLite baseline measured turn about in the same run."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta

from benchmarks.common import BENCH_TODAY, copy_profile, demo_profile, p95, report, timed_pair

ORDERS = 100_000
STATUSES = (("closed", 88), ("handling", 4), ("dispatched", 3), ("replied", 2), ("received", 1), ("returned", 1),
            ("shelved", 1))


def _fill(folder):  # type: ignore[no-untyped-def]
    from inspector_app.domain.clock import utc_iso
    from inspector_app.services.profile import open_profile
    from inspector_app.services.session import LOCAL_TZ

    session = open_profile(folder)
    db = session.store.db
    roads = db.execute("SELECT id, squad_id, grid_code FROM road_segment").fetchall()
    staff: dict[str, list[str]] = {}
    for officer_id, squad in db.execute("SELECT id, squad_id FROM officer WHERE role = 'officer'"):
        staff.setdefault(squad, []).append(officer_id)
    codes = ["0504", "0501", "0505", "0507", "0508", "0102", "0201", "0506", "0510", "0116", "0202", "0101"]
    rng = random.Random(20)
    end = datetime.combine(BENCH_TODAY, datetime.min.time(), LOCAL_TZ) + timedelta(hours=10)
    rows = []
    for n in range(ORDERS):
        road_id, squad, grid = roads[n % len(roads)]
        received = end - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        deadline = received + timedelta(hours=rng.choice([1, 2, 4, 24, 72, 120]))
        status = rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0]
        if status not in ("closed", "replied", "shelved") and received < end - timedelta(days=20):
            status = "closed"
        closed = utc_iso(received + (deadline - received) * rng.uniform(0.3, 1.2)) if status == "closed" else None
        assignee = rng.choice(staff.get(squad) or [None]) if status != "received" else None
        at = utc_iso(received)
        rows.append((f"bench-{n:07d}", rng.choice(["hotline", "dcm", "snapshot", "road_chief", "leader"]),
                     f"B{n:08d}", rng.choice(codes), "店外经营", "bench", "泉城路1号", road_id, grid, squad, at,
                     1, "hours", utc_iso(deadline), status, assignee, closed,
                     None if closed is None else int(closed <= utc_iso(deadline)),
                     rng.choice(["satisfied", "satisfied", "basically", "dissatisfied", ""]) if closed else "",
                     at, at, "0", "bench"))
    with session.store.transaction() as tx:
        tx.conn.executemany(
            "INSERT INTO work_order(id, source, platform_no, category, title, description, address, road_segment_id,"
            " grid_code, squad_id, received_at, limit_value, limit_unit, deadline, status, assignee_id, closed_at,"
            " closed_on_time, satisfaction, created_at, updated_at, hlc, device_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    session.store.close()


def run() -> bool:
    from inspector_app.domain.clock import FixedClock
    from inspector_app.services.profile import open_profile, sign_in
    from inspector_app.services.session import LOCAL_TZ
    from inspector_app.services.work_order_indicators import compute_indicators
    from inspector_app.services.work_order_views import badge, order_list

    folder = copy_profile(demo_profile(20_000), "work_orders")
    _fill(folder)
    profile = open_profile(folder)
    clock = FixedClock(datetime.combine(BENCH_TODAY, datetime.min.time(), LOCAL_TZ) + timedelta(hours=10))
    profile.clock = clock
    profile.hlc._clock = clock
    officer = sign_in(profile, "liqiang", "Jinan@2026")
    boss = officer.as_actor(sign_in(profile, "wangfang", "Jinan@2026").actor)
    total = officer.store.db.execute("SELECT count(*) FROM work_order").fetchone()[0]
    bare = sqlite3.connect(folder / "inspector.sqlite")
    me = officer.actor.officer_id

    def baseline_list() -> object:  # the same rows, plain sqlite3, no app code
        return bare.execute("SELECT id, deadline, status FROM work_order WHERE assignee_id = ? AND status IN "
                            "('dispatched','handling') AND deleted = 0 ORDER BY deadline", [me]).fetchall()

    def baseline_scan() -> object:  # one pass over every order: the least any aggregate costs
        return bare.execute("SELECT count(*), total(status = 'closed') FROM work_order").fetchone()

    month = (BENCH_TODAY.replace(day=1), BENCH_TODAY)
    quarter = (BENCH_TODAY - timedelta(days=90), BENCH_TODAY)
    lists = [lambda: order_list(officer, "mine"), lambda: order_list(boss, "to_dispatch"),
             lambda: order_list(boss, "to_verify"), lambda: order_list(boss, "open"), lambda: badge(officer),
             lambda: badge(boss)]
    ours: list[float] = []
    base: list[float] = []
    for fn in lists:
        a, b = timed_pair(fn, baseline_list, 8)
        ours, base = ours + a, base + b
    ok = report(f"待办 list, queues and badge over {total:,} orders, p95", p95(ours), "ms", "<= 100", p95(ours) <= 100,
                f"bare SQLite same rows p95 {p95(base):.2f} ms, ratio {p95(ours) / max(p95(base), 1e-6):.1f}")
    ours, base = [], []
    squad_orders = officer.store.db.execute("SELECT count(*) FROM work_order WHERE squad_id = ?",
                                            [boss.actor.squad_id]).fetchone()[0]
    for start, end in (month, (BENCH_TODAY - timedelta(days=30), BENCH_TODAY), quarter):
        a, b = timed_pair(lambda s=start, e=end: compute_indicators(boss, s, e), baseline_scan, 8)
        ours, base = ours + a, base + b
    ok &= report(f"indicators of a squad ({squad_orders:,} of its orders stored) for the month, 30 days, a quarter, "
                 f"over {total:,} orders, p95", p95(ours), "ms", "<= 100", p95(ours) <= 100,
                 f"bare SQLite one pass p95 {p95(base):.2f} ms, ratio {p95(ours) / max(p95(base), 1e-6):.2f}")
    # Longer periods, for the record (no target): they read every order of the period.
    for label, fn in (("the year so far, one squad", lambda: compute_indicators(boss, date(BENCH_TODAY.year, 1, 1),
                                                                                 BENCH_TODAY)),
                      ("a quarter of every squad (city view)", lambda: compute_indicators(boss, *quarter,
                                                                                          squad_only=False))):
        a, b = timed_pair(fn, baseline_scan, 8)
        report(f"indicators, {label}, p95", p95(a), "ms", "none, for the record", True,
               f"bare SQLite one pass p95 {p95(b):.2f} ms, ratio {p95(a) / max(p95(b), 1e-6):.2f}")
    bare.close()
    profile.store.close()
    return ok
