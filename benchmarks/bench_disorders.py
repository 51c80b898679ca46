"""Issue 4 figures: list/filter over 200,000 checks, repeat-place detection on entry."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from benchmarks.common import BENCH_TODAY, copy_profile, demo_profile, p95, report, timed

CHECKS = 200_000


def _fill(folder):  # type: ignore[no-untyped-def]
    from inspector_app.domain.clock import utc_iso
    from inspector_app.domain.disorders import cell
    from inspector_app.services.profile import open_profile
    from inspector_app.services.session import LOCAL_TZ

    session = open_profile(folder)
    db = session.store.db
    roads = db.execute("SELECT id, squad_id, geometry FROM road_segment").fetchall()
    officers = [r[0] for r in db.execute("SELECT id FROM officer WHERE role = 'officer'")]
    categories = [d.code for d in session.catalogs.disorders]
    codes = {d.code: d.event_codes[0] for d in session.catalogs.disorders}
    rng = random.Random(4)
    end = datetime.combine(BENCH_TODAY, datetime.min.time(), LOCAL_TZ)
    rows = []
    for n in range(CHECKS):
        road_id, squad_id, geometry = roads[n % len(roads)]
        (alat, alon), (blat, blon) = __import__("json").loads(geometry)
        t = rng.random()
        lat, lon = alat + (blat - alat) * t, alon + (blon - alon) * t
        cx, cy = cell(lat, lon)
        found = utc_iso(end - timedelta(minutes=rng.randrange(0, 365 * 24 * 60)))
        category = rng.choice(categories)
        rows.append((f"bench-{n:07d}", category, codes[category], lat, lon, cx, cy, road_id, squad_id, found, "0",
                     rng.choice(officers), rng.choice(["found", "handling", "rectified", "verified"]), found, found, "0", "bench"))
    with session.store.transaction() as tx:
        tx.conn.executemany(
            "INSERT INTO disorder_check(id, category, event_code, lat, lon, cell_x, cell_y, road_segment_id, squad_id,"
            " found_at, found_hlc, found_by, status, created_at, updated_at, hlc, device_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    session.store.close()


def run() -> bool:
    from inspector_app.domain.clock import utc_iso
    from inspector_app.services.disorders import CheckFilter, find_repeat, list_disorders
    from inspector_app.services.profile import open_profile
    from inspector_app.services.session import LOCAL_TZ

    folder = copy_profile(demo_profile(50_000), "disorders")
    _fill(folder)
    session = open_profile(folder)
    total = session.store.db.execute("SELECT count(*) FROM disorder_check").fetchone()[0]
    end = datetime.combine(BENCH_TODAY, datetime.min.time(), LOCAL_TZ) + timedelta(days=1)
    road = session.store.db.execute("SELECT id FROM road_segment LIMIT 1").fetchone()[0]
    officer = session.store.db.execute("SELECT id FROM officer WHERE role='officer' LIMIT 1").fetchone()[0]
    month = utc_iso(end - timedelta(days=30))
    filters = [
        CheckFilter(start_utc=month, end_utc=utc_iso(end)),
        CheckFilter(category="L1", start_utc=month, end_utc=utc_iso(end)),
        CheckFilter(status="handling"),
        CheckFilter(road_segment_id=road),
        CheckFilter(officer_id=officer, start_utc=utc_iso(end - timedelta(days=365)), end_utc=utc_iso(end)),
        CheckFilter(district_code="370102", start_utc=month, end_utc=utc_iso(end)),
        CheckFilter(repeat_only=True),
        CheckFilter(),
    ]
    samples: list[float] = []
    for f in filters:
        samples += timed(lambda f=f: list_disorders(session, f), 5)
    ok = report(f"list and filter over {total:,} checks, p95", p95(samples), "ms", "<= 100", p95(samples) <= 100)
    rng = random.Random(8)
    points = [(36.60 + rng.random() * 0.1, 116.95 + rng.random() * 0.15, rng.choice("12345678")) for _ in range(300)]
    repeat = []
    for lat, lon, n in points:
        repeat += timed(lambda lat=lat, lon=lon, n=n: find_repeat(session, f"L{n}", lat, lon), 1)
    ok &= report(f"repeat-place detection with {total:,} checks stored, p95", p95(repeat), "ms", "<= 20", p95(repeat) <= 20)
    session.store.close()
    return ok
