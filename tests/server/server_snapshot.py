"""Every row of every server table, to assert that a refused request changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from inspector_server.db import metadata


def snapshot(engine: Engine, *, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Sorted rows of each table (``skip``: tables a refusal is meant to write, e.g. the
    sign-in failure counts)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name not in skip:
                out[table.name] = sorted((tuple(r) for r in conn.execute(select(table))), key=repr)
    return out
