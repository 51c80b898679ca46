"""The secret that signs access tokens. It lives in the environment
(``INSPECTOR_SERVER_TOKEN_SECRET``, 64 hex digits or more) or in a file readable by the
server's user only (mode 0600): beside the SQLite database (``server.db`` →
``server.token-secret``), or where ``--secret-file`` / ``INSPECTOR_SERVER_SECRET_FILE`` say.
Never in the database, so a copied database or backup signs nothing. A secret an older
version kept in the ``setting`` table is moved into the file on first start (devices stay
signed in) and deleted from the table.

Rotating it (docs/security.md): stop the server, delete the file (or set a new value), start
it. Access tokens signed with the old secret are refused; devices then refresh silently, as
refresh tokens are random values checked against the database, not signatures.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from sqlalchemy import Engine, delete, select

from inspector_server.db import setting

ENV_SECRET = "INSPECTOR_SERVER_TOKEN_SECRET"
ENV_FILE = "INSPECTOR_SERVER_SECRET_FILE"
_LEGACY_KEY = "token_secret"


class SecretError(Exception):
    """The configured secret cannot be used (the message says what to fix)."""


def default_file(db_url: str, blob_dir: Path) -> Path:
    """Where the secret file is when none is configured: beside an SQLite database, else
    beside the blob folder."""
    configured = os.environ.get(ENV_FILE)
    if configured:
        return Path(configured).expanduser().absolute()
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        return Path(db_url.removeprefix("sqlite:///")).with_suffix(".token-secret")
    return blob_dir.absolute().with_name(blob_dir.name + ".token-secret")


def _parse(text: str, where: str, what: str = "token secret") -> bytes:
    try:
        value = bytes.fromhex(text.strip())
    except ValueError:
        raise SecretError(f"the {what} in {where} is not hex digits") from None
    if len(value) < 32:
        raise SecretError(f"the {what} in {where} is too short: give at least 64 hex digits")
    return value


def parse_secret(text: str, where: str, what: str = "index key") -> bytes:
    """A secret given as hex digits (at least 64); raises :class:`SecretError` otherwise."""
    return _parse(text, where, what)


def secret_from_file(path: Path, what: str = "index key") -> bytes:
    """A secret kept in a file of the server's user only (made on first use, mode 0600), like
    the token secret: used for other server-held keys (the offence index's city key)."""
    return _from_file(path, None, what)


def load(engine: Engine, path: Path) -> bytes:
    """The signing secret: the environment's, else the file's (made on first start, from a
    secret an older version kept in the database if there is one). Any secret left in the
    database is deleted."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        legacy = conn.execute(select(setting.c.value).where(setting.c.key == _LEGACY_KEY)).scalar()
        if os.environ.get(ENV_SECRET):
            value = _parse(os.environ[ENV_SECRET], f"${ENV_SECRET}")
        else:
            value = _from_file(path, legacy)
        if legacy is not None:
            conn.execute(delete(setting).where(setting.c.key == _LEGACY_KEY))
    return value


def _from_file(path: Path, legacy: str | None, what: str = "token secret") -> bytes:
    if not path.exists():
        made = legacy or secrets.token_hex(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another server process made it a moment ago: use theirs
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(made + "\n")
                fh.flush()
                os.fsync(fh.fileno())
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, 0o600)  # readable by others: close it before using it
    return _parse(path.read_text(encoding="ascii", errors="replace"), str(path), what)
