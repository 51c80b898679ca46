"""Schema upgrades by ``PRAGMA user_version``: one function per step, each in one transaction.

Each module ``mNNN_<what>.py`` holds ``def upgrade(db)`` and produces schema version NNN: the
module's number *is* the ``user_version`` a profile has once the step ran. To change the schema,
add the next number and append it to :data:`STEPS` (tests fail on a gap or a mismatch). Never
edit a step that has shipped.

Until 2026-12 the files were named in the order their branches were written, not the order they
run (m007_review ran third); they were renamed to the version they produce, with the order kept,
so every shipped profile's ``user_version`` still means the same schema.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from inspector_app.storage.migrations import (
    m001_foundation,
    m002_patrols,
    m003_review,
    m004_disorders,
    m005_notices,
    m006_rate_indexes,
    m007_sync,
    m008_rate_index_order,
    m009_disorder_status_index,
    m010_work_orders,
    m011_conflict_source_device,
    m012_outbox_author,
    m013_outbox_base_hlc,
    m014_offence_index,
    m015_legal_review,
    m016_publication,
)

Step = Callable[[sqlite_utils.Database], None]

STEPS: list[Step] = [
    m001_foundation.upgrade,
    m002_patrols.upgrade,
    m003_review.upgrade,
    m004_disorders.upgrade,
    m005_notices.upgrade,
    m006_rate_indexes.upgrade,
    m007_sync.upgrade,
    m008_rate_index_order.upgrade,
    m009_disorder_status_index.upgrade,
    m010_work_orders.upgrade,
    m011_conflict_source_device.upgrade,
    m012_outbox_author.upgrade,
    m013_outbox_base_hlc.upgrade,
    m014_offence_index.upgrade,
    m015_legal_review.upgrade,
    m016_publication.upgrade,
]

SCHEMA_VERSION = len(STEPS)
