"""法制审核 in the services (issue 19): a 立案 goes to review with its record, without holding
the order to correct back; a review is asked for only when needed; nobody reviews their own case;
only the reviewer role decides."""

from __future__ import annotations

import pytest

from inspector_app.domain.entities import Actor
from inspector_app.domain.errors import PermissionDenied, UserError
from inspector_app.domain.roles import Role
from inspector_app.services.legal_reviews import (
    approve_review,
    document_gate,
    request_review,
    violation_reviews,
)
from inspector_app.services.notice_documents import issue_document
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from tests.services.test_notices import ALL, _signed, _values


def test_a_case_filed_goes_to_review_and_the_order_to_correct_is_still_issued(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), {1}).ids("violation")[0]
    reviews = violation_reviews(officer_session, violation_id)
    assert [(r["doc_type"], r["status"]) for r in reviews] == [("case_filing", "pending")]
    assert "立案" in reviews[0]["reasons"]
    assert issue_document(officer_session, violation_id, "rectify_order", _signed()).numbers


def test_a_review_is_asked_for_only_when_needed(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    assert document_gate(officer_session, violation_id, "warning").status == "free"
    with pytest.raises(UserError, match="needs no new review"):
        request_review(officer_session, violation_id, "warning")
    with pytest.raises(UserError, match="rectified"):  # a decision that could never be issued is not reviewed
        request_review(officer_session, violation_id, "no_penalty")
    assert violation_reviews(officer_session, violation_id) == []


def test_an_overridden_first_offence_waits_and_nobody_reviews_their_own_case(
        officer_session: Session, demo_session_for) -> None:  # type: ignore[no-untyped-def]
    admin = demo_session_for("admin")
    values = _values(officer_session)
    acting = admin.as_actor(Actor(officer_session.actor.officer_id, "李强", Role.ADMIN, officer_session.actor.squad_id))
    violation_id = record_violation(acting, values, {1}, override="first_offence",
                                    override_reason="当事人已当场改正").ids("violation")[0]
    with pytest.raises(UserError, match="法制审核"):
        issue_document(acting, violation_id, "warning", _signed())
    review_id = request_review(acting, violation_id, "warning").ids("legal_review", "create")[0]
    with pytest.raises(PermissionDenied):
        approve_review(acting, review_id)  # officer 1 of the case, even with every permission
    with pytest.raises(PermissionDenied):
        approve_review(officer_session, review_id)  # an officer is no reviewer
    assert document_gate(officer_session, violation_id, "warning").status == "pending"
