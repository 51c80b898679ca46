"""门前五包 rates in SQL, grouped by road segment, subdistrict, district or squad.

- 签约率 (signing rate) = units holding a signed 责任书 dated on or before the end of the
  period ÷ all live units in the group.
- 知晓率 (awareness rate) = units whose latest awareness answer in the period was "knows the
  five duties" ÷ units asked at least once in the period (units never asked are not counted).
- 履约率 (compliance rate) = inspections in the period with every duty compliant ÷ all
  inspections in the period (the inspection-based definition of the catalog).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

GROUPS = {
    "road": "u.road_segment_id",
    "subdistrict": "u.subdistrict_code",
    "district": "u.district_code",
    "squad": "u.squad_id",
}
# Names for the groups kept in tables (subdistricts and districts are named by the catalogs).
LABELS = {"road": "road_segment", "squad": "squad"}


@dataclass(frozen=True)
class RateRow:
    """Counts behind the three rates of one group."""

    key: str
    label: str
    units: int
    signed: int
    asked: int
    aware: int
    inspections: int
    compliant: int

    @property
    def signing_rate(self) -> float | None:
        return self.signed / self.units if self.units else None

    @property
    def awareness_rate(self) -> float | None:
        return self.aware / self.asked if self.asked else None

    @property
    def compliance_rate(self) -> float | None:
        return self.compliant / self.inspections if self.inspections else None


def rate_rows(
    db: sqlite_utils.Database, group: str, start_utc: str, end_utc: str, end_date: str,
    squad_id: str | None = None,
) -> list[RateRow]:
    """One row per group for inspections in [start_utc, end_utc) and agreements up to
    ``end_date``; optionally only one squad's units."""
    key = GROUPS[group]
    scope = "AND u.squad_id = :squad" if squad_id else ""
    # INDEXED BY: the unique index on id would make SQLite read every wide unit row.
    units = "unit u INDEXED BY unit_rates"
    sql = f"""
    WITH signing AS (
        SELECT {key} AS k, count(*) AS units,
               sum(u.agreement_signed = 1
                   AND (u.agreement_date IS NULL OR u.agreement_date <= :end_date)) AS signed
        FROM {units} WHERE u.deleted = 0 {scope} GROUP BY k
    ),
    visits AS (
        SELECT fi.id, fi.unit_id, fi.compliant, fi.awareness, fi.inspected_at
        FROM frontage_inspection fi
        WHERE fi.deleted = 0 AND fi.superseded = 0 AND fi.inspected_at >= :start AND fi.inspected_at < :end
    ),
    checks AS (
        SELECT {key} AS k, count(*) AS inspections, sum(v.compliant) AS compliant
        FROM visits v JOIN {units} ON u.id = v.unit_id
        WHERE u.deleted = 0 {scope} GROUP BY k
    ),
    answers AS (
        SELECT unit_id, awareness,
               row_number() OVER (PARTITION BY unit_id ORDER BY inspected_at DESC, id DESC) AS n
        FROM visits WHERE awareness != 'not_asked'
    ),
    aware AS (
        SELECT {key} AS k, count(*) AS asked, sum(a.awareness = 'yes') AS aware
        FROM answers a JOIN {units} ON u.id = a.unit_id
        WHERE a.n = 1 AND u.deleted = 0 {scope} GROUP BY k
    )
    SELECT s.k, s.units, coalesce(s.signed, 0), coalesce(a.asked, 0), coalesce(a.aware, 0),
           coalesce(c.inspections, 0), coalesce(c.compliant, 0)
    FROM signing s
    LEFT JOIN checks c ON c.k IS s.k
    LEFT JOIN aware a ON a.k IS s.k
    """
    params = {"start": start_utc, "end": end_utc, "end_date": end_date, "squad": squad_id}
    rows = db.execute(sql, params).fetchall()
    names: dict[str, str] = {}
    if group in LABELS:
        names = dict(db.execute(f"SELECT id, name FROM {LABELS[group]}").fetchall())
    out = [RateRow(str(r[0] or ""), names.get(r[0] or "", ""), *r[1:]) for r in rows]
    return sorted(out, key=lambda r: (r.label or r.key))


def star_units(
    db: sqlite_utils.Database, district_code: str | None, min_stars: int
) -> list[dict[str, object]]:
    """Units rated at least ``min_stars`` (of one district if given), best first."""
    where = "AND u.district_code = :district" if district_code else ""
    cursor = db.execute(
        f"""
        SELECT u.id, u.name, u.address, u.district_code, u.subdistrict_code, u.star_rating,
               r.name AS road_name
        FROM unit u LEFT JOIN road_segment r ON r.id = u.road_segment_id
        WHERE u.deleted = 0 AND u.star_rating >= :stars {where}
        ORDER BY u.star_rating DESC, u.sort_key
        """,
        {"stars": min_stars, "district": district_code},
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
