"""The supervisor's reports: the daily report of a squad (PDF and .xlsx, from one snapshot),
and weekly / monthly summaries of the 门前五包 figures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.documents import content_hash
from inspector_app.domain.progress import Progress
from inspector_app.services.map_tiles import BaseMap
from inspector_app.services.rates import _utc_bounds, compute_rates
from inspector_app.services.review import named_roads, require_squad, review_day
from inspector_app.services.session import Session
from inspector_app.services.work_order_indicators import day_summary
from inspector_app.storage.trends import daily_series, signed_by_day


def _squad_name(session: Session, squad_id: str) -> str:
    row = session.store.db.execute("SELECT name FROM squad WHERE id = ?", [squad_id]).fetchone()
    return row[0] if row else ""


def daily_report_snapshot(session: Session, day: date, squad_id: str | None = None) -> dict[str, Any]:
    """Everything the daily report shows, as plain data (the PDF and the workbook render it)."""
    review = review_day(session, day, squad_id)
    squad = review.squad_id
    officers: list[dict[str, Any]] = []
    tracks = []
    road_ids: set[str] = set()
    for o in review.officers:
        officers.append({
            "name": o.name, "badge_no": o.badge_no, "patrols": len(o.patrols),
            "duration_min": o.duration_s // 60, "distance_km": round(o.distance_m / 1000, 2),
            "coverage": None if o.coverage is None else round(o.coverage * 100, 1),
            "inspections": len(o.inspections), "non_compliant": o.non_compliant,
            "to_review": o.to_review, "returned": o.returned,
        })
        for p in o.patrols:
            tracks.append(json.loads(p["track"]))
            road_ids.update(json.loads(p["road_segment_ids"]))
    day_rates = compute_rates(session, "squad", day, day, squad_id=squad).total
    month_rates = compute_rates(session, "squad", day.replace(day=1), day, squad_id=squad).total
    returned = [
        {"officer": o.name, "what": (p["roads"] and "、".join(p["roads"])) or "", "comment": p["review_comment"]}
        for o in review.officers for p in o.patrols if p["status"] == "returned"
    ] + [
        {"officer": o.name, "what": f"{i['unit_name']}（门前五包检查）", "comment": i["review_comment"]}
        for o in review.officers for i in o.inspections if i["review_status"] == "returned"
    ]

    def pct(x: float | None) -> float | None:
        return None if x is None else round(x * 100, 1)

    return {
        "kind": "daily_report",
        "squad": _squad_name(session, squad),
        "day": day.isoformat(),
        "officers": officers,
        "totals": {
            "officers_on_duty": sum(1 for o in officers if o["patrols"]),
            "patrols": sum(o["patrols"] for o in officers),
            "distance_km": round(sum(o["distance_km"] for o in officers), 2),
            "inspections": sum(o["inspections"] for o in officers),
            "non_compliant": sum(o["non_compliant"] for o in officers),
            "to_review": sum(o["to_review"] for o in officers),
        },
        "rates": {
            "day": {"signing": pct(day_rates.signing_rate), "awareness": pct(day_rates.awareness_rate),
                    "compliance": pct(day_rates.compliance_rate)},
            "month": {"signing": pct(month_rates.signing_rate), "awareness": pct(month_rates.awareness_rate),
                      "compliance": pct(month_rates.compliance_rate)},
        },
        "map": {"roads": named_roads(session, sorted(road_ids)), "tracks": tracks},
        "returned": returned,
        "work_orders": day_summary(session, day, squad),
        "supervisor": session.actor.name,
    }


@dataclass(frozen=True)
class ReportFiles:
    """Where a report was written."""

    pdf: Path
    xlsx: Path


def write_daily_report(session: Session, day: date, folder: Path, squad_id: str | None = None,
                       progress: Progress | None = None, base: BaseMap | None = None) -> ReportFiles:
    """Write the daily report as PDF and .xlsx into ``folder`` (run off the UI thread); the
    track map is drawn over the base map's stored tiles (``base``: the office file and datum
    from Settings; the map's own cache in any case) when they cover the area."""
    from inspector_app.documents.daily_report import render_daily_report
    from inspector_app.services.report_map import report_tiles
    from inspector_app.spreadsheets.reports import daily_report_workbook

    progress = progress or Progress()
    progress.update(0, 3, "data")
    snapshot = daily_report_snapshot(session, day, squad_id)
    progress.update(1, 3, "pdf")
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"巡查日报_{snapshot['squad']}_{day.isoformat()}"
    pdf = folder / f"{stem}.pdf"
    tiles = report_tiles(session, base or BaseMap(), snapshot["map"])
    pdf.write_bytes(render_daily_report(snapshot, content_hash(snapshot), tiles))
    progress.update(2, 3, "xlsx")
    xlsx = daily_report_workbook(snapshot, folder / f"{stem}.xlsx")
    progress.update(3, 3, "done")
    return ReportFiles(pdf, xlsx)


def period_summary(session: Session, start: date, end: date, squad_id: str | None = None) -> dict[str, Any]:
    """Weekly or monthly summary: the three rates per day over the period, and per week."""
    squad_id = squad_id or session.actor.squad_id
    require_squad(session, squad_id)
    lo, hi = _utc_bounds(start, end)
    series = {row["day"]: row for row in daily_series(session.store.db, lo, hi, squad_id)}
    total, undated, signed = signed_by_day(session.store.db, squad_id)
    days = []
    running = undated + sum(n for d, n in signed if d < start.isoformat())
    later = [(d, n) for d, n in signed if d >= start.isoformat()]
    cursor = start
    while cursor <= end:
        key = cursor.isoformat()
        running += sum(n for d, n in later if d == key)
        row = series.get(key, {"inspections": 0, "compliant": 0, "asked": 0, "aware": 0})
        days.append({
            "day": key,
            "inspections": row["inspections"],
            "compliance": round(100 * row["compliant"] / row["inspections"], 1) if row["inspections"] else None,
            "awareness": round(100 * row["aware"] / row["asked"], 1) if row["asked"] else None,
            "signing": round(100 * running / total, 1) if total else None,
        })
        cursor += timedelta(days=1)
    return {
        "kind": "summary",
        "squad": _squad_name(session, squad_id or ""),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days": days,
        "totals": compute_rates(session, "squad", start, end, squad_id=squad_id).total.__dict__,
    }


def write_summary(session: Session, start: date, end: date, folder: Path, squad_id: str | None = None,
                  progress: Progress | None = None) -> ReportFiles:
    """Write a weekly or monthly summary as PDF and .xlsx into ``folder``."""
    from inspector_app.documents.daily_report import render_summary
    from inspector_app.spreadsheets.reports import summary_workbook

    progress = progress or Progress()
    progress.update(0, 2, "data")
    summary = period_summary(session, start, end, squad_id)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"门前五包汇总_{summary['squad']}_{start.isoformat()}_{end.isoformat()}"
    pdf = folder / f"{stem}.pdf"
    pdf.write_bytes(render_summary(summary, content_hash(summary)))
    progress.update(1, 2, "xlsx")
    xlsx = summary_workbook(summary, folder / f"{stem}.xlsx")
    progress.update(2, 2, "done")
    return ReportFiles(pdf, xlsx)
