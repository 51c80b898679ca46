"""Filling the offline tile cache from a tile server (a real one on loopback), and what the
map is given to draw."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from inspector_app.domain.coords import wgs84_to_gcj02
from inspector_app.domain.errors import UserError
from inspector_app.domain.progress import Cancelled, Progress
from inspector_app.domain.tiles import Area, estimate, tiles_in
from inspector_app.maps.tiles import MBTiles
from inspector_app.services.map_data import (
    LayerQuery,
    MapOptions,
    describe,
    map_layers,
    map_page,
    unit_points,
)
from inspector_app.services.map_tiles import (
    BaseMap,
    OnlineTiles,
    TileReader,
    download_tiles,
    page_tiles,
)
from inspector_app.services.session import Session

AREA = Area(36.64, 117.10, 36.66, 117.13, 13, 15)


class TileServer:
    """Serves a tiny PNG for every tile; can be told to fail."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.status = 200
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits.append(self.path)
                self.send_response(owner.status)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                if owner.status == 200:
                    self.wfile.write(b"\\x89PNG fake tile " + self.path.encode())

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"


@pytest.fixture
def tile_server() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.server.shutdown()


def test_download_fills_the_cache_and_skips_what_is_stored(session: Session, tile_server: TileServer) -> None:
    root = session.store.paths.root
    base = BaseMap(kind="custom", url=tile_server.url)
    result = download_tiles(root, base, AREA)
    count, size = estimate(AREA)
    assert result.fetched == count == len(tiles_in(AREA)) and size > 0
    assert MBTiles(root / "tiles.mbtiles").count() == count
    z, x, y = tiles_in(AREA)[-1]
    assert TileReader(root).get(z, x, y) == f"\\x89PNG fake tile /{z}/{x}/{y}.png".encode()
    again = download_tiles(root, base, AREA)
    assert (again.fetched, again.skipped) == (0, count)
    assert len(tile_server.hits) == count


def test_cancel_keeps_the_tiles_already_saved(session: Session, tile_server: TileServer) -> None:
    root = session.store.paths.root
    area = Area(36.64, 117.10, 36.66, 117.13, 13, 17)
    progress = Progress(lambda done, total, note: progress.cancel() if done >= 40 else None)
    with pytest.raises(Cancelled):
        download_tiles(root, BaseMap(kind="custom", url=tile_server.url), area, progress)
    kept = MBTiles(root / "tiles.mbtiles").count()
    assert kept == len(tile_server.hits) >= 40
    result = download_tiles(root, BaseMap(kind="custom", url=tile_server.url), area)
    assert result.skipped == kept and result.fetched == len(tiles_in(area)) - kept


def test_a_failing_server_gives_a_clear_message_and_keeps_saved_tiles(session: Session, tile_server: TileServer) -> None:
    root = session.store.paths.root
    download_tiles(root, BaseMap(kind="custom", url=tile_server.url), Area(36.64, 117.10, 36.66, 117.13, 13, 13))
    saved = MBTiles(root / "tiles.mbtiles").count()
    tile_server.status = 503
    with pytest.raises(UserError, match="does not answer"):
        download_tiles(root, BaseMap(kind="custom", url=tile_server.url), AREA)
    assert MBTiles(root / "tiles.mbtiles").count() == saved


@pytest.mark.parametrize("base, message", [
    (BaseMap(kind="tianditu"), "needs a key"),
    (BaseMap(kind="custom", url="https://example.org/tiles.png"), "cannot be used"),
    (BaseMap(kind="custom", url="https://example.org/{z}/{x}/{y}/{zoom}.png"), "cannot be used"),
    (BaseMap(kind="custom", url="ftp://example.org/{z}/{x}/{y}.png"), "cannot be used"),
    (BaseMap(kind="none"), "No online tile source"),
])
def test_an_unusable_source_is_explained_before_anything_is_fetched(session: Session, base: BaseMap, message: str) -> None:
    with pytest.raises(UserError, match=message):
        download_tiles(session.store.paths.root, base, AREA)
    assert not (session.store.paths.root / "tiles.mbtiles").exists() or MBTiles(session.store.paths.root / "tiles.mbtiles").count() == 0


