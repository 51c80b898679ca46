"""Filling the offline tile cache from an online XYZ tile source (天地图 with a key, or an
OSM-style server), with progress and cancel. Tiles already stored are skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.tiles import Area, tiles_in

BATCH = 100
MAX_FAILURES_IN_A_ROW = 20


class TileStore(Protocol):
    """Where fetched tiles go (the MBTiles cache of maps/)."""

    def has(self, z: int, x: int, y: int) -> bool: ...

    def put_many(self, tiles: list[tuple[int, int, int, bytes]]) -> None: ...


@dataclass(frozen=True)
class TileSource:
    """An XYZ URL template: {z} {x} {y}, optionally {s} (subdomains) and {key}."""

    url: str
    key: str = ""
    subdomains: str = "01234567"

    def url_for(self, z: int, x: int, y: int) -> str:
        sub = self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else ""
        return self.url.format(z=z, x=x, y=y, s=sub, key=self.key)


@dataclass(frozen=True)
class DownloadResult:
    """What a download did."""

    fetched: int
    skipped: int
    failed: int


def download_area(source: TileSource, area: Area, cache: TileStore, progress: Progress | None = None,
                  timeout: float = 10.0) -> DownloadResult:
    """Fetch every tile of ``area`` that the cache lacks. Tiles fetched before a cancel or a
    failure are stored all the same, so the next try resumes."""
    progress = progress or Progress()
    wanted = tiles_in(area)
    counts = {"fetched": 0, "skipped": 0, "failed": 0}
    batch: list[tuple[int, int, int, bytes]] = []
    with httpx.Client(timeout=timeout, headers={"User-Agent": "inspector-app tile cache"}) as client:
        try:
            _fetch(client, source, wanted, cache, progress, counts, batch)
        finally:
            cache.put_many(batch)
    progress.update(len(wanted), len(wanted), "tiles")
    return DownloadResult(counts["fetched"], counts["skipped"], counts["failed"])


def _fetch(client: httpx.Client, source: TileSource, wanted: list[tuple[int, int, int]], cache: TileStore,
           progress: Progress, counts: dict[str, int], batch: list[tuple[int, int, int, bytes]]) -> None:
    in_a_row = 0
    for n, (z, x, y) in enumerate(wanted):
        if n % 20 == 0:
            progress.check()
            progress.update(n, len(wanted), "tiles")
        if cache.has(z, x, y):
            counts["skipped"] += 1
            continue
        try:
            response = client.get(source.url_for(z, x, y))
            data = response.content if response.status_code == 200 else b""
        except httpx.HTTPError:
            data = b""
        if not data:
            counts["failed"] += 1
            in_a_row += 1
            if in_a_row >= MAX_FAILURES_IN_A_ROW:
                raise UserError(
                    QT_TRANSLATE_NOOP("errors", "The tile server does not answer ({url}). {fetched} tiles were saved."),
                    QT_TRANSLATE_NOOP("errors", "Check the network, the tile address and its key in the settings, and try again; saved tiles are kept."),
                    url=source.url.split("?")[0], fetched=counts["fetched"],
                )
            continue
        in_a_row = 0
        batch.append((z, x, y, data))
        counts["fetched"] += 1
        if len(batch) >= BATCH:
            cache.put_many(batch)
            batch.clear()


class TileFetcher:
    """Fetches single tiles while the map is browsed: one HTTP client (kept-alive connections)
    shared by the worker threads, short timeouts, and None for any failure."""

    def __init__(self, source: TileSource, timeout: float = 5.0) -> None:
        self.source = source
        self.client = httpx.Client(timeout=timeout, follow_redirects=True,
                                   headers={"User-Agent": "inspector-app tile cache"})

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes, or None (not found, refused, no network)."""
        try:
            response = self.client.get(self.source.url_for(z, x, y))
        except (httpx.HTTPError, httpx.InvalidURL, RuntimeError):  # RuntimeError: closed meanwhile
            return None
        return response.content if response.status_code == 200 and response.content else None

    def close(self) -> None:
        """Close the connections."""
        self.client.close()
