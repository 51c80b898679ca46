"""Stored times are UTC text; every screen, sheet and side panel shows them in Asia/Shanghai.

06:00 in Jinan on 12-02 is stored as 2026-12-01T22:00Z: slicing the text shows the wrong day."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from inspector_app.domain.clock import local_text
from inspector_app.services.map_data import describe
from inspector_app.services.session import Session

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"
# Where stored records are turned into text for people (screens, side panels, sheets, PDFs).
SHOWING = ["ui", "services", "maps", "documents", "spreadsheets"]
# What a stored timestamp is called: found_at, issued_at, saved_at, last_at, row["at"], time…
TIME_NAME = re.compile(r"(_at|\btime|\bwhen)(['\"]\])?$|\[['\"]at['\"]\]$")
# The places where ISO-8601 text is cut to show a date, a minute or a clock time.
ISO_CUTS = {(None, 10), (None, 13), (None, 16), (None, 19), (11, 16), (11, 19), (5, 10), (5, 16)}
# Slices with those bounds that are not timestamps (a digest shown short, a catalog's date stamp).
NOT_TIMES = re.compile(r"digest|sha|hash|catalogs\.version")


def _bound(node: ast.expr | None) -> int | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, int) else None


def sliced_times(source: str, name: str) -> list[str]:
    """Every slice of something that looks like a stored time, as 'file:line: code'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)):
            continue
        target = ast.unparse(node.value)
        cut = (_bound(node.slice.lower), _bound(node.slice.upper))
        if TIME_NAME.search(target) or (cut in ISO_CUTS and not NOT_TIMES.search(target)):
            found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_stored_time_is_sliced_for_display() -> None:
    offenders = []
    for folder in SHOWING:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            offenders += sliced_times(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    assert offenders == [], "format stored times with domain.clock.local_text:\n" + "\n".join(offenders)


def test_the_check_catches_the_slicings_it_is_meant_for() -> None:
    bad = ('last = f"{unit[\'last_inspected_at\'][:10]} ok"\n'
           'when = row[4][:16].replace("T", " ")\n'
           't = saved_at[11:19]\n'
           'd = e["at"][5:16]\n')
    assert len(sliced_times(bad, "x.py")) == 4
    fine = 'short = self.digest[:16]\nday = catalogs.version[:10]\nfirst = names[:3]\n'
    assert sliced_times(fine, "x.py") == []


def test_local_text_is_china_time() -> None:
    assert local_text("2026-12-01T22:00:00.000Z") == "2026-12-02 06:00"
    assert local_text("2026-12-01T22:03:00.000Z", "%m-%d %H:%M") == "12-02 06:03"
    assert local_text("2026-12-31T16:00:00.000Z", "%Y-%m-%d") == "2027-01-01"
    assert local_text(None) == "" and local_text("", empty="—") == "—"


def test_the_map_panel_shows_a_check_and_a_unit_in_china_time(officer_session: Session) -> None:
    db = officer_session.store.db
    check_id = db.execute("SELECT id FROM disorder_check LIMIT 1").fetchone()[0]
    unit_id = db.execute("SELECT unit_id FROM frontage_inspection WHERE deleted = 0 AND superseded = 0 "
                         "LIMIT 1").fetchone()[0]
    with db.conn:
        db.execute("UPDATE disorder_check SET found_at = '2026-12-01T22:03:00.000Z' WHERE id = ?", [check_id])
        db.execute("UPDATE frontage_inspection SET inspected_at = '2026-12-01T22:00:00.000Z' WHERE unit_id = ?",
                   [unit_id])
    check = dict(describe(officer_session, "checks", check_id))
    assert check["found_at"] == "2026-12-02 06:03"
    unit = dict(describe(officer_session, "units", unit_id))
    assert unit["last_inspection"].startswith("2026-12-02 ")
