"""Step: indexes that let the rates of every grouping come from one pass without sorting."""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Units in grouping order (no temporary B-tree for GROUP BY); a month's inspections read
    from the index alone."""
    for statement in (
        "CREATE INDEX unit_groups ON unit(deleted, road_segment_id, subdistrict_code, district_code, squad_id,"
        " agreement_signed, agreement_date, id)",
        "CREATE INDEX inspection_rates ON frontage_inspection(inspected_at, deleted, superseded, unit_id,"
        " compliant, awareness, id)",
    ):
        db.execute(statement)
