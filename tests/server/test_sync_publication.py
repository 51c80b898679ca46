"""公示 through sync: what one clerk published leaves every laptop's list to publish; the server
takes a publication only from a clerk, supervisor or administrator of the decision's squad,
and never lets it change afterwards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sync_helpers import LiveServer, server_fields
from test_sync_workflows import laptop, server, sync

from inspector_app.services.publication import Scope, export_publication, to_publish
from inspector_server import rules
from tests.services.test_publication import issue_autumn_decisions

__all__ = ["server"]  # the seeded live server fixture, imported


def test_a_publication_on_one_laptop_leaves_the_list_of_the_others(  # type: ignore[no-untyped-def]
        demo_dir: Path, tmp_path: Path, server: LiveServer, db_url: str, clock) -> None:
    officer = laptop(demo_dir, tmp_path, "liqiang", server, clock)
    clerk = laptop(demo_dir, tmp_path, "zhaomin", server, clock)
    supervisor = laptop(demo_dir, tmp_path, "wangfang", server, clock)

    def reviewed_by_the_clerk(session, violation_id: str) -> None:  # type: ignore[no-untyped-def]
        from inspector_app.services.legal_reviews import approve_review, request_review

        review_id = request_review(session, violation_id, "no_penalty").ids("legal_review")[0]
        sync(session)
        sync(clerk)
        approve_review(clerk, review_id)
        sync(clerk)
        sync(session)

    issue_autumn_decisions(officer, clock, reviewed_by_the_clerk)
    sync(officer)
    sync(clerk)
    sync(supervisor)
    assert to_publish(supervisor).overdue == 3
    done = export_publication(clerk, Scope(date(2026, 9, 1), date(2026, 11, 20)), tmp_path / "公示.csv")
    sync(clerk)
    sync(supervisor)
    assert to_publish(supervisor).items == []
    from inspector_server.db import make_engine

    engine = make_engine(db_url)
    try:
        fields = server_fields(engine, "publication", done.changes.ids("publication")[0])
    finally:
        engine.dispose()
    assert fields["file_name"] == "公示.csv" and fields["published_by"] == clerk.actor.officer_id


def test_only_the_squad_s_clerks_supervisors_and_admins_publish_and_nothing_changes_after() -> None:
    officer = rules.Caller("o1", rules.OFFICER, "squad-a", "dev-1")
    clerk = rules.Caller("c1", rules.CLERK, "squad-a", "dev-2")
    with pytest.raises(rules.Refused, match="may not change publication"):
        rules.check_write(officer, "publication", "squad-a", {"document_id"})
    with pytest.raises(rules.Refused, match="another squad"):
        rules.check_write(clerk, "publication", "squad-b", {"document_id"})
    rules.check_write(clerk, "publication", "squad-a", {"document_id", "export_id"})
    assert rules.becomes_final("publication", {})
    with pytest.raises(rules.Refused, match="final"):
        rules.check_final("publication", True, {"published_at"})
