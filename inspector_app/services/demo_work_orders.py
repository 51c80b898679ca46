"""Demo work orders: two weeks of orders from every source for each squad, at their realistic
stage — most closed on time with a 回访, some overdue, some extended, some on hold or returned,
the newest waiting to be dispatched — and a few on the demo officer's 待办 due today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.progress import Progress
from inspector_app.domain.work_calendar import shipped_calendar
from inspector_app.domain.work_order_categories import OrderCategory, shipped_order_categories
from inspector_app.services.demo import DemoContext
from inspector_app.services.session import LOCAL_TZ
from inspector_app.storage.records import insert_server_rows

DAYS = 14
SOURCES = (("hotline", 40), ("dcm", 30), ("snapshot", 15), ("road_chief", 10), ("leader", 5))
NUMBER = {"hotline": "JN12345-{d:%Y%m%d}-{n:04d}", "dcm": "SZCG{d:%Y%m%d}{n:04d}", "snapshot": "SSP{d:%Y%m%d}{n:04d}",
          "road_chief": "LZCS-{d:%Y%m%d}-{n:03d}", "leader": "LDJB-{d:%Y}-{n:04d}"}
WORDS = {
    "0501": "{road}路口有流动摊贩推车卖水果，占了半条人行道，早晚高峰很堵。",
    "0504": "{road}{no}号饭店把桌椅摆到人行道上经营，行人只能走机动车道。",
    "0505": "{road}{no}号门前机动车长期占用人行道停放，轮椅过不去。",
    "0506": "{road}地铁口共享单车堆成一片，把盲道全占了。",
    "0507": "{road}{no}号门前堆放装修建材好几天了，没人清理。",
    "0508": "{road}{no}号商店门口大音箱循环播放促销，吵得附近居民没法休息。",
    "0510": "{road}每天晚上有人在路边露天烧烤，油烟很大。",
    "0102": "{road}{no}号旁边垃圾桶满了溢出来，垃圾散落一地。",
    "0116": "{road}{no}号饭店油烟直排，楼上住户窗户都熏黑了。",
    "0201": "{road}电线杆和墙上贴满了办证小广告。",
    "0202": "{road}{no}号新装的门头广告牌超出墙面很多，担心掉下来。",
    "0101": "{road}{no}号院内有人私自搭建彩钢房。",
    "0513": "{road}{no}号空调外机装得太低，滴水滴到行人身上。",
    "0302": "{road}工地没有覆盖防尘网，刮风时尘土很大。",
    "0406": "{road}雨后路面积水很深，车辆行人无法通行。",
}
REPORTER = {"road_chief": "路长", "leader": "区城管局"}
# Every row carries every column (a bulk insert takes the columns of the whole batch).
BLANK: dict[str, Any] = {
    "assignee_id": None, "dispatched_at": None, "dispatched_by": "", "dispatch_method": "", "started_at": None,
    "reply_text": "", "before_photo_ids": "[]", "after_photo_ids": "[]", "reporter_photos": "[]", "replied_at": None,
    "return_reason": "", "extension_status": "", "extension_days": None, "extension_reason": "",
    "original_deadline": None, "shelve_reason": "", "shelve_review_date": None, "verify_note": "", "closed_at": None,
    "closed_by": "", "closed_on_time": None, "satisfaction": "", "visit_note": "", "visited_at": None,
    "disorder_check_id": None, "violation_id": None,
}


def _categories() -> list[tuple[OrderCategory, int]]:
    weights = {"0504": 16, "0501": 12, "0505": 10, "0507": 9, "0508": 6, "0102": 6, "0201": 8, "0506": 6,
               "0510": 5, "0116": 4, "0202": 4, "0101": 3, "0513": 3, "0302": 3, "0406": 2}
    cats = shipped_order_categories()
    return [(cats.get(code), w) for code, w in weights.items()]


def generate_work_order_history(db: Any, ctx: DemoContext, progress: Progress) -> None:
    """About six orders a day for the demo squad and three for each other squad."""
    rng, cal = ctx.rng, shipped_calendar()
    now = ctx.clock.now()
    staff: dict[str, list[dict[str, Any]]] = {}
    supervisors: dict[str, str] = {}
    for o in ctx.officers:
        if o["role"] == "officer":
            staff.setdefault(o["squad_id"], []).append(o)
        elif o["role"] == "supervisor":
            supervisors[o["squad_id"]] = o["id"]
    roads: dict[str, list[dict[str, Any]]] = {}
    for r in ctx.roads:
        roads.setdefault(r["squad_id"], []).append(r)
    categories = _categories()
    demo_officer = next(o["id"] for o in ctx.officers if o["username"] == "liqiang")
    orders: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    serial = {s: 0 for s, _ in SOURCES}
    for index, squad in enumerate(ctx.squads):
        if not staff.get(squad["id"]) or not roads.get(squad["id"]):
            continue
        per_day = 6 if index == 0 else 3
        for day_index in range(DAYS, -1, -1):
            day = ctx.today - timedelta(days=day_index)
            for _ in range(per_day if day_index else 1):
                source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
                category = rng.choices([c for c, _ in categories], weights=[w for _, w in categories])[0]
                serial[source] += 1
                received = _received_at(rng, day, now)
                order = _order(ctx, squad, rng.choice(roads[squad["id"]]), source, category, received,
                               NUMBER[source].format(d=day, n=serial[source]))
                officer = rng.choice(staff[squad["id"]])["id"]
                _advance(ctx, order, events, officer, supervisors.get(squad["id"], officer), now, cal)
                orders.append(order)
    _feature_demo_officer(ctx, orders, events, demo_officer, now)
    events = _feature_demo_queues(ctx, orders, events, demo_officer, now)
    progress.update(0, 1, "work orders")
    ctx.seq += insert_server_rows(db, "work_order", orders, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)
    ctx.seq += insert_server_rows(db, "work_order_event", events, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)


def _received_at(rng: Any, day: date, now: datetime) -> datetime:
    if day == now.astimezone(LOCAL_TZ).date():  # overnight hotline calls before the demo's morning
        return datetime.combine(day, time(0, 30), LOCAL_TZ) + timedelta(minutes=rng.randrange(0, 360))
    return datetime.combine(day, time(7, 0), LOCAL_TZ) + timedelta(minutes=rng.randrange(0, 14 * 60))


def _order(ctx: DemoContext, squad: dict[str, Any], road: dict[str, Any], source: str, category: OrderCategory,
           received: datetime, number: str) -> dict[str, Any]:
    rng = ctx.rng
    (alat, alon), (blat, blon) = road["geometry"]
    t = rng.random()
    no = rng.randrange(1, 200)
    words = WORDS.get(category.event_code, "{road}{no}号附近有问题需要处理。").format(road=road["street_name"], no=no)
    due = shipped_calendar().deadline(received, category.limit, category.unit)
    reporter = REPORTER.get(source, rng.person())
    if source == "road_chief":
        reporter = f"{road['road_chief']}（路长）"
    return {
        **BLANK, "id": rng.uuid(), "source": source, "platform_no": number, "category": category.event_code,
        "title": category.name_zh.split("·")[-1], "description": words,
        "address": f"{road['street_name']}{no}号附近", "lat": round(alat + (blat - alat) * t, 6),
        "lon": round(alon + (blon - alon) * t, 6), "road_segment_id": road["id"], "grid_code": road["grid_code"],
        "squad_id": squad["id"], "reporter_name": reporter,
        "reporter_phone": rng.mobile() if source in ("hotline", "snapshot", "road_chief") else "0531-8" + str(
            rng.randrange(1000000, 9999999)),
        "reported_at": utc_iso(received - timedelta(minutes=rng.randrange(5, 90))), "received_at": utc_iso(received),
        "limit_value": category.limit, "limit_unit": category.unit, "deadline": utc_iso(due.at),
        "deadline_estimated": int(due.estimated), "status": "received",
        "created_at": utc_iso(received), "updated_at": utc_iso(received),
    }


def _event(ctx: DemoContext, events: list[dict[str, Any]], order: dict[str, Any], when: datetime, kind: str,
           before: str, after: str, officer: str, note: str = "") -> None:
    events.append({"id": ctx.rng.uuid(), "order_id": order["id"], "at": utc_iso(when), "kind": kind,
                   "status_from": before, "status_to": after, "note": note, "officer_id": officer})
    order["updated_at"] = utc_iso(when)


def _advance(ctx: DemoContext, order: dict[str, Any], events: list[dict[str, Any]], officer: str, supervisor: str,
             now: datetime, cal: Any) -> None:
    """Take an order as far through its life as it would be by now."""
    rng = ctx.rng
    received = datetime.fromisoformat(order["received_at"].replace("Z", "+00:00"))
    deadline = datetime.fromisoformat(order["deadline"].replace("Z", "+00:00"))
    _event(ctx, events, order, received, "received", "", "received", "platform")
    age = now - received
    if age < timedelta(hours=2) or rng.random() < 0.02:
        return  # still waiting for the dispatcher
    dispatched = received + timedelta(minutes=rng.randrange(5, 40))
    order.update(status="dispatched", assignee_id=officer, dispatched_at=utc_iso(dispatched),
                 dispatched_by=supervisor, dispatch_method=rng.choice(["road", "road", "grid", "hand"]))
    _event(ctx, events, order, dispatched, "dispatch", "received", "dispatched", supervisor)
    if rng.random() < 0.05 and age < timedelta(days=2):  # older returns were dispatched again
        order.update(status="returned", assignee_id=None, return_reason="经现场核实，该问题属于住建部门职责，非城管受理范围")
        _event(ctx, events, order, dispatched + timedelta(hours=1), "return", "dispatched", "returned", officer,
               order["return_reason"])
        return
    started = dispatched + timedelta(minutes=rng.randrange(10, 60))
    if started > now or (age < timedelta(hours=20) and rng.random() < 0.4):
        return  # dispatched, not started yet
    order.update(status="handling", started_at=utc_iso(started))
    _event(ctx, events, order, started, "start", "dispatched", "handling", officer)
    if order["limit_unit"] == "days" and rng.random() < 0.25:
        order.update(extension_status="requested", extension_days=rng.choice([3, 5]),
                     extension_reason="当事人需联系施工队整改，申请延期")
        _event(ctx, events, order, started + timedelta(hours=2), "extension_request", "", "", officer,
               order["extension_reason"])
        if age > timedelta(days=2):
            extended = cal.add_working_days(deadline, order["extension_days"])
            order.update(extension_status="approved", original_deadline=order["deadline"],
                         deadline=utc_iso(extended.at))
            deadline = extended.at
            _event(ctx, events, order, started + timedelta(hours=5), "extension_approved", "", "", supervisor)
    if rng.random() < 0.02 and age > timedelta(days=3):
        order.update(status="shelved", shelve_reason="涉及历史遗留违建，需区里统一部署",
                     shelve_review_date=(now.astimezone(LOCAL_TZ).date() + timedelta(days=14)).isoformat())
        _event(ctx, events, order, started + timedelta(hours=3), "shelve", "handling", "shelved", officer,
               order["shelve_reason"])
        return
    late = rng.random() < 0.08
    span = deadline - started
    replied = started + (span * rng.uniform(0.2, 0.9) if not late else span + timedelta(hours=rng.randrange(2, 30)))
    if replied > now - timedelta(minutes=30) or (rng.random() < 0.04 and deadline < now):
        return  # still being handled (overdue if past the deadline)
    category = shipped_order_categories().get(order["category"])
    reply = rng.choice(category.reply_templates)
    order.update(status="replied", reply_text=reply, replied_at=utc_iso(replied))
    _event(ctx, events, order, replied, "reply", "handling", "replied", officer, reply)
    verified = replied + timedelta(hours=rng.uniform(0.5, 16))
    if verified > now:
        return
    order.update(status="closed", closed_at=utc_iso(verified), closed_by=supervisor,
                 closed_on_time=int(replied <= deadline), verify_note="经核查，处置到位")
    _event(ctx, events, order, verified, "close", "replied", "closed", supervisor, "经核查，处置到位")
    visited = verified + timedelta(hours=rng.uniform(2, 30))
    if visited > now:
        return
    satisfaction = rng.choices(["satisfied", "basically", "dissatisfied", "unreachable"], weights=(80, 10, 6, 4))[0]
    order.update(satisfaction=satisfaction, visited_at=utc_iso(visited))
    _event(ctx, events, order, visited, "visit", "", "", supervisor, satisfaction)


def _feature_demo_officer(ctx: DemoContext, orders: list[dict[str, Any]], events: list[dict[str, Any]],
                          officer: str, now: datetime) -> None:
    """The demo officer's 待办 holds at least three orders: one due later today, one overdue and
    one due on a later day — open orders of the squad are handed to him where the dice did not
    (and, on a day without a fitting one, an order gets the platform's deadline of 17:00 today)."""
    today_end = datetime.combine(now.astimezone(LOCAL_TZ).date() + timedelta(days=1), time(0), LOCAL_TZ)
    five = datetime.combine(now.astimezone(LOCAL_TZ).date(), time(17, 0), LOCAL_TZ)
    squad = next(o["squad_id"] for o in ctx.officers if o["id"] == officer)
    open_ = [o for o in orders if o["squad_id"] == squad and o["status"] in ("dispatched", "handling")]
    wanted = (lambda o: now + timedelta(hours=4) <= _at(o["deadline"]) <= today_end,
              lambda o: _at(o["deadline"]) < now, lambda o: _at(o["deadline"]) > today_end)
    for n, test in enumerate(wanted):
        if any(test(o) for o in open_ if o["assignee_id"] == officer):
            continue
        other = next((o for o in open_ if o["assignee_id"] != officer and test(o)), None)
        if other is None and n == 0:
            other = next((o for o in open_ if o["assignee_id"] != officer and _at(o["deadline"]) > today_end), None)
            if other is not None:
                other.update(deadline=utc_iso(five), deadline_estimated=0)
        if other is None:
            continue
        before = other["assignee_id"]
        other["assignee_id"] = officer
        for e in events:
            if e["order_id"] == other["id"] and e["officer_id"] == before:
                e["officer_id"] = officer


def _feature_demo_queues(ctx: DemoContext, orders: list[dict[str, Any]], events: list[dict[str, Any]],
                         officer: str, now: datetime) -> list[dict[str, Any]]:
    """The demo supervisor finds replies to verify and an extension request to decide."""
    squad = next(o["squad_id"] for o in ctx.officers if o["id"] == officer)
    recent = sorted((o for o in orders if o["squad_id"] == squad and o["status"] == "closed"),
                    key=lambda o: o["replied_at"], reverse=True)[:3]
    undone = {o["id"] for o in recent}
    for o in recent:
        o.update(status="replied", closed_at=None, closed_by="", closed_on_time=None, verify_note="", satisfaction="",
                 visited_at=None)
    events = [e for e in events if not (e["order_id"] in undone and e["kind"] in ("close", "visit"))]
    asking = next((o for o in orders if o["squad_id"] == squad and o["status"] == "handling"
                   and o["assignee_id"] != officer and not o["extension_status"]), None)
    if asking is not None:
        asking.update(extension_status="requested", extension_days=3, extension_reason="商户负责人外出，需预约整改时间")
        _event(ctx, events, asking, now - timedelta(hours=1), "extension_request", "", "", asking["assignee_id"],
               asking["extension_reason"])
    return events


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))
