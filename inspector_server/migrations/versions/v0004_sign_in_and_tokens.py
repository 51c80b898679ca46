"""Sign-in failures kept in the database (per client address and name, so a restart does not
reset them) and rotating refresh tokens (the previous one, the spent ones, and an epoch that
revokes a device's access tokens at once)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The sign_in_failure and spent_refresh tables; rotation columns on device."""
    op.create_table(
        "sign_in_failure",
        sa.Column("address", sa.String(64), primary_key=True), sa.Column("username", sa.String(80), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False), sa.Column("last_at", sa.Float, nullable=False),
    )
    op.create_index("sign_in_failure_username", "sign_in_failure", ["username"])
    op.create_table(
        "spent_refresh",
        sa.Column("hash", sa.String(64), primary_key=True), sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("spent_at", sa.Float, nullable=False),
    )
    op.create_index("spent_refresh_device", "spent_refresh", ["device_id"])
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("previous_refresh_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("rotated_at", sa.Float, nullable=True))
        batch.add_column(sa.Column("token_epoch", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
