"""Sign-in on the server: argon2 passwords, short access tokens, rotating refresh tokens.

An access token is ``base64(json).hmac`` signed with the token secret (see
:mod:`inspector_server.token_secret`: a 0600 file or the environment, never the database); it
names the officer, the device and the device's token epoch, and expires after
:data:`ACCESS_SECONDS`. A refresh token is a random secret whose hash is kept on the device
row; each use exchanges it for a new one. A spent refresh token used again means a copy
exists: all of the device's tokens are revoked (raised epoch, no refresh token) and the
officer signs in with the password again. Revoking the device refuses everything.

Password checks and failure limits live in :mod:`inspector_server.sign_in`.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any, NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, and_, delete, insert, select, update

from inspector_server.db import account, device, device_officer, spent_refresh
from inspector_server.rules import Caller

ACCESS_SECONDS = 15 * 60
# A refresh answer lost on the way (network cut) is retried with the token just exchanged;
# within this many seconds that is taken as the same device retrying, not as a copy.
REUSE_GRACE = 60.0
_hasher = PasswordHasher()


class AuthError(Exception):
    """A sign-in or token that is not accepted (the message says why; ``reason`` is the code)."""

    def __init__(self, message: str, reason: str = "sign_in_required") -> None:
        super().__init__(message)
        self.reason = reason


class TokenIdentity(NamedTuple):
    """What a valid access token says: officer, device and the device's token epoch."""

    officer_id: str
    device_id: str
    epoch: int = 0


def hash_password(password: str) -> str:
    """An argon2id hash."""
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    """Whether ``password`` matches the stored argon2 hash (slow on purpose: ~0.1–0.6 s)."""
    try:
        return bool(stored) and _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def dummy_hash() -> str:
    """A hash of a random password, checked for an unknown name so it costs what a known one does."""
    return hash_password(secrets.token_hex(16))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_access_token(secret: bytes, officer_id: str, device_id: str, epoch: int = 0,
                      now: float | None = None) -> str:
    """A signed token valid for :data:`ACCESS_SECONDS`."""
    body = _b64(json.dumps({"sub": officer_id, "dev": device_id, "gen": epoch,
                            "exp": int((now or time.time()) + ACCESS_SECONDS)}).encode())
    sig = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    return f"{body}.{sig}"


