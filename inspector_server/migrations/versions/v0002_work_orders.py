"""Work orders: integrations of city platforms (their hashed tokens) and the platform numbers
already received (intake is idempotent by them)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The integration and work_order_number tables."""
    op.create_table(
        "integration",
        sa.Column("id", sa.String(64), primary_key=True), sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False), sa.Column("last_used_at", sa.String(32), nullable=True),
        sa.Column("revoked", sa.Integer, nullable=False),
    )
    op.create_table(
        "work_order_number",
        sa.Column("source", sa.String(20), primary_key=True), sa.Column("platform_no", sa.String(64), primary_key=True),
        sa.Column("order_id", sa.String(64), nullable=False),
    )
    op.create_index("work_order_number_order", "work_order_number", ["order_id"])


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
