"""Positions and distances. Coordinates are WGS-84 (practically equal to CGCS2000)."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class LatLon:
    """A WGS-84 position in decimal degrees."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Bounds:
    """A latitude/longitude box."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the position lies inside the box (edges included)."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


# Jinan's administrative area (incl. 莱芜, 钢城, 商河, 平阴) with a small margin.
JINAN_BOUNDS = Bounds(south=35.95, west=116.18, north=37.55, east=117.98)


def distance_m(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp = p2 - p1
    dl = math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def track_length_m(points: list[LatLon]) -> float:
    """Length of a polyline in metres."""
    return sum(distance_m(a, b) for a, b in itertools.pairwise(points))
