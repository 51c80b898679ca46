"""domain.workflows: one definition of each workflow, the step machines of the domain modules
plus the moves one operation makes through two steps."""

from inspector_app.domain import disorders, review
from inspector_app.domain.workflows import DISORDER_STATUS, PATROL_STATUS, WORKFLOWS
from inspector_server.rules import WORKFLOW


def test_a_disposal_that_closes_a_check_is_one_allowed_move() -> None:
    for target in ("rectified", "filed", "transferred"):
        assert DISORDER_STATUS.allows("found", target)
    assert not DISORDER_STATUS.allows("found", "verified")
    assert not DISORDER_STATUS.allows("verified", "found")


def test_every_move_through_a_step_is_made_of_allowed_steps() -> None:
    for w in WORKFLOWS.values():
        for source, via, target in w.through:
            assert via in w.steps[source] and target in w.steps[via], (w.entity, source, via, target)


def test_the_server_accepts_exactly_the_domain_definition() -> None:
    assert set(WORKFLOW) == set(WORKFLOWS)
    for key, w in WORKFLOWS.items():
        assert WORKFLOW[key] == (w.moves, w.supervisor_only)
    assert all(disorders.MOVES[s] <= DISORDER_STATUS.moves[s] for s in disorders.MOVES)
    assert PATROL_STATUS.allows("returned", review.RESUBMITTED)
