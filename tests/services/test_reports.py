"""The supervisor's daily report and period summary (issue 17, part 8): services/reports.py,
documents/daily_report.py, documents/charts.py, spreadsheets/reports.py and storage/trends.py —
the figures on paper equal the screen's, every font is embedded, days without inspections are
gaps rather than flat lines, and the track map names its streets and has a scale."""

import subprocess
from datetime import date
from pathlib import Path

import openpyxl
from reportlab.graphics.shapes import Drawing, Group, PolyLine, String

from inspector_app.documents.charts import rates_lines, track_map
from inspector_app.domain.clock import FixedClock
from inspector_app.services.reports import (
    daily_report_snapshot,
    period_summary,
    write_daily_report,
    write_summary,
)
from inspector_app.services.review import day_bounds_utc, review_day, review_record
from inspector_app.services.session import Session
from inspector_app.storage.trends import daily_series, signed_by_day
from tests.services.test_review import _patrol_with_inspection

DAY = date(2026, 11, 20)


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.replace("\n", "")


def _fonts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def _screen_pending(session: Session, day: date) -> int:
    """What the review page counts as 待审核: patrols and inspections waiting, per officer."""
    review = review_day(session, day)
    return sum(1 for o in review.officers for p in o.patrols if p["status"] in ("submitted", "resubmitted")) + sum(
        1 for o in review.officers for i in o.inspections if i["review_status"] in ("submitted", "resubmitted"))


