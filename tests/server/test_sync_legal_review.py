"""法制审核 through sync (issue 19): the officer's laptop holds a 不予行政处罚决定书 back as
待法制审核 with no number taken; the clerk's laptop returns it with an opinion, then approves
the second request; only then does the officer issue it and take its number — every step
through the server, with every laptop ending with the server's records."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import LiveServer, server_fields
from test_sync_workflows import laptop, png, server, sync  # noqa: F401  (server is a fixture)

from inspector_app.domain.errors import UserError, ValidationFailed
from inspector_app.services.legal_reviews import (
    document_gate,
    request_review,
    return_review,
    review_queue,
)
from inspector_app.services.notice_documents import Signing, issue_document
from inspector_app.services.photos import stamp_for, store_photo
from inspector_app.services.session import Session
from inspector_app.services.violations import close_violation, record_violation
from inspector_app.storage.officers import officers
from tests.photo_files import jpeg


def _numbers_state(session: Session) -> tuple[object, ...]:
    """Everything that moves when a number is taken: documents, leases, provisional counters."""
    db = session.store.db
    return (db.execute("SELECT count(*) FROM document").fetchone()[0],
            db.execute("SELECT * FROM number_block ORDER BY 1").fetchall(),
            db.execute("SELECT count(*) FROM outbox WHERE entity = 'document'").fetchone()[0])


def _rectified_first_offence(officer: Session, tmp_path: Path, clock) -> str:  # type: ignore[no-untyped-def]
    colleague = next(o["id"] for o in officers(officer.store.db, officer.actor.squad_id)
                     if o["id"] != officer.actor.officer_id)
    violation_id = record_violation(officer, {
        "party_kind": "person", "party_name": "张伟", "party_id_number": "11010519491231002X",
        "party_phone": "13812345678", "party_address": "济南市历下区泉城路12号", "item_code": "FO25",
        "facts": "在泉城路12号门前的行道树上拴绳晾挂衣物。", "place": "泉城路12号门前", "officer2_id": colleague},
        set(range(10))).ids("violation")[0]
    signed = png()
    issue_document(officer, violation_id, "warning", Signing(party_png=signed, officer1_png=signed, officer2_png=signed))
    clock.advance(days=1)
    photo = store_photo(officer, jpeg(tmp_path / "after.jpg", (800, 600)), stamp_for(officer, "", None, None))
    close_violation(officer, violation_id, rectified=True, photo_ids=[photo.photo_id])
    return violation_id


def test_return_with_an_opinion_then_approval_through_sync(server: LiveServer, demo_dir: Path, tmp_path: Path,  # noqa: F811
                                                          clock) -> None:  # type: ignore[no-untyped-def]
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    clerk = laptop(demo_dir, tmp_path, "zhaomin", server, clock)
    violation_id = _rectified_first_offence(officer, tmp_path, clock)

    # Held back: 待法制审核 once asked for, and no number is taken by trying to issue it.
    assert document_gate(officer, violation_id, "no_penalty").status == "needed"
    before = _numbers_state(officer)
    with pytest.raises(UserError, match="法制审核"):
        issue_document(officer, violation_id, "no_penalty", Signing())
    first = request_review(officer, violation_id, "no_penalty").ids("legal_review", "create")[0]
    assert document_gate(officer, violation_id, "no_penalty").status == "pending"
    with pytest.raises(UserError, match="待法制审核"):
        issue_document(officer, violation_id, "no_penalty", Signing())
    assert _numbers_state(officer) == before
    sync(officer)

    # The clerk's laptop receives it with the laptop's decision and reasons; a return needs words.
    sync(clerk)
    queued = [r for r in review_queue(clerk) if r["violation_id"] == violation_id]  # the demo has its own too
    assert [r["id"] for r in queued] == [first]
    assert queued[0]["laptop_decision"] == "first_offence" and "初次违法" in queued[0]["laptop_reasons"]
    with pytest.raises(ValidationFailed):
        return_review(clerk, first, "  ")
    return_review(clerk, first, "复查照片看不清门牌，请补拍后重新提交。")
    sync(clerk)
    engine = server_engine(server)
    assert server_fields(engine, "legal_review", first)["status"] == "returned"
    engine.dispose()

    # The officer sees the opinion, asks again; the clerk approves; only now is it numbered.
    sync(officer)
    gate = document_gate(officer, violation_id, "no_penalty")
    assert gate.status == "returned" and gate.review is not None and "补拍" in gate.review["opinion"]
    with pytest.raises(UserError, match="补拍"):
        issue_document(officer, violation_id, "no_penalty", Signing())
    assert _numbers_state(officer) == before
    second = request_review(officer, violation_id, "no_penalty").ids("legal_review", "create")[0]
    sync(officer)
    sync(clerk)
    from inspector_app.services.legal_reviews import approve_review

    approve_review(clerk, second)
    sync(clerk)
    sync(officer)
    assert document_gate(officer, violation_id, "no_penalty").status == "approved"
    decision = issue_document(officer, violation_id, "no_penalty", Signing())
    assert "不罚" in decision.numbers[0] and not decision.numbers[0].startswith("临")
    sync(officer)
    sync(clerk)
    for rid, status in ((first, "returned"), (second, "approved")):
        for session in (officer, clerk):
            row = session.store.db.execute("SELECT status, reviewer_id FROM legal_review WHERE id = ?", [rid]).fetchone()
            assert row == (status, clerk.actor.officer_id)
    audit = clerk.store.db.execute("SELECT group_concat(action) FROM audit_log").fetchone()[0]
    assert "returned_legal_review" in audit and "approved_legal_review" in audit


def server_engine(live: LiveServer):  # type: ignore[no-untyped-def]
    from inspector_server.db import make_engine

    return make_engine(live.db_url)
