"""Run every benchmark module: ``python -m benchmarks [name ...]``. The figures are written to
``benchmarks/results/<date>-<commit>.json`` and shown beside the previous run's."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks import results
from benchmarks.common import FIGURES


def main() -> int:
    wanted = set(sys.argv[1:])
    ok = True
    ran: list[str] = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        if wanted and info.name.removeprefix("bench_") not in wanted:
            continue
        print(f"== {info.name}", flush=True)
        module = importlib.import_module(f"benchmarks.{info.name}")
        ok = module.run() and ok
        ran.append(info.name)
    if FIGURES:
        path = results.save(FIGURES, ran)
        print(f"\n== figures written to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
        print(results.comparison(FIGURES, results.previous(path)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
