"""The city-wide offence index (issue 19): a row per violation with keyed-hash party tokens.

Rows are made by the server at start (the backfill needs the city key, which lives outside the
database) and at every accepted push of a violation; see inspector_server/offence_index.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create offence_index and its indexes."""
    op.create_table(
        "offence_index",
        sa.Column("entry_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("violation_id", sa.String(64), nullable=False, unique=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("id_token", sa.String(16), nullable=True),
        sa.Column("na_token", sa.String(16), nullable=True),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("occurred_on", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("squad_id", sa.String(64), nullable=True),
        sa.Column("number", sa.String(120), nullable=False, server_default=""),
        sa.Column("deleted", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("offence_index_seq", "offence_index", ["seq"])
    op.create_index("offence_index_id_token", "offence_index", ["id_token"])
    op.create_index("offence_index_na_token", "offence_index", ["na_token"])


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
