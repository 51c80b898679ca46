"""Step: work orders from the city (12345, 数字城管, 随手拍, 路长, 领导交办), their timeline,
and the link from a 八乱 check back to the order it was found for."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table

STATUSES = "'received','dispatched','handling','replied','closed','returned','shelved'"


def upgrade(db: sqlite_utils.Database) -> None:
    """work_order and work_order_event, and disorder_check.work_order_id."""
    statements = [
        synced_table(
            "work_order",
            f"""
            source TEXT NOT NULL,
            platform_no TEXT NOT NULL,
            category TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            lat REAL,
            lon REAL,
            road_segment_id TEXT,
            grid_code TEXT NOT NULL DEFAULT '',
            squad_id TEXT,
            reporter_name TEXT NOT NULL DEFAULT '',
            reporter_phone TEXT NOT NULL DEFAULT '',
            reporter_photos TEXT NOT NULL DEFAULT '[]',
            reported_at TEXT,
            received_at TEXT NOT NULL,
            limit_value INTEGER NOT NULL,
            limit_unit TEXT NOT NULL CHECK (limit_unit IN ('hours','days')),
            deadline TEXT NOT NULL,
            deadline_estimated INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ({STATUSES})),
            assignee_id TEXT,
            dispatched_at TEXT,
            dispatched_by TEXT NOT NULL DEFAULT '',
            dispatch_method TEXT NOT NULL DEFAULT '',
            started_at TEXT,
            reply_text TEXT NOT NULL DEFAULT '',
            before_photo_ids TEXT NOT NULL DEFAULT '[]',
            after_photo_ids TEXT NOT NULL DEFAULT '[]',
            replied_at TEXT,
            return_reason TEXT NOT NULL DEFAULT '',
            extension_status TEXT NOT NULL DEFAULT '',
            extension_days INTEGER,
            extension_reason TEXT NOT NULL DEFAULT '',
            original_deadline TEXT,
            shelve_reason TEXT NOT NULL DEFAULT '',
            shelve_review_date TEXT,
            verify_note TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            closed_by TEXT NOT NULL DEFAULT '',
            closed_on_time INTEGER,
            satisfaction TEXT NOT NULL DEFAULT '',
            visit_note TEXT NOT NULL DEFAULT '',
            visited_at TEXT,
            disorder_check_id TEXT,
            violation_id TEXT,
            """,
        ),
        # The platform's number is unique per source: the services and the server refuse a second
        # order with it. Not a UNIQUE index here: two laptops importing the same row offline must
        # not make a pulled copy fail to apply; the server keeps one and refuses the other.
        "CREATE INDEX work_order_number ON work_order(source, platform_no)",
        # 待办: an officer's open orders by time left, read straight from a small partial index.
        "CREATE INDEX work_order_todo ON work_order(assignee_id, deadline) "
        "WHERE status IN ('dispatched','handling') AND deleted = 0",
        # A squad's queues (to dispatch, to verify, on hold) by deadline.
        "CREATE INDEX work_order_queue ON work_order(squad_id, status, deleted, deadline)",
        # Indicators: everything they count, so a squad's period (or the city's) is an index-only read.
        "CREATE INDEX work_order_indicators ON work_order(squad_id, received_at, assignee_id, category, status,"
        " deadline, closed_at, closed_on_time, satisfaction, deleted)",
        "CREATE INDEX work_order_city_indicators ON work_order(received_at, squad_id, assignee_id, category, status,"
        " deadline, closed_at, closed_on_time, satisfaction, deleted)",
        # Orders whose clock runs (overdue now), and the dispatcher's two side queues.
        "CREATE INDEX work_order_running ON work_order(deadline, squad_id, assignee_id, category) "
        "WHERE status IN ('received','dispatched','handling','returned') AND deleted = 0",
        "CREATE INDEX work_order_extension ON work_order(squad_id, deadline) "
        "WHERE extension_status = 'requested' AND deleted = 0",
        "CREATE INDEX work_order_unvisited ON work_order(squad_id, closed_at) "
        "WHERE status = 'closed' AND satisfaction = '' AND deleted = 0",
        "CREATE INDEX work_order_check ON work_order(disorder_check_id) WHERE disorder_check_id IS NOT NULL",
        "CREATE INDEX work_order_violation ON work_order(violation_id) WHERE violation_id IS NOT NULL",
        synced_table(
            "work_order_event",
            """
            order_id TEXT NOT NULL REFERENCES work_order(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            status_from TEXT NOT NULL DEFAULT '',
            status_to TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            officer_id TEXT NOT NULL,
            """,
        ),
        "CREATE INDEX work_order_event_order ON work_order_event(order_id, at)",
        # A violation names its order in source_entity / source_id; a check gets a column.
        "ALTER TABLE disorder_check ADD COLUMN work_order_id TEXT",
    ]
    for sql in statements:
        db.execute(sql)
