"""The figures of one ``make bench`` run, kept in ``benchmarks/results/<date>-<commit>.json`` and
compared with the previous file, so that a regression shows up as a number."""

from __future__ import annotations

import json
import platform
import subprocess
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.common import Figure

RESULTS = Path(__file__).resolve().parent / "results"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=RESULTS.parent, timeout=10)
    except OSError:
        return "nogit"
    return out.stdout.strip() or "nogit"


def save(figures: list[Figure], modules: list[str], folder: Path = RESULTS) -> Path:
    """Write this run's figures; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().astimezone()
    path = folder / f"{stamp:%Y-%m-%d-%H%M}-{_commit()}.json"
    path.write_text(json.dumps({
        "when": stamp.isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": {"cpus": _cpus(), "python": platform.python_version(), "system": platform.platform()},
        "modules": modules,
        "figures": [asdict(f) for f in figures],
    }, ensure_ascii=False, indent=1), "utf-8")
    return path


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


def previous(before: Path, folder: Path = RESULTS) -> dict[tuple[str, str], dict[str, Any]]:
    """For each figure, its value in the newest results file older than ``before`` that has
    it (a run of one module is compared with the last run of that module)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for file in sorted((f for f in folder.glob("*.json") if f.name < before.name), reverse=True):
        data = json.loads(file.read_text("utf-8"))
        for f in data.get("figures", []):
            found.setdefault((f["module"], f["name"]), {**f, "commit": data.get("commit", "?")})
    return found


def comparison(figures: list[Figure], old: dict[tuple[str, str], dict[str, Any]]) -> str:
    """A table of this run's figures beside the previous value of each, with the change."""
    rows = [("figure", "now", "before", "change", "target", "")]
    for f in figures:
        was = old.get((f.module, f.name))
        before = f"{was['value']:.2f} ({was['commit']})" if was else "—"
        change = f"{(f.value - was['value']) / was['value'] * 100:+.0f}%" if was and was["value"] else "—"
        name = f.name if len(f.name) <= 70 else f.name[:69] + "…"
        rows.append((name, f"{f.value:.2f} {f.unit}", before, change, f.target, "PASS" if f.ok else "FAIL"))
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
