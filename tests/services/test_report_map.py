"""The daily report's track map on stored map tiles (issue 17, left of part 8): over the tiles
when every tile of the area is stored (the highest such zoom), with the recorded points only,
a scale bar and a north arrow; the coordinate sketch with road names when a tile is missing."""

from __future__ import annotations

import io
import os
import subprocess
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from inspector_app.documents.track_tiles import tiled_track_map
from inspector_app.domain.tiles import tile_xy
from inspector_app.maps.tiles import MBTiles
from inspector_app.services.map_tiles import BaseMap
from inspector_app.services.report_map import report_tiles
from inspector_app.services.reports import daily_report_snapshot, write_daily_report
from inspector_app.services.session import Session
from tests.services.test_reports import _polylines, _strings

DAY = date(2026, 11, 18)


def _tile(z: int, x: int, y: int) -> bytes:
    """A recognisable 256 px tile: a colour from its position, its number written on it."""
    image = Image.new("RGB", (256, 256), ((x * 40) % 256, (y * 70) % 256, 200))
    ImageDraw.Draw(image).rectangle((0, 0, 255, 255), outline=(255, 255, 255))
    ImageDraw.Draw(image).text((10, 10), f"{z}/{x}/{y}", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _store_tiles(path: Path, points: list[list[float]], zoom: int, skip: tuple[int, int] | None = None) -> int:
    (x0, y0) = tile_xy(max(p[0] for p in points), min(p[1] for p in points), zoom)
    (x1, y1) = tile_xy(min(p[0] for p in points), max(p[1] for p in points), zoom)
    tiles = [(zoom, x, y, _tile(zoom, x, y)) for x in range(x0 - 2, x1 + 3) for y in range(y0 - 2, y1 + 3)
             if (x, y) != skip]
    MBTiles(path).put_many(tiles)
    return len(tiles)


def _pdf_facts(pdf: Path) -> tuple[str, list[str]]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    if os.environ.get("RENDER_PNG_DIR"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(os.environ["RENDER_PNG_DIR"]) / pdf.stem)],
                       check=True)
    return text.replace(" ", ""), images.splitlines()[2:]


def test_the_track_is_drawn_over_the_stored_tiles(supervisor_session: Session, tmp_path: Path) -> None:
    s = supervisor_session
    snapshot = daily_report_snapshot(s, DAY)
    points = [p for line in [*(r["line"] for r in snapshot["map"]["roads"]), *snapshot["map"]["tracks"]] for p in line]
    assert points and snapshot["map"]["tracks"]
    sketch, images = _pdf_facts(write_daily_report(s, DAY, tmp_path / "before").pdf)
    assert not images and "示意图：按路段与轨迹坐标绘制" in sketch  # no tiles: the sketch, said so
    for zoom in (13, 14, 15):  # the demo squad's tracks span about 9 km: 15 needs more than 6 × 4 tiles
        _store_tiles(s.store.paths.root / "tiles.mbtiles", points, zoom)
    mosaic = report_tiles(s, BaseMap(), snapshot["map"])
    assert mosaic is not None and mosaic.zoom == 14 and mosaic.source == "本机缓存底图"  # the highest that fits
    figure = tiled_track_map(mosaic, snapshot["map"]["roads"], snapshot["map"]["tracks"], 450, 230)
    drawing = figure.drawing
    assert abs(figure.image.size[0] / figure.image.size[1] - 450 / 230) < 0.01  # cropped to the figure, not stretched
    drawn = [line.points for line in _polylines(drawing)]
    tracks = [t for t in snapshot["map"]["tracks"] if len(t) > 1]
    assert [len(p) // 2 for p in drawn] == [len(t) for t in tracks]  # every recorded point, nothing added
    assert all(0 <= x <= 450 and 0 <= y <= 230 for p in drawn for x, y in zip(p[::2], p[1::2], strict=True))
    labels = _strings(drawing)
    assert {r["name"] for r in snapshot["map"]["roads"]} & set(labels) and "北" in labels
    assert any(t.endswith(" m") or t.endswith(" km") for t in labels)
    text, images = _pdf_facts(write_daily_report(s, DAY, tmp_path / "tiles").pdf)
    assert len(images) == 1 and "底图：本机缓存底图（第14级瓦片）" in text and "示意图" not in text


def test_a_missing_tile_means_a_lower_zoom_or_the_sketch(supervisor_session: Session, tmp_path: Path) -> None:
    s = supervisor_session
    snapshot = daily_report_snapshot(s, DAY)
    track = snapshot["map"]["tracks"][0]
    cache = s.store.paths.root / "tiles.mbtiles"
    points = [p for line in [*(r["line"] for r in snapshot["map"]["roads"]), *snapshot["map"]["tracks"]] for p in line]
    _store_tiles(cache, points, 14, skip=tile_xy(track[0][0], track[0][1], 14))  # a hole under the track
    assert report_tiles(s, BaseMap(), snapshot["map"]) is None
    _store_tiles(cache, points, 12)
    mosaic = report_tiles(s, BaseMap(), snapshot["map"])
    assert mosaic is not None and mosaic.zoom == 12
    office = tmp_path / "office.mbtiles"
    _store_tiles(office, points, 14)
    mosaic = report_tiles(s, BaseMap(office_file=str(office)), snapshot["map"])
    assert mosaic is not None and mosaic.zoom == 14 and mosaic.source == "单位离线底图"  # the office file fills the hole
    assert report_tiles(s, BaseMap(), {"roads": [], "tracks": []}) is None  # nothing to draw
