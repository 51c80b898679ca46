"""处置时限 in working hours and working days, across 国庆 and 春节 with their make-up working
days, on the shipped calendar (which must equal the chinesecalendar package's)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from inspector_app.domain.errors import CatalogError
from inspector_app.domain.work_calendar import LOCAL_TZ, load_calendar, shipped_calendar


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


CAL = shipped_calendar()


def test_national_day_2026_holidays_and_make_up_saturday() -> None:
    assert all(not CAL.is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert CAL.holiday_name(date(2026, 10, 1)) == "国庆节"
    assert CAL.is_working_day(date(2026, 9, 20))  # a Sunday worked instead
    assert CAL.is_working_day(date(2026, 10, 10))  # a Saturday worked instead
    assert not CAL.is_working_day(date(2026, 10, 11))  # an ordinary Sunday


def test_working_days_across_national_day_count_the_make_up_saturday() -> None:
    # Received on the last working day before 国庆: Oct 8 (Thu), 9 (Fri), 10 (Sat, 调休).
    due = CAL.add_working_days(at(2026, 9, 30, 15), 3)
    assert due.at == at(2026, 10, 10, 17, 30) and not due.estimated
    # One day: the day of receipt does not count, the holiday week is skipped.
    assert CAL.add_working_days(at(2026, 9, 30, 9), 1).at == at(2026, 10, 8, 17, 30)


def test_working_hours_across_national_day() -> None:
    # 16:00–17:30 on Sep 30 is 1.5 h; the rest runs from 08:30 on Oct 8.
    assert CAL.add_working_hours(at(2026, 9, 30, 16), 2).at == at(2026, 10, 8, 9)
    # Received during the holiday: the clock starts when the office opens again.
    assert CAL.add_working_hours(at(2026, 10, 3, 11), 1).at == at(2026, 10, 8, 9, 30)


def test_spring_festival_2026_with_make_up_saturdays() -> None:
    assert all(not CAL.is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert CAL.holiday_name(date(2026, 2, 17)) == "春节"
    assert CAL.is_working_day(date(2026, 2, 14)) and CAL.is_working_day(date(2026, 2, 28))
    # Received Friday Feb 13: Feb 14 (Sat, 调休) is day 1, then Feb 24–27 after the holiday.
    assert CAL.add_working_days(at(2026, 2, 13, 10), 5).at == at(2026, 2, 27, 17, 30)
    # 4 working hours from 16:30 on Feb 13: 1 h that day, 3 h on the make-up Saturday.
    assert CAL.add_working_hours(at(2026, 2, 13, 16, 30), 4).at == at(2026, 2, 14, 11, 30)
    # Received on the make-up Saturday after the holiday, 2 working days: Mar 2 and Mar 3.
    assert CAL.add_working_days(at(2026, 2, 28, 10), 2).at == at(2026, 3, 3, 17, 30)


def test_working_hours_skip_lunch_and_evenings() -> None:
    assert CAL.add_working_hours(at(2026, 11, 18, 11), 2).at == at(2026, 11, 18, 14, 30)
    assert CAL.add_working_hours(at(2026, 11, 18, 19), 1).at == at(2026, 11, 19, 9, 30)
    assert CAL.add_working_hours(at(2026, 11, 20, 17), 1).at == at(2026, 11, 23, 9)  # over a weekend
    assert CAL.day_hours() == 7.5


def test_a_year_the_calendar_lacks_is_counted_with_weekends_only_and_says_so() -> None:
    assert not CAL.covers(date(2027, 1, 1))
    due = CAL.add_working_days(at(2026, 12, 30, 16), 3)
    assert due.estimated and due.at == at(2027, 1, 4, 17, 30)
    inside = CAL.add_working_days(at(2026, 12, 21, 16), 3)
    assert not inside.estimated


def test_shipped_calendar_equals_the_chinesecalendar_package() -> None:
    chinese_calendar = pytest.importorskip("chinese_calendar")
    for year in sorted(CAL.years):
        day = date(year, 1, 1)
        while day.year == year:
            assert CAL.is_working_day(day) == chinese_calendar.is_workday(day), day
            day += timedelta(days=1)
    assert {2024, 2025, 2026} <= CAL.years


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("holidays"), "KeyError"),
    (lambda d: d.update(working_hours=[["12:00", "08:30"]]), "office hours"),
    (lambda d: d.update(working_hours=[["08:30", "25:00"]]), "ValueError"),
    (lambda d: d["workdays"].update({"2026-10-01": "x"}), "both a holiday"),
])
def test_a_broken_calendar_file_is_refused_with_what_is_wrong(tmp_path: Path, change, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(Path("resources/calendar/china_workdays.json").read_text("utf-8"))
    change(data)
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(CatalogError) as info:
        load_calendar(path)
    assert message in str(info.value) and "cal.json" in str(info.value)
