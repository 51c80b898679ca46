"""Devices owned by the account that enrolled them (or an administrator's shared laptop and its
allowed officers), document numbers tied to the lease slot they came from, and op ids unique
per device with a digest of the op's content (a reused id with other content is refused)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """device.owner_id/shared, device_officer, document_number.slot, applied_op keyed by device."""
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("owner_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("shared", sa.Integer, nullable=False, server_default="0"))
    # A device already in use belongs to the account that last signed in on it.
    op.execute("UPDATE device SET owner_id = officer_id WHERE officer_id IS NOT NULL")
    op.create_table(
        "device_officer",
        sa.Column("device_id", sa.String(64), primary_key=True), sa.Column("officer_id", sa.String(64), primary_key=True),
    )
    with op.batch_alter_table("document_number") as batch:
        batch.add_column(sa.Column("slot", sa.String(200), nullable=True))
    op.create_index("document_number_slot", "document_number", ["slot"], unique=True)
    # The primary key becomes (device_id, op_id): the table is rebuilt (SQLite cannot alter a key).
    op.create_table(
        "applied_op_new",
        sa.Column("device_id", sa.String(64), primary_key=True), sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("digest", sa.String(64), nullable=True), sa.Column("result", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.execute("INSERT INTO applied_op_new (device_id, op_id, digest, result, at) "
               "SELECT device_id, op_id, NULL, result, at FROM applied_op")
    op.drop_table("applied_op")
    op.rename_table("applied_op_new", "applied_op")


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
