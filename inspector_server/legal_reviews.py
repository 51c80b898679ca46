"""法制审核 on the server: the checks of every pushed review op (the same rules as the app's
services, domain.legal_review), the document gate (a held-back decision is accepted only with
an approved review), and the review the server queues itself when its re-decision of a pushed
violation, over the whole city's record, differs from the laptop's.

``legal_review_subject`` indexes each review by its violation and document type, so the gate
is one indexed read instead of a scan of the JSON records.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, Index, String, Table, insert, select, update

from inspector_app.domain.clock import parse_utc
from inspector_app.domain.first_offence import FIRST_OFFENCE, RECTIFY_ORDER, WARNING
from inspector_app.domain.ids import uuid7
from inspector_app.domain.legal_review import (
    APPROVED,
    DECISION_FIELDS,
    DECISIONS,
    LAPTOP,
    PENDING,
    RETURNED,
    SERVER,
    prior_summary,
    reasons_for,
    shipped_rules,
    subject_of,
)
from inspector_server.db import metadata, record
from inspector_server.rules import ADMIN, CLERK, forbidden, rejected

if TYPE_CHECKING:  # push imports this module
    from inspector_server.offence_index_decide import Redecision
    from inspector_server.push import Batch, Rec

legal_review_subject = Table(
    "legal_review_subject", metadata,
    Column("review_id", String(64), primary_key=True),
    Column("violation_id", String(64), nullable=False),
    Column("doc_type", String(40), nullable=False),
    Column("origin", String(10), nullable=False),
    Column("status", String(10), nullable=False),
    Index("legal_review_subject_violation", "violation_id", "doc_type"),
)

DOC_TYPES = frozenset({"warning", "rectify_order", "no_penalty", "inspection_record", "service_address",
                       "case_filing"})
REVIEWERS = (CLERK, ADMIN)
REDECIDED = "server_redecided"


# -- checks of pushed ops ------------------------------------------------------------------
def check_pushed_create(batch: Batch, fields: dict[str, Any]) -> None:
    """An officer asks for a review: pending, undecided, in their own name, of a known document
    of a violation the server has. Only the server records its own re-decisions."""
    caller = batch.caller
    if caller.role == CLERK:
        raise forbidden("role", "the officer handling the case asks for a review; the reviewer decides it")
    if fields.get("origin", LAPTOP) != LAPTOP:
        raise forbidden("role", "only the server records its own re-decisions")
    if fields.get("status", PENDING) != PENDING or fields.get("reviewer_id") or fields.get("opinion") \
            or fields.get("decided_at"):
        raise forbidden("reviewer", "a review is asked for pending; only the reviewer decides it")
    if fields.get("requested_by") != caller.officer_id:
        raise rejected("invalid_value", "requested_by: must be the officer who asks for the review")
    if fields.get("doc_type") not in DOC_TYPES:
        raise rejected("invalid_value", "doc_type: is not a document that is reviewed")
    if batch.lookup("violation", str(fields.get("violation_id"))) is None:
        raise rejected("unknown_record", f"the server has no violation {fields.get('violation_id')}")


def check_pushed_patch(batch: Batch, current: dict[str, Any], changes: dict[str, list[Any]]) -> None:
    """A decision: only by the reviewer role, in their own name, never on their own case, of a
    pending review (a decided one is final), and a return carries a written opinion."""
    caller = batch.caller
    changed = {n: v for n, (_old, v) in changes.items() if current.get(n) != v}
    if not changed:
        return
    if caller.role not in REVIEWERS:
        raise forbidden("reviewer", "only the 法制审核 reviewer (the clerk) decides a review")
    if current.get("status") != PENDING:
        raise rejected("final", "this review was decided already; a decided review is final")
    extra = sorted(set(changed) - DECISION_FIELDS)
    if extra:
        raise rejected("invalid_value", f"{extra[0]}: a decision changes only status, reviewer, opinion and time")
    target = changed.get("status", current.get("status"))
    if target not in DECISIONS:
        raise rejected("transition", f"legal_review status cannot move from pending to {target}")
    if changed.get("reviewer_id", current.get("reviewer_id")) != caller.officer_id:
        raise rejected("invalid_value", "reviewer_id: must be the reviewer who decides")
    opinion = changed.get("opinion", current.get("opinion"))
    if target == RETURNED and not (isinstance(opinion, str) and opinion.strip()):
        raise rejected("opinion", "a returned review needs the reviewer's written opinion")
    violation = batch.lookup("violation", str(current.get("violation_id"))) or {}
    if caller.officer_id in (current.get("requested_by"), violation.get("officer1_id"), violation.get("officer2_id")):
        raise forbidden("reviewer", "a reviewer does not review a case they handled")


def check_document(batch: Batch, fields: dict[str, Any]) -> None:
    """A new document that the rules hold back is accepted only with an approved review of the
    same violation and document type. The server's own re-decision holds nothing back here: the
    laptop could not know of it when it issued the document."""
    violation_id = fields.get("violation_id")
    if not isinstance(violation_id, str):
        return
    violation = batch.lookup("violation", violation_id)
    if violation is None:
        return
    doc_type = str(fields.get("doc_type"))
    reasons = reasons_for(shipped_rules(), doc_type, subject_of(violation))
    if not reasons:
        return
    approved = batch.conn.execute(select(legal_review_subject.c.review_id).where(
        legal_review_subject.c.violation_id == violation_id, legal_review_subject.c.doc_type == doc_type,
        legal_review_subject.c.status == APPROVED).limit(1)).first()
    if approved is None:
        raise rejected("legal_review", f"the {doc_type} needs 法制审核 approval first: {'；'.join(reasons)}")


def note(conn: Connection, review_id: str, fields: Mapping[str, Any]) -> None:
    """Keep the review's line of ``legal_review_subject`` up to date (after it is written)."""
    values = {"violation_id": str(fields.get("violation_id")), "doc_type": str(fields.get("doc_type")),
              "origin": str(fields.get("origin") or LAPTOP), "status": str(fields.get("status") or PENDING)}
    done = conn.execute(update(legal_review_subject).where(legal_review_subject.c.review_id == review_id)
                        .values(**values)).rowcount
    if not done:
        conn.execute(insert(legal_review_subject).values(review_id=review_id, **values))


