"""Imports every module that registers a synced table, so all are known once storage is open."""

from inspector_app.storage import (  # noqa: F401  (each registers its tables)
    disorders,
    inspections,
    legal_reviews,
    patrols,
    photos,
    publication,
    reviews,
    sync_state,
    units,
    violations,
    work_orders,
)
