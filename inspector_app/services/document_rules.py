"""Which documents a violation may still get: a document must follow the recorded decision and
is issued once per purpose (a voided one does not count, so a misprint can be re-issued)."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.document_facts import PURPOSE
from inspector_app.domain.errors import UserError
from inspector_app.domain.first_offence import FIRST_OFFENCE
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.storage import violations as store

NAMES = {"warning": "警示告知书", "rectify_order": "责令限期改正通知书", "no_penalty": "不予行政处罚决定书",
         "inspection_record": "现场检查（勘验）笔录", "service_address": "送达地址确认书",
         "case_filing": "立案审批"}


def check_may_issue(db: Any, v: dict[str, Any], doc_type: str) -> None:
    """Raise a UserError (nothing is stored) when this document would contradict the
    violation's decision or repeat a document already issued for the same purpose."""
    if doc_type == "warning" and v["decision"] != FIRST_OFFENCE:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This violation was found not eligible for 首违不罚 ({reason}), so a 警示告知书 saying "
                "that no penalty is imposed cannot be issued.",
            ),
            QT_TRANSLATE_NOOP("errors", "Issue a 责令限期改正通知书 instead."),
            reason=_why_not(v),
        )
    if doc_type == "no_penalty" and (v["decision"] != FIRST_OFFENCE or v["status"] != "rectified"):
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "A 不予行政处罚决定书 is issued only for a first offence that was rectified by the deadline."))
    purpose = PURPOSE.get(doc_type)
    for d in store.documents_of(db, v["id"]):
        if d["status"] == "issued" and PURPOSE.get(d["doc_type"]) == purpose:
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "A {title} ({number}) was already issued for this violation."),
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Re-print that one from 文书; if it is wrong, void it with the reason first and then issue a new one.",
                ),
                title=NAMES.get(d["doc_type"], d["doc_type"]),
                number=d["number"],
            )


def _why_not(v: dict[str, Any]) -> str:
    if v["decision"] == "order_only":
        return "按条例责令限期改正即可，不作首违不罚决定"
    return "回溯期内有同一事项违法记录或条件未满足"