# -- the server's own re-decision --------------------------------------------------------------
def queue_redecision(batch: Batch, violation: Rec, redecision: Redecision) -> str:
    """Queue a pending review of a violation just pushed whose first-offence decision the server
    answers differently, with both decisions and the prior record; returns its id."""
    from inspector_server.push import Rec  # push imports this module for its checks

    fields = violation.fields
    laptop_doc = WARNING if redecision.laptop_outcome == FIRST_OFFENCE else RECTIFY_ORDER
    reason = next((r.reason_zh for r in shipped_rules() if r.when == REDECIDED), "服务器复核的首违不罚判断与本机不同")
    review = {
        "violation_id": violation.id, "doc_type": laptop_doc, "squad_id": violation.squad_id, "origin": SERVER,
        "reasons": json.dumps([reason], ensure_ascii=False), "item_code": str(fields.get("item_code") or ""),
        "laptop_decision": redecision.laptop_outcome, "laptop_reasons": _text(fields.get("decision_reasons")),
        "server_decision": redecision.server_outcome,
        "server_reasons": json.dumps(list(redecision.reasons), ensure_ascii=False),
        "priors": json.dumps(prior_summary(list(redecision.priors)), ensure_ascii=False),
        "status": PENDING, "requested_by": SERVER, "requested_at": batch.now, "reviewer_id": "", "opinion": "",
        "decided_at": None,
    }
    review_id = uuid7()
    ms = int(parse_utc(batch.now).timestamp() * 1000) if batch.now else int(datetime.now().timestamp() * 1000)
    batch.touch(Rec("legal_review", review_id, violation.squad_id, review, f"{ms:015d}-{0:010d}-server",
                    created_at=batch.now, updated_at=batch.now, device_id=SERVER))
    note(batch.conn, review_id, review)
    return review_id


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value or [], ensure_ascii=False)


def index_reviews(conn: Connection) -> int:
    """Note every legal_review record in ``legal_review_subject`` (after seeding from a profile)."""
    count = 0
    for rid, raw in conn.execute(select(record.c.id, record.c.fields).where(record.c.entity == "legal_review")):
        note(conn, rid, json.loads(raw))
        count += 1
    return count
