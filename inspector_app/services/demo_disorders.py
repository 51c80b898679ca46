"""Demo history of 八乱 checks: a few per squad road and day over three weeks, disposed in
the 721 proportions, some re-checks due or overdue, some repeat places."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.disorders import cell
from inspector_app.domain.progress import Progress
from inspector_app.services.demo import DemoContext
from inspector_app.services.session import LOCAL_TZ
from inspector_app.storage.records import insert_server_rows

DAYS = 21
DESCRIPTIONS = {
    "L1": ("商户在门前人行道摆放货架经营", "流动摊贩在路口摆摊售卖水果"),
    "L2": ("门前私搭彩钢简易棚", "擅自加装遮阳篷"),
    "L3": ("门前堆放纸箱杂物", "人行道堆放装修建材"),
    "L4": ("电线杆张贴小广告", "墙面喷涂办证电话"),
    "L5": ("临街窗外晾晒衣物", "树木间拉绳悬挂条幅"),
    "L6": ("路面泼洒污水", "随意倾倒装修垃圾"),
    "L7": ("共享单车占用盲道", "机动车占人行道停放"),
    "L8": ("店招破损缺字", "路灯杆悬挂广告"),
}


def generate_disorder_history(db: Any, ctx: DemoContext, progress: Progress) -> None:
    """About one check per road segment every other day."""
    rng = ctx.rng
    officers_by_squad: dict[str, list[dict[str, Any]]] = {}
    for o in ctx.officers:
        if o["role"] == "officer":
            officers_by_squad.setdefault(o["squad_id"], []).append(o)
    disorders = ctx.catalogs.disorders
    checks, events = [], []
    places: list[tuple[str, float, float, str]] = []
    for road in ctx.roads:
        staff = officers_by_squad.get(road["squad_id"])
        if not staff:
            continue
        (alat, alon), (blat, blon) = road["geometry"]
        for day_index in range(DAYS, 0, -1):
            if rng.random() > 0.45:
                continue
            day = ctx.today - timedelta(days=day_index)
            found = datetime.combine(day, time(9, rng.randrange(0, 60)), LOCAL_TZ) + timedelta(minutes=rng.randrange(0, 420))
            disorder = rng.choices(disorders, weights=(30, 6, 18, 14, 10, 8, 10, 4))[0]
            if places and rng.random() < 0.12:  # the same trouble spot again
                category, lat, lon, repeat_of = places[rng.randrange(len(places))]
                disorder = ctx.catalogs.disorder(category)
                lat, lon = lat + rng.uniform(-0.0001, 0.0001), lon + rng.uniform(-0.0001, 0.0001)
            else:
                t = rng.random()
                lat, lon = alat + (blat - alat) * t, alon + (blon - alon) * t
                repeat_of = None
            check_id = rng.uuid()
            officer = rng.choice(staff)
            roll = rng.random()
            disposal, status, deadline = "onsite", "rectified", None
            if roll < 0.12:
                disposal, status = "deadline", "handling"
                deadline = (day + timedelta(days=rng.choice([1, 3, 7]))).isoformat()
            elif roll < 0.20:
                disposal, status = "notice", "handling"
                deadline = (day + timedelta(days=3)).isoformat()
            elif roll < 0.26:
                disposal, status = "file", "filed"
            elif roll < 0.31:
                disposal, status = "transfer", "transferred"
            if status == "handling" and day_index > 5 and rng.random() < 0.85:
                status = "rectified"  # most deadlines were met long ago
            if status != "handling" and day_index > 7 and rng.random() < 0.6:
                status = "verified"
            cx, cy = cell(lat, lon)
            checks.append({
                "id": check_id, "category": disorder.code, "event_code": rng.choice(disorder.event_codes),
                "lat": round(lat, 6), "lon": round(lon, 6), "cell_x": cx, "cell_y": cy,
                "address": f"{road['street_name']}", "road_segment_id": road["id"], "grid_code": road["grid_code"],
                "squad_id": road["squad_id"], "description": rng.choice(DESCRIPTIONS[disorder.code]),
                "found_at": utc_iso(found), "found_hlc": ctx.hlc, "found_by": officer["id"], "repeat_of": repeat_of,
                "status": status, "disposal": disposal, "deadline": deadline,
                "transfer_department": "区交警大队" if disposal == "transfer" else "",
                "created_at": utc_iso(found), "updated_at": utc_iso(found),
            })
            places.append((disorder.code, lat, lon, check_id))
            events.append({"id": rng.uuid(), "check_id": check_id, "at": utc_iso(found), "kind": "found", "status_from": "",
                           "status_to": "found", "officer_id": officer["id"]})
            events.append({"id": rng.uuid(), "check_id": check_id, "at": utc_iso(found + timedelta(minutes=5)),
                           "kind": disposal, "status_from": "found", "status_to": status if status != "verified" else "handling",
                           "officer_id": officer["id"]})
    progress.update(0, 1, "disorders")
    ctx.seq += insert_server_rows(db, "disorder_check", checks, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)
    ctx.seq += insert_server_rows(db, "disorder_event", events, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)
