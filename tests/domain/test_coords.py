import json

import pytest

from inspector_app.domain.coords import gcj02_to_wgs84, wgs84_to_gcj02
from inspector_app.domain.geo import LatLon, distance_m
from inspector_app.domain.resources import resource_path

LANDMARKS = json.loads(resource_path("catalogs", "demo_geography.json").read_text("utf-8"))["landmarks"]


@pytest.mark.parametrize("landmark", LANDMARKS, ids=lambda mark: mark["name_zh"])
def test_conversion_matches_the_published_gcj02_positions(landmark) -> None:  # type: ignore[no-untyped-def]
    lat, lon = wgs84_to_gcj02(landmark["lat"], landmark["lon"])
    assert distance_m(LatLon(lat, lon), LatLon(landmark["gcj02_lat"], landmark["gcj02_lon"])) < 5
    back = gcj02_to_wgs84(lat, lon)
    assert distance_m(LatLon(*back), LatLon(landmark["lat"], landmark["lon"])) < 0.5


def test_outside_china_is_unchanged() -> None:
    assert wgs84_to_gcj02(48.8566, 2.3522) == (48.8566, 2.3522)
