"""Where the rare-character faces' files are: the app's own resources/fonts first (a packaged
build carries HanaMin A and B there), then fontconfig's list, then the font folders of the
platform. Which faces and which folders is data (resources/fonts/faces.json), so no system
path is written in code and a new platform is one more entry there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from inspector_app.domain.resources import resource_path

SEARCH_DEPTH = 3  # fonts/truetype/hanazono/HanaMinA.ttf is two folders below fonts/
FONTCONFIG_TIMEOUT_S = 5
_VARIABLE = re.compile(r"\$(\w+)|%(\w+)%")


@cache
def _faces_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("fonts", "faces.json").read_text(encoding="utf-8"))
    return data


def forget_faces_data() -> None:
    """Read faces.json again next time (tests point INSPECTOR_RESOURCES elsewhere)."""
    _faces_data.cache_clear()


def _platform() -> dict[str, Any]:
    platforms: dict[str, Any] = _faces_data()["platforms"]
    key = next((k for k in platforms if sys.platform.startswith(k)), "linux")
    return dict(platforms[key])


def shipped_face_names() -> list[str]:
    """File names of the freely licensed rare-character faces a packaged build carries."""
    return list(_faces_data()["rare"])


def rare_face_names() -> list[str]:
    """File names of the rare-character faces to use, in order of preference: the shipped
    ones, then the platform's own (Windows' SimSun-ExtB)."""
    return [*shipped_face_names(), *_platform()["rare"]]


def _expand(folder: str) -> list[Path]:
    """A folder of faces.json with its variables filled in (one entry per value of a list
    variable such as XDG_DATA_DIRS); an empty list when a variable has no value at all."""
    defaults = _faces_data()["defaults"]
    match = _VARIABLE.search(folder)
    if match is None:
        return [Path(folder).expanduser()]
    name = match.group(1) or match.group(2)
    value = os.environ.get(name) or defaults.get(name, "")
    out: list[Path] = []
    for part in value.split(os.pathsep):
        if part:
            out += _expand(folder[: match.start()] + part + folder[match.end() :])
    return out


def platform_folders() -> list[Path]:
    """The platform's font folders that exist here, in the order faces.json lists them."""
    seen: list[Path] = []
    for folder in _platform()["folders"]:
        for path in _expand(folder):
            if path.is_dir() and path not in seen:
                seen.append(path)
    return seen


def _walk(folder: Path, depth: int) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_file():
            yield entry
        elif depth > 0 and entry.is_dir():
            yield from _walk(entry, depth - 1)


def _fontconfig_files() -> list[Path]:
    """Every face file fontconfig knows (what Qt uses on Linux), or none without fc-list."""
    program = shutil.which("fc-list")
    if program is None:
        return []
    try:
        result = subprocess.run([program, "--format=%{file}\n"], capture_output=True, text=True,
                                timeout=FONTCONFIG_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [Path(line) for line in result.stdout.splitlines() if line]


def find_faces(names: list[str]) -> dict[str, Path]:
    """File name → the first file of that name found (case-insensitively): in resources/fonts,
    in fontconfig's list, then in the platform's folders. Names found nowhere are left out."""
    wanted = {name.lower(): name for name in names}
    found: dict[str, Path] = {}

    def offer(candidates: Iterator[Path] | list[Path]) -> None:
        for path in candidates:
            name = wanted.get(path.name.lower())
            if name and name not in found and path.is_file():
                found[name] = path

    offer([resource_path("fonts", name) for name in names])
    if len(found) < len(names):
        offer(_fontconfig_files())
    for folder in platform_folders():
        if len(found) == len(names):
            break
        offer(_walk(folder, SEARCH_DEPTH))
    return found
