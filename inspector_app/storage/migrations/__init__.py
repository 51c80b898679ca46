"""Schema upgrades by ``PRAGMA user_version``: one function per step, each in one transaction.

To change the schema, add a module ``mNNN_<what>.py`` with ``def upgrade(db)`` and append it
to :data:`STEPS`. Never edit a step that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from inspector_app.storage.migrations import (
    m001_foundation,
    m002_patrols,
    m003_disorders,
    m004_notices,
    m005_sync,
    m007_review,
    m008_rate_indexes,
    m009_rate_index_order,
    m010_disorder_status_index,
)

Step = Callable[[sqlite_utils.Database], None]

STEPS: list[Step] = [
    m001_foundation.upgrade,
    m002_patrols.upgrade,
    m007_review.upgrade,
    m003_disorders.upgrade,
    m004_notices.upgrade,
    m008_rate_indexes.upgrade,
    m005_sync.upgrade,  # after m008: it reached main first
    m009_rate_index_order.upgrade,
    m010_disorder_status_index.upgrade,
]

SCHEMA_VERSION = len(STEPS)
