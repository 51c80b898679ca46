"""Daily series of the 门前五包 figures over a period (for weekly and monthly summaries).

Per local day: inspections and how many were compliant (履约), awareness answers and how many
knew the duties (知晓 — per answer on the day, not per unit), and the number of units whose
责任书 was signed by the end of that day (签约, cumulative)."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def daily_series(
    db: sqlite_utils.Database, start_utc: str, end_utc: str, squad_id: str | None
) -> list[dict[str, Any]]:
    """One row per local date (UTC+8) that had inspections."""
    scope = "AND u.squad_id = :squad" if squad_id else ""
    sql = f"""
        SELECT date(fi.inspected_at, '+8 hours') AS day,
               count(*) AS inspections, sum(fi.compliant) AS compliant,
               sum(fi.awareness != 'not_asked') AS asked, sum(fi.awareness = 'yes') AS aware
        FROM frontage_inspection fi JOIN unit u INDEXED BY unit_rates ON u.id = fi.unit_id
        WHERE fi.deleted = 0 AND fi.superseded = 0 AND fi.inspected_at >= :start AND fi.inspected_at < :end
              {scope}
        GROUP BY day ORDER BY day
    """
    cursor = db.execute(sql, {"start": start_utc, "end": end_utc, "squad": squad_id})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def signed_by_day(db: sqlite_utils.Database, squad_id: str | None) -> tuple[int, int, list[tuple[str, int]]]:
    """(units, signed with no date, [(date, units signed that day)]) for the cumulative 签约 curve."""
    scope = "AND squad_id = :squad" if squad_id else ""
    base = f"FROM unit INDEXED BY unit_rates WHERE deleted = 0 {scope}"
    total = db.execute(f"SELECT count(*) {base}", {"squad": squad_id}).fetchone()[0]
    undated = db.execute(f"SELECT count(*) {base} AND agreement_signed = 1 AND agreement_date IS NULL",
                         {"squad": squad_id}).fetchone()[0]
    per_day = db.execute(
        f"SELECT agreement_date, count(*) {base} AND agreement_signed = 1 AND agreement_date IS NOT NULL "
        "GROUP BY agreement_date ORDER BY agreement_date", {"squad": squad_id}).fetchall()
    return int(total), int(undated), [(str(d), int(n)) for d, n in per_day]
