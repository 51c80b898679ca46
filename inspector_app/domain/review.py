"""The review workflow: a patrol or a record in it is submitted, then approved or returned
with a comment; a returned one is corrected and resubmitted, and reviewed again.

    submitted ──► approved
        │
        └──► returned ──► resubmitted ──► approved
                 ▲              │
                 └──────────────┘
"""

from __future__ import annotations

from inspector_app.domain.errors import InvalidTransition
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

SUBMITTED, APPROVED, RETURNED, RESUBMITTED = "submitted", "approved", "returned", "resubmitted"

TRANSITIONS: dict[str, frozenset[str]] = {
    SUBMITTED: frozenset({APPROVED, RETURNED}),
    RETURNED: frozenset({RESUBMITTED}),
    RESUBMITTED: frozenset({APPROVED, RETURNED}),
    APPROVED: frozenset(),
    "ended": frozenset({APPROVED, RETURNED}),  # patrols ended before review existed
}

STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("review", "on patrol"),
    "ended": QT_TRANSLATE_NOOP("review", "ended, not submitted"),
    SUBMITTED: QT_TRANSLATE_NOOP("review", "to review"),
    APPROVED: QT_TRANSLATE_NOOP("review", "approved"),
    RETURNED: QT_TRANSLATE_NOOP("review", "returned"),
    RESUBMITTED: QT_TRANSLATE_NOOP("review", "resubmitted"),
}


def check_transition(current: str, target: str) -> None:
    """Raise :class:`InvalidTransition` unless ``current`` → ``target`` is allowed."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP(
                "errors",
                "A record that is {current} cannot be {target}. Refresh the list: someone may "
                "have reviewed it already.",
            ),
            current=STATUS_LABELS.get(current, current),
            target=STATUS_LABELS.get(target, target),
        )
