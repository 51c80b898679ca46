"""Wall clocks and the hybrid logical clock (HLC) that orders changes across devices.

A field laptop's clock may be wrong by hours or years. Records keep the device's wall time
(what the officer saw) and an HLC stamp, which never goes backwards on this device and moves
past any stamp received from elsewhere, so ordering survives bad clocks.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

# Where the squads work: every time shown to a user is in this zone, whatever the laptop's own.
LOCAL_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    """Source of the current time (UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to; for tests and demo generation."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        """Move the clock forward by ``timedelta(**delta)``."""
        self._now += timedelta(**delta)

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (also backwards, as a wrong device clock would)."""
        self._now = when.astimezone(UTC)


def utc_iso(when: datetime) -> str:
    """UTC ISO-8601 text with milliseconds and a Z, the format stored everywhere."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def parse_utc(text: str) -> datetime:
    """Parse text written by :func:`utc_iso` (or any ISO-8601 with offset) to an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def local_text(text: str | None, fmt: str = "%Y-%m-%d %H:%M", empty: str = "") -> str:
    """A stored UTC time (:func:`utc_iso` text) as Asia/Shanghai wall time for display.

    The one way stored times reach a screen, a PDF or a sheet: slicing the stored text would show
    UTC (06:00 on 12-02 in Jinan is 12-01T22:00Z). ``empty`` is returned for no time at all."""
    if not text:
        return empty
    return parse_utc(text).astimezone(LOCAL_TZ).strftime(fmt)


@dataclass(frozen=True, order=True)
class HlcStamp:
    """One HLC reading: wall milliseconds, a counter for events in the same millisecond, node."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """Fixed-width text that sorts like the stamp itself."""
        return f"{self.wall_ms:015d}-{self.counter:010d}-{self.node}"

    @staticmethod
    def decode(text: str) -> HlcStamp:
        """Inverse of :meth:`encode`."""
        wall, counter, node = text.split("-", 2)
        return HlcStamp(int(wall), int(counter), node)


class HybridLogicalClock:
    """Kulkarni et al.'s HLC: close to wall time, but monotonic and causally consistent."""

    def __init__(self, clock: Clock, node: str, last: HlcStamp | None = None) -> None:
        self._clock = clock
        self._node = node
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    def _physical_ms(self) -> int:
        return int(self._clock.now().timestamp() * 1000)

    def tick(self) -> HlcStamp:
        """A stamp for a local event, greater than every stamp seen before."""
        with self._lock:
            physical = self._physical_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            return HlcStamp(self._wall, self._counter, self._node)

    def receive(self, remote: HlcStamp) -> HlcStamp:
        """Merge a stamp from another device, so later local stamps order after it."""
        with self._lock:
            physical = self._physical_ms()
            wall = max(self._wall, remote.wall_ms, physical)
            if wall == self._wall == remote.wall_ms:
                counter = max(self._counter, remote.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._wall, self._counter = wall, counter
            return HlcStamp(wall, counter, self._node)

    @property
    def last(self) -> HlcStamp:
        """The most recent stamp handed out (to persist across restarts)."""
        return HlcStamp(self._wall, self._counter, self._node)
