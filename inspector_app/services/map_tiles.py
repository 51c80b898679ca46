"""Base-map tiles for the map: where they come from (an office MBTiles file, the profile's
tile cache) and filling the cache from an online XYZ source, for a chosen area or tile by tile
as the map is browsed while online.

天地图 draws in CGCS2000, which is WGS-84 to within centimetres, so positions go in unchanged;
a GCJ-02 source (高德) needs every position converted, which services/map_data.py does when the
source says ``crs="gcj02"``."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.tiles import MAX_DOWNLOAD_TILES, Area, estimate, usable_tile_url
from inspector_app.maps.tiles import MBTiles
from inspector_app.services.session import Session
from inspector_app.storage.map_layers import road_geometries
from inspector_app.sync.tile_download import DownloadResult as DownloadResult
from inspector_app.sync.tile_download import TileFetcher, TileSource, download_area

TIANDITU_URL = ("https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                "&TILECOL={x}&tk={key}")
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@dataclass(frozen=True)
class BaseMap:
    """The configured base map: ``kind`` is "tianditu", "osm", "custom" or "none"."""

    kind: str = "none"
    url: str = ""
    key: str = ""
    crs: str = "wgs84"
    office_file: str = ""
    fetch_while_browsing: bool = True  # missing tiles fetched (and kept) when online

    def fetches_online(self) -> bool:
        """Whether the map fetches missing tiles from the online source as it is browsed."""
        if not self.fetch_while_browsing or self.kind == "none":
            return False
        try:
            self.source()
        except UserError:
            return False
        return True

    def source(self) -> TileSource:
        """The online source to download from; a clear message when it cannot be used."""
        if self.kind == "tianditu":
            if not self.key.strip():
                raise UserError(
                    QT_TRANSLATE_NOOP("errors", "天地图 needs a key to download tiles."),
                    QT_TRANSLATE_NOOP("errors", "Enter the bureau's 天地图 key under Base map… and try again."),
                )
            return TileSource(TIANDITU_URL, self.key.strip(), "01234567")
        if self.kind == "osm":
            return TileSource(OSM_URL, "", "")
        if self.kind == "custom":
            if usable_tile_url(self.url):
                return TileSource(self.url, self.key.strip(), "1234" if "{s}" in self.url else "")
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "The tile address \"{url}\" cannot be used."),
                QT_TRANSLATE_NOOP("errors", "Write an http:// or https:// address with {{z}}, {{x}} and {{y}} in it "
                                            "(and, if needed, {{s}} and {{key}}), for example "
                                            "https://example.org/tiles/{{z}}/{{x}}/{{y}}.png."),
                url=self.url,
            )
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "No online tile source is set up."),
            QT_TRANSLATE_NOOP("errors", "Choose 天地图, OpenStreetMap or an address with {{z}}, {{x}} and {{y}} under Base map…."),
        )


class TileReader:
    """Reads tiles for the map: the office's MBTiles file first, then the profile's cache."""

    def __init__(self, profile_root: Path, office_file: str = "") -> None:
        self.cache = MBTiles(profile_root / "tiles.mbtiles")
        office = Path(office_file) if office_file else None
        self.office = MBTiles(office) if office and office.is_file() else None

    def get(self, z: int, x: int, y: int) -> bytes | None:
        """A tile's bytes, or None when neither file has it."""
        if self.office is not None:
            data = self.office.get(z, x, y)
            if data is not None:
                return data
        return self.cache.get(z, x, y)

    def available(self) -> bool:
        """Whether any tile at all is stored (else the page draws a neutral background)."""
        return (self.office is not None and self.office.count() > 0) or self.cache.count() > 0


class OnlineTiles:
    """Tiles missing from the offline files, fetched from the online source as the map is
    browsed and kept in the profile's tile cache (so they are there offline next time). After
    a few failures in a row (no network in the street) it stops trying for a minute, so an
    officer offline sees the map at once instead of waiting on each tile. Thread-safe."""

    FAILURES_BEFORE_PAUSE = 3
    PAUSE_S = 60.0

    def __init__(self, profile_root: Path, base: BaseMap, clock: Callable[[], float] = time.monotonic) -> None:
        self.fetcher = TileFetcher(base.source())
        self.cache = MBTiles(profile_root / "tiles.mbtiles")
        self.clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._paused_until = 0.0

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        """The tile from the online source, stored in the cache; None if it cannot be had now."""
        with self._lock:
            if self.clock() < self._paused_until:
                return None
        data = self.fetcher.fetch(z, x, y)
        with self._lock:
            if data is None:
                self._failures += 1
                if self._failures >= self.FAILURES_BEFORE_PAUSE:
                    self._paused_until = self.clock() + self.PAUSE_S
                    self._failures = 0
                return None
            self._failures = 0
        self.cache.put_many([(z, x, y, data)])
        return data

    def close(self) -> None:
        """Close the connections."""
        self.fetcher.close()


def page_tiles(session: Session, base: BaseMap) -> tuple[TileReader, OnlineTiles | None]:
    """What a map page draws its base map from: the stored tiles, and the online source for
    missing ones when the base map fetches while browsing."""
    root = session.store.paths.root
    return TileReader(root, base.office_file), OnlineTiles(root, base) if base.fetches_online() else None


def area_estimate(area: Area) -> tuple[int, int]:
    """(tiles, estimated bytes) for the download dialog."""
    return estimate(area)


def download_tiles(profile_root: Path, base: BaseMap, area: Area, progress: Progress | None = None) -> DownloadResult:
    """Fill the profile's tile cache with ``area`` from the configured online source; tiles
    already stored are kept and skipped, so a cancelled download resumes where it stopped."""
    count, _ = estimate(area)
    if count > MAX_DOWNLOAD_TILES:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "This area has {count} tiles, more than the {limit} one download may fetch."),
            QT_TRANSLATE_NOOP("errors", "Zoom in on a smaller area or lower the highest zoom level."),
            count=count, limit=MAX_DOWNLOAD_TILES,
        )
    cache = MBTiles(profile_root / "tiles.mbtiles")
    cache.set_metadata(name="inspector tile cache", format="png", type="baselayer")
    return download_area(base.source(), area, cache, progress)


SQUAD_MARGIN_DEG = 0.003  # ≈ 300 m around the squad's roads


def squad_area(session: Session, min_zoom: int = 12, max_zoom: int = 16) -> Area | None:
    """The box around the signed-in officer's squad's road segments (None without roads), for
    offering its tiles for offline use."""
    points = []
    for _id, _name, geometry in road_geometries(session.store.db, session.actor.squad_id):
        points += json.loads(geometry)
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    m = SQUAD_MARGIN_DEG
    return Area(min(lats) - m, min(lons) - m, max(lats) + m, max(lons) + m, min_zoom, max_zoom)
