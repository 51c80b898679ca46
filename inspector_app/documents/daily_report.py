"""The squad's daily patrol report (巡查日报) and the period summary, as PDF."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from inspector_app.documents.charts import rates_bars, rates_lines, track_map
from inspector_app.documents.layout import MARGIN_X, PAGE_W, OfficialDocument, SignatureSlot
from inspector_app.documents.page_style import chinese_date
from inspector_app.documents.track_tiles import TileMosaic, tiled_track_map


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def render_daily_report(snapshot: dict[str, Any], digest: str, tiles: TileMosaic | None = None) -> bytes:
    """PDF of a daily report snapshot (services.reports.daily_report_snapshot); the track map
    over ``tiles`` when the area's map tiles are stored (services.report_map), else a sketch."""
    width = PAGE_W - 2 * MARGIN_X
    t = snapshot["totals"]
    doc = OfficialDocument(snapshot["squad"], "巡查日报", chinese_date(snapshot["day"]), digest)
    doc.heading("一、概况")
    doc.fields([
        ("在岗巡查人数", str(t["officers_on_duty"])),
        ("巡查次数 / 里程", f"{t['patrols']} 次 / {t['distance_km']:.2f} 公里"),
        ("门前五包检查", f"{t['inspections']} 户，其中不达标 {t['non_compliant']} 户"),
        ("待审核", f"{t['to_review']} 项"),
    ])
    doc.heading("二、队员巡查情况")
    rows = [("姓名（执法证号）", "巡查 / 时长 / 里程 / 路段覆盖 / 检查（不达标）")]
    for o in snapshot["officers"]:
        coverage = "—" if o["coverage"] is None else f"{o['coverage']:.0f}%"
        rows.append((f"{o['name']}（{o['badge_no']}）",
                     f"{o['patrols']} 次 / {o['duration_min']} 分钟 / {o['distance_km']:.2f} 公里 / {coverage} / "
                     f"{o['inspections']}（{o['non_compliant']}）" + (f" / 退回 {o['returned']}" if o["returned"] else "")))
    doc.fields(rows, label_width_mm=48)
    roads, tracks = snapshot["map"]["roads"], snapshot["map"]["tracks"]
    drawing = tiled_track_map(tiles, roads, tracks, width, 80 * mm) if tiles else track_map(roads, tracks, width, 80 * mm)
    doc.figure("三、巡查轨迹", drawing)
    r = snapshot["rates"]
    doc.figure("四、门前五包指标", rates_bars(
        ["当日", "本月累计"],
        [("签约率", [r["day"]["signing"], r["month"]["signing"]]),
         ("知晓率", [r["day"]["awareness"], r["month"]["awareness"]]),
         ("履约率", [r["day"]["compliance"], r["month"]["compliance"]])],
        width, 60 * mm,
    ))
    doc.text(f"当日：签约率 {_pct(r['day']['signing'])}，知晓率 {_pct(r['day']['awareness'])}，履约率 {_pct(r['day']['compliance'])}；"
             f"本月累计：签约率 {_pct(r['month']['signing'])}，知晓率 {_pct(r['month']['awareness'])}，"
             f"履约率 {_pct(r['month']['compliance'])}。", indent=False)
    if snapshot.get("work_orders"):
        _work_orders(doc, snapshot["work_orders"])
    if snapshot["returned"]:
        doc.heading("五、退回补正" if not snapshot.get("work_orders") else "六、退回补正")
        doc.fields([(x["officer"], f"{x['what']}：{x['comment']}") for x in snapshot["returned"]], label_width_mm=30)
    doc.signatures([SignatureSlot("值班长（签名）", snapshot["supervisor"])], date_text=chinese_date(snapshot["day"]))
    return doc.render()


def _work_orders(doc: OfficialDocument, w: dict[str, Any]) -> None:
    """五、工单办理: the day's and the month's 12345 / 数字城管 orders of the squad."""
    def line(f: dict[str, Any]) -> str:
        hours = "—" if f["average_hours"] is None else f"{f['average_hours']:.1f} 小时"
        return (f"受理 {f['received']} 件，办结 {f['closed']} 件；办结率 {_pct(f['completion'])}，"
                f"按期办结率 {_pct(f['on_time'])}，满意度 {_pct(f['satisfaction'])}，平均办理 {hours}")

    doc.heading("五、工单办理（12345、数字城管等）")
    doc.fields([("当日", line(w["day"])), ("本月累计", line(w["month"])), ("当前超期", f"{w['overdue_now']} 件")],
               label_width_mm=30)


def render_summary(summary: dict[str, Any], digest: str) -> bytes:
    """PDF of a weekly / monthly summary (services.reports.period_summary)."""
    width = PAGE_W - 2 * MARGIN_X
    days = summary["days"]
    doc = OfficialDocument(summary["squad"], "门前五包工作汇总", f"{summary['start']} 至 {summary['end']}", digest)
    t = summary["totals"]
    doc.fields([
        ("单位数 / 已签约", f"{t['units']} / {t['signed']}"),
        ("检查次数 / 达标", f"{t['inspections']} / {t['compliant']}"),
        ("抽查知晓 / 知晓", f"{t['asked']} / {t['aware']}"),
    ])
    doc.figure("每日指标走势", rates_lines(
        [d["day"] for d in days],
        [("签约率", [d["signing"] for d in days]), ("知晓率", [d["awareness"] for d in days]),
         ("履约率", [d["compliance"] for d in days])],
        width, 70 * mm,
    ))
    doc.heading("每日明细")
    doc.fields([(d["day"], f"检查 {d['inspections']} 次 · 履约率 {_pct(d['compliance'])} · 知晓率 {_pct(d['awareness'])} · "
                           f"签约率 {_pct(d['signing'])}") for d in days], label_width_mm=30)
    return doc.render()