def test_too_large_an_area_is_refused(session: Session) -> None:
    with pytest.raises(UserError, match="more than"):
        download_tiles(session.store.paths.root, BaseMap(kind="osm"), Area(36.0, 116.5, 37.5, 117.9, 10, 18))


def test_the_office_file_comes_before_the_cache(session: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    office = MBTiles(tmp_path / "office.mbtiles")
    office.put_many([(15, 1, 2, b"office")])
    MBTiles(session.store.paths.root / "tiles.mbtiles").put_many([(15, 1, 2, b"cache"), (15, 1, 3, b"cache3")])
    reader = TileReader(session.store.paths.root, str(tmp_path / "office.mbtiles"))
    assert (reader.get(15, 1, 2), reader.get(15, 1, 3), reader.get(15, 9, 9)) == (b"office", b"cache3", None)
    assert reader.available()


def test_layers_for_the_map_and_gcj02_conversion(officer_session: Session) -> None:
    layers = map_layers(officer_session, LayerQuery(date(2026, 11, 20)))
    assert set(layers) == {"units", "roads", "tracks", "checks", "notices", "orders"}
    assert layers["units"] and layers["roads"] and layers["orders"]
    _lat, _lon, order_style, order_id, _label = layers["orders"][0]
    assert order_style in {"order", "order_overdue"}
    assert dict(describe(officer_session, "orders", order_id))["number"]
    lat, lon, style, unit_id, name = layers["units"][0]
    assert style in {"ok", "fail", "none", "unsigned"}
    converted = unit_points(officer_session, MapOptions("gcj02"))
    assert [round(c, 5) for c in converted[0][:2]] == [round(c, 5) for c in wgs84_to_gcj02(lat, lon)]
    assert ("name", name) in describe(officer_session, "units", unit_id)
    page = map_page(officer_session)
    html = page.read_text(encoding="utf-8")
    assert "https://" not in html and "http://" not in html.replace("http://www.w3.org", "")


def test_a_tile_missing_offline_is_fetched_while_browsing_and_kept(session: Session, tile_server: TileServer) -> None:
    base = BaseMap(kind="custom", url=tile_server.url)
    assert base.fetches_online()
    reader, online = page_tiles(session, base)
    assert online is not None and reader.get(15, 10, 20) is None
    data = online.fetch(15, 10, 20)
    assert data == b"\\x89PNG fake tile /15/10/20.png"
    assert reader.get(15, 10, 20) == data  # kept for the next time, offline
    online.close()


def test_browsing_offline_stops_asking_the_network_for_a_minute(session: Session, tile_server: TileServer) -> None:
    now = [1000.0]
    online = OnlineTiles(session.store.paths.root, BaseMap(kind="custom", url=tile_server.url), clock=lambda: now[0])
    tile_server.status = 503  # as good as no network: nothing comes back
    assert [online.fetch(15, 1, n) for n in range(5)] == [None] * 5
    assert len(tile_server.hits) == OnlineTiles.FAILURES_BEFORE_PAUSE  # then it stopped asking
    now[0] += OnlineTiles.PAUSE_S + 1
    tile_server.status = 200
    assert online.fetch(15, 1, 9) is not None  # back online after the pause
    online.close()


def test_no_fetching_while_browsing_without_a_usable_source_or_when_switched_off(session: Session) -> None:
    assert not BaseMap().fetches_online()
    assert not BaseMap(kind="tianditu").fetches_online()  # no key
    assert not BaseMap(kind="osm", fetch_while_browsing=False).fetches_online()
    assert page_tiles(session, BaseMap(kind="custom", url="not an address"))[1] is None
