"""Road coverage: which assigned road segments a patrol actually walked.

A segment counts as visited when a point of the patrol's track lies within
:data:`VISIT_RADIUS_M` of it (GPS error plus the width of a street), or when a unit on that
segment was inspected during the patrol.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

VISIT_RADIUS_M = 60.0
_M_PER_DEG = 111_320.0


def _xy(lat: float, lon: float, lat0: float) -> tuple[float, float]:
    return lon * _M_PER_DEG * math.cos(math.radians(lat0)), lat * _M_PER_DEG


def point_segment_distance_m(p: Sequence[float], a: Sequence[float], b: Sequence[float]) -> float:
    """Metres from point ``p`` to the segment a–b (lat, lon pairs; fine at street scale)."""
    lat0 = p[0]
    px, py = _xy(p[0], p[1], lat0)
    ax, ay = _xy(a[0], a[1], lat0)
    bx, by = _xy(b[0], b[1], lat0)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def near_polyline(points: Iterable[Sequence[float]], line: Sequence[Sequence[float]], radius_m: float = VISIT_RADIUS_M) -> bool:
    """Whether any of ``points`` lies within ``radius_m`` of the polyline."""
    pairs = list(itertools.pairwise(line)) or [(line[0], line[0])] if line else []
    return any(point_segment_distance_m(p, a, b) <= radius_m for p in points for a, b in pairs)


def coverage(assigned: Sequence[str], geometries: dict[str, Sequence[Sequence[float]]],
             track: Sequence[Sequence[float]], inspected_roads: set[str]) -> set[str]:
    """The assigned segment ids that count as visited."""
    return {
        road for road in assigned
        if road in inspected_roads or (road in geometries and near_polyline(track, geometries[road]))
    }
