"""Patrol sessions: start on assigned roads, record positions, end with a summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.errors import NotFound, UserError
from inspector_app.domain.geo import JINAN_BOUNDS, LatLon, distance_m
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.natural_sort import natural_key
from inspector_app.domain.roles import Permission
from inspector_app.domain.tracks import clean_track, thin, track_distance_m
from inspector_app.services.session import Session
from inspector_app.services.type_ahead import typeahead_text
from inspector_app.storage import patrols as store
from inspector_app.storage.officers import officers, road_segments


@dataclass(frozen=True)
class PatrolSummary:
    """What an ended patrol achieved."""

    patrol_id: str
    duration_s: int
    distance_m: float
    inspections: int
    non_compliant: int
    units_on_roads: int
    units_unchecked: int


def current_patrol(session: Session) -> dict[str, Any] | None:
    """The signed-in officer's open patrol."""
    return store.open_patrol(session.store.db, session.actor.officer_id)


def start_patrol(
    session: Session, road_ids: list[str], second_officer_id: str | None = None
) -> Changes:
    """Open a patrol of the signed-in officer (with an optional second officer) on roads."""
    session.require(Permission.PATROL)
    db = session.store.db
    existing = store.open_patrol(db, session.actor.officer_id)
    if existing:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "errors", "You already have a patrol open since {started}; end it first."
            ),
            started=existing["started_at"],
        )
    known = {r["id"] for r in road_segments(db)}
    if not road_ids or any(r not in known for r in road_ids):
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Choose at least one road segment for the patrol.")
        )
    team = [session.actor.officer_id]
    if second_officer_id:
        colleagues = {o["id"] for o in officers(db, session.actor.squad_id)}
        if second_officer_id not in colleagues or second_officer_id == session.actor.officer_id:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors", "The second officer must be another member of your squad."
                )
            )
        team.append(second_officer_id)
    with session.operation("start_patrol", Permission.PATROL) as op:
        op.recorder.create(
            "patrol",
            {
                "squad_id": session.actor.squad_id,
                "officer_id": session.actor.officer_id,
                "officer_ids": team,
                "road_segment_ids": road_ids,
                "patrol_date": session.today().isoformat(),
                "started_at": utc_iso(op.now),
                "status": "open",
            },
        )
    return op.changes


def record_position(
    session: Session, patrol_id: str, lat: float, lon: float,
    accuracy_m: float | None = None, source: str = "gps", at: datetime | None = None,
) -> bool:
    """Append a position to an open patrol. A fix outside Jinan is refused for positions the
    user types, and silently skipped for GPS (receivers report 0,0 before their first fix)."""
    if not JINAN_BOUNDS.contains(lat, lon):
        if source == "manual":
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The position {lat:.5f}, {lon:.5f} is outside Jinan. Check the numbers or "
                    "pick the place on the map.",
                ),
                lat=lat,
                lon=lon,
            )
        return False
    with session.store.transaction() as db:
        store.add_point(db, patrol_id, utc_iso(at or session.now()), lat, lon, accuracy_m, source)
    return True


def patrol_position(session: Session, patrol_id: str) -> tuple[float, float] | None:
    """The latest recorded position of a patrol."""
    return store.last_point(session.store.db, patrol_id)


def patrol_fix(session: Session, patrol_id: str) -> dict[str, Any] | None:
    """The latest position of a patrol: lat, lon, recorded_at (UTC) and source (gps / manual)."""
    return store.last_fix(session.store.db, patrol_id)


def patrol_defaults(session: Session) -> dict[str, Any]:
    """What a new patrol starts with unless changed: the roads and second officer of the
    officer's last patrol (only those still assigned), for today."""
    last = store.last_ended_patrol(session.store.db, session.actor.officer_id)
    if last is None:
        return {"road_ids": [], "second_officer_id": None, "date": session.today().isoformat()}
    known = {r["id"] for r in road_segments(session.store.db, session.actor.squad_id)}
    team = [o for o in json.loads(last["officer_ids"] or "[]") if o != session.actor.officer_id]
    return {
        "road_ids": [r for r in store.road_ids(last) if r in known],
        "second_officer_id": team[0] if team else None,
        "date": session.today().isoformat(),
    }


