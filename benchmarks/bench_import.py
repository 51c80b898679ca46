"""Issue 21 case 8 figures: a unit registry (CSV) read, checked and imported, as a ratio to a
bare executemany of the same rows into a table of the same shape (no indexes, triggers or
checks), and the absolute time projected to the 446,793-row file of the issue.

The size defaults to 100,000 rows (a few minutes; memory grows with the file, since the plan
keeps every row); ``INSPECTOR_BENCH_IMPORT_ROWS=446793`` measures the issue's file itself.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import time
from pathlib import Path

from benchmarks.common import CACHE, copy_profile, demo_profile, report

ROWS = int(os.environ.get("INSPECTOR_BENCH_IMPORT_ROWS", "100000"))
ISSUE_ROWS = 446_793
HEADERS = ["单位名称", "统一社会信用代码", "负责人", "联系电话", "地址", "所在路段", "是否签订责任书"]


def _registry(path: Path, roads: list[str]) -> Path:
    """A registry CSV of ROWS units with valid, distinct credit codes (made once, cached)."""
    from inspector_app.services.demo_names import DemoRandom

    if path.exists():
        return path
    rng = DemoRandom(5)
    used: set[str] = set()
    tmp = path.with_suffix(".partial")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for n in range(ROWS):
            code = rng.uscc("92", "370102")
            while code[:-1] in used:
                code = rng.uscc("92", "370102")
            used.add(code[:-1])
            writer.writerow([f"台账商户{n:06d}", code, rng.person(), rng.mobile(), f"泉城路{n}号",
                             roads[n % len(roads)], "是"])
    tmp.replace(path)
    return path


def _bare_seconds(profile: Path, first_rowid: int) -> float:
    """A bare executemany of the imported unit rows into a same-shaped table in a fresh file."""
    source = sqlite3.connect(profile / "inspector.sqlite")
    try:
        columns = [r[1] for r in source.execute("PRAGMA table_info(unit)")]
        rows = source.execute("SELECT * FROM unit WHERE rowid >= ?", [first_rowid]).fetchall()
    finally:
        source.close()
    target = CACHE / "scratch" / "bare.sqlite"
    target.unlink(missing_ok=True)
    bare = sqlite3.connect(target)
    try:
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=FULL")  # as the app's connections
        bare.execute(f"CREATE TABLE unit({', '.join(columns)})")
        start = time.perf_counter()
        with bare:
            bare.executemany(f"INSERT INTO unit VALUES ({', '.join('?' * len(columns))})", rows)
        return time.perf_counter() - start
    finally:
        bare.close()


def run() -> bool:
    from inspector_app.services.profile import close_profile, open_profile, sign_in
    from inspector_app.services.unit_import import plan_import, read_unit_file, run_import
    from inspector_app.storage.officers import road_segments

    folder = copy_profile(demo_profile(50), "import")
    session = sign_in(open_profile(folder), "wangfang", "Jinan@2026")
    try:
        roads = [r["name"] for r in road_segments(session.store.db)]
        path = _registry(CACHE / f"registry-{ROWS}.csv", roads)
        first = int(session.store.db.execute("SELECT coalesce(max(rowid), 0) FROM unit").fetchone()[0]) + 1
        start = time.perf_counter()
        source = read_unit_file(session, path)
        read = time.perf_counter()
        plan = plan_import(session, source, source.mapping)
        checked = time.perf_counter()
        result = run_import(session, plan)
        done = time.perf_counter()
    finally:
        close_profile(session)
    assert result.created == ROWS, result
    total = done - start
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux; before the baseline
    bare = _bare_seconds(folder, first)
    ok = report("unit import: read + check + import", ROWS / total, "rows/s", "informational", True,
                f"{ROWS} rows: read {read - start:.1f} s, check {checked - read:.1f} s, "
                f"import {done - checked:.1f} s")
    ok = report("unit import vs bare executemany", total / bare, "×", "informational", True,
                f"bare executemany of the same rows {bare:.2f} s") and ok
    ok = report("unit import: peak memory of the process", peak, "MB", "< 500 MB (446,793 rows)",
                peak < 500 or ROWS < ISSUE_ROWS,
                "high-water mark of the whole run (earlier benchmarks included); grows with the file") and ok
    projected = total * ISSUE_ROWS / ROWS
    ok = report("unit import of 446,793 rows" + ("" if ROWS == ISSUE_ROWS else " (projected)"),
                projected, "s", "< 60 s", projected < 60) and ok
    return ok
