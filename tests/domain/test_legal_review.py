"""The 法制审核 rules as data (issue 19): which documents each rule holds back, the reviews asked
for at once, the one-way decision, and a bad rules file named clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.domain.errors import CatalogError, InvalidTransition, ValidationFailed
from inspector_app.domain.legal_review import (
    Subject,
    automatic_reviews,
    check_decision,
    load_rules,
    prior_summary,
    reasons_for,
    shipped_rules,
)

PLAIN, OVERRIDDEN, CASE = Subject(False, False), Subject(True, False), Subject(False, True)


def test_the_shipped_rules_hold_back_what_the_issue_lists() -> None:
    rules = shipped_rules()
    assert reasons_for(rules, "no_penalty", PLAIN)
    assert not reasons_for(rules, "warning", PLAIN) and reasons_for(rules, "warning", OVERRIDDEN)
    assert not reasons_for(rules, "rectify_order", CASE)  # the order to correct is issued on the spot
    assert automatic_reviews(rules, CASE) == {"case_filing": ("本案转入立案程序，立案前须经法制审核",)}
    assert automatic_reviews(rules, PLAIN) == {}
    pending = Subject(False, False, server_pending=True)
    assert all(reasons_for(rules, d, pending) for d in ("warning", "rectify_order", "no_penalty"))


def test_a_rules_file_with_an_unknown_condition_or_bad_json_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "rules.json"
    bad.write_text(json.dumps({"rules": [{"code": "x", "doc_types": ["warning"], "when": "sometimes",
                                          "reason_zh": "?"}]}), "utf-8")
    with pytest.raises(CatalogError, match="x"):
        load_rules(bad)
    bad.write_text("{not json", "utf-8")
    with pytest.raises(CatalogError, match=r"rules\.json"):
        load_rules(bad)


def test_a_decision_is_one_way_and_a_return_needs_an_opinion() -> None:
    check_decision("pending", "approved", "")
    check_decision("pending", "returned", "请补充复查照片")
    with pytest.raises(ValidationFailed):
        check_decision("pending", "returned", "  \n")
    with pytest.raises(ValidationFailed):
        check_decision("pending", "returned", "意" * 2001)
    for decided in ("approved", "returned"):
        with pytest.raises(InvalidTransition):
            check_decision(decided, "approved", "")


def test_the_prior_record_keeps_only_what_the_reviewer_needs() -> None:
    shown = prior_summary([{"item": "FO25", "date": "2026-10-31", "squad": "市中区中队", "number": "第1号",
                            "id_number": "11010519491231002X", "party_name": "张伟", "phone": "13812345678"}])
    assert shown == [{"item": "FO25", "date": "2026-10-31", "squad": "市中区中队", "number": "第1号"}]
