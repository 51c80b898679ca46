"""XYZ tile arithmetic (Web Mercator) shared by the tile cache and the downloader."""

from __future__ import annotations

import math
from dataclasses import dataclass

TILE_SCHEME = "inspector-tile"  # the app's URL scheme for base-map tiles (page and web profile)
AVERAGE_TILE_BYTES = 18_000  # a 256 px street-map PNG; used for the size estimate
MAX_DOWNLOAD_TILES = 60_000  # a squad's area to street level; more is a mistake in the zoom range


@dataclass(frozen=True)
class Area:
    """A latitude/longitude box and a zoom range."""

    south: float
    west: float
    north: float
    east: float
    min_zoom: int
    max_zoom: int


def tile_xy(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The XYZ tile containing a position."""
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    rad = math.radians(max(min(lat, 85.05), -85.05))
    y = int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def _span(area: Area, z: int) -> tuple[int, int, int, int]:
    x0, y0 = tile_xy(area.north, area.west, z)
    x1, y1 = tile_xy(area.south, area.east, z)
    return x0, y0, x1, y1


def tile_count(area: Area) -> int:
    """How many tiles an area has, without listing them."""
    total = 0
    for z in range(area.min_zoom, area.max_zoom + 1):
        x0, y0, x1, y1 = _span(area, z)
        total += (x1 - x0 + 1) * (y1 - y0 + 1)
    return total


def tiles_in(area: Area) -> list[tuple[int, int, int]]:
    """Every (z, x, y) tile of an area, lowest zoom first."""
    out = []
    for z in range(area.min_zoom, area.max_zoom + 1):
        x0, y0, x1, y1 = _span(area, z)
        out += [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    return out


def estimate(area: Area) -> tuple[int, int]:
    """(tile count, estimated bytes) of an area."""
    count = tile_count(area)
    return count, count * AVERAGE_TILE_BYTES


TILE_URL_FIELDS = ("z", "x", "y", "s", "key")


def usable_tile_url(url: str) -> bool:
    """Whether an XYZ address template can be used: http(s) to a host, with {z}, {x} and {y},
    and no placeholder other than those and {s} (subdomain) and {key}."""
    from string import Formatter
    from urllib.parse import urlsplit

    try:
        fields = {name for _, name, _, _ in Formatter().parse(url) if name is not None}
        parts = urlsplit(url.format(z=0, x=0, y=0, s="1", key="k"))
    except (KeyError, IndexError, ValueError):
        return False
    return {"z", "x", "y"} <= fields <= set(TILE_URL_FIELDS) and parts.scheme in ("http", "https") and bool(parts.hostname)
