"""The audit trail anchored on the server: each device's registered chain key, the entries it
pushed (append-only, grouped in epochs: a new epoch starts where a laptop's chain stopped
extending what the server held), and every break found."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The audit_device, audit_entry and audit_break tables."""
    op.create_table(
        "audit_device",
        sa.Column("device_id", sa.String(64), primary_key=True), sa.Column("key_hex", sa.String(64), nullable=False),
        sa.Column("keyed_from", sa.BigInteger, nullable=False), sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("registered_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit_entry",
        sa.Column("device_id", sa.String(64), primary_key=True), sa.Column("epoch", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True), sa.Column("entry", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False), sa.Column("officer_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit_break",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(64), nullable=False), sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False), sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("detected_at", sa.String(32), nullable=False),
    )
    op.create_index("audit_break_device", "audit_break", ["device_id", "id"])


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
