"""Workbooks of the supervisor's reports (the same data as the PDFs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.spreadsheets.xlsx import Sheet, write_workbook


def daily_report_workbook(snapshot: dict[str, Any], path: Path) -> Path:
    """The daily report as .xlsx: overview, officers, returned items."""
    t = snapshot["totals"]
    r = snapshot["rates"]
    overview = Sheet("概况", ["项目", "数值"], [
        ["中队", snapshot["squad"]], ["日期", snapshot["day"]],
        ["在岗巡查人数", t["officers_on_duty"]], ["巡查次数", t["patrols"]], ["里程（公里）", t["distance_km"]],
        ["检查户数", t["inspections"]], ["不达标户数", t["non_compliant"]], ["待审核", t["to_review"]],
        ["当日签约率%", r["day"]["signing"]], ["当日知晓率%", r["day"]["awareness"]], ["当日履约率%", r["day"]["compliance"]],
        ["本月签约率%", r["month"]["signing"]], ["本月知晓率%", r["month"]["awareness"]], ["本月履约率%", r["month"]["compliance"]],
    ])
    officers = Sheet(
        "队员", ["姓名", "执法证号", "巡查次数", "时长（分钟）", "里程（公里）", "路段覆盖率%", "检查", "不达标", "待审", "退回"],
        [[o["name"], o["badge_no"], o["patrols"], o["duration_min"], o["distance_km"], o["coverage"],
          o["inspections"], o["non_compliant"], o["to_review"], o["returned"]] for o in snapshot["officers"]],
    )
    returned = Sheet("退回补正", ["队员", "巡查路段", "意见"],
                     [[x["officer"], x["what"], x["comment"]] for x in snapshot["returned"]])
    sheets = [overview, officers, returned]
    if snapshot.get("work_orders"):
        w = snapshot["work_orders"]
        sheets.append(Sheet("工单办理", ["期间", "受理", "办结", "办结率%", "按期办结率%", "满意度%", "平均办理小时"],
                            [[label, f["received"], f["closed"], f["completion"], f["on_time"], f["satisfaction"],
                              f["average_hours"]] for label, f in (("当日", w["day"]), ("本月累计", w["month"]))]
                            + [["当前超期", w["overdue_now"], "", "", "", "", ""]]))
    return write_workbook(path, sheets)


def summary_workbook(summary: dict[str, Any], path: Path) -> Path:
    """A period summary as .xlsx: one row per day."""
    rows = [[d["day"], d["inspections"], d["compliance"], d["awareness"], d["signing"]] for d in summary["days"]]
    return write_workbook(path, [Sheet(f"{summary['start']}至{summary['end']}", ["日期", "检查次数", "履约率%", "知晓率%", "签约率%"], rows)])
