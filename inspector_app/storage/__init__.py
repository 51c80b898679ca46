"""Local storage on SQLite through sqlite-utils: schema, migrations, outbox, audit, blobs."""
