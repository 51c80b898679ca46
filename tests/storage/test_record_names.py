"""A refused item is named by what it is, also when the record is gone from the laptop."""

from pathlib import Path

from inspector_app.storage.database import Store
from inspector_app.storage.record_names import record_name


def test_names_come_from_the_row_the_parent_or_the_change(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        db = store.db
        assert record_name(db, "unit", "gone", {"name": [None, "聚香烟酒店"]}) == "聚香烟酒店"
        assert record_name(db, "document", "gone", {"number": [None, "济历城责改〔2026〕17号"]}) == "济历城责改〔2026〕17号"
        assert record_name(db, "disorder_event", "gone", {"check_id": [None, "c1"]}) == ""
        assert record_name(db, "unknown_entity", "x") == ""
    finally:
        store.close()
