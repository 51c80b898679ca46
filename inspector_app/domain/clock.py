"""Wall clocks and the hybrid logical clock (HLC) that orders changes across devices.

A field laptop's clock may be wrong by hours or years. Records keep the device's wall time
(what the officer saw) and an HLC stamp, which never goes backwards on this device and moves
past any stamp received from elsewhere, so ordering survives bad clocks.
"""

from __future__ import annotations

import threading
import time
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


CORRECTION_MIN = timedelta(seconds=30)  # below this the server's Date header (whole seconds) is noise
SUSPECT_OFFSET = timedelta(minutes=10)  # a clock this far from the server's is wrong: say so
OS_CLOCK_CHANGED = timedelta(minutes=1)
MAX_DRIFT_MS = 5 * 60 * 1000  # a received HLC stamp further ahead than this does not move ours


class ServerCorrectedClock:
    """A machine clock corrected by its offset from the sync server's clock, measured at the
    last sync of this run. The offset is dropped when the machine's clock is set meanwhile (its
    wall time jumps against the monotonic clock), so a fixed clock is never corrected twice.
    It is kept in memory only: after a restart the machine clock is used until the next sync."""

    def __init__(self, base: Clock) -> None:
        self.base = base
        self._offset = timedelta(0)
        self.measured: timedelta | None = None
        self._since: tuple[datetime, float] | None = None

    def set_offset(self, measured: timedelta) -> None:
        """The server's time minus this clock's, as just measured."""
        self.measured = measured
        self._offset = measured if abs(measured) >= CORRECTION_MIN else timedelta(0)
        self._since = (self.base.now(), time.monotonic())

    def _check_os_clock(self, base_now: datetime) -> None:
        if self._since is None:
            return
        wall_at, mono_at = self._since
        if abs((base_now - wall_at) - timedelta(seconds=time.monotonic() - mono_at)) > OS_CLOCK_CHANGED:
            self._offset, self.measured, self._since = timedelta(0), None, None

    @property
    def offset(self) -> timedelta:
        """The correction applied now (zero when none is known)."""
        self._check_os_clock(self.base.now())
        return self._offset

    @property
    def is_wrong(self) -> bool | None:
        """Whether the machine clock was found wrong at the last sync (None: not measured)."""
        self._check_os_clock(self.base.now())
        return None if self.measured is None else abs(self.measured) >= SUSPECT_OFFSET

    def now(self) -> datetime:
        base_now = self.base.now()
        self._check_os_clock(base_now)
        return base_now + self._offset


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
        """Merge a stamp from another device, so later local stamps order after it. A stamp
        more than :data:`MAX_DRIFT_MS` ahead of our clock comes from a clock that is wrong: it
        does not drag ours forward (bounded drift)."""
        with self._lock:
            physical = self._physical_ms()
            if remote.wall_ms > physical + MAX_DRIFT_MS:
                remote = HlcStamp(0, 0, remote.node)
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
