"""Record identifiers made on the device: UUIDv7 (RFC 9562), time-ordered."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7(now_ms: int | None = None) -> str:
    """Return a new UUIDv7 as text.

    The 48-bit millisecond timestamp comes first, so ids sort by creation time; within one
    millisecond the 74 random bits are incremented (RFC 9562 method 2) so ids made by this
    process stay strictly increasing even when the clock stands still or steps back.
    """
    global _last_ms, _last_rand
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 bits
        _last_ms, _last_rand = ms, rand
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def uuid7_time_ms(value: str) -> int:
    """The creation time in Unix milliseconds encoded in a UUIDv7."""
    return uuid.UUID(value).int >> 80
