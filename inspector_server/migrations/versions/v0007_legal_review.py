"""法制审核 (issue 19): each legal_review record indexed by its violation and document type, so
the document gate at push is one indexed read."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The legal_review_subject table."""
    op.create_table(
        "legal_review_subject",
        sa.Column("review_id", sa.String(64), primary_key=True),
        sa.Column("violation_id", sa.String(64), nullable=False), sa.Column("doc_type", sa.String(40), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False), sa.Column("status", sa.String(10), nullable=False),
    )
    op.create_index("legal_review_subject_violation", "legal_review_subject", ["violation_id", "doc_type"])


def downgrade() -> None:
    """Not supported: restore a backup instead."""
    raise NotImplementedError
