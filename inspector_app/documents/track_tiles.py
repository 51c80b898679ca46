"""The daily report's track map over real map tiles (the office's MBTiles file or the tiles
the map cached), when every tile of the area is stored: the tiles stitched with Pillow and
cropped to the tracks and roads, the tracks drawn over them in blue, each street named once,
a scale bar and a north arrow. Only recorded points are drawn; without the tiles the report
keeps the coordinate sketch (charts.track_map)."""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from inspector_app.documents.charts import embedded_drawing, north_arrow, scale_bar
from inspector_app.documents.fonts import BODY
from inspector_app.domain.coords import wgs84_to_gcj02

TILE_PX = 256
EARTH_M_PER_PX_Z0 = 156_543.033_92  # web-mercator metres per pixel at the equator, zoom 0
MARGIN_PX = 24  # room around the outermost point, so a track is not drawn on the frame


@dataclass(frozen=True)
class TileMosaic:
    """A complete grid of tiles at one zoom: ``tiles[(x, y)]`` for x0 ≤ x < x0 + cols and
    y0 ≤ y < y0 + rows (XYZ numbering), each an encoded PNG/JPEG as stored."""

    zoom: int
    x0: int
    y0: int
    cols: int
    rows: int
    tiles: Mapping[tuple[int, int], bytes]
    source: str  # what the caption names: 单位离线底图 / 本机缓存底图
    crs: str = "wgs84"  # "gcj02" for 高德-style tiles: recorded positions are converted to draw


def world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """A position as web-mercator pixels of the whole world at ``zoom`` (256 px tiles)."""
    size = TILE_PX * 2**zoom
    rad = math.radians(max(min(lat, 85.05), -85.05))
    return (lon + 180.0) / 360.0 * size, (1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * size


def _stitch(m: TileMosaic) -> PILImage.Image:
    out = PILImage.new("RGB", (m.cols * TILE_PX, m.rows * TILE_PX), "white")
    for (x, y), data in m.tiles.items():
        with PILImage.open(io.BytesIO(data)) as tile:
            out.paste(tile.convert("RGB").resize((TILE_PX, TILE_PX)), ((x - m.x0) * TILE_PX, (y - m.y0) * TILE_PX))
    return out


def _crop_box(points: Sequence[tuple[float, float]], aspect: float, limit: tuple[int, int]) -> tuple[float, ...]:
    """The points' box plus a margin, widened to the drawing's aspect, kept inside the mosaic."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w, h = max(xs) - min(xs) + 2 * MARGIN_PX, max(ys) - min(ys) + 2 * MARGIN_PX
    w, h = max(w, h * aspect), max(h, w / aspect)
    w, h = min(w, limit[0]), min(h, limit[1])
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    left, top = min(max(cx - w / 2, 0), limit[0] - w), min(max(cy - h / 2, 0), limit[1] - h)
    return left, top, left + w, top + h


class TiledTrackMap(Flowable):
    """The stitched tiles as an image XObject with the drawing (tracks, names, scale) over it.
    (A drawing's own image node is written inline, which the numbered-page canvas cannot hold.)"""

    def __init__(self, image: PILImage.Image, drawing: Drawing) -> None:
        super().__init__()
        self.image, self.drawing = image, drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(ImageReader(self.image), 0, 0, self.width, self.height)
        renderPDF.draw(self.drawing, self.canv, 0, 0)


def tiled_track_map(mosaic: TileMosaic, roads: Sequence[Mapping[str, Any]],
                    tracks: Sequence[Sequence[Sequence[float]]], width: float, height: float) -> TiledTrackMap:
    """Tracks and named roads ([lat, lon], WGS-84) over the stitched tiles, north up, to scale."""
    origin = (mosaic.x0 * TILE_PX, mosaic.y0 * TILE_PX)

    def px(p: Sequence[float]) -> tuple[float, float]:
        lat, lon = wgs84_to_gcj02(p[0], p[1]) if mosaic.crs == "gcj02" else (p[0], p[1])
        x, y = world_px(lat, lon, mosaic.zoom)
        return x - origin[0], y - origin[1]

    points = [px(p) for line in [*(r["line"] for r in roads), *tracks] for p in line]
    left, top, right, bottom = _crop_box(points, width / height, (mosaic.cols * TILE_PX, mosaic.rows * TILE_PX))
    image = _stitch(mosaic).crop((round(left), round(top), round(right), round(bottom)))
    k = width / (right - left)  # points per mosaic pixel; the crop has the drawing's aspect
    d = embedded_drawing(width, height)

    def xy(p: Sequence[float]) -> list[float]:
        x, y = px(p)
        return [(x - left) * k, height - (y - top) * k]  # PDF y runs up, pixel y down

    for track in tracks:
        if len(track) > 1:
            d.add(PolyLine([c for p in track for c in xy(p)], strokeColor=colors.HexColor("#1565c0"), strokeWidth=1.6))
    named: dict[str, Sequence[Sequence[float]]] = {}
    for r in roads:  # each street named once, at the middle of its longest segment
        if r.get("name") and len(r["line"]) > 1 and len(r["line"]) >= len(named.get(r["name"], [])):
            named[r["name"]] = r["line"]
    for name, line in named.items():
        x, y = xy(line[len(line) // 2])
        d.add(String(x + 3, y + 4, name, fontName=BODY, fontSize=7, fillColor=colors.HexColor("#5d4037")))
    lat = sum(p[0] for t in tracks for p in t) / max(sum(len(t) for t in tracks), 1) if any(tracks) else \
        roads[0]["line"][0][0]
    metres_per_px = EARTH_M_PER_PX_Z0 * math.cos(math.radians(lat)) / 2**mosaic.zoom
    scale_bar(d, metres_per_px / k, width, 16)
    north_arrow(d, width - 16, height - 22)
    d.add(Rect(0, 0, width, 12, fillColor=colors.Color(1, 1, 1, alpha=0.75), strokeColor=None))
    d.add(String(4, 4, f"底图：{mosaic.source}（第 {mosaic.zoom} 级瓦片）；轨迹为巡查记录的定位点", fontName=BODY, fontSize=7,
                 fillColor=colors.HexColor("#555555")))
    d.add(Rect(0, 0, width, height, fillColor=None, strokeColor=colors.HexColor("#999999")))
    return TiledTrackMap(image, d)
