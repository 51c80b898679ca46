"""Rules of the 门前五包 inspection: how a visit is scored and how a unit earns stars.

Score of one inspection (our rule, from resources/catalogs/star_rating.json):
- each of the five duties is worth ``points_per_item`` (20) points;
- a duty found non-compliant loses ``deduct_per_failed_item`` (5) points for every check item
  that failed, but never goes below 0;
- a duty marked 不适用 (not applicable) is left out: the score is the points earned divided by
  the points possible over the applicable duties, times 100;
- an inspection where every duty is 不适用 has no score (None).

Star rating of a unit for a period (a quarter by default): the mean score of its inspections in
the period, minus ``deduct_repeat_in_period`` (10) for each repeat failure (a duty failed again
after it had already failed once in the period), mapped to the bands (95→5★ … 75→1★, else 0★).
A unit with no inspection in the period has no rating. Caps: a warning (首违不罚 notice) left
unremedied past its deadline in the period limits the unit to 3★, a case filed (administrative
penalty) to 2★. A star unit failing 3 inspections within a year is due for 通报批评, rectification,
and 摘牌 if not corrected (the 莱芜区 practice): :func:`demotion_due`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from inspector_app.domain.catalogs import StarRatingRule

OK, FAIL, NA = "ok", "fail", "na"
RESULTS = (OK, FAIL, NA)


@dataclass(frozen=True)
class DutyResult:
    """What the officer found for one duty."""

    code: str
    result: str
    failed_items: tuple[str, ...] = ()
    note: str = ""
    photo_ids: tuple[str, ...] = ()


def inspection_score(results: Iterable[DutyResult], rule: StarRatingRule) -> float | None:
    """Score 0-100 of one inspection, N/A duties excluded (see the module docstring)."""
    earned = possible = 0.0
    for duty in results:
        if duty.result == NA:
            continue
        possible += rule.points_per_item
        if duty.result == OK:
            earned += rule.points_per_item
        else:
            earned += max(0.0, rule.points_per_item - rule.deduct_per_failed_item * len(duty.failed_items))
    if possible == 0:
        return None
    return round(100 * earned / possible, 1)


def is_compliant(results: Iterable[DutyResult]) -> bool:
    """Compliant (达标) when no duty failed."""
    return all(d.result != FAIL for d in results)


def repeat_failures(inspections: Sequence[Mapping[str, str]]) -> int:
    """How many times a duty failed again in a period; ``inspections`` oldest first, each a
    mapping duty code → result."""
    failed_before: set[str] = set()
    repeats = 0
    for results in inspections:
        for code, result in results.items():
            if result == FAIL:
                if code in failed_before:
                    repeats += 1
                failed_before.add(code)
    return repeats


def star_rating(scores: Sequence[float], repeats: int, rule: StarRatingRule, cap: int | None = None) -> int | None:
    """Stars for a period (see the module docstring); ``cap`` limits it (e.g. after a penalty)."""
    if not scores:
        return None
    value = sum(scores) / len(scores) - rule.deduct_repeat_in_period * repeats
    stars = next((b.stars for b in rule.bands if value >= b.min_score), 0)
    return min(stars, cap) if cap is not None else stars


def star_cap(rule: StarRatingRule, unremedied_warning: bool, penalty: bool) -> int | None:
    """The most stars a unit may have given its violations in the period (None = no cap)."""
    caps = [c for c, applies in ((rule.cap_unremedied, unremedied_warning), (rule.cap_penalty, penalty))
            if applies and c is not None]
    return min(caps) if caps else None


def demotion_due(failed_in_year: int, rule: StarRatingRule) -> bool:
    """Whether a star unit has failed enough inspections within a year to lose its plaque."""
    return rule.demotion_failures_per_year > 0 and failed_in_year >= rule.demotion_failures_per_year
