"""Alembic environment: the connection comes from the caller (see schema.upgrade)."""

from __future__ import annotations

from alembic import context

from inspector_server.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through inspector_server.schema.upgrade")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
