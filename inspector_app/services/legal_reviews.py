"""法制审核: the gate before a decision is issued, asking for a review, and the reviewer's
approval or return with a written opinion (each audited and synced).

A document that the rules (domain.legal_review) hold back is issued only once its review is
approved: until then the officer's laptop shows it as 待法制审核 and takes no number, because
the number is taken only inside the issuing transaction (services.notice_documents).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.domain.errors import NotFound, PermissionDenied, UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.legal_review import (
    APPROVED,
    LAPTOP,
    PENDING,
    RETURNED,
    SERVER,
    STATUS_LABELS,
    automatic_reviews,
    check_decision,
    prior_summary,
    reasons_for,
    shipped_rules,
    subject_of,
)
from inspector_app.domain.roles import Permission
from inspector_app.services.document_rules import NAMES, check_may_issue
from inspector_app.services.session import Operation, Session
from inspector_app.storage import legal_reviews as store
from inspector_app.storage import violations as violations_store

FREE, NEEDED = "free", "needed"  # the gate's other two states (beside pending, approved, returned)


@dataclass(frozen=True)
class Gate:
    """Whether a violation's document may be issued now: ``free`` (no review needed),
    ``needed`` (not asked yet), ``pending``, ``approved`` or ``returned`` (with the review)."""

    status: str
    reasons: tuple[str, ...]
    review: dict[str, Any] | None = None

    @property
    def may_issue(self) -> bool:
        return self.status in (FREE, APPROVED)


def gate_for(db: Any, violation: dict[str, Any], doc_type: str) -> Gate:
    """The gate of one document of ``violation`` (a few indexed reads)."""
    reviews = store.reviews_of(db, violation["id"])
    server = next((r for r in reviews if r["origin"] == SERVER and r["status"] == PENDING), None)
    reasons = reasons_for(shipped_rules(), doc_type, subject_of(violation, server is not None))
    if not reasons:
        return Gate(FREE, ())
    if server is not None:  # the server's re-decision holds every document back until decided
        return Gate(PENDING, reasons, server)
    own = [r for r in reviews if r["doc_type"] == doc_type and r["origin"] == LAPTOP]
    if not own:
        return Gate(NEEDED, reasons)
    return Gate(own[0]["status"], reasons, own[0])


def check_gate(db: Any, violation: dict[str, Any], doc_type: str) -> None:
    """Raise a UserError (nothing is stored, no number taken) unless the document may be issued."""
    gate = gate_for(db, violation, doc_type)
    if gate.may_issue:
        return
    title = NAMES.get(doc_type, doc_type)
    if gate.status == NEEDED:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The {title} needs 法制审核 before it is issued ({reasons})."),
                        QT_TRANSLATE_NOOP("errors", "Send it for review; it is issued, and numbered, after approval."),
                        title=title, reasons="；".join(gate.reasons))
    if gate.status == PENDING:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The {title} is 待法制审核: it cannot be issued yet."),
                        QT_TRANSLATE_NOOP("errors", "Sync, and issue it once the reviewer has approved it."),
                        title=title)
    raise UserError(QT_TRANSLATE_NOOP("errors", "The reviewer returned the {title}: {opinion}"),
                    QT_TRANSLATE_NOOP("errors", "Correct the case as the opinion says, then send it for review again."),
                    title=title, opinion=(gate.review or {}).get("opinion", ""))


def _violation(session: Session, violation_id: str) -> dict[str, Any]:
    v = violations_store.get_violation(session.store.db, violation_id)
    if v is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That violation no longer exists."))
    return v


def document_gate(session: Session, violation_id: str, doc_type: str) -> Gate:
    """The gate of a violation's document, for the officer's page before signing opens."""
    session.require(Permission.ISSUE_NOTICE)
    return gate_for(session.store.db, _violation(session, violation_id), doc_type)


def priors_of(db: Any, violation: dict[str, Any]) -> list[dict[str, str]]:
    """The prior record the laptop's decision rests on, as the reviewer sees it."""
    rows = store.prior_rows(db, list(json.loads(violation["prior_ids"] or "[]")))
    return prior_summary([{**r, "date": local_text(r["occurred_at"], "%Y-%m-%d")} for r in rows])


