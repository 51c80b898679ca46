"""Drawings for reports, made with reportlab's graphics (no network, no extra library): a
sketch map of roads and tracks, bar charts of rates, a line chart of daily rates."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from inspector_app.documents.fonts import BODY, ensure_fonts

RATE_COLOURS = (colors.HexColor("#1e88e5"), colors.HexColor("#7cb342"), colors.HexColor("#fb8c00"))


def track_map(roads: Sequence[Sequence[Sequence[float]]], tracks: Sequence[Sequence[Sequence[float]]],
              width: float, height: float) -> Drawing:
    """Road segments (grey) and patrol tracks (blue) on a neutral background, north up, with a
    100 m scale bar; drawn from coordinates only, so it needs no map tiles."""
    ensure_fonts()
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#f4f1ea"), strokeColor=colors.HexColor("#cccccc")))
    points = [p for line in [*roads, *tracks] for p in line]
    if not points:
        d.add(String(width / 2, height / 2, "当日无巡查轨迹", fontName=BODY, fontSize=11, textAnchor="middle"))
        return d
    lat0 = sum(p[0] for p in points) / len(points)
    kx = math.cos(math.radians(lat0))
    xs, ys = [p[1] * kx for p in points], [p[0] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-4)
    margin = 12
    scale = min(width, height) - 2 * margin
    scale /= span

    x0, y0 = min(xs), min(ys)

    def xy(p: Sequence[float]) -> list[float]:
        return [margin + (p[1] * kx - x0) * scale, margin + (p[0] - y0) * scale]

    for line in roads:
        d.add(PolyLine([c for p in line for c in xy(p)], strokeColor=colors.HexColor("#b0aba0"), strokeWidth=5))
    for track in tracks:
        if len(track) > 1:
            d.add(PolyLine([c for p in track for c in xy(p)], strokeColor=colors.HexColor("#1565c0"), strokeWidth=1.2))
    metres_per_unit = 111_320 / scale
    bar = 100 / metres_per_unit if metres_per_unit else 0
    if 5 < bar < width / 2:
        d.add(Line(width - margin - bar, margin, width - margin, margin, strokeWidth=2))
        d.add(String(width - margin - bar / 2, margin + 4, "100 m", fontName=BODY, fontSize=8, textAnchor="middle"))
    d.add(String(width - margin, height - margin - 8, "北 ↑", fontName=BODY, fontSize=9, textAnchor="end"))
    return d


def rates_bars(groups: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
               width: float, height: float) -> Drawing:
    """Grouped bars (0-100 %) with a legend."""
    ensure_fonts()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 150, height - 45
    chart.data = [[v or 0 for v in values] for _, values in series]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = BODY
    chart.categoryAxis.categoryNames = list(groups)
    chart.categoryAxis.labels.fontName = BODY
    for i, colour in enumerate(RATE_COLOURS[: len(series)]):
        chart.bars[i].fillColor = colour
    d.add(chart)
    d.add(_legend(series, width - 100, height - 20))
    return d


def rates_lines(days: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
                width: float, height: float) -> Drawing:
    """Daily rates as lines (missing days are carried from the day before)."""
    ensure_fonts()
    d = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 150, height - 45
    data = []
    for _, values in series:
        last = next((float(v) for v in values if v is not None), 0.0)
        filled = []
        for v in values:
            last = v if v is not None else last
            filled.append(last)
        data.append(filled)
    chart.data = data
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = BODY
    step = max(1, len(days) // 8)
    chart.categoryAxis.categoryNames = [d[5:] if i % step == 0 else "" for i, d in enumerate(days)]
    chart.categoryAxis.labels.fontName = BODY
    chart.categoryAxis.labels.fontSize = 7
    for i, colour in enumerate(RATE_COLOURS[: len(series)]):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.5
    d.add(chart)
    d.add(_legend(series, width - 100, height - 20))
    return d


def _legend(series: Sequence[tuple[str, object]], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = BODY
    legend.fontSize = 9
    legend.colorNamePairs = list(zip(RATE_COLOURS, [name for name, _ in series], strict=False))
    return legend
