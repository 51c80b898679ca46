"""Every status field whose moves are a workflow, in one place: the app's services check a move
against the step machines of their own modules (domain.disorders, domain.review,
domain.work_orders) and the server's rules accept exactly what is listed here.

What travels is one patch per operation, so an operation that takes two steps at once sends
only its first and last status: a 八乱 check disposed by 当场整改, 立案 or 移交 goes
found → handling → rectified / filed / transferred in one operation, and the server sees
found → rectified. Such moves are declared as ``through`` (source, via, target) so each still
names the steps it is made of.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from inspector_app.domain import disorders, review, work_orders


@dataclass(frozen=True)
class Workflow:
    """The allowed moves of one (entity, status field)."""

    entity: str
    field: str
    steps: Mapping[str, frozenset[str]]
    through: frozenset[tuple[str, str, str]] = frozenset()
    supervisor_only: frozenset[str] = frozenset()  # targets only a supervisor (or admin) sets
    legacy: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # still accepted from old releases

    @property
    def moves(self) -> dict[str, frozenset[str]]:
        """What one synced op may change the field from and to."""
        out: dict[str, set[str]] = {s: set(t) for s, t in self.steps.items()}
        for source, targets in self.legacy.items():
            out.setdefault(source, set()).update(targets)
        for source, _via, target in self.through:
            out.setdefault(source, set()).add(target)
        return {s: frozenset(t) for s, t in out.items()}

    def allows(self, current: str, target: str) -> bool:
        """Whether one op may move the field from ``current`` to ``target``."""
        return target in self.moves.get(current, frozenset())

    def transitions(self) -> set[tuple[str, str]]:
        """Every move the app itself makes (legacy moves excluded)."""
        out = {(s, t) for s, targets in self.steps.items() for t in targets}
        return out | {(s, t) for s, _v, t in self.through}


_REVIEW_TARGETS = frozenset({review.APPROVED, review.RETURNED})

DISORDER_STATUS = Workflow(
    "disorder_check", "status", disorders.MOVES,
    through=frozenset((disorders.FOUND, disorders.HANDLING, t)
                      for t in (disorders.RECTIFIED, disorders.FILED, disorders.TRANSFERRED)),
)
# Ending a patrol submits it; then the review machine. "ended" is the state of patrols ended
# before review existed.
PATROL_STATUS = Workflow(
    "patrol", "status", {"open": frozenset({review.SUBMITTED}), **review.TRANSITIONS},
    supervisor_only=_REVIEW_TARGETS,
    legacy={"open": frozenset({"ended"}), "ended": frozenset({review.SUBMITTED, "open"})},
)
INSPECTION_REVIEW = Workflow(
    "frontage_inspection", "review_status", {s: t for s, t in review.TRANSITIONS.items() if s != "ended"},
    supervisor_only=_REVIEW_TARGETS, legacy={"ended": review.TRANSITIONS["ended"]},
)
DOCUMENT_STATUS = Workflow("document", "status", {"issued": frozenset({"voided"}), "voided": frozenset()})
WORK_ORDER_STATUS = Workflow("work_order", "status", work_orders.MOVES,
                             supervisor_only=work_orders.DISPATCHER_TARGETS)
WORK_ORDER_EXTENSION = Workflow("work_order", "extension_status", work_orders.EXTENSION_MOVES,
                                supervisor_only=work_orders.EXTENSION_DECISIONS)

WORKFLOWS: dict[tuple[str, str], Workflow] = {
    (w.entity, w.field): w
    for w in (DISORDER_STATUS, PATROL_STATUS, INSPECTION_REVIEW, DOCUMENT_STATUS, WORK_ORDER_STATUS,
              WORK_ORDER_EXTENSION)
}
