"""知晓率 / 签约率 / 履约率 for any period and grouping, and the star units (星级单位)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from inspector_app.domain.errors import UserError
from inspector_app.domain.frontage import demotion_due
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage import rates as store

GROUP_LABELS = {
    "road": QT_TRANSLATE_NOOP("rates", "Road segment"),
    "subdistrict": QT_TRANSLATE_NOOP("rates", "Subdistrict"),
    "district": QT_TRANSLATE_NOOP("rates", "District"),
    "squad": QT_TRANSLATE_NOOP("rates", "Squad"),
}


SHEET_NAMES = {"road": "路段", "subdistrict": "街道", "district": "区", "squad": "中队"}


@dataclass(frozen=True)
class RateReport:
    """The rates of every group and of all of them together."""

    group: str
    start: date
    end: date
    rows: list[store.RateRow]
    total: store.RateRow


def _utc_bounds(start: date, end: date) -> tuple[str, str]:
    def iso(d: date) -> str:
        return datetime.combine(d, time(0, 0), LOCAL_TZ).astimezone().astimezone(
            tz=__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    return iso(start), iso(end + timedelta(days=1))


def compute_rates(
    session: Session, group: str, start: date, end: date, own_squad_only: bool = False,
    squad_id: str | None = None,
) -> RateReport:
    """Rates per ``group`` (road, subdistrict, district or squad) for the local dates
    ``start``..``end`` inclusive. Definitions: inspector_app.storage.rates."""
    if group not in store.GROUPS:
        raise ValueError(group)
    return compute_all_rates(session, start, end, own_squad_only, squad_id, (group,))[group]


def compute_all_rates(
    session: Session, start: date, end: date, own_squad_only: bool = False, squad_id: str | None = None,
    groups: tuple[str, ...] = tuple(store.GROUPS),
) -> dict[str, RateReport]:
    """The rates of every grouping at once (one pass over the data), so that switching the
    grouping on the rates page needs no new query."""
    session.require(Permission.VIEW_UNITS)
    if end < start:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "The period ends ({end}) before it starts ({start}); swap the dates."),
            start=start.isoformat(), end=end.isoformat(),
        )
    lo, hi = _utc_bounds(start, end)
    squad = squad_id or (session.actor.squad_id if own_squad_only else None)
    found = store.all_rate_rows(session.store.db, lo, hi, end.isoformat(), squad, groups)
    reports = {}
    for group, rows in found.items():
        rows = [replace(r, label=_label(session, group, r)) for r in rows]
        total = store.RateRow("", "", *(sum(getattr(r, f) for r in rows)
                                        for f in ("units", "signed", "asked", "aware", "inspections", "compliant")))
        reports[group] = RateReport(group, start, end, rows, total)
    return reports


def _label(session: Session, group: str, row: store.RateRow) -> str:
    if group == "district":
        try:
            return session.catalogs.district(row.key).name_zh
        except KeyError:
            return row.key
    if group == "subdistrict":
        for d in session.catalogs.districts:
            for s in d.subdistricts:
                if s.code == row.key:
                    return f"{d.name_zh}{s.name_zh}"
        return row.key
    return row.label or row.key


def star_units(session: Session, district_code: str | None = None, min_stars: int = 4) -> list[dict[str, object]]:
    """Star units (星级单位) of a district (or all), best first; ``demotion_due`` marks those
    that failed enough inspections within a year to lose their plaque (domain/frontage.py)."""
    session.require(Permission.VIEW_UNITS)
    year_ago, _ = _utc_bounds(session.today() - timedelta(days=365), session.today())
    units = store.star_units(session.store.db, district_code, min_stars, year_ago)
    for unit in units:
        unit["demotion_due"] = demotion_due(int(unit["failed_year"] or 0), session.catalogs.star_rating)  # type: ignore[call-overload]
    return units


def export_rates(session: Session, reports: RateReport | list[RateReport], path: Path) -> Path:
    """Write the reports as an .xlsx file, one sheet per grouping."""
    from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

    def pct(value: float | None) -> str:
        return "" if value is None else f"{value * 100:.1f}%"

    headers = ["分组", "单位数", "签约数", "签约率", "抽查知晓单位数", "知晓数", "知晓率", "检查次数", "达标次数", "履约率"]
    sheets = []
    for report in reports if isinstance(reports, list) else [reports]:
        rows = [
            [r.label, r.units, r.signed, pct(r.signing_rate), r.asked, r.aware, pct(r.awareness_rate),
             r.inspections, r.compliant, pct(r.compliance_rate)]
            for r in [*report.rows, replace(report.total, label="合计")]
        ]
        title = f"按{SHEET_NAMES[report.group]} {report.start.isoformat()}至{report.end.isoformat()}"
        sheets.append(Sheet(title[:31], headers, rows))
    return write_workbook(path, sheets)
