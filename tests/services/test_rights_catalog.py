"""Issue 17 leftover: the administrator edits a district's rights data in the app; documents
issued from then on print the edit, bad input changes nothing, and each edit is audited."""

import json
from pathlib import Path

import pytest

from inspector_app.domain.errors import PermissionDenied, UserError
from inspector_app.domain.rights import shipped_rights
from inspector_app.services.notice_documents import issue_document
from inspector_app.services.rights_catalog import (
    district_entries,
    edit_district_rights,
    restore_shipped_rights,
    rights_table,
)
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from tests.services.test_notices import _signed, _values
from tests.services.test_service_of_documents import _text

COURT = "济南铁路运输法院"


def _stored_edits(session: Session) -> int:
    return session.store.db.execute("SELECT COUNT(*) FROM catalog_version WHERE kind = 'rights'").fetchone()[0]


def test_an_edit_is_stored_audited_and_printed_on_new_documents(demo_session_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    officer, admin = demo_session_for("liqiang"), demo_session_for("admin")
    before = record_violation(officer, _values(officer, item_code="FO01"), set()).ids("violation")[0]
    old_doc = issue_document(officer, before, "rectify_order", _signed()).document_ids[0]
    lixia = next(e for e in district_entries(admin) if e.rights.district_code == "370102")
    assert lixia.name == "历下区" and "court" in lixia.rights.to_confirm and lixia.edited_by == ""
    edited = edit_district_rights(admin, "370102", {
        "court": f" {COURT} ", "review_days": "60", "litigation_months": 6, "hearing_days": 5,
        "hearing_place": "历下区城市管理局法制科（历下区文化西路13号）", "no_suspension_for": ["rectify_order"]},
        confirmed=True)
    assert edited.court == COURT and edited.to_confirm == () and edited.hearing_days == 5
    assert rights_table(officer)["370102"] == edited and shipped_rights()["370102"].court != COURT
    entry = next(e for e in district_entries(admin) if e.rights.district_code == "370102")
    assert entry.edited_by == admin.actor.officer_id and entry.edited_at
    audit = admin.store.db.execute("SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert audit[0] == "edit_district_rights"
    changes = json.loads(audit[1])["changes"]
    assert changes["court"] == ["济南市历下区人民法院", COURT] and changes["hearing_days"] == [3, 5]
    outbox = admin.store.db.execute("SELECT COUNT(*) FROM outbox WHERE entity = 'catalog_version'").fetchone()[0]
    assert outbox >= 1  # synced to the other devices like the catalog versions

    violation = record_violation(officer, _values(officer, item_code="FO01"), set()).ids("violation")[0]
    new_doc = issue_document(officer, violation, "rectify_order", _signed()).document_ids[0]
    text = _text(officer, new_doc, tmp_path)
    assert f"六个月内向{COURT}提起行政诉讼" in text
    assert "五日内向历下区城市管理局法制科（历下区文化西路13号）提出陈述、申辩" in text
    assert "不停止本文书的执行" in text
    assert "济南市历下区人民法院" in _text(officer, old_doc, tmp_path)  # issued documents keep theirs

    edit_district_rights(admin, "370102", {"no_suspension_for": []})
    latest = rights_table(officer)["370102"]
    assert latest.court == COURT and not latest.no_suspension("rectify_order")  # the newest edit wins

    restore_shipped_rights(admin, "370102")
    assert rights_table(officer)["370102"] == shipped_rights()["370102"]
    entry = next(e for e in district_entries(admin) if e.rights.district_code == "370102")
    assert entry.edited_by == "" and "court" in entry.rights.to_confirm
    assert admin.store.db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == \
        "restore_district_rights"


@pytest.mark.parametrize(("values", "message"), [
    ({"court": "  "}, "cannot be empty"),
    ({"review_body": ""}, "cannot be empty"),
    ({"review_days": 0}, "whole number"),
    ({"litigation_months": -6}, "whole number"),
    ({"hearing_days": "三"}, "whole number"),
    ({"hearing_days": 2.5}, "whole number"),
    ({"review_days": 1000}, "whole number"),
    ({"hearing_days": True}, "whole number"),
    ({"no_suspension_for": ["agreement"]}, "Unknown document type"),
    ({"district_code": "370103"}, "cannot be changed"),
])
def test_bad_input_is_refused_and_changes_nothing(demo_session_for, values, message) -> None:  # type: ignore[no-untyped-def]
    admin = demo_session_for("admin")
    audits = admin.store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(UserError, match=message):
        edit_district_rights(admin, "370102", {"authority": "改过的名称", **values})
    assert _stored_edits(admin) == 0 and rights_table(admin)["370102"] == shipped_rights()["370102"]
    assert admin.store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audits


def test_only_the_administrator_edits_and_an_unknown_district_is_named(demo_session_for) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        edit_district_rights(demo_session_for("liqiang"), "370102", {"court": COURT})
    with pytest.raises(UserError, match="370199"):
        edit_district_rights(demo_session_for("admin"), "370199", {"court": COURT})
    assert _stored_edits(demo_session_for("admin")) == 0
