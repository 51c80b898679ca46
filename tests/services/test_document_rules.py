"""Documents follow the recorded decision and are issued once per purpose."""

import pytest

from inspector_app.domain.errors import UserError
from inspector_app.services.notice_documents import issue_document, void_document
from inspector_app.services.session import Session
from inspector_app.services.violations import record_violation
from tests.services.test_notices import ALL, _recorded, _signed, _values


def _stored(session: Session) -> tuple:  # type: ignore[type-arg]
    db = session.store.db
    return (db.execute("SELECT count(*) FROM document").fetchone()[0],
            db.execute("SELECT count(*) FROM outbox").fetchone()[0],
            db.execute("SELECT * FROM number_block ORDER BY 1").fetchall())


def test_no_warning_for_a_repeat_offence(officer_session: Session) -> None:
    record_violation(officer_session, _values(officer_session), ALL)
    repeat = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    decision = officer_session.store.db.execute("SELECT decision FROM violation WHERE id = ?", [repeat]).fetchone()[0]
    assert decision == "not_eligible"
    before = _stored(officer_session)
    with pytest.raises(UserError) as info:
        issue_document(officer_session, repeat, "warning", _signed())
    assert "not eligible" in info.value.render() and "责令限期改正通知书" in info.value.render()
    assert _stored(officer_session) == before  # nothing stored, no number taken
    issued = issue_document(officer_session, repeat, "rectify_order", _signed())  # what the decision says
    assert "责改" in issued.numbers[0]


def test_no_warning_where_the_ordinance_only_orders_correction(officer_session: Session) -> None:
    order_only = record_violation(officer_session, _values(officer_session, item_code="FO01"), set()).ids("violation")[0]
    with pytest.raises(UserError, match="not eligible"):
        issue_document(officer_session, order_only, "warning", _signed())


def test_a_second_document_for_the_same_purpose_is_refused(officer_session: Session) -> None:
    violation_id = record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0]
    first = issue_document(officer_session, violation_id, "warning", _signed())
    before = _stored(officer_session)
    for again in ("warning", "rectify_order"):  # both are the order to correct
        with pytest.raises(UserError) as info:
            issue_document(officer_session, violation_id, again, _signed())
        assert first.numbers[0] in info.value.render() and "void" in info.value.render()
    assert _stored(officer_session) == before
    issue_document(officer_session, violation_id, "inspection_record", _recorded(officer_session))  # another purpose
    void_document(officer_session, first.document_ids[0], "当事人姓名录入错误")
    again = issue_document(officer_session, violation_id, "warning", _signed())  # re-issued after voiding
    assert again.numbers[0] != first.numbers[0]
