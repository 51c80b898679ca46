"""The server's re-decision at push, queued as a 法制审核 review (issue 19): the officer's laptop
learns of it at the next sync (held back: nothing more is issued for the violation meanwhile),
the clerk's laptop gets it with both decisions and the prior record, and the clerk's approval
releases the case.

The re-decision itself is h19index's ``offence_index.redecide``; until push calls it, the test
hands ``queue_redecision`` a value of the same shape (the interface's Redecision fields)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sync_helpers import LiveServer, server_fields
from test_sync_legal_review import server_engine
from test_sync_workflows import laptop, png, server, sync  # noqa: F401  (server is a fixture)

from inspector_app.domain.clock import utc_iso
from inspector_app.services.legal_reviews import (
    approve_review,
    document_gate,
    review_queue,
    server_redecisions,
)
from inspector_app.services.notice_documents import Signing, issue_document
from inspector_app.services.sync import sync_status
from inspector_app.services.violations import record_violation
from inspector_app.storage.officers import officers
from inspector_server.legal_reviews import queue_redecision
from inspector_server.push import Batch, write_records
from inspector_server.rules import ADMIN, Caller


@dataclass(frozen=True)
class Redecision:
    """The fields of offence_index.Redecision (interface of issue 19)."""

    laptop_outcome: str
    server_outcome: str
    reasons: tuple[str, ...]
    priors: tuple[dict[str, str], ...] = field(default_factory=tuple)


def _queue(engine: Engine, violation_id: str, redecision: Redecision, now: str) -> str:
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        batch = Batch(conn, Caller("server", ADMIN, None, "server"), now)
        rec = batch.get("violation", violation_id)
        assert rec is not None
        review_id = queue_redecision(batch, rec, redecision)
        write_records(conn, [batch.records[key] for key in batch.order])
    return review_id


def test_a_server_redecision_reaches_the_officer_and_the_reviewer(
        server: LiveServer, demo_dir: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    clerk = laptop(demo_dir, tmp_path, "zhaomin", server, clock)
    colleague = next(o["id"] for o in officers(officer.store.db, officer.actor.squad_id)
                     if o["id"] != officer.actor.officer_id)
    violation_id = record_violation(officer, {
        "party_kind": "person", "party_name": "赵刚", "party_id_number": "11010519491231002X",
        "party_address": "济南市历下区县西巷9号", "item_code": "FO25", "facts": "在县西巷9号门前的行道树上晾挂衣物。",
        "place": "县西巷9号门前", "officer2_id": colleague}, set(range(10))).ids("violation")[0]
    signed = png()
    issue_document(officer, violation_id, "warning", Signing(party_png=signed, officer1_png=signed, officer2_png=signed))
    sync(officer)

    engine = server_engine(server)
    prior = {"item": "FO25", "date": "2026-10-31", "squad": "市中区城管执法中队", "number": "济市中城管警告字〔2026〕第0007号",
             "id_number": "11010519491231002X"}  # more than the reviewer needs: the queue drops it
    review_id = _queue(engine, violation_id, Redecision(
        "first_offence", "not_eligible", ("当事人在回溯期（365 天）内已有同一事项违法记录 1 次，不属于初次违法。",), (prior,)),
        utc_iso(clock.now()))
    stored = server_fields(engine, "legal_review", review_id)
    assert (stored["origin"], stored["status"], stored["doc_type"]) == ("server", "pending", "warning")
    assert "11010519491231002X" not in stored["priors"] and "第0007号" in stored["priors"]

    # The officer's laptop learns of it, and holds the violation's documents back meanwhile.
    sync(officer)
    assert next(r["id"] for r in server_redecisions(officer)) == review_id
    assert review_id in [r["id"] for r in sync_status(officer).redecided]
    assert document_gate(officer, violation_id, "rectify_order").status == "pending"

    # The clerk's laptop has both decisions and the prior record; the approval releases it.
    sync(clerk)
    queued = next(r for r in review_queue(clerk) if r["id"] == review_id)
    assert (queued["laptop_decision"], queued["server_decision"]) == ("first_offence", "not_eligible")
    assert "市中区城管执法中队" in queued["priors"]
    approve_review(clerk, review_id)
    sync(clerk)
    sync(officer)
    assert document_gate(officer, violation_id, "rectify_order").status == "free"
    assert server_fields(engine, "legal_review", review_id)["status"] == "approved"
    engine.dispose()
