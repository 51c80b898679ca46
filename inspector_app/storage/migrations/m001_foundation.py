"""Step 1: squads, officers, roads, frontage units, and the outbox, audit, blob and meta tables."""

from __future__ import annotations

import sqlite_utils

from inspector_app.storage.migrations.sync_columns import synced_table


def upgrade(db: sqlite_utils.Database) -> None:
    """Create the foundation schema."""
    statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        synced_table(
            "squad",
            """
            name TEXT NOT NULL,
            district_code TEXT NOT NULL,
            subdistrict_code TEXT,
            """,
        ),
        synced_table(
            "officer",
            """
            username TEXT NOT NULL,
            name TEXT NOT NULL,
            badge_no TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('officer','supervisor','clerk','admin')),
            squad_id TEXT REFERENCES squad(id),
            phone TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            """,
        ),
        "CREATE UNIQUE INDEX officer_username ON officer(username)",
        synced_table(
            "road_segment",
            """
            name TEXT NOT NULL,
            street_name TEXT NOT NULL,
            district_code TEXT NOT NULL,
            subdistrict_code TEXT,
            grid_code TEXT NOT NULL DEFAULT '',
            geometry TEXT NOT NULL DEFAULT '[]',
            length_m REAL NOT NULL DEFAULT 0,
            road_chief TEXT NOT NULL DEFAULT '',
            squad_id TEXT REFERENCES squad(id),
            """,
        ),
        "CREATE INDEX road_segment_squad ON road_segment(squad_id)",
        synced_table(
            "unit",
            """
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            uscc TEXT,
            id_number TEXT,
            legal_person TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            road_segment_id TEXT REFERENCES road_segment(id),
            district_code TEXT NOT NULL DEFAULT '',
            subdistrict_code TEXT NOT NULL DEFAULT '',
            squad_id TEXT REFERENCES squad(id),
            lat REAL,
            lon REAL,
            agreement_signed INTEGER NOT NULL DEFAULT 0,
            agreement_date TEXT,
            agreement_signer TEXT NOT NULL DEFAULT '',
            awareness INTEGER NOT NULL DEFAULT 0,
            star_rating INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            sort_key TEXT NOT NULL DEFAULT '',
            search_latin TEXT NOT NULL DEFAULT '',
            search_grams TEXT NOT NULL DEFAULT '',
            """,
        ),
        "CREATE INDEX unit_road ON unit(road_segment_id)",
        "CREATE INDEX unit_live_sort ON unit(sort_key) WHERE deleted = 0",
        "CREATE INDEX unit_uscc ON unit(uscc) WHERE uscc IS NOT NULL",
        "CREATE INDEX unit_id_number ON unit(id_number) WHERE id_number IS NOT NULL",
        "CREATE INDEX unit_squad ON unit(squad_id)",
        # Trigram FTS over what officers type: Chinese names/addresses (3+ characters) and the
        # Latin pinyin / initials / USCC text. Shorter queries fall back to LIKE (storage.search).
        """
        CREATE VIRTUAL TABLE unit_fts USING fts5(
            name, address, contact, search_latin,
            content='unit', content_rowid='rowid', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER unit_fts_insert AFTER INSERT ON unit BEGIN
            INSERT INTO unit_fts(rowid, name, address, contact, search_latin)
            VALUES (new.rowid, new.name, new.address, new.contact, new.search_latin);
        END
        """,
        """
        CREATE TRIGGER unit_fts_delete AFTER DELETE ON unit BEGIN
            INSERT INTO unit_fts(unit_fts, rowid, name, address, contact, search_latin)
            VALUES ('delete', old.rowid, old.name, old.address, old.contact, old.search_latin);
        END
        """,
        """
        CREATE TRIGGER unit_fts_update AFTER UPDATE OF name, address, contact, search_latin
        ON unit BEGIN
            INSERT INTO unit_fts(unit_fts, rowid, name, address, contact, search_latin)
            VALUES ('delete', old.rowid, old.name, old.address, old.contact, old.search_latin);
            INSERT INTO unit_fts(rowid, name, address, contact, search_latin)
            VALUES (new.rowid, new.name, new.address, new.contact, new.search_latin);
        END
        """,
        # One- and two-character queries: the same texts cut into single characters and pairs
        # (storage.search.grams), one token each, so 鑫源 or "qc" is a token lookup, not a scan.
        """
        CREATE VIRTUAL TABLE unit_grams USING fts5(
            search_grams, content='unit', content_rowid='rowid', tokenize='unicode61'
        )
        """,
        """
        CREATE TRIGGER unit_grams_insert AFTER INSERT ON unit BEGIN
            INSERT INTO unit_grams(rowid, search_grams) VALUES (new.rowid, new.search_grams);
        END
        """,
        """
        CREATE TRIGGER unit_grams_delete AFTER DELETE ON unit BEGIN
            INSERT INTO unit_grams(unit_grams, rowid, search_grams)
            VALUES ('delete', old.rowid, old.search_grams);
        END
        """,
        """
        CREATE TRIGGER unit_grams_update AFTER UPDATE OF search_grams ON unit BEGIN
            INSERT INTO unit_grams(unit_grams, rowid, search_grams)
            VALUES ('delete', old.rowid, old.search_grams);
            INSERT INTO unit_grams(rowid, search_grams) VALUES (new.rowid, new.search_grams);
        END
        """,
        """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('create','patch','delete','finalize')),
            changes TEXT NOT NULL,
            blobs TEXT NOT NULL DEFAULT '[]',
            form_version TEXT NOT NULL DEFAULT '',
            hlc TEXT NOT NULL,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','acked','rejected','conflict','forbidden')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX outbox_status ON outbox(status, seq)",
        "CREATE INDEX outbox_entity ON outbox(entity, entity_id)",
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            hlc TEXT NOT NULL,
            officer_id TEXT NOT NULL,
            role TEXT NOT NULL,
            device_id TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE blob (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL DEFAULT 'application/octet-stream',
            created_at TEXT NOT NULL,
            uploaded INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE login_attempt (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        )
        """,
    ]
    for sql in statements:
        db.execute(sql)
