"""Translation workflow around Qt's lupdate/lrelease.

  python tools/i18n.py update      extract strings from the code into resources/i18n/*.ts
  python tools/i18n.py unfinished  print the untranslated strings as JSON {context: {source: ""}}
  python tools/i18n.py fill F.json write translations from such a JSON file into the .ts
  python tools/i18n.py check       fail if the .ts is stale or has untranslated strings
  python tools/i18n.py release     build the .qm files the app loads
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n"
LANGS = ["zh_CN"]


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def _sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "inspector_app").rglob("*.py")
    )


def ts_path(lang: str) -> Path:
    return TS_DIR / f"inspector_{lang}.ts"


def _lupdate(target: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(target)],
        cwd=ROOT, check=True, capture_output=True,
    )


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    out = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def _unfinished(path: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for (ctx, src), msg in _messages(path).items():
        tr = msg.find("translation")
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or list(tr)):
            out.setdefault(ctx, {})[src] = ""
    return out


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        _lupdate(ts_path(lang))
        print(f"{ts_path(lang).relative_to(ROOT)}: {sum(map(len, _unfinished(ts_path(lang)).values()))} unfinished")


def fill(json_file: str) -> None:
    data = json.loads(Path(json_file).read_text("utf-8"))
    for lang in LANGS:
        path = ts_path(lang)
        tree = ET.parse(path)
        done = 0
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                src = msg.findtext("source") or ""
                text = data.get(name, {}).get(src)
                if not text:
                    continue
                tr = msg.find("translation")
                assert tr is not None
                if msg.get("numerus") == "yes":
                    for child in list(tr):
                        tr.remove(child)
                    form = ET.SubElement(tr, "numerusform")
                    form.text = text
                else:
                    tr.text = text
                tr.attrib.pop("type", None)
                done += 1
        ET.indent(tree)
        with path.open("wb") as fh:
            fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(fh, encoding="utf-8")
        print(f"{path.name}: filled {done}")


def check() -> int:
    problems = 0
    for lang in LANGS:
        path = ts_path(lang)
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / path.name
            shutil.copy(path, fresh)
            _lupdate(fresh)
            missing = set(_messages(fresh)) - set(_messages(path))
        if missing:
            problems += 1
            print(f"{path.name} is stale: {len(missing)} string(s) in the code are not in it; run make i18n")
            for ctx, src in sorted(missing)[:20]:
                print(f"  [{ctx}] {src}")
        todo = _unfinished(path)
        count = sum(map(len, todo.values()))
        if count:
            problems += 1
            print(f"{path.name}: {count} untranslated string(s):")
            for ctx, items in todo.items():
                for src in list(items)[:20]:
                    print(f"  [{ctx}] {src}")
    return 1 if problems else 0


def release() -> None:
    for lang in LANGS:
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts_path(lang)), "-qm", str(TS_DIR / f"inspector_{lang}.qm")],
            check=True, capture_output=True,
        )


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "unfinished":
        print(json.dumps(_unfinished(ts_path(LANGS[0])), ensure_ascii=False, indent=1))
    elif command == "fill":
        fill(sys.argv[2])
    elif command == "check":
        return check()
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
