"""Step: violations with their first-offence decision, official documents, document numbers,
and versions of the first-offence catalog."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Create the notices schema."""
    statements = [
        synced_table(
            "catalog_version",
            """
            kind TEXT NOT NULL,
            version TEXT NOT NULL,
            published_by TEXT NOT NULL DEFAULT '',
            items TEXT NOT NULL,
            confirmed_codes TEXT NOT NULL DEFAULT '[]',
            imported_by TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            """,
        ),
        "CREATE UNIQUE INDEX catalog_version_unique ON catalog_version(kind, version)",
        synced_table(
            "violation",
            """
            party_kind TEXT NOT NULL CHECK (party_kind IN ('person','unit')),
            party_name TEXT NOT NULL,
            party_id_number TEXT NOT NULL DEFAULT '',
            party_uscc TEXT NOT NULL DEFAULT '',
            party_legal_person TEXT NOT NULL DEFAULT '',
            party_phone TEXT NOT NULL DEFAULT '',
            party_address TEXT NOT NULL DEFAULT '',
            identity_key TEXT,
            name_key TEXT,
            unit_id TEXT,
            squad_id TEXT,
            catalog_version TEXT NOT NULL,
            item_code TEXT NOT NULL,
            facts TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            lat REAL,
            lon REAL,
            occurred_at TEXT NOT NULL,
            officer1_id TEXT NOT NULL,
            officer2_id TEXT NOT NULL,
            photo_ids TEXT NOT NULL DEFAULT '[]',
            source_entity TEXT,
            source_id TEXT,
            decision TEXT NOT NULL,
            decision_reasons TEXT NOT NULL DEFAULT '[]',
            prior_ids TEXT NOT NULL DEFAULT '[]',
            confirmed_conditions TEXT NOT NULL DEFAULT '[]',
            overridden INTEGER NOT NULL DEFAULT 0,
            override_reason TEXT NOT NULL DEFAULT '',
            file_case INTEGER NOT NULL DEFAULT 0,
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open','rectified','case','closed')),
            rechecked_at TEXT,
            """,
        ),
        "CREATE INDEX violation_identity ON violation(identity_key, occurred_at)",
        "CREATE INDEX violation_name ON violation(name_key, occurred_at)",
        "CREATE INDEX violation_status ON violation(status, deadline)",
        "CREATE INDEX violation_time ON violation(occurred_at)",
        synced_table(
            "document",
            """
            doc_type TEXT NOT NULL,
            number TEXT NOT NULL,
            number_value INTEGER,
            number_source TEXT NOT NULL DEFAULT 'local',
            year INTEGER NOT NULL,
            squad_id TEXT,
            violation_id TEXT,
            party_name TEXT NOT NULL DEFAULT '',
            snapshot TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            pdf_sha256 TEXT,
            issued_at TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','voided')),
            void_reason TEXT NOT NULL DEFAULT '',
            print_count INTEGER NOT NULL DEFAULT 0,
            """,
        ),
        "CREATE UNIQUE INDEX document_number ON document(number)",
        "CREATE INDEX document_issued ON document(issued_at)",
        "CREATE INDEX document_violation ON document(violation_id)",
        # Number blocks: the contract with sync (server leases). Not synced row by row.
        """
        CREATE TABLE number_block (
            id TEXT PRIMARY KEY,
            doc_type TEXT NOT NULL,
            year INTEGER NOT NULL,
            squad_id TEXT,
            range_start INTEGER NOT NULL,
            range_end INTEGER NOT NULL,
            next_value INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('local','lease','provisional')),
            lease_id TEXT,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX number_block_lookup ON number_block(doc_type, year, squad_id)",
        synced_table(
            "voided_number",
            """
            doc_type TEXT NOT NULL,
            year INTEGER NOT NULL,
            squad_id TEXT,
            number TEXT NOT NULL,
            reason TEXT NOT NULL,
            officer_id TEXT NOT NULL,
            voided_at TEXT NOT NULL,
            """,
        ),
        """
        CREATE TABLE number_format (
            squad_id TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            template TEXT NOT NULL,
            PRIMARY KEY (squad_id, doc_type)
        )
        """,
    ]
    for sql in statements:
        db.execute(sql)
