"""Signing in offline against the password hash kept from the last online login."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from inspector_app.domain.clock import Clock, SystemClock, parse_utc, utc_iso
from inspector_app.domain.entities import Actor
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Role
from inspector_app.storage.audit import append_audit
from inspector_app.storage.database import Store
from inspector_app.storage.meta import device_id
from inspector_app.storage.officers import login_state, officer_by_username, set_login_state

MAX_FAILURES = 5
LOCK_SECONDS = 60

_hasher = PasswordHasher()


class LoginFailed(UserError):
    """Wrong name or password, or the name is locked for a while."""


def hash_password(password: str, salt: bytes | None = None) -> str:
    """An argon2id hash of ``password`` (a fixed ``salt`` only for reproducible demo data)."""
    return _hasher.hash(password, salt=salt)


def _verify(stored: str, password: str) -> bool:
    try:
        return bool(stored) and _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def login(store: Store, username: str, password: str, clock: Clock | None = None) -> Actor:
    """Check a name and password; returns who signed in or raises :class:`LoginFailed`.

    After five wrong passwords in a row the name is locked for a minute (kept in the database,
    so restarting the app does not lift it).
    """
    clock = clock or SystemClock()
    now = clock.now()
    username = username.strip()
    if not username or not password:
        raise LoginFailed(
            QT_TRANSLATE_NOOP("errors", "Type your user name and password."),
        )
    failure: LoginFailed | None = None
    # The failure count must be committed before the error is raised, so it is decided
    # inside the transaction and raised after it.
    with store.transaction() as db:
        failures, locked_until = login_state(db, username)
        row = None
        if locked_until and parse_utc(locked_until) > now:
            seconds = int((parse_utc(locked_until) - now).total_seconds()) + 1
            failure = LoginFailed(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Too many wrong passwords for {user}. Try again in {seconds} seconds.",
                ),
                user=username,
                seconds=seconds,
            )
        else:
            row = officer_by_username(db, username)
            if row is None or not _verify(row["password_hash"], password):
                failure = _record_failure(db, now, username, failures + 1)
            else:
                set_login_state(db, username, 0, None)
                _audit(db, now, row["id"], "login", role=row["role"])
    if failure is not None or row is None:
        raise failure or LoginFailed(QT_TRANSLATE_NOOP("errors", "Type your user name and password."))
    return Actor(
        officer_id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        squad_id=row["squad_id"],
        badge_no=row["badge_no"],
        squad_name=row["squad_name"] or "",
        username=row["username"],
    )


def _record_failure(db: Any, now: datetime, username: str, failures: int) -> LoginFailed:
    if failures >= MAX_FAILURES:
        set_login_state(db, username, 0, utc_iso(now + timedelta(seconds=LOCK_SECONDS)))
        _audit(db, now, username, "login_locked")
        return LoginFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "Wrong user name or password, five times in a row. Signing in as {user} "
                "is locked for one minute.",
            ),
            user=username,
        )
    set_login_state(db, username, failures, None)
    return LoginFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "Wrong user name or password. Check Caps Lock and the input method; "
            "{left} tries left before a one-minute lock.",
        ),
        left=MAX_FAILURES - failures,
    )


def _audit(db: Any, now: datetime, who: str, action: str, role: str = "") -> None:
    append_audit(
        db,
        at=utc_iso(now),
        hlc="",
        officer_id=who,
        role=role,
        device_id=device_id(db),
        action=action,
    )
