"""What the map shows, as plain data: the page to load, and each layer's points or lines.

Points are ``[lat, lon, style, id, label]`` and lines ``[[[lat, lon], …], style, id, label]``;
the style names a colour in resources/map/inspector-map.js. Positions are WGS-84; when the
tile source draws in GCJ-02 they are converted here (and picks converted back)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.clock import local_text, utc_iso
from inspector_app.domain.coords import gcj02_to_wgs84, wgs84_to_gcj02
from inspector_app.domain.coverage import near_polyline
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.maps.page import PageSpec, write_page
from inspector_app.services.map_tiles import BaseMap, TileReader
from inspector_app.services.session import Session
from inspector_app.services.violations import violation_rechecks_due
from inspector_app.storage import map_layers as store
from inspector_app.storage.work_orders import placed_open_orders

Point = list[Any]


@dataclass(frozen=True)
class MapOptions:
    """How positions are drawn: ``crs`` is "wgs84" or "gcj02" (the tile source's system)."""

    crs: str = "wgs84"

    def out(self, lat: float, lon: float) -> tuple[float, float]:
        return wgs84_to_gcj02(lat, lon) if self.crs == "gcj02" else (lat, lon)

    def back(self, lat: float, lon: float) -> tuple[float, float]:
        """A position picked on the map, in WGS-84."""
        return gcj02_to_wgs84(lat, lon) if self.crs == "gcj02" else (lat, lon)


def map_page(session: Session, base: BaseMap | None = None) -> Path:
    """Write the map page for this profile and return its path (centred on the squad's units)."""
    centre = store.unit_centre(session.store.db, session.actor.squad_id) or (36.6512, 117.1201)  # 泉城广场
    base = base or BaseMap()
    lat, lon = MapOptions(base.crs).out(*centre)
    tiles = TileReader(session.store.paths.root, base.office_file).available() or base.fetches_online()
    return write_page(PageSpec(lat, lon, 15, tiles=tiles), session.store.paths.root / "map")


def unit_points(session: Session, options: MapOptions = MapOptions(), squad_only: bool = False) -> list[Point]:
    """Units coloured by their last 门前五包 result (ok / fail / none), unsigned ones orange."""
    rows = store.units_with_last_result(session.store.db, session.actor.squad_id if squad_only else None)
    out = []
    for lat, lon, unit_id, name, signed, compliant in rows:
        style = "none" if compliant is None else ("ok" if compliant else "fail")
        if style == "none" and not signed:
            style = "unsigned"
        la, lo = options.out(lat, lon)
        out.append([round(la, 6), round(lo, 6), style, unit_id, name])
    return out


def check_points(session: Session, options: MapOptions = MapOptions(), open_only: bool = True,
                 since_days: int = 30) -> list[Point]:
    """八乱 checks by category (open ones by default)."""
    since = (session.today() - timedelta(days=since_days)).isoformat()
    names = {d.code: d.name_zh for d in session.catalogs.disorders}
    return [[*options.out(lat, lon), category, check_id, f"{names.get(category, category)} {address} {text}".strip()]
            for lat, lon, category, check_id, address, text in store.placed_checks(session.store.db, since, open_only)]


@dataclass(frozen=True)
class LayerLabels:
    """Tooltip templates of the layers, in the interface language: the UI passes them
    translated (the sources are marked for Qt's translation tools)."""

    notice: str = QT_TRANSLATE_NOOP("map", "{party}: re-check by {deadline}")
    track: str = QT_TRANSLATE_NOOP("map", "Patrol track of {officer}")


def notice_points(session: Session, options: MapOptions = MapOptions(),
                  labels: LayerLabels = LayerLabels()) -> list[Point]:
    """The re-checks due that have a position (the same ones the 首违不罚 page counts)."""
    return [[*options.out(r["lat"], r["lon"]), "notice", r["id"], labels.notice.format(party=r["party_name"],
                                                                                      deadline=r["deadline"] or "—")]
            for r in violation_rechecks_due(session) if r["lat"] is not None and r["lon"] is not None]


def patrol_lines(session: Session, day: date, options: MapOptions = MapOptions(),
                 labels: LayerLabels = LayerLabels()) -> tuple[list[Point], list[Point]]:
    """(tracks of the day's patrols, the squad's road segments coloured by whether a track of
    the day passed them)."""
    db = session.store.db
    tracks, walked = [], []
    for patrol_id, track_json, status, officer in store.day_patrols(db, day.isoformat(), session.actor.squad_id):
        track = store.raw_track(db, patrol_id) if status == "open" else json.loads(track_json)
        if len(track) > 1:
            walked.append(track)
            tracks.append([[list(options.out(*p)) for p in track], "track", patrol_id,
                           labels.track.format(officer=officer)])
    roads = []
    for road_id, name, geometry in store.road_geometries(db, session.actor.squad_id):
        line = json.loads(geometry)
        visited = any(near_polyline(t, line) for t in walked)
        roads.append([[list(options.out(*p)) for p in line], "visited" if visited else "unvisited", road_id, name])
    return tracks, roads


def order_points(session: Session, options: MapOptions = MapOptions()) -> list[Point]:
    """The squad's open work orders; overdue ones drawn in their own colour."""
    now = utc_iso(session.now())
    return [[*options.out(lat, lon), "order_overdue" if deadline < now and status != "replied" else "order", oid,
             f"{number} {title} {address}".strip()]
            for lat, lon, oid, deadline, title, address, status, number in
            placed_open_orders(session.store.db, session.actor.squad_id)]


@dataclass(frozen=True)
class LayerQuery:
    """What the map page asks for: the day of tracks and coverage, and which 八乱 checks
    (``check_days`` 0 = open ones only, else every check of that many days)."""

    day: date
    check_days: int = 0
    crs: str = "wgs84"
    labels: LayerLabels = LayerLabels()


LAYERS = ("units", "roads", "tracks", "checks", "notices", "orders")


def map_layers(session: Session, query: LayerQuery) -> dict[str, list[Point]]:
    """Every layer's data (what the map page pushes into the loaded page)."""
    session.require(Permission.VIEW_UNITS)
    options = MapOptions(query.crs)
    tracks, roads = patrol_lines(session, query.day, options, query.labels)
    return {
        "units": unit_points(session, options),
        "roads": roads,
        "tracks": tracks,
        "checks": check_points(session, options, open_only=query.check_days == 0,
                               since_days=query.check_days or 365),
        "notices": notice_points(session, options, query.labels),
        "orders": order_points(session, options),
    }


def day_layers(session: Session, query: LayerQuery) -> dict[str, list[Point]]:
    """Only the layers that depend on the day (a date change does not resend 50,000 units)."""
    tracks, roads = patrol_lines(session, query.day, MapOptions(query.crs), query.labels)
    return {"roads": roads, "tracks": tracks}


def check_layer(session: Session, query: LayerQuery) -> dict[str, list[Point]]:
    """Only the 八乱 layer (its filter changed)."""
    return {"checks": check_points(session, MapOptions(query.crs), open_only=query.check_days == 0,
                                   since_days=query.check_days or 365)}


def road_centres(session: Session, options: MapOptions = MapOptions()) -> list[tuple[str, float, float]]:
    """(name, lat, lon) of the middle of each of the squad's road segments, for "centre on a road"."""
    out = []
    for _id, name, geometry in store.road_geometries(session.store.db, session.actor.squad_id):
        line = json.loads(geometry)
        if line:
            out.append((name, *options.out(*line[len(line) // 2])))
    return out


def describe(session: Session, layer: str, item_id: str) -> list[tuple[str, str]]:
    """The clicked item as (label, value) lines for the side panel; values are plain text."""
    row = store.summary(session.store.db, layer, item_id)
    if row is None:
        return []
    if layer == "units":
        last_at, _, compliant = (row[7] or "").partition(" ")
        return [("name", row[0]), ("address", row[1]), ("road", row[6] or ""), ("contact", f"{row[2]} {row[3]}".strip()),
                ("agreement", "yes" if row[4] else "no"), ("stars", str(row[5] or "")),
                ("last_inspection", f"{local_text(last_at, '%Y-%m-%d')} {'ok' if compliant == '1' else 'fail'}" if last_at else "")]
    if layer == "checks":
        names = {d.code: d.name_zh for d in session.catalogs.disorders}
        return [("category", names.get(row[0], row[0])), ("status", row[1]), ("address", row[2] or ""),
                ("description", row[3] or ""), ("found_at", local_text(row[4])), ("deadline", row[5] or "")]
    if layer == "notices":
        return [("party", row[0]), ("item", row[1]), ("number", row[2] or ""), ("deadline", row[3] or ""),
                ("status", row[4])]
    if layer == "roads":
        return [("road", row[0]), ("street", row[1]), ("length", f"{row[2]:.0f} m")]
    if layer == "orders":
        return [("number", row[0]), ("category", row[1]), ("address", row[2] or ""), ("description", row[3] or ""),
                ("deadline", local_text(row[4], "%m-%d %H:%M")), ("officer", row[5] or "")]
    return [("officer", row[0]), ("date", row[1]), ("status", row[2]), ("length", f"{row[3] or 0:.0f} m")]
