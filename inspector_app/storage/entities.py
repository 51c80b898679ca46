"""Imports every module that registers a synced table, so all are known once storage is open."""

from inspector_app.storage import units  # noqa: F401  (registers "unit")
