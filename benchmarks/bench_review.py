"""Issue 8 figures: a 30-officer squad's day with 3,000 records, its daily report, a monthly
summary over the 50,000-unit profile."""

from __future__ import annotations

from datetime import datetime, timedelta

from benchmarks.common import BENCH_TODAY, copy_profile, demo_profile, p95, report, timed

DAY = BENCH_TODAY


def _big_squad_day(folder):  # type: ignore[no-untyped-def]
    """Add 30 officers to the demo officer's squad, each with a patrol and 100 inspections today."""
    from inspector_app.domain.clock import utc_iso
    from inspector_app.services.demo_names import DemoRandom
    from inspector_app.services.profile import open_profile
    from inspector_app.services.session import LOCAL_TZ
    from inspector_app.storage.records import insert_server_rows

    session = open_profile(folder)
    db = session.store.db
    squad_id = db.execute("SELECT squad_id FROM officer WHERE username = 'liqiang'").fetchone()[0]
    roads = [r[0] for r in db.execute("SELECT id FROM road_segment WHERE squad_id = ?", [squad_id])]
    units = [r[0] for r in db.execute("SELECT id FROM unit WHERE squad_id = ? LIMIT 3000", [squad_id])]
    rng = DemoRandom(3)
    officers, patrols, inspections = [], [], []
    start = datetime.combine(DAY, datetime.min.time(), LOCAL_TZ) + timedelta(hours=8)
    for n in range(30):
        officer_id, patrol_id = rng.uuid(), rng.uuid()
        officers.append({"id": officer_id, "username": f"bench{n}", "name": rng.person(), "badge_no": f"3701029{n:04d}",
                         "role": "officer", "squad_id": squad_id})
        patrols.append({"id": patrol_id, "squad_id": squad_id, "officer_id": officer_id, "officer_ids": [officer_id],
                        "road_segment_ids": roads[n % len(roads): n % len(roads) + 3], "patrol_date": DAY.isoformat(),
                        "started_at": utc_iso(start), "ended_at": utc_iso(start + timedelta(hours=4)), "status": "submitted",
                        "distance_m": 3200, "duration_s": 14400, "track": [[36.66 + i * 1e-4, 117.01] for i in range(400)]})
        for k in range(100):
            inspections.append({"id": rng.uuid(), "unit_id": units[(n * 100 + k) % len(units)], "patrol_id": patrol_id,
                                "officer_id": officer_id, "inspected_at": utc_iso(start + timedelta(minutes=2 * k)),
                                "results": {}, "score": 100.0, "compliant": 1, "awareness": "yes", "status": "submitted"})
    with session.store.transaction() as tx:
        for entity, rows in (("officer", officers), ("patrol", patrols), ("frontage_inspection", inspections)):
            insert_server_rows(tx, entity, rows, now_iso=utc_iso(start), hlc="0", first_seq=10**7)
    session.store.close()


def run() -> bool:
    from benchmarks.common import CACHE
    from inspector_app.documents.daily_report import render_summary
    from inspector_app.domain.documents import content_hash
    from inspector_app.services.profile import open_profile, sign_in
    from inspector_app.services.reports import period_summary, write_daily_report
    from inspector_app.services.review import review_day

    folder = copy_profile(demo_profile(50_000), "review")
    _big_squad_day(folder)
    session = sign_in(open_profile(folder), "wangfang", "Jinan@2026")
    day = review_day(session, DAY)
    records = sum(len(o.patrols) + len(o.inspections) for o in day.officers)
    view = p95(timed(lambda: review_day(session, DAY), 10))
    ok = report("day view of a squad with 30+ officers and 3,000 records, p95", view, "ms", "<= 300", view <= 300,
                f"{len(day.officers)} officers, {records} records")
    pdf = timed(lambda: write_daily_report(session, DAY, CACHE / "scratch" / "reports"), 5)
    ok &= report("daily report PDF + xlsx, max of 5", max(pdf) / 1000, "s", "<= 2", max(pdf) <= 2000)
    def monthly() -> None:
        summary = period_summary(session, DAY - timedelta(days=30), DAY)
        render_summary(summary, content_hash(summary))

    summary = timed(monthly, 5)
    ok &= report("monthly summary (30 days, rates per day, PDF) over the 50,000-unit profile, max", max(summary) / 1000,
                 "s", "<= 1", max(summary) <= 1000)
    session.store.close()
    return ok
