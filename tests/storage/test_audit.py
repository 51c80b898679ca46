import pytest

from inspector_app.storage.audit import append_audit, verify_audit_chain
from inspector_app.storage.database import Store


@pytest.fixture
def store(data_dir):  # type: ignore[no-untyped-def]
    s = Store.open(data_dir)
    with s.transaction() as db:
        for n in range(5):
            append_audit(db, at=f"2026-11-20T02:00:0{n}.000Z", hlc=str(n), officer_id="o1",
                         role="officer", device_id="d", action="create_unit", entity="unit",
                         entity_id=f"u{n}", details={"n": n, "名称": "店"})
    yield s
    s.close()


def test_intact_chain_verifies(store: Store) -> None:
    check = verify_audit_chain(store.db)
    assert check.ok and check.checked == 5


def test_edited_entry_is_found(store: Store) -> None:
    with store.transaction() as db:
        db.execute("UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 3")
    check = verify_audit_chain(store.db)
    assert not check.ok and check.first_broken_seq == 3 and check.reason == "entry was altered"


def test_rehashed_entry_breaks_the_next_link(store: Store) -> None:
    from inspector_app.storage.audit import entry_hash

    cursor = store.db.execute("SELECT * FROM audit_log WHERE seq = 2")
    entry = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    entry["action"] = "delete_unit"
    with store.transaction() as db:
        db.execute("UPDATE audit_log SET action = ?, hash = ? WHERE seq = 2", ["delete_unit", entry_hash(entry)])
    check = verify_audit_chain(store.db)
    assert not check.ok and check.first_broken_seq == 3


def test_deleted_entry_is_found(store: Store) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM audit_log WHERE seq = 4")
    check = verify_audit_chain(store.db)
    assert not check.ok and check.first_broken_seq == 4 and check.reason == "entry missing"
