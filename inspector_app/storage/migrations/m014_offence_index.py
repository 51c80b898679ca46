"""Step: the city-wide offence index, pulled from the server (issue 19).

Compact on purpose (a laptop holds every squad's violations, ~1,000,000 rows): the party only
as two 8-byte BLOB tokens, the date as a day number, the outcome as a small integer, the squad
as a number into ``offence_index_squad``; the row id is the server's entry id. The cursor,
the lookup key and when the index was last complete are in ``meta``.
"""

from __future__ import annotations

import sqlite_utils


def upgrade(db: sqlite_utils.Database) -> None:
    """Create offence_index (with its two token indexes) and offence_index_squad."""
    db.execute("""CREATE TABLE offence_index (
        entry_id INTEGER PRIMARY KEY, id_token BLOB, na_token BLOB, item_code TEXT NOT NULL,
        day INTEGER NOT NULL, outcome INTEGER NOT NULL, squad INTEGER NOT NULL, number TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX offence_index_by_id ON offence_index(id_token) WHERE id_token IS NOT NULL")
    db.execute("CREATE INDEX offence_index_by_name ON offence_index(na_token) WHERE na_token IS NOT NULL")
    db.execute("CREATE TABLE offence_index_squad (n INTEGER PRIMARY KEY, squad_id TEXT NOT NULL UNIQUE, "
               "name TEXT NOT NULL DEFAULT '')")
