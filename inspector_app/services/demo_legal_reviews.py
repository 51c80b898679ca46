"""Demo 法制审核: two decisions of the demo officer waiting for the demo clerk — a rectified
首违不罚 whose 不予行政处罚决定书 the officer sent for review, and a 首违不罚 the server
re-decided because the party had been warned for the same item by another district's squad
(that earlier violation is in the demo too). Decisions and reasons come from the app's own rule
(domain.first_offence.decide), not typed in."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.first_offence import Prior, decide, party_keys
from inspector_app.domain.legal_review import prior_summary, reasons_for, shipped_rules, subject_of
from inspector_app.domain.progress import Progress
from inspector_app.services.demo import DemoContext
from inspector_app.services.session import LOCAL_TZ
from inspector_app.storage.records import insert_server_rows

ITEM = "FO25"
PARTIES = (("王磊", "370102199001011231", "济南市历下区县西巷8号", "县西巷8号门前"),
           ("刘洋", "370103198506124524", "济南市市中区经四路36号", "芙蓉街36号门前"))


def _at(ctx: DemoContext, days_ago: int, hour: int) -> str:
    return utc_iso(datetime.combine(ctx.today - timedelta(days=days_ago), time(hour, 10), LOCAL_TZ))


def _violation(ctx: DemoContext, party: tuple[str, str, str, str], squad: dict[str, Any], officers: list[str],
               days_ago: int, decision: Any, status: str) -> dict[str, Any]:
    name, id_number, address, place = party
    identity, name_key = party_keys(id_number, None, name, address)
    return {
        "id": ctx.rng.uuid(), "party_kind": "person", "party_name": name, "party_id_number": id_number,
        "party_uscc": "", "party_legal_person": "", "party_phone": "", "party_address": address,
        "identity_key": identity, "name_key": name_key, "unit_id": None, "squad_id": squad["id"],
        "catalog_version": ctx.catalogs.version, "item_code": ITEM, "facts": f"在{place}的行道树上拴绳晾挂衣物。",
        "place": place, "lat": None, "lon": None, "occurred_at": _at(ctx, days_ago, 9), "officer1_id": officers[0],
        "officer2_id": officers[1], "photo_ids": "[]", "source_entity": None, "source_id": None,
        "decision": decision.outcome, "decision_reasons": json.dumps(list(decision.reasons), ensure_ascii=False),
        "prior_ids": "[]", "confirmed_conditions": "[]", "overridden": 0, "override_reason": "",
        "file_case": int(decision.file_case), "deadline": (ctx.today - timedelta(days=days_ago - 1)).isoformat(),
        "status": status, "rechecked_at": _at(ctx, days_ago - 1, 15) if status == "rectified" else None,
    }


def _review(ctx: DemoContext, v: dict[str, Any], doc_type: str, origin: str, requested_by: str,
            reasons: tuple[str, ...], server: Any = None, priors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "id": ctx.rng.uuid(), "violation_id": v["id"], "doc_type": doc_type, "squad_id": v["squad_id"],
        "origin": origin, "reasons": json.dumps(list(reasons), ensure_ascii=False), "item_code": ITEM,
        "laptop_decision": v["decision"], "laptop_reasons": v["decision_reasons"],
        "server_decision": server.outcome if server else "",
        "server_reasons": json.dumps(list(server.reasons) if server else [], ensure_ascii=False),
        "priors": json.dumps(priors or [], ensure_ascii=False), "status": "pending", "requested_by": requested_by,
        "requested_at": _at(ctx, 0, 7), "reviewer_id": "", "opinion": "", "decided_at": None,
    }


def generate_legal_reviews(db: Any, ctx: DemoContext, progress: Progress) -> None:
    """The two pending reviews in the demo squad (and the other district's earlier violation)."""
    if len(ctx.squads) < 2:
        return
    home = ctx.squads[0]
    other = next((s for s in ctx.squads if s["district_code"] != home["district_code"]), ctx.squads[1])
    staff = [o["id"] for o in ctx.officers if o["squad_id"] == home["id"] and o["role"] == "officer"]
    elsewhere = [o["id"] for o in ctx.officers if o["squad_id"] == other["id"] and o["role"] == "officer"]
    officer = next((o["id"] for o in ctx.officers if o.get("username") == "liqiang"), staff[0])
    staff = [officer, *[s for s in staff if s != officer]]
    item = ctx.catalogs.first_offence_item(ITEM)
    confirmed = set(range(len(item.conditions_zh)))
    first = decide(item, [], confirmed, ctx.today)
    rectified = _violation(ctx, PARTIES[0], home, staff, 3, first, "rectified")
    earlier = _violation(ctx, PARTIES[1], other, elsewhere, 20, first, "rectified")
    laptop = _violation(ctx, PARTIES[1], home, staff, 1, first, "open")  # the laptop saw no prior
    prior = Prior(earlier["id"], (ctx.today - timedelta(days=20)), ITEM)
    server = decide(item, [prior], confirmed, ctx.today)
    priors = prior_summary([{"item": ITEM, "date": prior.occurred_on.isoformat(), "squad": other["name"]}])
    rules = shipped_rules()
    reviews = [
        _review(ctx, rectified, "no_penalty", "laptop", officer, reasons_for(rules, "no_penalty", subject_of(rectified))),
        _review(ctx, laptop, "warning", "server", "server", reasons_for(rules, "warning", subject_of(laptop, True)),
                server, priors),
    ]
    for entity, rows in (("violation", [earlier, rectified, laptop]), ("legal_review", reviews)):
        ctx.seq += insert_server_rows(db, entity, rows, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)
