"""Step: the rates' unit index without ``deleted`` in front, where the planner took it for every
``deleted = 0`` query (unit search scanned all units instead of looking up its matches)."""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Replace unit_groups by unit_rate_groups (grouping columns first)."""
    db.execute("DROP INDEX IF EXISTS unit_groups")
    db.execute(
        "CREATE INDEX unit_rate_groups ON unit(road_segment_id, subdistrict_code, district_code, squad_id,"
        " deleted, agreement_signed, agreement_date, id)"
    )
