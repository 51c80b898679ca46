"""Check a one-folder build: no bundled library needs a Qt library that build.spec left out,
and the build carries the faces that draw rare names.

build.spec drops QML modules and Qt libraries only they use; this runs ``ldd`` on every ELF
file in the build (with the build's own library folders on the search path) and fails if any
of them needs a ``libQt6*`` that is not there. Libraries of the system (GTK for an optional
platform theme, for example) are the machine's business and are not reported. It also checks
that resources/fonts in the build holds HanaMin A and B with their licence and that together
with the body face they draw 𠮷䶮㵘.

With ``--smoke DIR`` it checks instead what ``inspector-app smoke --data-dir DIR`` wrote: the
notice for a party with a rare name embeds the rare face (pdffonts: embedded, subset) and its
text reads back whole (pdftotext), and it renders page 1 to a PNG next to it (pdftoppm).

    python tools/check_bundle.py dist/inspector-app
    python tools/check_bundle.py --smoke build/smoke-profile
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
ROOT = Path(__file__).resolve().parent.parent
RARE_NAME = "王𠮷䶮㵘"  # what the smoke's rare-name notice is issued to (ui/smoke.py)


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


def font_problems(root: Path) -> list[str]:
    """What is wrong with the build's document faces (nothing: an empty list)."""
    sys.path.insert(0, str(ROOT))
    from inspector_app.documents.cmap import FontFileError, code_points
    from inspector_app.documents.coverage import DEFAULT_BODY_FILE, DEFAULT_TITLE_FILE
    from inspector_app.documents.font_files import shipped_face_names

    fonts = next((p for p in root.rglob("resources/fonts") if p.is_dir()), None)
    if fonts is None:
        return ["the build has no resources/fonts folder"]
    shipped = (DEFAULT_BODY_FILE, DEFAULT_TITLE_FILE, "FANDOL-LICENSE.txt", "gbsn00lp.ttf", "HANAZONO-LICENSE.txt",
               *shipped_face_names())
    problems = [f"{name} is not in {fonts}" for name in shipped if not (fonts / name).is_file()]
    drawn: set[int] = set()
    for path in [fonts / DEFAULT_BODY_FILE, *(fonts / name for name in shipped_face_names())]:
        try:
            drawn |= code_points(path)
        except FontFileError as exc:
            problems.append(f"{path.name}: {exc}")
    problems += [f"no bundled face draws {c} (U+{ord(c):04X})" for c in RARE_NAME if ord(c) not in drawn]
    return problems


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def smoke_problems(folder: Path) -> list[str]:
    """What is wrong with the rare-name notice the self-check wrote in ``folder``."""
    pdf = folder / "smoke-rare-notice.pdf"
    if not pdf.is_file():
        return [f"{pdf} is missing: did `inspector-app smoke --data-dir {folder}` pass?"]
    fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
    print("\n".join(fonts))
    rare = [line for line in fonts if "HanaMin" in line]
    problems = [] if rare else ["pdffonts lists no HanaMin face in the rare-name notice"]
    problems += [f"not embedded as a subset: {line}" for line in fonts if line.split()[-5:-3] != ["yes", "yes"]]
    if RARE_NAME not in _run("pdftotext", str(pdf), "-"):
        problems.append(f"the notice's text does not read back {RARE_NAME}")
    _run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(folder / "smoke-rare-notice"))
    return problems


def _report(problems: list[str], good: str) -> int:
    for problem in problems:
        print(problem)
    if not problems:
        print(good)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--smoke"]:
        folder = Path(argv[1] if len(argv) > 1 else "build/smoke-profile")
        return _report(smoke_problems(folder), f"{folder}: the rare-name notice embeds its rare face and reads back whole.")
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
    return _report(font_problems(root), f"{root}: the build carries HanaMin A and B (with their licence) and draws {RARE_NAME}.")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
