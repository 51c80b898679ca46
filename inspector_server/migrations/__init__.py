"""Alembic migrations of the server database (run by :func:`inspector_server.schema.upgrade`)."""
