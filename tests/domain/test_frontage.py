from inspector_app.domain.catalogs import load_catalogs
from inspector_app.domain.frontage import (
    DutyResult,
    inspection_score,
    is_compliant,
    repeat_failures,
    star_rating,
)

RULE = load_catalogs().star_rating


def _all(result: str, failed: int = 0) -> list[DutyResult]:
    return [DutyResult(f"W{i}", result, tuple(f"W{i}.{n}" for n in range(failed))) for i in range(1, 6)]


def test_all_compliant_scores_100() -> None:
    assert inspection_score(_all("ok"), RULE) == 100.0
    assert is_compliant(_all("ok"))


def test_each_failed_item_costs_five_points_of_its_duty() -> None:
    duties = _all("ok")
    duties[0] = DutyResult("W1", "fail", ("W1.1", "W1.2"))
    assert inspection_score(duties, RULE) == 90.0  # (80 + 10) / 100
    assert not is_compliant(duties)


def test_a_duty_never_goes_below_zero() -> None:
    duties = _all("ok")
    duties[0] = DutyResult("W1", "fail", tuple(f"W1.{n}" for n in range(9)))
    assert inspection_score(duties, RULE) == 80.0


def test_not_applicable_duties_are_left_out() -> None:
    duties = [DutyResult("W1", "na"), DutyResult("W2", "na"), DutyResult("W3", "ok"),
              DutyResult("W4", "ok"), DutyResult("W5", "fail", ("W5.1",))]
    assert inspection_score(duties, RULE) == round(100 * 55 / 60, 1)


def test_everything_not_applicable_has_no_score() -> None:
    assert inspection_score(_all("na"), RULE) is None


def test_repeat_failures_count_a_duty_failing_again() -> None:
    history = [{"W1": "fail", "W2": "ok"}, {"W1": "fail", "W2": "fail"}, {"W1": "ok", "W2": "fail"}]
    assert repeat_failures(history) == 2


def test_star_bands_and_repeats() -> None:
    assert star_rating([100, 96], 0, RULE) == 5
    assert star_rating([92], 0, RULE) == 4
    assert star_rating([100], 1, RULE) == 4  # 100 - 10
    assert star_rating([70], 0, RULE) == 0
    assert star_rating([], 0, RULE) is None
    assert star_rating([100], 0, RULE, cap=3) == 3


def test_caps_from_the_catalog_limit_the_stars() -> None:
    from inspector_app.domain.frontage import star_cap

    assert (RULE.cap_unremedied, RULE.cap_penalty, RULE.demotion_failures_per_year) == (3, 2, 3)
    assert star_cap(RULE, False, False) is None
    assert star_cap(RULE, True, False) == 3
    assert star_cap(RULE, True, True) == 2
    assert star_rating([100.0], 0, RULE, star_cap(RULE, False, True)) == 2


def test_three_failed_inspections_in_a_year_put_a_star_unit_up_for_demotion() -> None:
    from inspector_app.domain.frontage import demotion_due

    assert not demotion_due(2, RULE)
    assert demotion_due(3, RULE)