def test_the_report_figures_equal_the_screen(officer_session: Session, demo_session_for, clock: FixedClock,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    _patrol_id, inspection_id = _patrol_with_inspection(officer_session, clock)
    _patrol_with_inspection(officer_session, clock)
    supervisor = demo_session_for("wangfang")
    review_record(supervisor, "frontage_inspection", inspection_id, "returned", "照片缺失")
    pending = _screen_pending(supervisor, DAY)
    assert pending >= 2  # the second patrol and its inspection wait; the returned one does not
    files = write_daily_report(supervisor, DAY, tmp_path)
    text = _text(files.pdf)
    assert f"待审核{pending} 项" in text or f"待审核 {pending} 项" in text or f"待审核{pending}项" in text.replace(" ", "")
    assert "照片缺失" in text and "门前五包检查" in text  # the returned inspection is listed
    book = openpyxl.load_workbook(files.xlsx)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert overview["待审核"] == pending
    officers = {row[0]: row for row in book["队员"].iter_rows(min_row=2, values_only=True)}
    assert officers["李强"][9] == 1  # 退回: the returned inspection counts
    assert officers["李强"][8] == _screen_pending(supervisor, DAY)  # 待审 per officer: only 李强 worked today
    returned = [row for row in book["退回补正"].iter_rows(min_row=2, values_only=True)]
    assert any(r[0] == "李强" and r[2] == "照片缺失" for r in returned)


def test_every_font_in_the_reports_is_embedded(supervisor_session: Session, tmp_path: Path) -> None:
    daily = write_daily_report(supervisor_session, date(2026, 11, 18), tmp_path)
    summary = write_summary(supervisor_session, date(2026, 11, 1), date(2026, 11, 20), tmp_path)
    for pdf in (daily.pdf, summary.pdf):
        fonts = _fonts(pdf)
        assert fonts and not any("Helvetica" in f for f in fonts), fonts
        assert all(f.split()[-5:-3] == ["yes", "yes"] for f in fonts), fonts  # embedded, subset


def _polylines(node: Drawing | Group) -> list[PolyLine]:
    out = []
    for item in node.contents:
        if isinstance(item, PolyLine):
            out.append(item)
        elif isinstance(item, Group):
            out += _polylines(item)
    return out


def _strings(node: Drawing | Group) -> list[str]:
    out = []
    for item in node.contents:
        if isinstance(item, String):
            out.append(item.text)
        elif isinstance(item, Group):
            out += _strings(item)
    return out


def test_days_without_inspections_are_gaps_not_flat_lines() -> None:
    days = [f"2026-11-{d:02d}" for d in range(1, 8)]
    drawing = rates_lines(days, [("履约率", [50.0, None, None, 80.0, 90.0, None, 70.0])], 400, 200)
    lines = _polylines(drawing)
    # Only 11-04 → 11-05 are consecutive days with a figure: one segment, two points.
    assert [len(line.points) // 2 for line in lines] == [2]
    empty = rates_lines(days, [("知晓率", [None] * 7)], 400, 200)
    assert _polylines(empty) == [] and "无检查数据" in "".join(_strings(empty))


def test_the_summary_has_no_figure_for_a_day_without_inspections(supervisor_session: Session, tmp_path: Path) -> None:
    summary = period_summary(supervisor_session, date(2026, 11, 1), date(2026, 11, 20))
    assert len(summary["days"]) == 20
    idle = [d for d in summary["days"] if d["inspections"] == 0]
    assert idle and all(d["compliance"] is None and d["awareness"] is None for d in idle)
    book = openpyxl.load_workbook(write_summary(supervisor_session, date(2026, 11, 1), date(2026, 11, 20), tmp_path).xlsx)
    rows = list(book.active.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [d["day"] for d in summary["days"]] and all(r[2] is None for r in rows if r[1] == 0)


def test_trends_count_by_local_day(supervisor_session: Session) -> None:
    db = supervisor_session.store.db
    squad = supervisor_session.actor.squad_id
    lo, hi = day_bounds_utc(date(2026, 11, 1))[0], day_bounds_utc(date(2026, 11, 20))[1]
    series = daily_series(db, lo, hi, squad)
    assert series and all("2026-11-01" <= row["day"] <= "2026-11-20" for row in series)
    total = db.execute("SELECT count(*) FROM frontage_inspection fi JOIN unit u ON u.id = fi.unit_id WHERE fi.deleted = 0 "
                       "AND fi.superseded = 0 AND fi.inspected_at >= ? AND fi.inspected_at < ? AND u.squad_id = ?",
                       [lo, hi, squad]).fetchone()[0]
    assert sum(row["inspections"] for row in series) == total
    # 2026-11-10T16:30Z is 00:30 on the 11th in Jinan: it counts on the 11th, not the UTC date.
    before = {r["day"]: r["inspections"] for r in series}
    moved = db.execute("SELECT fi.id FROM frontage_inspection fi JOIN unit u ON u.id = fi.unit_id WHERE u.squad_id = ? "
                       "AND fi.deleted = 0 AND fi.superseded = 0 AND fi.inspected_at >= ? AND fi.inspected_at < ? "
                       "AND date(fi.inspected_at, '+8 hours') != '2026-11-11' LIMIT 1", [squad, lo, hi]).fetchone()[0]
    db.execute("UPDATE frontage_inspection SET inspected_at = '2026-11-10T16:30:00.000Z' WHERE id = ?", [moved])
    after = {r["day"]: r["inspections"] for r in daily_series(db, lo, hi, squad)}
    assert after["2026-11-11"] == before.get("2026-11-11", 0) + 1 and sum(after.values()) == total
    units, undated, per_day = signed_by_day(db, squad)
    signed = db.execute("SELECT count(*) FROM unit WHERE deleted = 0 AND squad_id = ? AND agreement_signed = 1",
                        [squad]).fetchone()[0]
    assert undated + sum(n for _, n in per_day) == signed and units >= signed


def test_the_track_map_names_its_streets_and_has_a_scale(supervisor_session: Session) -> None:
    snapshot = daily_report_snapshot(supervisor_session, date(2026, 11, 18))
    roads = snapshot["map"]["roads"]
    assert roads and all(r["name"] and len(r["line"]) >= 2 for r in roads)
    drawing = track_map(roads, snapshot["map"]["tracks"], 450, 230)
    labels = _strings(drawing)
    assert {r["name"] for r in roads} & set(labels)  # street names drawn from the road table
    assert any(s.endswith(" m") or s.endswith(" km") for s in labels) and "北" in labels
    assert any("示意" in s for s in labels)  # says it is a sketch from coordinates, not a survey map
    nothing = _strings(track_map([], [], 450, 230))
    assert "当日无巡查轨迹" in nothing
