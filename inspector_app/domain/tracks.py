"""GPS tracks: distance without the jumps a bad fix produces, and thinning for storage."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime

from inspector_app.domain.geo import LatLon, distance_m

# A walking or cycling officer never moves 50 m/s; a fix implying that is noise.
MAX_SPEED_M_S = 50.0


def clean_track(points: Sequence[tuple[float, float, datetime]]) -> list[tuple[float, float, datetime]]:
    """Drop fixes that imply an impossible speed from the previous kept fix."""
    kept: list[tuple[float, float, datetime]] = []
    for lat, lon, at in points:
        if kept:
            plat, plon, pat = kept[-1]
            seconds = max((at - pat).total_seconds(), 1.0)
            if distance_m(LatLon(plat, plon), LatLon(lat, lon)) / seconds > MAX_SPEED_M_S:
                continue
        kept.append((lat, lon, at))
    return kept


def track_distance_m(points: Sequence[tuple[float, float, datetime]]) -> float:
    """Walked distance over the cleaned track."""
    kept = clean_track(points)
    return sum(
        distance_m(LatLon(a[0], a[1]), LatLon(b[0], b[1])) for a, b in itertools.pairwise(kept)
    )


def thin(points: Sequence[tuple[float, float]], max_points: int = 500) -> list[tuple[float, float]]:
    """At most ``max_points`` evenly spread points, first and last kept."""
    if len(points) <= max_points:
        return list(points)
    step = (len(points) - 1) / (max_points - 1)
    return [points[round(i * step)] for i in range(max_points)]
