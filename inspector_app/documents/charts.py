"""Drawings for reports, made with reportlab's graphics (no network, no extra library): a
sketch map of named roads and tracks, bar charts of rates, a line chart of daily rates. Every
text is drawn in the embedded face (reportlab's chart defaults would reference Helvetica)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from inspector_app.documents.fonts import BODY, ensure_fonts

RATE_COLOURS = (colors.HexColor("#1e88e5"), colors.HexColor("#7cb342"), colors.HexColor("#fb8c00"))


def embedded_drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is the embedded face: the renderer otherwise sets
    Helvetica when it starts, which the PDF then references without embedding it."""
    ensure_fonts()
    d = Drawing(width, height)
    d.initialFontName = BODY
    return d


SCALE_STEPS_M = (20, 50, 100, 200, 500, 1000, 2000, 5000)


def scale_bar(d: Drawing, metres_per_point: float, width: float, margin: float) -> None:
    """The longest round length that fits a quarter of the width, drawn bottom right."""
    fitting = [m for m in SCALE_STEPS_M if m / metres_per_point <= width / 4]
    metres = fitting[-1] if fitting else SCALE_STEPS_M[0]
    bar = metres / metres_per_point
    x1 = width - margin
    d.add(Line(x1 - bar, margin, x1, margin, strokeWidth=2))
    for x in (x1 - bar, x1):
        d.add(Line(x, margin - 2, x, margin + 2, strokeWidth=1))
    label = f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"
    d.add(String(x1 - bar / 2, margin + 4, label, fontName=BODY, fontSize=8, textAnchor="middle"))


def north_arrow(d: Drawing, x: float, y: float) -> None:
    """A north arrow with 北 above it, its tip at (x, y)."""
    d.add(Polygon([x, y, x - 4, y - 12, x, y - 9, x + 4, y - 12], fillColor=colors.black, strokeColor=colors.black))
    d.add(String(x, y + 3, "北", fontName=BODY, fontSize=9, textAnchor="middle"))


def track_map(roads: Sequence[Mapping[str, Any]], tracks: Sequence[Sequence[Sequence[float]]],
              width: float, height: float) -> Drawing:
    """Road segments (grey, named from the road table) and patrol tracks (blue), north up, to
    scale, with a scale bar and a north arrow. Drawn from coordinates only — no map tiles — and
    it says so: it is a sketch, not a survey map. ``roads``: {"name", "line": [[lat, lon], …]}."""
    d = embedded_drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#f4f1ea"), strokeColor=colors.HexColor("#cccccc")))
    lines = [r["line"] for r in roads]
    points = [p for line in [*lines, *tracks] for p in line]
    if not points:
        d.add(String(width / 2, height / 2, "当日无巡查轨迹", fontName=BODY, fontSize=11, textAnchor="middle"))
        return d
    lat0 = sum(p[0] for p in points) / len(points)
    kx = math.cos(math.radians(lat0))
    xs, ys = [p[1] * kx for p in points], [p[0] for p in points]
    margin = 16
    scale = min((width - 2 * margin) / max(max(xs) - min(xs), 1e-5), (height - 2 * margin) / max(max(ys) - min(ys), 1e-5))
    x0, y0 = min(xs), min(ys)

    def xy(p: Sequence[float]) -> list[float]:
        return [margin + (p[1] * kx - x0) * scale, margin + (p[0] - y0) * scale]

    for line in lines:
        d.add(PolyLine([c for p in line for c in xy(p)], strokeColor=colors.HexColor("#b0aba0"), strokeWidth=5))
    for track in tracks:
        if len(track) > 1:
            d.add(PolyLine([c for p in track for c in xy(p)], strokeColor=colors.HexColor("#1565c0"), strokeWidth=1.2))
    named: dict[str, Sequence[Sequence[float]]] = {}
    for r in roads:  # each street named once, at the middle of its longest segment
        if r.get("name") and len(r["line"]) > 1 and len(r["line"]) >= len(named.get(r["name"], [])):
            named[r["name"]] = r["line"]
    for name, line in named.items():
        x, y = xy(line[len(line) // 2])
        d.add(String(x + 3, y + 4, name, fontName=BODY, fontSize=7, fillColor=colors.HexColor("#5d4037")))
    scale_bar(d, 111_320 / scale, width, margin)
    north_arrow(d, width - margin, height - margin - 6)
    d.add(String(4, 4, "示意图：按路段与轨迹坐标绘制，非测绘底图", fontName=BODY, fontSize=7,
                 fillColor=colors.HexColor("#777777")))
    return d


def rates_bars(groups: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
               width: float, height: float) -> Drawing:
    """Grouped bars (0-100 %) with a legend."""
    d = embedded_drawing(width, height)
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
    """Daily rates (0-100 %) as lines: a day without a figure (no inspections) is a gap, never
    the day before carried forward; every day with a figure has a dot, so a lone day shows."""
    d = embedded_drawing(width, height)
    x0, y0, w, h = 40.0, 30.0, width - 150, height - 45
    grid = colors.HexColor("#dddddd")
    for pct in range(0, 101, 25):
        y = y0 + h * pct / 100
        d.add(Line(x0, y, x0 + w, y, strokeColor=grid, strokeWidth=0.5))
        d.add(String(x0 - 4, y - 3, str(pct), fontName=BODY, fontSize=7, textAnchor="end"))
    step_x = w / max(len(days) - 1, 1)
    label_every = max(1, len(days) // 8)
    for i, day in enumerate(days):
        if i % label_every == 0:
            d.add(String(x0 + i * step_x, y0 - 12, day[5:], fontName=BODY, fontSize=7, textAnchor="middle"))
    drawn = False
    for (_, values), colour in zip(series, RATE_COLOURS, strict=False):
        run: list[float] = []
        for i, v in enumerate([*values, None]):
            if v is not None:
                x, y = x0 + i * step_x, y0 + h * max(0.0, min(100.0, v)) / 100
                d.add(Circle(x, y, 1.6, fillColor=colour, strokeColor=colour))
                run += [x, y]
                drawn = True
                continue
            if len(run) > 2:
                d.add(PolyLine(run, strokeColor=colour, strokeWidth=1.5))
            run = []
    if not drawn:
        d.add(String(x0 + w / 2, y0 + h / 2, "期间无检查数据", fontName=BODY, fontSize=10, textAnchor="middle"))
    d.add(_legend(series, width - 100, height - 20))
    return d


def _legend(series: Sequence[tuple[str, object]], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = BODY
    legend.fontSize = 9
    legend.colorNamePairs = list(zip(RATE_COLOURS, [name for name, _ in series], strict=False))
    return legend
