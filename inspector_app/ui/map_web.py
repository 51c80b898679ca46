"""The map's browser profile: our tile URL scheme, and a guard that blocks every request
leaving the machine (the map must work the same with no network, and never leak where
officers are).

The scheme must be registered before QtWebEngine starts, that is before the first browser
profile exists: :class:`MapProfile` does it as it is created."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from inspector_app.domain.tiles import TILE_SCHEME

if TYPE_CHECKING:
    from inspector_app.services.map_tiles import OnlineTiles, TileReader

log = logging.getLogger(__name__)
_TILE_PATH = re.compile(r"^/(\d{1,2})/(\d+)/(\d+)$")
OUTSIDE_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})


def register_schemes() -> None:
    """Declare the tile scheme to QtWebEngine (before any of its profiles exists)."""
    if QWebEngineUrlScheme.schemeByName(TILE_SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(TILE_SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed
                    | QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


class OutsideRequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks and records every request to the network (http, https, websockets)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() in OUTSIDE_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())
            log.warning("map blocked an outside request to %s", url.host())


# Fetches a missing tile in the background and calls back (on the UI thread) with its bytes
# or None: set by the map page when the base map fetches tiles while browsing.
TileFetch = Callable[[int, int, int, Callable[[bytes | None], None]], None]


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ``inspector-tile://tiles/z/x/y`` from the office MBTiles file or the tile cache
    (single indexed reads of a local SQLite file, cheap enough for the UI thread); a tile
    neither has is fetched in the background when ``fetch`` is set, and answered when it comes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader: TileReader | None = None
        self.fetch: TileFetch | None = None
        self.served = 0
        self.fetched = 0

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        match = _TILE_PATH.match(job.requestUrl().path())
        if not match or self.reader is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        z, x, y = (int(g) for g in match.groups())
        data = self.reader.get(z, x, y)
        if data is None and self.fetch is not None:
            self.fetch(z, x, y, lambda fetched: self._answer(job, fetched, online=True))
            return
        self._answer(job, data)

    def _answer(self, job: QWebEngineUrlRequestJob, data: bytes | None, online: bool = False) -> None:
        try:
            if data is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            buffer = QBuffer(job)
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            job.reply(b"image/png" if data[:4] == b"\x89PNG" else b"image/jpeg", buffer)
        except RuntimeError:  # the page went away (or was zoomed past) while the tile was fetched
            return
        self.served += 1
        self.fetched += online


class MapProfile(QObject):
    """One off-the-record browser profile for every map view in the app."""

    _instance: MapProfile | None = None

    def __init__(self) -> None:
        super().__init__()
        register_schemes()
        from inspector_app.ui.tasks import TaskRunner

        # Tile fetches get their own threads: a slow network must never hold up saving.
        self.tile_runner = TaskRunner(self, max_threads=4)
        self._online: OnlineTiles | None = None
        self.profile = QWebEngineProfile(self)  # off the record: nothing written to disk
        self.guard = OutsideRequestGuard(self)
        self.tiles = TileSchemeHandler(self)
        self.profile.setUrlRequestInterceptor(self.guard)
        self.profile.installUrlSchemeHandler(TILE_SCHEME.encode(), self.tiles)

    def serve(self, reader: TileReader | None, online: OnlineTiles | None = None) -> None:
        """The tiles map pages draw: stored ones from ``reader``, missing ones from ``online``
        (None: stored tiles only)."""
        if self._online is not None and self._online is not online:
            self._online.close()
        self._online = online
        self.tiles.reader = reader
        self.tiles.fetch = self._fetch if online is not None else None

    def _fetch(self, z: int, x: int, y: int, done: Callable[[bytes | None], None]) -> None:
        online = self._online
        if online is None:
            done(None)
            return
        self.tile_runner.run(online.fetch, z, x, y, on_done=done, on_error=lambda _exc: done(None))

    @classmethod
    def shared(cls) -> MapProfile:
        """The app's map profile (created on first use)."""
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance
