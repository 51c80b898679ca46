"""What a record is called where the officer must recognise it (the conflict queue, the items the
server refused): the unit's name, the document's number, the check's address — never a
fragment of its id."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

# The column holding a record's name, per entity.
NAME_COLUMN = {"unit": "name", "patrol": "patrol_date", "disorder_check": "address", "violation": "party_name",
               "document": "number", "road_segment": "name", "officer": "name", "work_order": "platform_no"}
# Records named after the record they belong to: (column holding its id, its entity, or the
# column naming its entity when it starts with @).
PARENT = {"frontage_inspection": ("unit_id", "unit"), "disorder_event": ("check_id", "disorder_check"),
          "work_order_event": ("order_id", "work_order"), "review": ("entity_id", "@entity"),
          "photo": ("owner_id", "@owner_entity"), "conflict": ("entity_id", "@entity")}


def record_name(db: sqlite_utils.Database, entity: str, entity_id: str, changes: dict[str, Any] | None = None) -> str:
    """The record's name from its row, else from the change that made it (a record the server
    refused to create is no longer on this laptop); '' when neither has one."""
    if entity in PARENT:
        ref, parent = PARENT[entity]
        parent_entity = _value(db, entity, entity_id, parent[1:], changes) if parent.startswith("@") else parent
        parent_id = _value(db, entity, entity_id, ref, changes)
        return record_name(db, parent_entity, parent_id) if parent_entity and parent_id else ""
    column = NAME_COLUMN.get(entity)
    return _value(db, entity, entity_id, column, changes) if column else ""


def _value(db: sqlite_utils.Database, entity: str, entity_id: str, column: str,
           changes: dict[str, Any] | None) -> str:
    try:
        row = db.execute(f'SELECT "{column}" FROM "{entity}" WHERE id = ?', [entity_id]).fetchone()
    except Exception:  # a table this profile lacks, or an entity name this app does not know
        row = None
    if row and row[0] not in (None, ""):
        return str(row[0])
    value = (changes or {}).get(column)
    if isinstance(value, list) and len(value) == 2 and value[1] not in (None, ""):
        return str(value[1])
    return ""


def op_changes(text: str) -> dict[str, Any]:
    """An outbox op's changes, or {} when unreadable."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
