"""Issue 19, the domain side: the printed reason says which records were searched and how
fresh the city-wide index was (Asia/Shanghai), cites the priors found in it, and the party
keys and index tokens are one derivation for the laptop and the server."""

from __future__ import annotations

from datetime import UTC, date, datetime

from inspector_app.domain.catalogs import shipped_catalogs
from inspector_app.domain.first_offence import (
    FIRST_OFFENCE,
    NOT_ELIGIBLE,
    Prior,
    decide,
    index_time_text,
    index_token,
    party_keys_of,
)

FO02 = next(i for i in shipped_catalogs().first_offence if i.code == "FO02")
TODAY = date(2026, 12, 2)


def test_the_index_time_is_printed_in_jinan_time() -> None:
    assert index_time_text(datetime(2026, 12, 1, 2, 0, tzinfo=UTC)) == "2026年12月1日 10:00"
    assert index_time_text(datetime(2026, 11, 30, 16, 5, tzinfo=UTC)) == "2026年12月1日 00:05"  # the next day there


def test_the_reason_says_what_was_searched() -> None:
    none = decide(FO02, [], {1, 2}, TODAY)
    assert none.outcome == FIRST_OFFENCE
    assert none.reasons[0].startswith("经查询本设备全部记录（本设备尚未取得全市违法记录索引")
    city = decide(FO02, [], {1, 2}, TODAY, datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    assert city.reasons[0].startswith("经查询全市违法记录（截至 2026年12月1日 10:00）及本设备全部记录，")
    server = decide(FO02, [], {1, 2}, TODAY, datetime(2026, 12, 1, 2, 0, tzinfo=UTC), device=False)
    assert server.reasons[0].startswith("经查询全市违法记录（截至 2026年12月1日 10:00），当事人")


def test_a_prior_from_the_index_is_cited_with_its_squad_and_number() -> None:
    prior = Prior("index:7", date(2026, 11, 25), "FO02", "济市中城管警告〔2026〕第00087号", "id", "index",
                  "市中区城管执法中队", "squad-b")
    d = decide(FO02, [prior], {1, 2}, TODAY, datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    assert d.outcome == NOT_ELIGIBLE and d.priors == (prior,)
    assert "（2026年11月25日，市中区城管执法中队，济市中城管警告〔2026〕第00087号）" in d.reasons[0]
    other_item = Prior("index:8", date(2026, 11, 25), "FO19", source="index")
    assert decide(FO02, [other_item], {1, 2}, TODAY).outcome == FIRST_OFFENCE  # another item is no prior


def test_party_keys_and_tokens_are_one_derivation() -> None:
    typed = {"party_id_number": "３７０１０２１９９００１０１１２３ｘ", "party_name": " 王小摊 ", "party_address": "泉城路 99 号"}
    stored = {"party_id_number": "37010219900101123X", "party_name": "王小摊", "party_address": "泉城路99号"}
    assert party_keys_of(typed) == party_keys_of(stored) == ("id:37010219900101123X", "na:王小摊|泉城路99")
    key = bytes(range(32))
    token = index_token(key, "id:37010219900101123X")
    assert token is not None and len(token) == 16 and int(token, 16) >= 0
    assert token == index_token(key, party_keys_of(typed)[0])
    assert token != index_token(bytes(32), "id:37010219900101123X")  # keyed: another key, another token
    assert index_token(key, None) is None

