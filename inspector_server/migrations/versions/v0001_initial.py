"""The first server schema: records (and feed), applied ops, accounts, devices, blobs, leases."""

from __future__ import annotations

from alembic import op

from inspector_server.db import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table of the v1 schema and the feed counter row."""
    bind = op.get_bind()
    # The tables as they were at this revision; later revisions alter them with op.* calls.
    metadata.create_all(bind)
    op.execute("INSERT INTO counter(name, value) VALUES ('seq', 0)")


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
