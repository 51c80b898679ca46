"""Working time in China: statutory holidays, the weekend days worked instead (调休), office
hours, and deadlines counted in working hours or working days (处置时限).

The calendar is data (resources/calendar/china_workdays.json, written from the
``chinesecalendar`` package by tools/build_work_calendar.py). A year the file does not cover is
counted with Saturdays and Sundays off only, and every deadline that touches such a year says so
(``Deadline.estimated``), so nobody takes it for an exact one.

Counting rules (as 数字城管 and 12345 platforms count 处置时限):

- **working hours**: the clock runs only inside office hours of working days, from the moment
  the order is received; received outside office hours, it starts at the next opening.
- **working days**: the day of receipt is not counted (the 期间 rule: 开始的当日不计算在内);
  the deadline is the close of office on the Nth working day after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from inspector_app.domain.errors import CatalogError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
HOURS, DAYS = "hours", "days"


@dataclass(frozen=True)
class Deadline:
    """When something is due (aware, Asia/Shanghai), and whether a year outside the holiday
    calendar was counted with weekends only."""

    at: datetime
    estimated: bool = False


@dataclass(frozen=True)
class WorkCalendar:
    """Holidays, make-up working days and office hours."""

    years: frozenset[int]
    holidays: dict[date, str]
    workdays: dict[date, str]
    periods: tuple[tuple[time, time], ...]

    def covers(self, day: date) -> bool:
        """Whether the holiday notice of ``day``'s year is in the calendar."""
        return day.year in self.years

    def is_working_day(self, day: date) -> bool:
        """A weekday that is no holiday, or a weekend day worked instead of one."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str:
        """The holiday's name (春节, 国庆节…), or ''."""
        return self.holidays.get(day, "")

    def day_hours(self) -> float:
        """Office hours in one working day."""
        return sum(_hours(a, b) for a, b in self.periods)

    def working_days_after(self, day: date) -> Iterator[date]:
        """The working days after ``day``, in order."""
        current = day
        for _ in range(3660):  # ten years: a bad calendar never loops for ever
            current += timedelta(days=1)
            if self.is_working_day(current):
                yield current

    def add_working_days(self, start: datetime, days: int) -> Deadline:
        """Close of office on the ``days``-th working day after the day of ``start``."""
        if days < 1:
            raise ValueError(days)
        first = start.astimezone(LOCAL_TZ).date()
        counted = []
        for day in self.working_days_after(first):
            counted.append(day)
            if len(counted) == days:
                break
        end = datetime.combine(counted[-1], self.periods[-1][1], LOCAL_TZ)
        return Deadline(end, not all(self.covers(d) for d in (first, *counted)))

    def add_working_hours(self, start: datetime, hours: float) -> Deadline:
        """The moment ``hours`` of office time after ``start``."""
        if hours <= 0:
            raise ValueError(hours)
        local = start.astimezone(LOCAL_TZ)
        left = timedelta(hours=hours)
        day = local.date()
        touched = [day]
        for _ in range(3660):
            if self.is_working_day(day):
                for opens, closes in self.periods:
                    begin = max(local, datetime.combine(day, opens, LOCAL_TZ))
                    end = datetime.combine(day, closes, LOCAL_TZ)
                    if begin >= end:
                        continue
                    if end - begin >= left:
                        return Deadline(begin + left, not all(self.covers(d) for d in touched))
                    left -= end - begin
            day += timedelta(days=1)
            touched.append(day)
        raise ValueError(hours)

    def deadline(self, start: datetime, amount: int, unit: str) -> Deadline:
        """``amount`` working ``unit`` ("hours" or "days") after ``start``."""
        if unit == HOURS:
            return self.add_working_hours(start, amount)
        if unit == DAYS:
            return self.add_working_days(start, amount)
        raise ValueError(unit)


def _hours(a: time, b: time) -> float:
    return (datetime.combine(date.min, b) - datetime.combine(date.min, a)).total_seconds() / 3600


def _bad(path: Path, detail: str) -> CatalogError:
    return CatalogError(
        QT_TRANSLATE_NOOP("errors", "The working-day calendar {file} is not usable: {detail}."),
        QT_TRANSLATE_NOOP("errors", "Reinstall the app, or rebuild the file with tools/build_work_calendar.py."),
        file=path.name, detail=detail,
    )


def load_calendar(path: Path | None = None) -> WorkCalendar:
    """Read and check a calendar file; :class:`CatalogError` names what is wrong."""
    path = path or resource_path("calendar", "china_workdays.json")
    try:
        data = json.loads(path.read_text("utf-8"))
        holidays = {date.fromisoformat(k): str(v) for k, v in data["holidays"].items()}
        workdays = {date.fromisoformat(k): str(v) for k, v in data["workdays"].items()}
        periods = tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in data["working_hours"])
        years = frozenset(int(y) for y in data["years"])
    except OSError as exc:
        raise _bad(path, exc.strerror or str(exc)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _bad(path, f"{type(exc).__name__} {exc}") from None
    if not periods or any(a >= b for a, b in periods) or any(
            periods[i][1] > periods[i + 1][0] for i in range(len(periods) - 1)):
        raise _bad(path, "office hours must be increasing, non-overlapping periods")
    if set(holidays) & set(workdays):
        raise _bad(path, "a day cannot be both a holiday and a working day")
    return WorkCalendar(years, holidays, workdays, periods)


@cache
def shipped_calendar() -> WorkCalendar:
    """The calendar shipped in resources/, loaded once per process."""
    return load_calendar()
