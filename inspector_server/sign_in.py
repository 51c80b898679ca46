"""Password sign-in with failure limits that survive a restart.

The argon2 check runs in its own small thread pool, outside any database transaction (it
takes ~0.1–0.6 s of CPU): reading the account, checking the password, and writing the
outcome are three steps, so wrong-password loops never hold the SQLite write lock that push
and pull need, nor take all of the default worker threads.

Failures are counted per (client address, user name) row in ``sign_in_failure``:
- an **address** with :data:`ADDRESS_FREE` failures (any names) in the last hour waits 1 s,
  then 2, 4, … up to :data:`MAX_DELAY` before its next try;
- a **name** waits the same way only after :data:`NAME_FREE` failures from at least
  :data:`NAME_ADDRESSES` addresses, so nobody can lock an officer out from one address (that
  address is stopped first) — the limit per address comes first.
An unknown name is checked against a dummy hash and counted like a known one, so neither the
time nor the answer tells which names exist.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from inspector_server import auth
from inspector_server.db import account, sign_in_failure

ADDRESS_FREE = 5
NAME_FREE, NAME_ADDRESSES = 10, 3
MAX_DELAY = 15 * 60
WINDOW = 60 * 60  # failures older than this are forgotten
RETRIES = 4
T = TypeVar("T")
_argon2 = ThreadPoolExecutor(max_workers=2, thread_name_prefix="argon2")


class TooManyFailures(auth.AuthError):
    """Sign-in refused before the password is checked; ``retry_after`` seconds to wait."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, "too_many_failures")
        self.retry_after = retry_after


def _delay(beyond: int) -> float:
    return float(min(2 ** min(beyond, 30), MAX_DELAY))


def wait_seconds(conn: Connection, address: str, username: str, now: float) -> tuple[int, str]:
    """How long ``address`` must wait before trying ``username`` (0: it may try now), and
    whether the address or the name is the one waiting."""
    f = sign_in_failure
    rows = conn.execute(select(f.c.address, f.c.username, f.c.failures, f.c.last_at).where(
        or_(f.c.address == address, f.c.username == username), f.c.last_at > now - WINDOW)).all()
    mine = [r for r in rows if r.address == address]
    named = [r for r in rows if r.username == username]
    until, who = 0.0, ""
    failures = sum(r.failures for r in mine)
    if failures >= ADDRESS_FREE:
        until, who = max(r.last_at for r in mine) + _delay(failures - ADDRESS_FREE), "address"
    failures = sum(r.failures for r in named)
    if len(named) >= NAME_ADDRESSES and failures >= NAME_FREE:
        name_until = max(r.last_at for r in named) + _delay(failures - NAME_FREE)
        if name_until > until:
            until, who = name_until, "name"
    return (math.ceil(until - now), who) if until > now else (0, "")


def record_failure(conn: Connection, address: str, username: str, now: float) -> None:
    """Count one failed sign-in (and forget failures older than :data:`WINDOW`)."""
    f = sign_in_failure
    conn.execute(delete(f).where(f.c.last_at <= now - WINDOW))
    # One statement: concurrent failures of the same (address, name) on PostgreSQL would
    # otherwise both find no row and both insert it (a unique violation, answered 500).
    dialect = postgresql if conn.engine.dialect.name == "postgresql" else sqlite
    new = dialect.insert(f).values(address=address, username=username, failures=1, last_at=now)
    conn.execute(new.on_conflict_do_update(index_elements=[f.c.address, f.c.username],
                                           set_={"failures": f.c.failures + 1, "last_at": now}))


def _check_password(stored: str | None, password: str) -> bool:
    # An unknown name costs one argon2 check too.
    return auth.check_password(stored or auth.dummy_hash(), password) and stored is not None


def _retrying(work: Callable[[], T]) -> T:
    """Run a short write transaction again after a PostgreSQL deadlock (two sign-ins clearing
    the same expired failure rows in another order)."""
    for attempt in range(RETRIES):
        try:
            return work()
        except OperationalError as exc:
            if attempt == RETRIES - 1 or "deadlock" not in str(exc.orig).lower():
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


async def sign_in(engine: Engine, username: str, password: str, device_id: str, device_name: str,
                  address: str, now: str) -> tuple[dict[str, Any], str, int]:
    """Check the password and register the device: (account, refresh token, the device's
    token epoch). Raises
    :class:`TooManyFailures` (nothing checked) or :class:`auth.AuthError`."""
    address, username = address[:64], username[:80]

    def before() -> tuple[int, str, dict[str, Any] | None]:
        with engine.connect() as conn:
            wait, who = wait_seconds(conn, address, username, time.time())
            row = conn.execute(select(account).where(account.c.username == username)).mappings().first()
            return wait, who, dict(row) if row is not None else None

    wait, who, row = await asyncio.to_thread(before)
    if wait:
        what = "this address" if who == "address" else f"the name {username}"
        raise TooManyFailures(f"too many wrong passwords from {what}: try again in {wait} s", wait)
    stored = row["password_hash"] if row is not None and row["active"] else None
    if row is not None and not row["active"]:
        stored = None  # a disabled account answers like an unknown name
    good = await asyncio.get_running_loop().run_in_executor(_argon2, _check_password, stored, password)

    def after() -> tuple[dict[str, Any], str, int] | None:
        with engine.connect().execution_options(write=True) as conn, conn.begin():
            if not good:
                record_failure(conn, address, username, time.time())
                return None
            assert row is not None
            current = conn.execute(select(account).where(account.c.officer_id == row["officer_id"])).mappings().first()
            if current is None or not current["active"] or current["password_hash"] != row["password_hash"]:
                return None  # changed while the password was being checked: try again
            conn.execute(delete(sign_in_failure).where(sign_in_failure.c.address == address,
                                                       sign_in_failure.c.username == username))
            refresh, epoch = auth.register_device(conn, dict(current), device_id, device_name, now)
            return dict(current), refresh, epoch

    done = await asyncio.to_thread(_retrying, after)
    if done is None:
        raise auth.AuthError("wrong user name or password", "wrong_password")
    return done
