"""Run every benchmark module: ``python -m benchmarks [name ...]``."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    wanted = set(sys.argv[1:])
    ok = True
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        if wanted and info.name.removeprefix("bench_") not in wanted:
            continue
        print(f"== {info.name}", flush=True)
        module = importlib.import_module(f"benchmarks.{info.name}")
        ok = module.run() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
