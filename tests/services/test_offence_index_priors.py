"""Issue 19: index priors already on the laptop (its own squad's records) are not counted twice."""

from __future__ import annotations

from datetime import date

from inspector_app.domain.first_offence import Prior
from inspector_app.services.offence_index import without_local


def test_a_local_record_takes_away_one_index_row_of_the_same_squad_item_and_day() -> None:
    day = date(2026, 11, 25)
    local = [Prior(f"v{n}", day, "FO02", squad_id="a") for n in range(2)]
    index = [Prior(f"index:{n}", day, "FO02", source="index", squad_id="a") for n in range(3)]
    index += [Prior("index:9", day, "FO02", source="index", squad_id="b")]
    assert [p.violation_id for p in without_local(index, local)] == ["index:2", "index:9"]


def test_a_complete_pull_drops_rows_older_than_the_searched_history(session) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.storage.offence_index import apply_index_page, restart_index
    from inspector_app.sync.protocol import IndexEntry

    def entry(n: int, day: str) -> IndexEntry:
        return IndexEntry(n, f"{n:016x}", None, "FO02", day, "first_offence", "squad-a", "", False)

    with session.store.transaction() as db:
        restart_index(db, bytes(32), "0" * 16)
        apply_index_page(db, [entry(1, "2022-11-01"), entry(2, "2026-11-01")], {}, 5, "2026-11-20T02:00:00.000Z", False)
    assert session.store.db.execute("SELECT COUNT(*) FROM offence_index").fetchone()[0] == 2  # not complete yet
    with session.store.transaction() as db:
        apply_index_page(db, [], {}, 6, "2026-11-20T02:00:00.000Z", True)
    assert [r[0] for r in session.store.db.execute("SELECT entry_id FROM offence_index")] == [2]
