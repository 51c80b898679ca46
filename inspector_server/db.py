"""The server's tables (SQLAlchemy Core) and engines for SQLite or PostgreSQL.

``record`` holds every synced record as JSON fields and doubles as the change feed: its
``seq`` is the position of the record's latest change. ``applied_op`` remembers each op's
first answer, so a replayed op has its effect once. ``counter`` holds the feed's last seq in
one row, locked just before commit (see :mod:`inspector_server.push`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)

metadata = MetaData()

record = Table(
    "record", metadata,
    Column("entity", String(40), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("squad_id", String(64), nullable=True),
    Column("fields", Text, nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("seq", BigInteger, nullable=True),  # NULL until numbered, just before commit
    Column("deleted", Integer, nullable=False, default=0),
    Column("final", Integer, nullable=False, default=0),
    Column("created_at", String(32), nullable=False, default=""),
    Column("updated_at", String(32), nullable=False, default=""),
    Column("device_id", String(64), nullable=False, default=""),
    Index("record_seq", "seq", unique=True),
    Index("record_squad_seq", "squad_id", "seq"),
)

counter = Table(
    "counter", metadata,
    Column("name", String(120), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Op ids are unique per device; ``digest`` is the op's content hash (NULL for answers stored
# before revision 0005), so a reused id carrying other content is told apart from a replay.
applied_op = Table(
    "applied_op", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("op_id", String(64), primary_key=True),
    Column("digest", String(64), nullable=True),
    Column("result", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

account = Table(
    "account", metadata,
    Column("officer_id", String(64), primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("squad_id", String(64), nullable=True),
    Column("active", Integer, nullable=False, default=1),
)

device = Table(
    "device", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("officer_id", String(64), nullable=True),
    Column("refresh_hash", String(64), nullable=True),
    Column("revoked", Integer, nullable=False, default=0),
    Column("created_at", String(32), nullable=False),
    Column("last_push_at", String(32), nullable=True),
    Column("last_pull_at", String(32), nullable=True),
    Column("cursor", BigInteger, nullable=False, default=0),
    # Refresh tokens rotate on use: the one before the current (a lost answer may be retried
    # with it for a moment), when it rotated, and an epoch that access tokens carry, raised to
    # revoke all of the device's tokens at once (a spent refresh token used again).
    Column("previous_refresh_hash", String(64), nullable=True),
    Column("rotated_at", Float, nullable=True),
    Column("token_epoch", Integer, nullable=False, default=0, server_default="0"),
    # The account that enrolled the device (its first sign-in); no other account signs in on
    # it. An administrator's shared laptop has ``shared`` = 1 and its officers in device_officer.
    Column("owner_id", String(64), nullable=True),
    Column("shared", Integer, nullable=False, default=0, server_default="0"),
)

device_officer = Table(
    "device_officer", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("officer_id", String(64), primary_key=True),
)

# Failed sign-ins per client address and user name (also unknown names), for growing delays.
sign_in_failure = Table(
    "sign_in_failure", metadata,
    Column("address", String(64), primary_key=True),
    Column("username", String(80), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", Float, nullable=False),  # Unix time of the latest failure
    Index("sign_in_failure_username", "username"),
)

# Refresh tokens already exchanged: one used again means it was copied, so the device's
# tokens are revoked.
spent_refresh = Table(
    "spent_refresh", metadata,
    Column("hash", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("spent_at", Float, nullable=False),
    Index("spent_refresh_device", "device_id"),
)

blob = Table(
    "blob", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_at", String(32), nullable=False),
)

number_lease = Table(
    "number_lease", metadata,
    Column("id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("doc_type", String(40), nullable=False),
    Column("year", Integer, nullable=False),
    Column("squad_id", String(64), nullable=True),
    Column("range_start", BigInteger, nullable=False),
    Column("range_end", BigInteger, nullable=False),
    Column("created_at", String(32), nullable=False),
    Index("number_lease_device", "device_id", "doc_type", "year"),
)

document_number = Table(
    "document_number", metadata,
    Column("number", String(120), primary_key=True),
    Column("document_id", String(64), nullable=False),
    Column("content_sha256", String(64), nullable=False),
    # doc_type:year:squad:value of a leased or server-given number: each is used once.
    Column("slot", String(200), nullable=True),
    Index("document_number_slot", "slot", unique=True),
)

setting = Table(
    "setting", metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
)


# The laptops' audit chains (see inspector_server.audit).
audit_device = Table(
    "audit_device", metadata,
    Column("device_id", String(64), primary_key=True), Column("key_hex", String(64), nullable=False),
    Column("keyed_from", BigInteger, nullable=False), Column("epoch", Integer, nullable=False),
    Column("registered_at", String(32), nullable=False),
)
audit_entry = Table(
    "audit_entry", metadata,
    Column("device_id", String(64), primary_key=True), Column("epoch", Integer, primary_key=True),
    Column("seq", BigInteger, primary_key=True), Column("entry", Text, nullable=False),
    Column("hash", String(64), nullable=False), Column("officer_id", String(64), nullable=False),
    Column("received_at", String(32), nullable=False),
)
audit_break = Table(
    "audit_break", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(64), nullable=False), Column("epoch", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False), Column("reason", String(200), nullable=False),
    Column("detected_at", String(32), nullable=False),
    Index("audit_break_device", "device_id", "id"),
)


def make_engine(url: str) -> Engine:
    """An engine for ``url``. SQLite gets WAL, a busy timeout, and ``BEGIN IMMEDIATE`` for
    connections marked ``write=True`` (so two writers queue instead of deadlocking)."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_size=20, max_overflow=40, pool_recycle=1800)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine talks to SQLite (no row locks: writers are serialized instead)."""
    return engine.dialect.name == "sqlite"
