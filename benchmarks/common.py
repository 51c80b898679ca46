"""Helpers shared by the benchmarks: cached demo profiles, percentiles, report lines."""

from __future__ import annotations

import inspect
import os
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CACHE = Path(os.environ.get("INSPECTOR_BENCH_DIR", Path(__file__).resolve().parent.parent / ".bench"))
BENCH_TODAY = date(2026, 11, 20)


def demo_profile(units: int, seed: int = 1) -> Path:
    """A demo profile with ``units`` units, generated once and reused across runs."""
    from inspector_app.services.demo import DEMO_EXTENSIONS, generate_demo_profile
    from inspector_app.storage.migrations import SCHEMA_VERSION

    # A new schema or new demo generators make a new profile; old ones are not reused.
    folder = CACHE / f"demo-{units}-{seed}-v{SCHEMA_VERSION}x{len(DEMO_EXTENSIONS)}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate_demo_profile(folder, units=units, seed=seed, today=BENCH_TODAY)
        marker.write_text("ok")
    return folder


def copy_profile(source: Path, name: str) -> Path:
    """A scratch copy of a cached profile (for benchmarks that write)."""
    target = CACHE / "scratch" / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".complete"))
    return target


def p95(samples: list[float]) -> float:
    """95th percentile."""
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def timed_pair(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds per call of two functions measured turn about (after one warm-up each), so
    that a burst of load on the shared machine falls on both and not on one block of runs."""
    first(), second()
    a, b = [], []
    for _ in range(repeat):
        for fn, out in ((first, a), (second, b)):
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return a, b


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call, ``repeat`` calls after one warm-up."""
    fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


@dataclass(frozen=True)
class Figure:
    """One measured figure, as written to ``benchmarks/results/<date>-<commit>.json``."""

    module: str
    name: str
    value: float
    unit: str
    target: str
    ok: bool
    extra: str = ""


FIGURES: list[Figure] = []


def report(name: str, value: float, unit: str, target: str, ok: bool, extra: str = "") -> bool:
    """Print one figure: name, value, target, PASS/FAIL (and keep it for the results file)."""
    verdict = "PASS" if ok else "FAIL"
    line = f"{name}: {value:.2f} {unit} (target {target}) {verdict}"
    if extra:
        line += f" [{extra}]"
    print(line, flush=True)
    FIGURES.append(Figure(_calling_module(), name, round(float(value), 4), unit, target, bool(ok), extra))
    return ok


def _calling_module() -> str:
    frame = inspect.currentframe()
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("benchmarks.bench_"):
            return name.removeprefix("benchmarks.")
        frame = frame.f_back
    return "?"
