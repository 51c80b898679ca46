"""Write resources/calendar/china_workdays.json from the ``chinesecalendar`` package.

China's statutory holidays and the weekend days worked in their place (调休) are set each year
by a State Council notice; ``chinesecalendar`` transcribes them. The app does not depend on the
package at run time (domain/ uses the standard library only): it reads this file. When a new
year's notice is out and the package has it, run

    .venv/bin/pip install -U chinesecalendar
    .venv/bin/python tools/build_work_calendar.py 2024 2025 2026 2027

and commit the file; tests/domain/test_work_calendar.py compares the file with the package.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path

import chinese_calendar

OUT = Path(__file__).resolve().parent.parent / "resources" / "calendar" / "china_workdays.json"
NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
}


def build(years: list[int]) -> dict[str, object]:
    """Holidays (weekday or weekend days off by the notice) and make-up working days."""
    holidays: dict[str, str] = {}
    workdays: dict[str, str] = {}
    for year in years:
        day = date(year, 1, 1)
        while day.year == year:
            on_holiday, name = chinese_calendar.get_holiday_detail(day)
            label = NAMES.get(str(name), str(name)) if name else ""
            if on_holiday and name:
                holidays[day.isoformat()] = label
            elif not on_holiday and day.weekday() >= 5:
                workdays[day.isoformat()] = f"{label}调休" if label else "调休"
            day += timedelta(days=1)
    return {
        "source": f"chinesecalendar {version('chinesecalendar')} (State Council holiday notices)",
        "years": years,
        # Office hours of Jinan's 城管 bureau used for 处置时限 in working hours.
        "working_hours": [["08:30", "12:00"], ["13:30", "17:30"]],
        "holidays": holidays,
        "workdays": workdays,
    }


def main() -> int:
    years = [int(y) for y in sys.argv[1:]] or [2024, 2025, 2026]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(years), ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
