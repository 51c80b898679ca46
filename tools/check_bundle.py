"""Check a one-folder build: no bundled library needs a Qt library that build.spec left out.

build.spec drops QML modules and Qt libraries only they use; this runs ``ldd`` on every ELF
file in the build (with the build's own library folders on the search path) and fails if any
of them needs a ``libQt6*`` that is not there. Libraries of the system (GTK for an optional
platform theme, for example) are the machine's business and are not reported.

    python tools/check_bundle.py dist/inspector-app
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"


def elf_files(root: Path) -> list[Path]:
    """Every ELF library or program under ``root``."""
    out = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == ELF_MAGIC:
                    out.append(path)
    return out


def missing_qt(root: Path) -> dict[str, set[str]]:
    """Qt libraries some bundled file needs but the build lacks, with who needs them."""
    files = elf_files(root)
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(sorted({str(f.parent) for f in files})))
    missing: dict[str, set[str]] = {}
    for path in files:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.startswith("not found") and name.startswith("libQt6"):
                missing.setdefault(name, set()).add(str(path.relative_to(root)))
    return missing


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "dist/inspector-app")
    if not root.is_dir():
        print(f"No build in {root}; run `make package` first.")
        return 2
    missing = missing_qt(root)
    for name, users in sorted(missing.items()):
        print(f"{name} is needed by {', '.join(sorted(users)[:3])}{' …' if len(users) > 3 else ''}")
    if missing:
        print("The build lacks Qt libraries it needs: adjust QML_ONLY in build.spec.")
        return 1
    print(f"{root}: every bundled file finds the Qt libraries it needs.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
