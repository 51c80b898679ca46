"""The city key of the offence index, and the lookup key the laptops get from it.

The city key lives like the token secret (see :mod:`inspector_server.token_secret`): in the
environment (``INSPECTOR_SERVER_INDEX_KEY``, 64 hex digits or more) or in a file readable by the
server's user only, beside the token secret (``server.token-secret`` → ``server.index-key``).
It never leaves the server and is never in the database.

The laptops must look parties up offline, so they need *some* key: they get the **lookup key**,
``HMAC-SHA256(city key, "offence-index lookup|<epoch>")``. Index tokens are keyed with it
(:mod:`inspector_server.offence_index`). The epoch (``setting`` row ``offence_index_epoch``)
lets an administrator retire a lookup key after a laptop is lost: a new epoch gives a new key
and a rebuilt index, and laptops holding the old one start over (docs/security.md).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import weakref
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update

from inspector_server import token_secret
from inspector_server.db import setting

ENV_KEY = "INSPECTOR_SERVER_INDEX_KEY"
EPOCH_SETTING = "offence_index_epoch"
_KEYS: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def default_file(secret_file: Path) -> Path:
    """Where the city key is kept: beside the token secret file."""
    return secret_file.with_suffix(".index-key")


def load(engine: Engine, path: Path) -> bytes:
    """The city key (from the environment, else the file, made on first start), registered
    for ``engine`` so that pushes through it write index entries."""
    if os.environ.get(ENV_KEY):
        key = token_secret.parse_secret(os.environ[ENV_KEY], f"${ENV_KEY}")
    else:
        key = token_secret.secret_from_file(path)
    _KEYS[engine] = key
    return key


def city_key(engine: Engine) -> bytes | None:
    """The city key loaded for ``engine`` (None when the server was not started with one:
    entries are then made by the backfill at the next start)."""
    return _KEYS.get(engine)


def epoch(conn: Connection) -> int:
    """The lookup key's epoch (1 until an administrator retires a key)."""
    value = conn.execute(select(setting.c.value).where(setting.c.key == EPOCH_SETTING)).scalar()
    return int(value) if value else 1


def set_epoch(conn: Connection, value: int) -> None:
    """Store a new epoch (a new lookup key); call in the transaction that rebuilds the index."""
    found = conn.execute(select(setting.c.key).where(setting.c.key == EPOCH_SETTING)).first()
    if found:
        conn.execute(update(setting).where(setting.c.key == EPOCH_SETTING).values(value=str(value)))
    else:
        conn.execute(insert(setting).values(key=EPOCH_SETTING, value=str(value)))


def lookup_key(key: bytes, key_epoch: int) -> bytes:
    """The key the laptops hash party keys with, for one epoch."""
    return hmac.new(key, f"offence-index lookup|{key_epoch}".encode(), hashlib.sha256).digest()
