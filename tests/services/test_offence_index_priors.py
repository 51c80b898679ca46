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
