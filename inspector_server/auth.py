"""Sign-in on the server: argon2 passwords (five wrong in a row lock the name for a minute),
short access tokens, revocable refresh tokens.

An access token is ``base64(json).hmac`` signed with a secret kept in the database; it names
the officer and the device and expires after :data:`ACCESS_SECONDS`. A refresh token is a
random secret whose hash is kept on the device row; revoking the device refuses both.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, insert, select, update

from inspector_server.db import account, device, setting
from inspector_server.rules import Caller

ACCESS_SECONDS = 15 * 60
MAX_FAILURES, LOCK_SECONDS = 5, 60
_hasher = PasswordHasher()
_failures: dict[str, tuple[int, float]] = {}  # user name → (wrong passwords in a row, locked until)
_failures_lock = threading.Lock()


class AuthError(Exception):
    """A sign-in or token that is not accepted (the message says why)."""


def hash_password(password: str) -> str:
    """An argon2id hash."""
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the stored argon2 hash."""
    try:
        return bool(stored) and _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def token_secret(engine: Engine) -> bytes:
    """The signing secret, made on first use."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        value = conn.execute(select(setting.c.value).where(setting.c.key == "token_secret")).scalar()
        if value is None:
            value = secrets.token_hex(32)
            conn.execute(insert(setting).values(key="token_secret", value=value))
    return bytes.fromhex(value)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_access_token(secret: bytes, officer_id: str, device_id: str, now: float | None = None) -> str:
    """A signed token valid for :data:`ACCESS_SECONDS`."""
    body = _b64(json.dumps({"sub": officer_id, "dev": device_id,
                            "exp": int((now or time.time()) + ACCESS_SECONDS)}).encode())
    sig = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    return f"{body}.{sig}"


def read_access_token(secret: bytes, token: str, now: float | None = None) -> tuple[str, str]:
    """(officer id, device id) of a valid token; raises :class:`AuthError`."""
    try:
        body, sig = token.split(".", 1)
    except ValueError:
        raise AuthError("malformed token") from None
    good = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(sig, good):
        raise AuthError("bad token signature")
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    if data["exp"] < (now or time.time()):
        raise AuthError("token expired: refresh it")
    return str(data["sub"]), str(data["dev"])


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def login(conn: Connection, username: str, password: str, device_id: str, device_name: str,
          now: str) -> tuple[dict[str, Any], str]:
    """Check the password; register or update the device; returns (account, refresh token)."""
    with _failures_lock:
        count, until = _failures.get(username, (0, 0.0))
    if until > time.time():
        raise AuthError(f"too many wrong passwords for {username}: try again in {int(until - time.time()) + 1} s")
    row = conn.execute(select(account).where(account.c.username == username)).mappings().first()
    if row is None or not row["active"] or not check_password(row["password_hash"], password):
        with _failures_lock:
            count += 1
            _failures[username] = (0, time.time() + LOCK_SECONDS) if count >= MAX_FAILURES else (count, 0.0)
        raise AuthError("wrong user name or password")
    with _failures_lock:
        _failures.pop(username, None)
    known = conn.execute(select(device).where(device.c.id == device_id)).mappings().first()
    if known is not None and known["revoked"]:
        raise AuthError("this device was revoked by an administrator")
    refresh = secrets.token_urlsafe(32)
    values = {"officer_id": row["officer_id"], "refresh_hash": _hash(refresh), "name": device_name[:200]}
    if known is None:
        conn.execute(insert(device).values(id=device_id, created_at=now, **values))
    else:
        conn.execute(update(device).where(device.c.id == device_id).values(**values))
    return dict(row), refresh


def refresh(conn: Connection, device_id: str, token: str) -> str:
    """The officer id for a valid refresh token of a device that is not revoked."""
    row = conn.execute(select(device).where(device.c.id == device_id)).mappings().first()
    if row is None or row["revoked"]:
        raise AuthError("this device was revoked by an administrator")
    if not row["refresh_hash"] or not hmac.compare_digest(row["refresh_hash"], _hash(token)):
        raise AuthError("refresh token not accepted: sign in again")
    return str(row["officer_id"])


def caller_for(conn: Connection, officer_id: str, device_id: str) -> Caller:
    """The caller behind a valid token, checked against the current account and device."""
    row = conn.execute(
        select(account.c.role, account.c.squad_id, account.c.active, device.c.revoked)
        .select_from(account.join(device, device.c.officer_id == account.c.officer_id))
        .where(account.c.officer_id == officer_id, device.c.id == device_id)
    ).first()
    if row is None or row.revoked:
        raise AuthError("this device was revoked by an administrator")
    if not row.active:
        raise AuthError("this account is disabled")
    return Caller(officer_id, row.role, row.squad_id, device_id)
