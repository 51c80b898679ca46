"""法制审核 in tests of issuing: a held-back document asked for review by the officer and
approved by the squad's clerk (the demo's 赵敏) on the same laptop profile."""

from __future__ import annotations

from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.services.legal_reviews import approve_review, request_review
from inspector_app.services.session import Session
from inspector_app.storage.officers import officer_by_username


def clerk_of(session: Session, username: str = "zhaomin") -> Session:
    """The same profile signed in as the clerk ``username``."""
    row = officer_by_username(session.store.db, username)
    assert row is not None and row["role"] == "clerk"
    return session.as_actor(Actor(row["id"], row["name"], Role.CLERK, row["squad_id"], username=username))


def approved(session: Session, violation_id: str, doc_type: str) -> str:
    """Ask for the review of a violation's document and approve it as the clerk; its id."""
    review_id = request_review(session, violation_id, doc_type).ids("legal_review", "create")[0]
    approve_review(clerk_of(session), review_id, "同意")
    return review_id
