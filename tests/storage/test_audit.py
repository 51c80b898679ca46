import pytest

from inspector_app.storage.audit import (
    FIELDS,
    GENESIS,
    append_audit,
    audit_key,
    entry_hash,
    set_anchor,
    verify_audit_chain,
)
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


def _rehash(store: Store, seq: int, key: bytes | None) -> None:
    cursor = store.db.execute("SELECT * FROM audit_log WHERE seq = ?", [seq])
    entry = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    entry["action"] = "delete_unit"
    with store.transaction() as db:
        db.execute("UPDATE audit_log SET action = ?, hash = ? WHERE seq = ?",
                   ["delete_unit", entry_hash(entry, key), seq])


def test_rehashed_entry_breaks_the_next_link(store: Store) -> None:
    key = audit_key(store.db)
    assert key is not None
    _rehash(store, 2, key.key)  # even knowing the key, the next entry's link gives it away
    check = verify_audit_chain(store.db)
    assert not check.ok and check.first_broken_seq == 3


def test_entries_are_keyed_so_a_plain_recomputed_hash_is_found(store: Store) -> None:
    row = store.db.execute(f"SELECT {', '.join(FIELDS)}, hash FROM audit_log WHERE seq = 1").fetchone()
    entry = dict(zip((*FIELDS, "hash"), row, strict=True))
    assert entry["hash"] != entry_hash(entry)  # not a bare sha256 anyone can recompute
    _rehash(store, 2, None)
    check = verify_audit_chain(store.db)
    assert [b.seq for b in check.breaks][:1] == [2] and check.reason == "entry was altered"


def test_every_break_is_listed(store: Store) -> None:
    with store.transaction() as db:
        db.execute("UPDATE audit_log SET details = '{}' WHERE seq IN (2, 4)")
    check = verify_audit_chain(store.db)
    assert [(b.seq, b.reason) for b in check.breaks] == [(2, "entry was altered"), (4, "entry was altered")]


@pytest.mark.parametrize("deleted", ["seq >= 4", "1 = 1"], ids=["newest", "all"])
def test_deleting_the_tail_the_server_acknowledged_is_found(store: Store, deleted: str) -> None:
    head = store.db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    with store.transaction() as db:
        set_anchor(db, head[0], head[1])
    assert verify_audit_chain(store.db).ok
    with store.transaction() as db:
        db.execute(f"DELETE FROM audit_log WHERE {deleted}")
    check = verify_audit_chain(store.db)
    assert not check.ok and check.breaks[-1].reason.startswith("newest entries deleted")


def test_entries_from_before_the_key_still_verify(data_dir) -> None:  # type: ignore[no-untyped-def]
    """A profile made by an older release has plain-hashed entries; the key starts after them."""
    s = Store.open(data_dir)
    try:
        with s.transaction() as db:
            prev = GENESIS
            for n in (1, 2):
                entry = {"seq": n, "at": "2026-11-20T02:00:00.000Z", "hlc": "1", "officer_id": "o", "role": "officer",
                         "device_id": "d", "action": "old", "entity": "", "entity_id": "", "place": "",
                         "details": "{}", "prev_hash": prev}
                entry["hash"] = prev = entry_hash(entry)
                db.execute(f"INSERT INTO audit_log({', '.join(entry)}) VALUES ({', '.join('?' * len(entry))})",
                           list(entry.values()))
            append_audit(db, at="2026-11-20T02:00:01.000Z", hlc="2", officer_id="o", role="officer",
                         device_id="d", action="new")
        key = audit_key(s.db)
        assert key is not None and key.keyed_from == 3
        assert verify_audit_chain(s.db).ok
    finally:
        s.close()


def test_deleted_entry_is_found(store: Store) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM audit_log WHERE seq = 4")
    check = verify_audit_chain(store.db)
    assert not check.ok and check.first_broken_seq == 4 and check.reason == "entry missing"
