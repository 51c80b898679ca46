"""Demo history of enforcement: 首违不罚 warnings and 不予行政处罚决定书 of the past weeks, in the
demo officer's squad and in another district's squad, made with the app's own services (real
numbers, snapshots, PDFs rendered on demand) and then marked as already on the server.

What it shows:
- the clerk's 公示 page: one decision published on time, some overdue, one still due;
- the city-wide record: the street vendor :data:`DEMO_PARTY` was warned ten days ago by a squad
  of another district for 擅自占用城市道路经营 (FO02), so the demo officer who finds him again
  on 泉城路 is told it is not a first offence (the server's offence index holds that record).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.clock import FixedClock
from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Role
from inspector_app.domain.validators import resident_id_check_char
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage.database import Store

# The party with a prior offence in another district (index, 法制审核 and the demo script use it).
DEMO_PARTY = {"party_kind": "person", "party_name": "王建国",
              "party_id_number": "37010319790812351" + resident_id_check_char("37010319790812351"),
              "party_phone": "13705318826", "party_address": "济南市市中区经四路156号"}
DEMO_PARTY_ITEM = "FO02"
# The parties refused to sign, with a witness (the demo has no drawn signatures).
_REFUSED_REASON, _WITNESS = "当事人拒绝签名", "现场群众 刘敏"


@dataclass(frozen=True)
class Case:
    """One violation of the demo history: days before the demo's today, the squad (0: the
    demo officer's, 1: another district's), the party, the item, what was found, and on which
    later day it was rectified and a 不予行政处罚决定书 issued (None: still open)."""

    days_ago: int
    squad: int
    party: dict[str, str]
    item: str
    place: str
    facts: str
    rectified_after: int | None = None


def _cases(ctx: Any) -> list[Case]:
    rng = ctx.rng
    return [
        Case(33, 0, {"party_kind": "person", "party_name": "刘秀英", "party_id_number": rng.resident_id("370102"),
                     "party_phone": rng.mobile(), "party_address": "济南市历下区泉城路188号"},
             "FO25", "泉城路188号门前", "在泉城路188号门前的行道树上拴绳晾晒被褥。", rectified_after=2),
        Case(20, 0, {"party_kind": "unit", "party_name": "历下区老李烧烤店", "party_uscc": rng.uscc("92", "370102"),
                     "party_legal_person": "李德明", "party_phone": rng.mobile(), "party_address": "济南市历下区芙蓉街62号"},
             "FO30", "芙蓉街62号门前", "在芙蓉街62号门前人行道上露天烧烤。", rectified_after=1),
        Case(12, 0, {"party_kind": "person", "party_name": "陈志刚", "party_id_number": rng.resident_id("370102"),
                     "party_phone": rng.mobile(), "party_address": "济南市历下区黑虎泉西路9号"},
             "FO19", "泉城路与舜井街路口", "在泉城路与舜井街路口随地丢弃饮料瓶和包装袋。"),
        Case(2, 0, {"party_kind": "person", "party_name": "孙丽娟", "party_id_number": rng.resident_id("370102"),
                    "party_phone": rng.mobile(), "party_address": "济南市历下区县西巷21号"},
             "FO02", "县西巷21号门前", "在县西巷21号门前人行道上摆摊销售水果。"),
        Case(10, 1, DEMO_PARTY, DEMO_PARTY_ITEM, "经四路156号门前", "在经四路156号门前人行道上摆摊销售煎饼。"),
        Case(40, 1, {"party_kind": "unit", "party_name": "济南福满楼餐饮有限公司", "party_uscc": rng.uscc("91", "370103"),
                     "party_legal_person": "赵福生", "party_phone": rng.mobile(), "party_address": "济南市市中区经七路88号"},
             "FO29", "经七路88号", "经营场所油烟净化设施未正常使用，油烟直排。", rectified_after=5),
    ]


def _actors(ctx: Any) -> list[tuple[Actor, str]]:
    """(officer, colleague id) of the demo officer's squad and of the first squad of another
    district; the clerk of the demo squad last."""
    home = ctx.squads[0]
    other = next(s for s in ctx.squads if s["district_code"] != home["district_code"])
    out = []
    for squad in (home, other):
        staff = [o for o in ctx.officers if o["squad_id"] == squad["id"] and o["role"] == "officer"]
        first = next((o for o in staff if o["username"] == "liqiang"), staff[0])
        colleague = next(o for o in staff if o["id"] != first["id"])
        out.append((_actor(first, squad), colleague["id"]))
    clerk = next(o for o in ctx.officers if o["squad_id"] == home["id"] and o["role"] == "clerk")
    out.append((_actor(clerk, home), ""))
    return out


def _actor(officer: dict[str, Any], squad: dict[str, Any]) -> Actor:
    return Actor(officer["id"], officer["name"], Role(officer["role"]), squad["id"], officer["badge_no"],
                 squad["name"], officer["username"])


def _at(today: date, days_ago: int, hour: int = 10) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(hour, 0), LOCAL_TZ)


def generate_enforcement_history(store: Store, ctx: Any) -> int:
    """Record the demo cases through the services, publish the oldest decisions as the clerk
    did, then mark every record as already on the server. Returns the last server_seq used."""
    from inspector_app.photos.demo_scene import demo_scene_jpeg
    from inspector_app.services.notice_documents import Signing, issue_document
    from inspector_app.services.photos import stamp_for, store_photo
    from inspector_app.services.publication import Scope, export_publication
    from inspector_app.services.violations import close_violation, record_violation

    clock = FixedClock(_at(ctx.today, 45))
    base = Session(store, clock=clock, catalogs=ctx.catalogs)
    actors = _actors(ctx)
    steps: list[tuple[datetime, int, Any]] = []
    for n, case in enumerate(_cases(ctx)):
        steps.append((_at(ctx.today, case.days_ago), n, case))
    with tempfile.TemporaryDirectory() as folder:
        for when, n, case in sorted(steps, key=lambda s: s[0]):
            clock.set(when)
            officer, colleague = actors[case.squad]
            session = base.as_actor(officer)
            values = {**case.party, "item_code": case.item, "place": case.place, "facts": case.facts,
                      "officer2_id": colleague}
            violation_id = record_violation(session, values, set(range(10))).ids("violation")[0]
            issue_document(session, violation_id, "warning", Signing(refused_reason=_REFUSED_REASON, witness=_WITNESS))
            if case.rectified_after is not None:
                clock.set(when + timedelta(days=case.rectified_after, hours=5))
                photo = store_photo(session, demo_scene_jpeg(Path(folder) / f"after-{n}.jpg", n),
                                    stamp_for(session, case.place, None, None))
                close_violation(session, violation_id, rectified=True, photo_ids=[photo.photo_id])
                _reviewed(session, base.as_actor(actors[-1][0]), violation_id)
                issue_document(session, violation_id, "no_penalty", Signing())
        clock.set(_at(ctx.today, 25, 15))
        clerk = base.as_actor(actors[-1][0])
        export_publication(clerk, Scope(ctx.today - timedelta(days=40), ctx.today - timedelta(days=25),
                                        squad_id=clerk.actor.squad_id), Path(folder) / "公示.xlsx")
    return _as_pulled(store, ctx.seq)


def _reviewed(officer: Session, reviewer: Session, violation_id: str) -> None:
    """法制审核 of the 不予行政处罚决定书: the officer sends it, the squad's reviewer approves it."""
    from inspector_app.services.legal_reviews import approve_review, request_review

    review_id = request_review(officer, violation_id, "no_penalty").ids("legal_review")[0]
    approve_review(reviewer, review_id)


def _as_pulled(store: Store, first_seq: int) -> int:
    """Every record the services just wrote, as if it came from the server: a server_seq, no
    outbox op, its attachments uploaded."""
    seq = first_seq
    with store.transaction() as db:
        for entity, entity_id in db.execute(
                "SELECT entity, entity_id FROM outbox GROUP BY entity, entity_id ORDER BY min(seq)").fetchall():
            db.execute(f'UPDATE "{entity}" SET server_seq = ? WHERE id = ?', [seq, entity_id])
            seq += 1
        db.execute("DELETE FROM outbox")
        db.execute("UPDATE blob SET uploaded = 1")
    return seq