def read_access_token(secret: bytes, token: str, now: float | None = None) -> TokenIdentity:
    """Officer, device and epoch of a valid token; raises :class:`AuthError`."""
    if not token.isascii() or token.count(".") != 1:
        raise AuthError("malformed token")
    body, sig = token.split(".", 1)
    good = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(sig, good):
        raise AuthError("bad token signature")
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        identity = TokenIdentity(str(data["sub"]), str(data["dev"]), int(data.get("gen", 0)))
        expires = float(data["exp"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise AuthError("malformed token") from None
    if expires < (now or time.time()):
        raise AuthError("token expired: refresh it", "token_expired")
    return identity


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


_NOT_ENROLLED = "this shared laptop is not enrolled for your account: ask the administrator to add you to it"


def check_enrolled(conn: Connection, known: Any, officer_id: str) -> None:
    """Refuse an account the device was not enrolled for: a device belongs to the account of
    its first sign-in, a shared laptop to the officers an administrator allowed on it."""
    if known["shared"]:
        allowed = conn.execute(select(device_officer.c.officer_id).where(
            device_officer.c.device_id == known["id"], device_officer.c.officer_id == officer_id)).first()
        if allowed is None:
            raise AuthError(_NOT_ENROLLED, "device_not_enrolled")
    elif known["owner_id"] is not None and known["owner_id"] != officer_id:
        raise AuthError("this device belongs to another account: sign in on your own laptop, or ask the "
                        "administrator to enrol it as a shared laptop", "device_taken")


def register_device(conn: Connection, row: dict[str, Any], device_id: str, device_name: str,
                    now: str) -> tuple[str, int]:
    """After a correct password: register or update the device for the account ``row``;
    returns a new refresh token (the device's earlier ones are forgotten) and the device's
    token epoch. A new device (or one an administrator registered with no owner) becomes the
    account's own; any other account is refused (:func:`check_enrolled`) and nothing changes."""
    known = conn.execute(select(device).where(device.c.id == device_id)).mappings().first()
    if known is not None and known["revoked"]:
        raise AuthError("this device was revoked by an administrator", "device_revoked")
    if known is not None:
        check_enrolled(conn, known, row["officer_id"])
    refresh = secrets.token_urlsafe(32)
    values = {"officer_id": row["officer_id"], "refresh_hash": _hash(refresh), "name": device_name[:200],
              "previous_refresh_hash": None, "rotated_at": None}
    if known is None:
        conn.execute(insert(device).values(id=device_id, created_at=now, owner_id=row["officer_id"], **values))
    else:
        owner = known["owner_id"] if known["shared"] or known["owner_id"] else row["officer_id"]
        if known["shared"] and known["name"]:
            values["name"] = known["name"]  # the administrator's name for the shared laptop stays
        conn.execute(update(device).where(device.c.id == device_id).values(owner_id=owner, **values))
        conn.execute(delete(spent_refresh).where(spent_refresh.c.device_id == device_id))
    return refresh, int(known["token_epoch"]) if known is not None else 0


@dataclass(frozen=True)
class Refreshed:
    """The answer of :func:`refresh`: new tokens' parts, or why not (``refusal``). A refusal
    is returned, not raised, so the revocation it may have made is committed."""

    officer_id: str = ""
    epoch: int = 0
    refresh_token: str = ""
    refusal: str = ""
    reason: str = ""


def refresh(conn: Connection, device_id: str, token: str, now: float | None = None) -> Refreshed:
    """Exchange the device's refresh token for a new one (the old one is spent)."""
    at = now or time.time()
    row = conn.execute(
        select(device.c.officer_id, device.c.revoked, device.c.refresh_hash, device.c.previous_refresh_hash,
               device.c.rotated_at, device.c.token_epoch, account.c.active, account.c.officer_id.label("account"),
               device.c.shared, device_officer.c.officer_id.label("allowed"))
        .select_from(device.outerjoin(account, account.c.officer_id == device.c.officer_id).outerjoin(
            device_officer, and_(device_officer.c.device_id == device.c.id,
                                 device_officer.c.officer_id == device.c.officer_id)))
        .where(device.c.id == device_id)).first()
    if row is None or row.revoked:
        return Refreshed(refusal="this device was revoked by an administrator", reason="device_revoked")
    if row.shared and row.allowed is None:
        return Refreshed(refusal=_NOT_ENROLLED, reason="device_not_enrolled")
    presented = _hash(token)
    spent = row.refresh_hash
    if row.refresh_hash and hmac.compare_digest(row.refresh_hash, presented):
        pass
    elif (row.previous_refresh_hash and hmac.compare_digest(row.previous_refresh_hash, presented)
          and row.rotated_at is not None and at - row.rotated_at < REUSE_GRACE):
        pass  # the last answer was lost: rotate again; the token it carried is spent unseen
    elif row.previous_refresh_hash == presented or conn.execute(select(spent_refresh.c.hash).where(
            spent_refresh.c.hash == presented, spent_refresh.c.device_id == device_id)).first() is not None:
        conn.execute(update(device).where(device.c.id == device_id).values(
            refresh_hash=None, previous_refresh_hash=None, token_epoch=row.token_epoch + 1))
        return Refreshed(refusal="this refresh token was already used, so a copy of it exists: every "
                                 "token of this device is revoked; sign in with your password again",
                         reason="refresh_reused")
    else:
        return Refreshed(refusal="refresh token not accepted: sign in again", reason="refresh_unknown")
    if row.account is None:
        return Refreshed(refusal="this account no longer exists", reason="account_deleted")
    if not row.active:
        return Refreshed(refusal="this account is disabled", reason="account_disabled")
    new = secrets.token_urlsafe(32)
    if spent:
        conn.execute(insert(spent_refresh).values(hash=spent, device_id=device_id, spent_at=at))
    conn.execute(update(device).where(device.c.id == device_id).values(
        refresh_hash=_hash(new), previous_refresh_hash=presented, rotated_at=at))
    return Refreshed(str(row.officer_id), int(row.token_epoch), new)


def caller_for(conn: Connection, officer_id: str, device_id: str, epoch: int | None = None) -> Caller:
    """The caller behind a valid token, checked against the current account and device (and,
    given the token's ``epoch``, that the device's tokens were not revoked since): the officer
    is the one signed in on the device, or one allowed on a shared laptop."""
    allowed = and_(device_officer.c.device_id == device.c.id, device_officer.c.officer_id == account.c.officer_id)
    row = conn.execute(
        select(account.c.role, account.c.squad_id, account.c.active, device.c.revoked, device.c.token_epoch,
               device.c.officer_id.label("current"), device.c.shared, device_officer.c.officer_id.label("allowed"))
        .select_from(account.join(device, device.c.id == device_id).outerjoin(device_officer, allowed))
        .where(account.c.officer_id == officer_id)
    ).first()
    if row is None or row.revoked or (not row.shared and row.current != officer_id):
        raise AuthError("this device was revoked by an administrator", "device_revoked")
    if row.shared and row.allowed is None:
        raise AuthError(_NOT_ENROLLED, "device_not_enrolled")
    if epoch is not None and row.token_epoch != epoch:
        raise AuthError("this device's tokens were revoked: sign in with your password again", "tokens_revoked")
    if not row.active:
        raise AuthError("this account is disabled", "account_disabled")
    return Caller(officer_id, row.role, row.squad_id, device_id)
