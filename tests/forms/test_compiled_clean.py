"""Issue 21 case 8: the registry import checks rows with ``compile_clean`` (the unit form
prepared once) instead of ``engine.clean`` per row. Both must give the same values and the
same errors, in the same order, for every kind of input: each error the unit form knows, in
entry and import mode, and random mixtures of them."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest

from inspector_app.forms.compiled import compile_clean
from inspector_app.forms.engine import Choice, FormContext, clean
from inspector_app.forms.unit import UNIT_FORM
from inspector_app.services.document_fonts import printable

GOOD: dict[str, Any] = {
    "name": "鑫源便利店", "kind": "individual", "category": "餐饮", "uscc": "91350100M000100Y43",
    "id_number": "11010519491231002X", "legal_person": "张三", "contact": "李四",
    "phone": "13812345678", "address": "济南市历下区泉城路12号", "road_segment_id": "r1",
    "lat": "36.666", "lon": "117.018", "agreement_signed": True, "agreement_date": "2026-01-05",
    "agreement_signer": "王五", "awareness": "是", "notes": "临街",
}

# Every way a field can be wrong (or odd but right), one field at a time.
VARIANTS: dict[str, list[Any]] = {
    "name": [None, "", "   ", "店" * 61, "鑫源\U000f0000店", 12345, " 鑫源 "],
    "kind": ["enterprise", "institution", "organisation", "resident", "bogus", None, ""],
    "category": ["不存在的类别", "", None, "零售"],
    "uscc": ["91350100M000100Y44", "", None, "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100\u200bY43",
             "91350100m000100y43", "913501", "91350100M000100YI3", 9135010000010043],
    "id_number": ["110105194912310021", "1101051949X2310021", "１１０１０５１９４９１２３１００２Ｘ",
                  "11010519491231002x", "1101051949123100", "\u200b11010519491231002X", None],
    "legal_person": ["张" * 31, "", "王\U000f0001"],
    "contact": ["李" * 31, None],
    "phone": ["123", "１３８１２３４５６７８", "138 1234 5678", "0531-86012345", "", "abc", 13812345678.0],
    "address": [None, "", "路" * 121, "泉城路\U000f0002号"],
    "road_segment_id": ["?经十路", "bogus", None, "r2"],
    "lat": [None, "36.7", "abc", "200", "10", True, 36.6],
    "lon": [None, "117.1", "-200", "x", "10"],
    "agreement_signed": [False, "是", "否", "maybe", 1, 0, None, "yes"],
    "agreement_date": [None, "2099-01-01", "not a date", date(2025, 3, 1), "2026-02-30", ""],
    "agreement_signer": ["签" * 31, None],
    "awareness": ["否", "x", True, None, "1"],
    "notes": ["注" * 1001, "\n多行\n", None],
}


def _contexts() -> list[FormContext]:
    choices = {"road_segments": (Choice("r1", "泉城路（第1段）"), Choice("r2", "经十路")),
               "unit_categories": (Choice("餐饮", "餐饮"), Choice("零售", "零售"))}
    return [FormContext(date(2026, 11, 20), choices, mode=mode, covers=covers)
            for mode in ("import", "entry") for covers in (printable, None)]


def _rows() -> list[dict[str, Any]]:
    rows = [dict(GOOD), {}]
    for key, values in VARIANTS.items():
        rows.extend({**GOOD, key: value} for value in values)
        rows.append({k: v for k, v in GOOD.items() if k != key})
    rng = random.Random(21)
    for _ in range(3000):  # mixtures: several fields wrong at once
        row = dict(GOOD)
        for key in rng.sample(sorted(VARIANTS), rng.randint(1, 5)):
            row[key] = rng.choice(VARIANTS[key])
        rows.append(row)
    return rows


@pytest.mark.parametrize("ctx", _contexts(), ids=lambda c: f"{c.mode}-{'fonts' if c.covers else 'nofonts'}")
def test_compiled_clean_equals_the_engine(ctx: FormContext) -> None:
    compiled = compile_clean(UNIT_FORM, ctx)
    rows = _rows()
    kinds: set[str] = set()
    for row in rows:
        expected = clean(UNIT_FORM, row, ctx)
        assert compiled(row) == expected, row
        kinds.update(e.message for e in expected[1])
    # The sample really reaches the form's errors: required, too long, choice, number, yes/no,
    # date, range, code checks, fonts, both rules.
    assert len(kinds) == (17 if ctx.covers else 16), sorted(kinds)