def end_patrol(session: Session, patrol_id: str) -> PatrolSummary:
    """Close an open patrol: distance from its cleaned track, duration, what was checked."""
    db = session.store.db
    patrol = store.get_patrol(db, patrol_id)
    if patrol is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That patrol no longer exists."))
    if patrol["status"] != "open":
        raise UserError(QT_TRANSLATE_NOOP("errors", "This patrol has already ended."))
    raw = [(lat, lon, parse_utc(at)) for lat, lon, at in store.points(db, patrol_id)]
    distance = round(track_distance_m(raw), 1)
    track = thin([(round(a, 6), round(b, 6)) for a, b, _ in clean_track(raw)])
    counts = store.patrol_counts(db, patrol_id)
    units = store.units_on_roads(db, store.road_ids(patrol), patrol_id)
    unchecked = sum(1 for u in units if not u["checked"])
    now = session.now()
    duration = int((now - parse_utc(patrol["started_at"])).total_seconds())
    summary = {**counts, "units_on_roads": len(units), "units_unchecked": unchecked}
    with session.operation("end_patrol", Permission.PATROL) as op:
        op.recorder.patch(
            "patrol",
            patrol_id,
            {
                "status": "submitted",  # ending a patrol hands it to the supervisor
                "ended_at": utc_iso(now),
                "distance_m": distance,
                "duration_s": max(duration, 0),
                "track": track,
                "summary": summary,
            },
        )
    return PatrolSummary(
        patrol_id, max(duration, 0), distance, counts["inspections"], counts["non_compliant"],
        len(units), unchecked,
    )


def patrol_units(
    session: Session, patrol_id: str, position: tuple[float, float] | None = None
) -> list[dict[str, Any]]:
    """Units along the patrol's roads with last result and whether checked on this patrol;
    nearest first when a position is known, unchecked before checked."""
    db = session.store.db
    patrol = store.get_patrol(db, patrol_id)
    if patrol is None:
        return []
    units = store.units_on_roads(db, store.road_ids(patrol), patrol_id)
    # Street order first (9号, 10号, 102号), so the sorts below keep it among equals.
    units.sort(key=lambda u: (natural_key(u["road_name"]), natural_key(u["address"]), natural_key(u["name"])))
    for u in units:
        u["search"] = typeahead_text(u["name"], u["address"], u["road_name"])
        u["distance_m"] = (
            distance_m(LatLon(*position), LatLon(u["lat"], u["lon"]))
            if position and u["lat"] is not None
            else None
        )
    if position:
        units.sort(key=lambda u: (bool(u["checked"]), u["distance_m"] if u["distance_m"] is not None else 1e12))
    else:
        units.sort(key=lambda u: bool(u["checked"]))
    return units


def next_unchecked(units: list[dict[str, Any]], after_id: str) -> dict[str, Any] | None:
    """Of :func:`patrol_units`, the unchecked unit after ``after_id`` in street order on its
    road (wrapping round to the road's start), else the first unchecked unit of the patrol."""
    done = next((u for u in units if u["id"] == after_id), None)
    open_units = [u for u in units if not u["checked"] and u["id"] != after_id]
    if done is None or not open_units:
        return open_units[0] if open_units else None

    def key(u: dict[str, Any]) -> tuple[Any, ...]:
        return natural_key(u["address"]), natural_key(u["name"])

    same_road = sorted((u for u in open_units if u["road_name"] == done["road_name"]), key=key)
    later = [u for u in same_road if key(u) > key(done)]
    return (later or same_road or open_units)[0]


def patrol_track(session: Session, patrol_id: str) -> list[tuple[float, float]]:
    """The stored (ended) or live (open) track of a patrol."""
    db = session.store.db
    patrol = store.get_patrol(db, patrol_id)
    if patrol is None:
        return []
    if patrol["status"] == "open":
        return [(a, b) for a, b, _ in store.points(db, patrol_id)]
    return [tuple(p) for p in json.loads(patrol["track"])]  # type: ignore[misc]
