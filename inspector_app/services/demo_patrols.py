"""Demo history: three weeks of patrols by every officer on their squad's roads, with
门前五包 inspections of the units along them (scored by the real rule)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.frontage import DutyResult, inspection_score, is_compliant
from inspector_app.domain.progress import Progress
from inspector_app.services.demo import DemoContext
from inspector_app.services.session import LOCAL_TZ
from inspector_app.storage.records import insert_server_rows

DAYS = 21
PER_PATROL = 12
RETURN_COMMENTS = (
    "轨迹中断约二十分钟，请补充说明",
    "巡查时长不足规定要求，请说明原因",
    "未检查路段内新开业商户，请补充检查",
)


def _results(ctx: DemoContext) -> dict[str, dict[str, Any]]:
    out = {}
    for duty in ctx.catalogs.responsibilities:
        roll = ctx.rng.random()
        if roll < 0.06:
            items = ctx.rng.sample([i.code for i in duty.check_items], k=ctx.rng.choice([1, 1, 2]))
            out[duty.code] = {"result": "fail", "failed_items": items, "note": "", "photo_ids": []}
        elif roll < 0.10:
            out[duty.code] = {"result": "na", "failed_items": [], "note": "", "photo_ids": []}
        else:
            out[duty.code] = {"result": "ok", "failed_items": [], "note": "", "photo_ids": []}
    return out


def generate_patrol_history(db: Any, ctx: DemoContext, progress: Progress) -> None:
    """Patrols (ended, with tracks) and inspections for the last :data:`DAYS` days."""
    units_by_road: dict[str, list[dict[str, Any]]] = {}
    for unit in ctx.units:
        units_by_road.setdefault(unit["road_segment_id"], []).append(unit)
    roads_by_squad: dict[str, list[dict[str, Any]]] = {}
    for road in ctx.roads:
        roads_by_squad.setdefault(road["squad_id"], []).append(road)
    patrols: list[dict[str, Any]] = []
    inspections: list[dict[str, Any]] = []
    field_officers = [o for o in ctx.officers if o["role"] == "officer"]
    for day_index in range(DAYS, 0, -1):
        progress.check()
        day = ctx.today - timedelta(days=day_index)
        if day.weekday() == 6:  # Sundays: a skeleton crew, no demo patrols
            continue
        for officer in field_officers:
            roads = roads_by_squad.get(officer["squad_id"]) or []
            if not roads:
                continue
            road = roads[(day_index + len(patrols)) % len(roads)]
            start = datetime.combine(day, time(8, 30 + ctx.rng.randrange(0, 25)), LOCAL_TZ)
            (alat, alon), (blat, blon) = road["geometry"]
            steps = 24
            track = [[round(alat + (blat - alat) * i / steps, 6), round(alon + (blon - alon) * i / steps, 6)]
                     for i in range(steps + 1)]
            patrol_id = ctx.rng.uuid()
            candidates = units_by_road.get(road["id"], [])
            chosen = ctx.rng.sample(candidates, k=min(PER_PATROL, len(candidates)))
            clock = start
            non_compliant = 0
            for unit in chosen:
                clock += timedelta(minutes=ctx.rng.randrange(4, 12))
                results = _results(ctx)
                duties = [DutyResult(c, r["result"], tuple(r["failed_items"])) for c, r in results.items()]
                compliant = is_compliant(duties)
                non_compliant += 0 if compliant else 1
                inspections.append({
                    "id": ctx.rng.uuid(), "unit_id": unit["id"], "patrol_id": patrol_id,
                    "officer_id": officer["id"], "inspected_at": utc_iso(clock), "results": results,
                    "score": inspection_score(duties, ctx.catalogs.star_rating), "compliant": compliant,
                    "failed_duties": sum(1 for d in duties if d.result == "fail"),
                    "awareness": ctx.rng.choice(["yes", "yes", "yes", "no", "not_asked"]),
                    "note": "", "photo_ids": [], "lat": unit["lat"], "lon": unit["lon"],
                    "status": "submitted", "review_status": "approved" if day_index > 2 else "submitted",
                    "created_at": utc_iso(clock), "updated_at": utc_iso(clock),
                })
            end = clock + timedelta(minutes=20)
            length = road["length_m"]
            status, comment = ("submitted", "") if day_index <= 2 else ("approved", "")
            if ctx.rng.random() < 0.03:
                status, comment = "returned", ctx.rng.choice(RETURN_COMMENTS)
            patrols.append({
                "id": patrol_id, "squad_id": officer["squad_id"], "officer_id": officer["id"],
                "officer_ids": [officer["id"]], "road_segment_ids": [road["id"]],
                "patrol_date": day.isoformat(), "started_at": utc_iso(start), "ended_at": utc_iso(end),
                "status": status, "review_comment": comment, "distance_m": round(length * 2.1, 1),
                "duration_s": int((end - start).total_seconds()), "track": track,
                "summary": {"inspections": len(chosen), "non_compliant": non_compliant,
                            "units_on_roads": len(candidates), "units_unchecked": len(candidates) - len(chosen)},
                "created_at": utc_iso(start), "updated_at": utc_iso(end),
            })
    progress.update(0, 1, "patrols")
    ctx.seq += insert_server_rows(db, "patrol", patrols, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq)
    ctx.seq += insert_server_rows(
        db, "frontage_inspection", inspections, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq
    )
    _apply_unit_ratings(db, ctx, inspections)


def _apply_unit_ratings(db: Any, ctx: DemoContext, inspections: list[dict[str, Any]]) -> None:
    from inspector_app.domain.frontage import repeat_failures, star_rating

    by_unit: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(inspections, key=lambda r: r["inspected_at"]):
        by_unit.setdefault(row["unit_id"], []).append(row)
    updates = []
    for unit_id, rows in by_unit.items():
        scores = [r["score"] for r in rows if r["score"] is not None]
        repeats = repeat_failures([{c: d["result"] for c, d in r["results"].items()} for r in rows])
        stars = star_rating(scores, repeats, ctx.catalogs.star_rating)
        last = rows[-1]
        updates.append((stars, 1 if last["awareness"] == "yes" else 0, unit_id))
    db.conn.executemany(
        "UPDATE unit SET star_rating = ?, awareness = max(awareness, ?) WHERE id = ?", updates
    )
