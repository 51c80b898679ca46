"""The migration modules are numbered by the schema version they produce."""

from __future__ import annotations

import re
from pathlib import Path

from inspector_app.storage import migrations
from inspector_app.storage.migrations import SCHEMA_VERSION, STEPS

MIGRATIONS_DIR = Path(migrations.__file__).parent


def _number(module_name: str) -> int:
    match = re.fullmatch(r"m(\d{3})_\w+", module_name.rsplit(".", 1)[-1])
    assert match, f"{module_name} is not named mNNN_<what>"
    return int(match.group(1))


def test_each_step_is_named_by_the_version_it_produces() -> None:
    numbers = [_number(step.__module__) for step in STEPS]
    assert numbers == list(range(1, SCHEMA_VERSION + 1)), numbers


def test_every_migration_file_is_a_step() -> None:
    files = sorted(p.stem for p in MIGRATIONS_DIR.glob("m[0-9][0-9][0-9]_*.py"))
    assert files == sorted(step.__module__.rsplit(".", 1)[-1] for step in STEPS)
