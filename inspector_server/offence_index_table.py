"""The server's city-wide offence index table (revision 0006): one row per violation of
every squad, with keyed-hash tokens of the party instead of who they are.

``seq`` is the feed position of the row's latest change: the seq of the record write that
made it (so it commits in feed order, see :mod:`inspector_server.push`), or a fresh one from
the feed counter for rows the backfill makes. Laptops pull rows by it (``GET /index/pull``).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table

from inspector_app.domain.first_offence import INDEX_TOKEN_HEX as TOKEN_HEX
from inspector_server.db import metadata

offence_index = Table(
    "offence_index", metadata,
    Column("entry_id", Integer, primary_key=True, autoincrement=True),
    Column("violation_id", String(64), nullable=False, unique=True),
    Column("seq", BigInteger, nullable=False),
    Column("id_token", String(TOKEN_HEX), nullable=True),  # HMAC(lookup key, identity key)
    Column("na_token", String(TOKEN_HEX), nullable=True),  # HMAC(lookup key, name+address key)
    Column("item_code", String(40), nullable=False),
    Column("occurred_on", String(10), nullable=False),  # Asia/Shanghai date, YYYY-MM-DD
    Column("outcome", String(20), nullable=False),
    Column("squad_id", String(64), nullable=True),
    Column("number", String(120), nullable=False, default=""),
    Column("deleted", Integer, nullable=False, default=0),
    Index("offence_index_seq", "seq"),
    Index("offence_index_id_token", "id_token"),
    Index("offence_index_na_token", "na_token"),
)
