"""A laptop's clock corrected by the sync server's (issue 15, case 4), and HLC stamps from a
clock far ahead that do not drag a correct laptop's clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from inspector_app.domain.clock import (
    FixedClock,
    HlcStamp,
    HybridLogicalClock,
    ServerCorrectedClock,
)

T0 = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


def test_a_measured_offset_corrects_now_and_flags_the_clock() -> None:
    clock = ServerCorrectedClock(FixedClock(T0 + timedelta(days=2)))  # two days ahead
    assert clock.now() == T0 + timedelta(days=2) and clock.is_wrong is None
    clock.set_offset(timedelta(days=-2))
    assert clock.now() == T0 and clock.is_wrong is True


def test_a_few_seconds_are_noise_and_not_applied() -> None:
    clock = ServerCorrectedClock(FixedClock(T0))
    clock.set_offset(timedelta(seconds=4))
    assert clock.now() == T0 and clock.is_wrong is False


def test_setting_the_machine_clock_drops_the_correction() -> None:
    base = FixedClock(T0 + timedelta(days=2))
    clock = ServerCorrectedClock(base)
    clock.set_offset(timedelta(days=-2))
    base.set(T0)  # the officer sets the clock right, as told
    assert clock.now() == T0, "not corrected twice"
    assert clock.is_wrong is None


def test_a_stamp_from_far_ahead_does_not_drag_the_hlc() -> None:
    hlc = HybridLogicalClock(FixedClock(T0), "me")
    ahead = HlcStamp(int((T0 + timedelta(days=2)).timestamp() * 1000), 0, "them")
    after = hlc.receive(ahead)
    assert after.wall_ms == int(T0.timestamp() * 1000)
    near = HlcStamp(int((T0 + timedelta(minutes=1)).timestamp() * 1000), 3, "them")
    assert hlc.receive(near) > near, "a stamp within the bound is still ordered after"