def request_review(session: Session, violation_id: str, doc_type: str) -> Changes:
    """Send a held-back document of a violation to 法制审核 (nothing is numbered)."""
    session.require(Permission.ISSUE_NOTICE)
    v = _violation(session, violation_id)
    check_may_issue(session.store.db, v, doc_type)  # a document that could never be issued is not reviewed
    gate = gate_for(session.store.db, v, doc_type)
    if gate.status not in (NEEDED, RETURNED):
        raise UserError(QT_TRANSLATE_NOOP("errors", "The {title} needs no new review ({status})."),
                        QT_TRANSLATE_NOOP("errors", "Refresh the list; it may have been reviewed already."),
                        title=NAMES.get(doc_type, doc_type), status=STATUS_LABELS.get(gate.status, gate.status))
    with session.operation("request_legal_review", Permission.ISSUE_NOTICE) as op:
        review_id = _create_review(session, op, v, doc_type, gate.reasons)
        op.entity, op.entity_id = "legal_review", review_id
        op.details.update(violation=violation_id, doc_type=doc_type, reasons=list(gate.reasons))
    return op.changes


def _create_review(session: Session, op: Operation, v: dict[str, Any], doc_type: str,
                   reasons: tuple[str, ...]) -> str:
    return op.recorder.create("legal_review", {
        "violation_id": v["id"], "doc_type": doc_type, "squad_id": v["squad_id"], "origin": LAPTOP,
        "reasons": list(reasons), "item_code": v["item_code"], "laptop_decision": v["decision"],
        "laptop_reasons": json.loads(v["decision_reasons"] or "[]"), "priors": priors_of(op.db, v),
        "status": PENDING, "requested_by": session.actor.officer_id, "requested_at": utc_iso(op.now),
    })


def queue_automatic(session: Session, op: Operation, violation_id: str) -> list[str]:
    """Inside the operation that records a violation (or makes it a case): ask for the reviews
    the rules ask for at once (立案审批 of every case filed), unless one is open or approved."""
    v = violations_store.get_violation(op.db, violation_id)
    if v is None:
        return []
    made = []
    reviews = store.reviews_of(op.db, violation_id)
    for doc_type, reasons in automatic_reviews(shipped_rules(), subject_of(v)).items():
        if not any(r["doc_type"] == doc_type and r["status"] in (PENDING, APPROVED) for r in reviews):
            made.append(_create_review(session, op, v, doc_type, reasons))
    if made:
        op.details["legal_reviews"] = made
    return made


def _decide(session: Session, review_id: str, target: str, opinion: str) -> Changes:
    session.require(Permission.LEGAL_REVIEW)
    review = store.get_review(session.store.db, review_id)
    if review is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That review no longer exists."))
    check_decision(review["status"], target, opinion)
    v = violations_store.get_violation(session.store.db, review["violation_id"]) or {}
    if session.actor.officer_id in (review["requested_by"], v.get("officer1_id"), v.get("officer2_id")):
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "You handled this case, so you may not review it."),
                               QT_TRANSLATE_NOOP("errors", "Another reviewer of the squad decides it."))
    with session.operation(f"{target}_legal_review", Permission.LEGAL_REVIEW) as op:
        op.recorder.patch("legal_review", review_id, {
            "status": target, "reviewer_id": session.actor.officer_id, "opinion": opinion.strip(),
            "decided_at": utc_iso(op.now)})
        op.entity, op.entity_id = "legal_review", review_id
        op.details.update(violation=review["violation_id"], doc_type=review["doc_type"], opinion=opinion.strip())
    return op.changes


def approve_review(session: Session, review_id: str, opinion: str = "") -> Changes:
    """The reviewer approves: the officer may issue the document (and take its number) now."""
    return _decide(session, review_id, APPROVED, opinion)


def return_review(session: Session, review_id: str, opinion: str) -> Changes:
    """The reviewer returns the decision with a written opinion (required)."""
    return _decide(session, review_id, RETURNED, opinion)


def review_queue(session: Session, decided: bool = False) -> list[dict[str, Any]]:
    """The squad's pending reviews (oldest first), or the decided ones (newest first)."""
    session.require(Permission.LEGAL_REVIEW)
    statuses = (APPROVED, RETURNED) if decided else (PENDING,)
    return store.queue(session.store.db, session.actor.squad_id, statuses)


def server_redecisions(session: Session) -> list[dict[str, Any]]:
    """The reviews the server queued for this officer's violations (the sync page's notices)."""
    return store.server_reviews_for(session.store.db, session.actor.officer_id)


def violation_reviews(session: Session, violation_id: str) -> list[dict[str, Any]]:
    """The reviews of one violation, newest first (the officer sees each opinion)."""
    session.require(Permission.ISSUE_NOTICE)
    return store.reviews_of(session.store.db, violation_id)
