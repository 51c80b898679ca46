"""法制审核 (legal review, 行政执法三项制度): which decisions need a reviewer's approval before
they are issued, and the one-way life of a review.

A review is about one subject: a violation and the document that would carry the decision.
It is **pending** until the reviewer (the clerk, 内勤/法制员) **approves** it, or **returns**
it with a written opinion. A decided review is final: nothing rewrites it; after a return the
officer corrects the case and asks again (a new review). The app's services and the server
check the same rules from this module.

Which decisions need review is data (resources/legal_review/rules.json): each rule names the
documents it holds back and when it applies — ``always``, ``overridden`` (the officer decided
otherwise than the app), ``file_case`` (the case goes to 立案) or ``server_redecided`` (the
server, seeing the whole city's record, decided otherwise than the laptop, and its review is
still pending).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import (
    CatalogError,
    FieldError,
    InvalidTransition,
    ValidationFailed,
)
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path

PENDING, APPROVED, RETURNED = "pending", "approved", "returned"
STATUSES = (PENDING, APPROVED, RETURNED)
DECISIONS = frozenset({APPROVED, RETURNED})
STATUS_LABELS = {
    PENDING: QT_TRANSLATE_NOOP("legal_review", "待法制审核"),
    APPROVED: QT_TRANSLATE_NOOP("legal_review", "审核通过"),
    RETURNED: QT_TRANSLATE_NOOP("legal_review", "审核退回"),
}
LAPTOP, SERVER = "laptop", "server"  # who asked for the review: an officer's laptop, or the server at push
WHEN = frozenset({"always", "overridden", "file_case", "server_redecided"})
# What a decision op may change (the server refuses any other field of a review).
DECISION_FIELDS = frozenset({"status", "reviewer_id", "opinion", "decided_at"})
MAX_OPINION = 2000


@dataclass(frozen=True)
class Rule:
    """One row of the rules file: documents it holds back, when, and the reason shown."""

    code: str
    doc_types: frozenset[str]
    when: str
    reason_zh: str
    automatic: bool = False  # asked for when the case is recorded, not when a document is issued


@dataclass(frozen=True)
class Subject:
    """What the rules look at: the violation's decision facts and whether the server's own
    re-decision of it is still waiting for the reviewer."""

    overridden: bool
    file_case: bool
    server_pending: bool = False


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """The rules of ``path`` (the shipped file by default); a CatalogError names a bad row."""
    path = path or resource_path("legal_review", "rules.json")
    try:
        data = json.loads(path.read_text("utf-8"))
        rows = data["rules"]
        rules = tuple(Rule(str(r["code"]), frozenset(r["doc_types"]), str(r["when"]), str(r["reason_zh"]),
                           bool(r.get("automatic", False))) for r in rows)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CatalogError(QT_TRANSLATE_NOOP("errors", "The 法制审核 rules file {path} cannot be read ({detail})."),
                           QT_TRANSLATE_NOOP("errors", "Reinstall the app or ask the administrator."),
                           path=str(path), detail=str(exc)) from None
    bad = [r.code for r in rules if r.when not in WHEN]
    if bad:
        raise CatalogError(QT_TRANSLATE_NOOP("errors", "The 法制审核 rule {code} has an unknown condition."),
                           QT_TRANSLATE_NOOP("errors", "Use one of always, overridden, file_case, server_redecided."),
                           code=bad[0])
    return rules


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[Rule, ...]:
    """The rules shipped in resources/ (read once)."""
    return load_rules()


def subject_of(violation: Mapping[str, Any], server_pending: bool = False) -> Subject:
    """The facts the rules look at, from a violation's stored fields."""
    return Subject(bool(violation.get("overridden")), bool(violation.get("file_case")), server_pending)


def _applies(rule: Rule, subject: Subject) -> bool:
    return {"always": True, "overridden": subject.overridden, "file_case": subject.file_case,
            "server_redecided": subject.server_pending}[rule.when]


def reasons_for(rules: tuple[Rule, ...], doc_type: str, subject: Subject) -> tuple[str, ...]:
    """Why this document of this violation needs review first (empty: it does not)."""
    return tuple(r.reason_zh for r in rules if doc_type in r.doc_types and _applies(r, subject))


def automatic_reviews(rules: tuple[Rule, ...], subject: Subject) -> dict[str, tuple[str, ...]]:
    """The reviews asked for as soon as a violation is recorded (or becomes a case):
    document type → reasons (立案审批 for every case filed, by default)."""
    out: dict[str, tuple[str, ...]] = {}
    for r in rules:
        if r.automatic and _applies(r, subject):
            for doc_type in sorted(r.doc_types):
                out[doc_type] = (*out.get(doc_type, ()), r.reason_zh)
    return out


def check_decision(status: str, target: str, opinion: str) -> None:
    """Raise (nothing changes) unless a review in ``status`` may be decided ``target`` with this
    opinion: only a pending review is decided, and a return needs a written opinion."""
    if status != PENDING:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "This review was already decided ({status}); a decided review is final."),
            QT_TRANSLATE_NOOP("errors", "Refresh the list: another reviewer may have decided it."),
            status=STATUS_LABELS.get(status, status))
    if target not in DECISIONS:
        raise ValueError(target)
    if target == RETURNED and not opinion.strip():
        raise ValidationFailed([FieldError("opinion", QT_TRANSLATE_NOOP(
            "forms", "Write the review opinion: what is wrong and what the officer must do."))])
    if len(opinion) > MAX_OPINION:
        raise ValidationFailed([FieldError("opinion", QT_TRANSLATE_NOOP(
            "forms", "The opinion is longer than {max} characters."), {"max": MAX_OPINION})])


def prior_summary(priors: list[Mapping[str, Any]]) -> list[dict[str, str]]:
    """What the reviewer sees of each prior offence: item, date, squad and document number —
    never the party's ID number, phone or address."""
    keys = ("item", "date", "squad", "number")
    return [{k: str(p.get(k) or "") for k in keys} for p in priors]
