"""The key facts of an issued document, as printed: what verify shows so that a person holding
a paper can compare it line by line (a forged paper keeps the genuine QR code but changes the
party or the deadline — only the authentic facts beside it expose that).

One function for the app and the server, reading the frozen snapshot only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ISSUED, VOIDED, SUPERSEDED = "issued", "voided", "superseded"

# Documents that serve the same purpose for one violation: the order to correct is either the
# first-offence warning or the rectification order, never both. A voided document is
# superseded by a later issued one of the same purpose.
PURPOSE = {"warning": "order", "rectify_order": "order", "no_penalty": "decision", "inspection_record": "record",
           "service_address": "address", "service_proof": "proof"}

# The labels of the facts, in the order a clerk reads the paper.
FACT_LABELS = (("title", "文书"), ("number", "文号"), ("party", "当事人"), ("item", "违法事项"), ("facts", "违法事实"),
               ("deadline", "改正期限"), ("officers", "执法人员"), ("date", "落款日期"))


def _officers(snapshot: Mapping[str, Any]) -> str:
    people = snapshot.get("officers") or []
    return "；".join(f"{o.get('name', '')}（执法证号 {o.get('badge_no', '')}）" for o in people if o.get("name"))


def _facts(snapshot: Mapping[str, Any]) -> str:
    facts = snapshot.get("facts") or {}
    if not isinstance(facts, Mapping):
        return ""
    return "，".join(p for p in (facts.get("time", ""), facts.get("place", ""), facts.get("conduct", "")) if p)


def key_facts(snapshot: Mapping[str, Any]) -> dict[str, str]:
    """title, number, party, item, facts, deadline, officers and date of a document as its
    snapshot froze them ('' where the type has no such line)."""
    party = snapshot.get("party") or {}
    unit = snapshot.get("unit") or {}
    served = snapshot.get("served_documents") or []
    item = snapshot.get("case_name") or snapshot.get("violation") or ""
    if served:  # a 送达回证: what it proves the service of
        item = "送达：" + "；".join(f"{s.get('title', '')}{s.get('number', '')}" for s in served)
    return {
        "title": str(snapshot.get("title") or snapshot.get("kind") or ""),
        "number": str(snapshot.get("number") or ""),
        "party": str(party.get("name") or unit.get("name") or ""),
        "item": str(item),
        "facts": _facts(snapshot),
        "deadline": str(snapshot.get("deadline_text") or ""),
        "officers": _officers(snapshot),
        "date": str(snapshot.get("issued_on") or snapshot.get("date_text") or ""),
    }

