"""Service (送达) of documents: the 送达回证 that goes with each notice and decision, the
送达地址确认书 that records the party's consent to 电子送达 (行政处罚法第六十一条), and the
送达回证 voided with the document it proves."""

from __future__ import annotations

import json
from typing import Any

from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.storage import violations as store

ELECTRONIC = "电子送达"
# Documents served on the party with their own 送达回证.
SERVED = ("warning", "rectify_order", "no_penalty")


def electronic_address(db: Any, violation_id: str) -> str:
    """The electronic address the party consented to in an issued 送达地址确认书 ('' if none)."""
    for d in store.documents_of(db, violation_id):
        if d["doc_type"] == "service_address" and d["status"] == "issued":
            full = store.get_document(db, d["id"]) or {}
            address = json.loads(full.get("snapshot") or "{}").get("address", {})
            if address.get("consent") and address.get("electronic"):
                return str(address["electronic"])
    return ""


def check_service_mode(db: Any, violation_id: str, mode: str) -> str:
    """The electronic address for 电子送达 ('' for other modes); refuses 电子送达 without the
    party's recorded consent."""
    if mode != ELECTRONIC:
        return ""
    address = electronic_address(db, violation_id)
    if not address:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "电子送达 needs the party's consent, recorded in a signed 送达地址确认书 "
                                        "with the electronic address; there is none for this violation."),
            QT_TRANSLATE_NOOP("errors", "Let the party sign a 送达地址确认书 first, or choose another way of service."),
        )
    return address


def proof_snapshot(snapshot: dict[str, Any], title: str, number: str) -> dict[str, Any]:
    """The 送达回证 of a document: who was served what, where, when and how. The party signs it
    separately (its own image or the pen on paper): the notice's signature is not copied."""
    signatures = {k: v for k, v in (snapshot.get("signatures") or {}).items() if k != "party"}
    if "receipt" in signatures:
        signatures["party"] = signatures.pop("receipt")
    proof = {k: v for k, v in snapshot.items() if k not in ("text", "signatures", "pledge")}
    return {**proof, "title": "", "signatures": signatures,
            "served_documents": [{"title": title, "number": number}]}


def proofs_of(db: Any, document: dict[str, Any]) -> list[str]:
    """Ids of the issued 送达回证 that prove service of this document."""
    if not document.get("violation_id") or document["doc_type"] == "service_proof":
        return []
    out = []
    for d in store.documents_of(db, document["violation_id"]):
        if d["doc_type"] != "service_proof" or d["status"] != "issued":
            continue
        full = store.get_document(db, d["id"]) or {}
        served = json.loads(full.get("snapshot") or "{}").get("served_documents", [])
        if any(s.get("number") == document["number"] for s in served):
            out.append(d["id"])
    return out
