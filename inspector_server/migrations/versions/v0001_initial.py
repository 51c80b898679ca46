"""The first server schema: records (and feed), applied ops, accounts, devices, blobs, leases.

Written out table by table (not from the current metadata), so later revisions that change
``inspector_server.db`` build on exactly this.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _s(n: int) -> sa.String:
    return sa.String(n)


def upgrade() -> None:
    """Create every table of the v1 schema and the feed counter row."""
    op.create_table(
        "record",
        sa.Column("entity", _s(40), primary_key=True), sa.Column("id", _s(64), primary_key=True),
        sa.Column("squad_id", _s(64), nullable=True), sa.Column("fields", sa.Text, nullable=False),
        sa.Column("hlc", _s(64), nullable=False), sa.Column("seq", sa.BigInteger, nullable=True),
        sa.Column("deleted", sa.Integer, nullable=False), sa.Column("final", sa.Integer, nullable=False),
        sa.Column("created_at", _s(32), nullable=False), sa.Column("updated_at", _s(32), nullable=False),
        sa.Column("device_id", _s(64), nullable=False),
    )
    op.create_index("record_seq", "record", ["seq"], unique=True)
    op.create_index("record_squad_seq", "record", ["squad_id", "seq"])
    op.create_table("counter", sa.Column("name", _s(120), primary_key=True),
                    sa.Column("value", sa.BigInteger, nullable=False))
    op.create_table(
        "applied_op", sa.Column("op_id", _s(64), primary_key=True), sa.Column("device_id", _s(64), nullable=False),
        sa.Column("result", sa.Text, nullable=False), sa.Column("at", _s(32), nullable=False),
    )
    op.create_table(
        "account", sa.Column("officer_id", _s(64), primary_key=True),
        sa.Column("username", _s(80), nullable=False, unique=True),
        sa.Column("password_hash", _s(200), nullable=False), sa.Column("role", _s(20), nullable=False),
        sa.Column("squad_id", _s(64), nullable=True), sa.Column("active", sa.Integer, nullable=False),
    )
    op.create_table(
        "device", sa.Column("id", _s(64), primary_key=True), sa.Column("name", _s(200), nullable=False),
        sa.Column("officer_id", _s(64), nullable=True), sa.Column("refresh_hash", _s(64), nullable=True),
        sa.Column("revoked", sa.Integer, nullable=False), sa.Column("created_at", _s(32), nullable=False),
        sa.Column("last_push_at", _s(32), nullable=True), sa.Column("last_pull_at", _s(32), nullable=True),
        sa.Column("cursor", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "blob", sa.Column("sha256", _s(64), primary_key=True), sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored_at", _s(32), nullable=False),
    )
    op.create_table(
        "number_lease", sa.Column("id", _s(64), primary_key=True), sa.Column("device_id", _s(64), nullable=False),
        sa.Column("doc_type", _s(40), nullable=False), sa.Column("year", sa.Integer, nullable=False),
        sa.Column("squad_id", _s(64), nullable=True), sa.Column("range_start", sa.BigInteger, nullable=False),
        sa.Column("range_end", sa.BigInteger, nullable=False), sa.Column("created_at", _s(32), nullable=False),
    )
    op.create_index("number_lease_device", "number_lease", ["device_id", "doc_type", "year"])
    op.create_table(
        "document_number", sa.Column("number", _s(120), primary_key=True),
        sa.Column("document_id", _s(64), nullable=False), sa.Column("content_sha256", _s(64), nullable=False),
    )
    op.create_table("setting", sa.Column("key", _s(80), primary_key=True), sa.Column("value", sa.Text, nullable=False))
    op.execute("INSERT INTO counter(name, value) VALUES ('seq', 0)")


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
