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
    return all_rate_rows(db, start_utc, end_utc, end_date, squad_id, (group,))[group]


def all_rate_rows(
    db: sqlite_utils.Database, start_utc: str, end_utc: str, end_date: str, squad_id: str | None = None,
    groups: tuple[str, ...] = tuple(GROUPS),
) -> dict[str, list[RateRow]]:
    """The rows of several groupings from one pass over the data: the counts are taken per unit,
    then per combination of the four grouping keys, and summed up per grouping in Python (every
    count is additive, and there are only a few hundred combinations)."""
    fine = _counts(db, start_utc, end_utc, end_date, squad_id)
    position = {g: i for i, g in enumerate(GROUPS)}
    out: dict[str, list[RateRow]] = {}
    for group in groups:
        sums: dict[str, list[int]] = {}
        for row in fine:
            total = sums.setdefault(str(row[position[group]] or ""), [0] * 6)
            for i, c in enumerate(row[4:]):
                total[i] += int(c or 0)  # type: ignore[call-overload]
        names: dict[str, str] = {}
        if group in LABELS:
            names = dict(db.execute(f"SELECT id, name FROM {LABELS[group]}").fetchall())
        rows = [RateRow(k, names.get(k, ""), *c) for k, c in sums.items()]
        out[group] = sorted(rows, key=lambda r: (r.label or r.key))
    return out


def _counts(db: sqlite_utils.Database, start_utc: str, end_utc: str, end_date: str,
            squad_id: str | None) -> list[tuple[object, ...]]:
    """(road, subdistrict, district, squad, units, signed, asked, aware, inspections, compliant)."""
    scope = "AND u.squad_id = :squad" if squad_id else ""
    # INDEXED BY: the unique index on id would make SQLite read every wide unit row.
    sql = f"""
    WITH visits AS (
        SELECT unit_id, count(*) AS inspections, sum(compliant) AS compliant
        FROM frontage_inspection INDEXED BY inspection_rates
        WHERE deleted = 0 AND superseded = 0 AND inspected_at >= :start AND inspected_at < :end
        GROUP BY unit_id
    ),
    answers AS (
        -- SQLite takes the bare column from the row holding max(): the latest answer per unit.
        SELECT unit_id, awareness, max(inspected_at || id) AS latest
        FROM frontage_inspection INDEXED BY inspection_rates
        WHERE deleted = 0 AND superseded = 0 AND inspected_at >= :start AND inspected_at < :end
              AND awareness != 'not_asked'
        GROUP BY unit_id
    )
    SELECT u.road_segment_id, u.subdistrict_code, u.district_code, u.squad_id, count(*),
           sum(u.agreement_signed = 1 AND (u.agreement_date IS NULL OR u.agreement_date <= :end_date)),
           count(a.unit_id), sum(a.awareness = 'yes'), sum(v.inspections), sum(v.compliant)
    FROM unit u INDEXED BY unit_rate_groups
    LEFT JOIN visits v ON v.unit_id = u.id
    LEFT JOIN answers a ON a.unit_id = u.id
    WHERE u.deleted = 0 {scope}
    GROUP BY u.road_segment_id, u.subdistrict_code, u.district_code, u.squad_id
    """
    params = {"start": start_utc, "end": end_utc, "end_date": end_date, "squad": squad_id}
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def star_units(
    db: sqlite_utils.Database, district_code: str | None, min_stars: int, year_ago_utc: str = ""
) -> list[dict[str, object]]:
    """Units rated at least ``min_stars`` (of one district if given), best first, each with how
    many of its inspections failed since ``year_ago_utc`` (for the 摘牌 rule)."""
    where = "AND u.district_code = :district" if district_code else ""
    cursor = db.execute(
        f"""
        SELECT u.id, u.name, u.address, u.district_code, u.subdistrict_code, u.star_rating,
               r.name AS road_name,
               (SELECT count(*) FROM frontage_inspection fi WHERE fi.unit_id = u.id AND fi.compliant = 0
                AND fi.deleted = 0 AND fi.superseded = 0 AND fi.inspected_at >= :year_ago) AS failed_year
        FROM unit u LEFT JOIN road_segment r ON r.id = u.road_segment_id
        WHERE u.deleted = 0 AND u.star_rating >= :stars {where}
        ORDER BY u.star_rating DESC, u.sort_key
        """,
        {"stars": min_stars, "district": district_code, "year_ago": year_ago_utc},
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
