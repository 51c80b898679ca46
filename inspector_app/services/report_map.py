"""The tiles under the daily report's track map: the highest zoom at which every tile of the
area the tracks and roads cover is stored (the office's MBTiles file first, then the map's own
cache — nothing is downloaded for a report), or None, and the report draws its coordinate
sketch instead. Positions go onto GCJ-02 tiles converted, as on the map page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from inspector_app.documents.track_tiles import TileMosaic
from inspector_app.domain.coords import wgs84_to_gcj02
from inspector_app.domain.tiles import tile_xy
from inspector_app.services.map_tiles import BaseMap, TileReader
from inspector_app.services.session import Session

ZOOMS = range(17, 11, -1)  # street level first, down to the whole district
MAX_COLUMNS, MAX_ROWS = 6, 4  # 1536 × 1024 px: sharp at print size, a small PDF


def in_tile_datum(base: BaseMap, lines: Sequence[Sequence[Sequence[float]]]) -> list[list[list[float]]]:
    """[lat, lon] lines in the datum the tiles are drawn in (GCJ-02 for 高德-style sources): the
    tiles are chosen around where the tracks appear on them."""
    if base.crs != "gcj02":
        return [[list(p) for p in line] for line in lines]
    return [[list(wgs84_to_gcj02(p[0], p[1])) for p in line] for line in lines]


def _mosaic(reader: TileReader, points: Sequence[Sequence[float]], zoom: int, source: str,
            crs: str) -> TileMosaic | None:
    corners = [tile_xy(lat, lon, zoom) for lat, lon in ((max(p[0] for p in points), min(p[1] for p in points)),
                                                        (min(p[0] for p in points), max(p[1] for p in points)))]
    (x0, y0), (x1, y1) = corners
    # one tile more on every side: the crop adds a margin and widens to the drawing's shape
    x0, y0, x1, y1 = x0 - 1, y0 - 1, x1 + 1, y1 + 1
    if x1 - x0 + 1 > MAX_COLUMNS or y1 - y0 + 1 > MAX_ROWS:
        return None
    tiles: dict[tuple[int, int], bytes] = {}
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            data = reader.get(zoom, x, y)
            if data is None:
                return None  # a hole in the map would look like an empty street: no tiles then
            tiles[(x, y)] = data
    return TileMosaic(zoom, x0, y0, x1 - x0 + 1, y1 - y0 + 1, tiles, source, crs)


def report_tiles(session: Session, base: BaseMap, map_data: Mapping[str, Any]) -> TileMosaic | None:
    """The stored tiles for a report's map ({"roads", "tracks"} in WGS-84), or None when no
    zoom has every tile of the area (or there is nothing to draw). Reads files: off the UI thread."""
    lines = [*(r["line"] for r in map_data["roads"]), *map_data["tracks"]]
    points = [p for line in in_tile_datum(base, lines) for p in line]
    if not points:
        return None
    reader = TileReader(session.store.paths.root, base.office_file)
    source = "单位离线底图" if reader.office is not None else "本机缓存底图"
    for zoom in ZOOMS:
        mosaic = _mosaic(reader, points, zoom, source, base.crs)
        if mosaic is not None:
            return mosaic
    return None
