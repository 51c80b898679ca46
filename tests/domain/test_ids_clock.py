import uuid
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.clock import FixedClock, HlcStamp, HybridLogicalClock, parse_utc, utc_iso
from inspector_app.domain.ids import uuid7, uuid7_time_ms


def test_uuid7_has_version_and_variant() -> None:
    value = uuid.UUID(uuid7())
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_uuid7_is_strictly_increasing_even_within_one_millisecond() -> None:
    ids = [uuid7(now_ms=1_700_000_000_000) for _ in range(1000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == 1000


def test_uuid7_keeps_order_when_the_clock_steps_back() -> None:
    a = uuid7(now_ms=1_800_000_000_000)
    b = uuid7(now_ms=1_700_000_000_000)
    assert b > a


def test_uuid7_encodes_its_time() -> None:
    assert uuid7_time_ms(uuid7(now_ms=1_900_000_000_123)) >= 1_900_000_000_123


def test_hlc_never_goes_backwards_when_the_wall_clock_does() -> None:
    clock = FixedClock(datetime(2026, 11, 20, tzinfo=UTC))
    hlc = HybridLogicalClock(clock, "dev")
    first = hlc.tick()
    clock.set(datetime(2019, 1, 1, tzinfo=UTC))
    second = hlc.tick()
    assert second > first
    assert second.encode() > first.encode()


def test_hlc_moves_past_a_remote_stamp_from_the_future() -> None:
    """Within the drift bound (five minutes; a stamp far ahead is tests/domain/test_clock_correction.py's)."""
    clock = FixedClock(datetime(2026, 11, 20, tzinfo=UTC))
    hlc = HybridLogicalClock(clock, "a")
    remote = HlcStamp(int(datetime(2026, 11, 20, 0, 4, tzinfo=UTC).timestamp() * 1000), 5, "b")
    merged = hlc.receive(remote)
    assert merged.wall_ms == remote.wall_ms and merged.counter == 6
    assert hlc.tick() > remote


@given(st.integers(0, 10**14), st.integers(0, 10**10 - 2), st.text("abcdef0123456789", min_size=1, max_size=12))
def test_hlc_encoding_round_trips_and_sorts(wall: int, counter: int, node: str) -> None:
    stamp = HlcStamp(wall, counter, node)
    assert HlcStamp.decode(stamp.encode()) == stamp
    later = HlcStamp(wall, counter + 1, node)
    assert later.encode() > stamp.encode()


def test_utc_iso_round_trip() -> None:
    when = datetime(2026, 11, 20, 2, 3, 4, 567000, tzinfo=UTC)
    assert utc_iso(when) == "2026-11-20T02:03:04.567Z"
    assert parse_utc(utc_iso(when)) == when
