"""A demo profile with realistic Jinan data: squads, officers of every role, road segments on
real streets, frontage units with valid codes. Deterministic for a seed and a date.

Records are inserted as if pulled from the server (they carry a ``server_seq`` and no outbox
op); later issues add past patrols and inspections through :data:`DEMO_EXTENSIONS`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from inspector_app.domain.catalogs import Catalogs, shipped_catalogs
from inspector_app.domain.clock import FixedClock, HlcStamp, utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.geo import LatLon, distance_m
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.progress import Progress
from inspector_app.domain.resources import resource_path
from inspector_app.services.auth import hash_password
from inspector_app.services.demo_names import DemoRandom
from inspector_app.services.session import LOCAL_TZ, Session
from inspector_app.storage.audit import append_audit
from inspector_app.storage.database import Store
from inspector_app.storage.meta import get_meta, set_meta
from inspector_app.storage.records import insert_server_rows
from inspector_app.storage.units import count_units

DEMO_PASSWORD = "Jinan@2026"


@dataclass(frozen=True)
class DemoAccount:
    """One of the accounts printed for people trying the app."""

    username: str
    name: str
    role: str


DEMO_ACCOUNTS = (
    DemoAccount("liqiang", "李强", "officer"),
    DemoAccount("wangfang", "王芳", "supervisor"),
    DemoAccount("zhaomin", "赵敏", "clerk"),
    DemoAccount("admin", "系统管理员", "admin"),
)


def demo_accounts(session: Session) -> tuple[DemoAccount, ...]:
    """The demo accounts when this profile was made by the demo generator (so a newcomer who
    started from ``make run`` can sign in), else none."""
    return DEMO_ACCOUNTS if get_meta(session.store.db, "demo_seed") is not None else ()


@dataclass
class DemoContext:
    """What demo generators share: the seeded random source, the clock, what exists so far."""

    rng: DemoRandom
    clock: FixedClock
    today: date
    catalogs: Catalogs
    squads: list[dict[str, Any]] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    roads: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    now_iso: str = ""
    hlc: str = ""
    seq: int = 1


# Later features append generators here (past patrols, inspections, checks, notices...).
DemoExtension = Callable[[Any, DemoContext, Progress], None]
DEMO_EXTENSIONS: list[DemoExtension] = []


@dataclass(frozen=True)
class DemoSummary:
    """What was generated."""

    squads: int
    officers: int
    roads: int
    units: int


def _streets() -> list[dict[str, Any]]:
    data = json.loads(resource_path("catalogs", "demo_geography.json").read_text("utf-8"))
    return list(data["streets"]) + list(data.get("extra_streets", []))


def _make_squads(ctx: DemoContext, streets: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_district: dict[str, list[dict[str, Any]]] = {}
    for code in sorted({s["district_code"] for s in streets}):
        district = ctx.catalogs.district(code)
        subs = list(district.subdistricts)
        picks = ctx.rng.sample(subs, k=min(2, len(subs)))
        if code == "370102":  # the demo officer's squad is on 泉城路
            picks = [s for s in subs if s.name_zh == "泉城路街道"] + [
                s for s in picks if s.name_zh != "泉城路街道"
            ][:1]
        for sub in picks:
            squad = {
                "id": ctx.rng.uuid(),
                "name": f"{district.name_zh}{sub.name_zh}城管执法中队",
                "district_code": code,
                "subdistrict_code": sub.code,
            }
            ctx.squads.append(squad)
            by_district.setdefault(code, []).append(squad)
    return by_district


def _badge(ctx: DemoContext, district_code: str) -> str:
    return f"{district_code}{ctx.rng.randrange(10000, 99999)}"


def _make_officers(ctx: DemoContext, password_hash: str) -> None:
    accounts = {a.role: a for a in DEMO_ACCOUNTS}
    for i, squad in enumerate(ctx.squads):
        staff = [("supervisor", accounts["supervisor"] if i == 0 else None)]
        staff += [("officer", accounts["officer"] if i == 0 and n == 0 else None) for n in range(7)]
        if i % 2 == 0:
            staff.append(("clerk", accounts["clerk"] if i == 0 else None))
        for role, account in staff:
            name = account.name if account else ctx.rng.person()
            ctx.officers.append(
                {
                    "id": ctx.rng.uuid(),
                    "username": account.username if account else f"u{len(ctx.officers) + 1:04d}",
                    "name": name,
                    "badge_no": _badge(ctx, squad["district_code"]),
                    "role": role,
                    "squad_id": squad["id"],
                    "phone": ctx.rng.mobile(),
                    "password_hash": password_hash,
                    "active": 1,
                }
            )
    admin = accounts["admin"]
    ctx.officers.append(
        {
            "id": ctx.rng.uuid(),
            "username": admin.username,
            "name": admin.name,
            "badge_no": "",
            "role": "admin",
            "squad_id": None,
            "phone": ctx.rng.mobile(),
            "password_hash": password_hash,
            "active": 1,
        }
    )


def _offset(origin: LatLon, bearing_deg: float, metres: float) -> LatLon:
    dlat = metres * math.cos(math.radians(bearing_deg)) / 111_320
    dlon = metres * math.sin(math.radians(bearing_deg)) / (111_320 * math.cos(math.radians(origin.lat)))
    return LatLon(round(origin.lat + dlat, 6), round(origin.lon + dlon, 6))


def _make_roads(
    ctx: DemoContext, streets: list[dict[str, Any]], squads: dict[str, list[dict[str, Any]]],
    per_street: int,
) -> None:
    for s_index, street in enumerate(streets):
        bearing = ctx.rng.choice([90.0, 0.0, 80.0, 100.0, 170.0])
        length = 420.0
        centre = LatLon(street["lat"], street["lon"])
        start = _offset(centre, bearing + 180, length * per_street / 2)
        squad_list = squads[street["district_code"]]
        squad = squad_list[s_index % len(squad_list)]
        name = street["name_zh"]
        for n in range(per_street):
            a = _offset(start, bearing, length * n)
            b = _offset(start, bearing, length * (n + 1))
            community = f"{ctx.rng.randrange(1, 30):03d}"
            ctx.roads.append(
                {
                    "id": ctx.rng.uuid(),
                    "name": f"{name}（第{n + 1}段）" if per_street > 1 else name,
                    "street_name": name,
                    "district_code": street["district_code"],
                    "subdistrict_code": squad["subdistrict_code"],
                    "grid_code": f"{squad['subdistrict_code']}{community}{n + 1:03d}",
                    "geometry": [[a.lat, a.lon], [b.lat, b.lon]],
                    "length_m": round(distance_m(a, b), 1),
                    "road_chief": ctx.rng.person(),
                    "squad_id": squad["id"],
                }
            )


def _unit_rows(ctx: DemoContext, count: int) -> list[dict[str, Any]]:
    rows = []
    per_road = max(1, math.ceil(count / len(ctx.roads)))
    categories = set(ctx.catalogs.unit_categories)
    signed_from = date(2021, 9, 15)
    for i in range(count):
        road = ctx.roads[i // per_road % len(ctx.roads)]
        slot = i % per_road
        (alat, alon), (blat, blon) = road["geometry"]
        t = (slot + 0.5) / per_road
        side = 1 if slot % 2 else -1
        lat = alat + (blat - alat) * t + side * 0.00012
        lon = alon + (blon - alon) * t + side * 0.00012
        ident = ctx.rng.unit_identity(road["district_code"])
        number = 2 * slot + (1 if side > 0 else 2) + 10 * (int(road["grid_code"][-3:]) - 1)
        signed = ctx.rng.random() < 0.86
        signed_on = signed_from + timedelta(days=ctx.rng.randrange((ctx.today - signed_from).days))
        contact = ctx.rng.person()
        rows.append(
            {
                "id": ctx.rng.uuid(),
                **ident,
                "category": ident["category"] if ident["category"] in categories else "",
                "legal_person": contact if ident["kind"] == "individual" else ctx.rng.person(),
                "contact": contact,
                "phone": ctx.rng.mobile(),
                "address": f"济南市{ctx.catalogs.district(road['district_code']).name_zh}"
                f"{road['street_name']}{number}号",
                "road_segment_id": road["id"],
                "district_code": road["district_code"],
                "subdistrict_code": road["subdistrict_code"],
                "squad_id": road["squad_id"],
                "lat": round(lat, 6),
                "lon": round(lon, 6),
                "agreement_signed": signed,
                "agreement_date": signed_on.isoformat() if signed else None,
                "agreement_signer": contact if signed else "",
                "awareness": (signed and ctx.rng.random() < 0.9) or ctx.rng.random() < 0.2,
            }
        )
    return rows


def generate_demo_profile(
    data_dir: Path,
    units: int = 20000,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    enforcement: bool = False,
) -> DemoSummary:
    """Fill a new profile in ``data_dir`` with demo data. Refuses a profile that has units.

    ``enforcement`` adds the past weeks' warnings and decisions (services.demo_enforcement):
    ``make run`` wants them; the tests' template leaves them out, since its tests count the
    documents they issue from the first number."""
    progress = progress or Progress()
    store = Store.open(data_dir)
    try:
        if count_units(store.db):
            raise UserError(
                QT_TRANSLATE_NOOP("errors", "The profile in {path} already holds data."),
                QT_TRANSLATE_NOOP("errors", "Choose an empty folder for the demo profile."),
                path=str(data_dir),
            )
        today = today or datetime.now(LOCAL_TZ).date()
        clock = FixedClock(datetime.combine(today, time(7, 30), LOCAL_TZ))
        rng = DemoRandom(seed)
        ctx = DemoContext(rng, clock, today, shipped_catalogs())
        ctx.now_iso = utc_iso(clock.now())
        ctx.hlc = HlcStamp(int(clock.now().timestamp() * 1000), 0, "server").encode()
        streets = _streets()
        squads = _make_squads(ctx, streets)
        _make_officers(ctx, hash_password(DEMO_PASSWORD, salt=rng.randbytes(16)))
        per_street = max(1, min(40, round(units / (len(streets) * 70))))
        _make_roads(ctx, streets, squads, per_street)
        unit_rows = _unit_rows(ctx, units)
        with store.transaction() as db:
            set_meta(db, "device_id", rng.uuid())
            set_meta(db, "demo_seed", str(seed))
            for entity, rows in (("squad", ctx.squads), ("officer", ctx.officers), ("road_segment", ctx.roads)):
                ctx.seq += insert_server_rows(
                    db, entity, rows, now_iso=ctx.now_iso, hlc=ctx.hlc, first_seq=ctx.seq
                )
            batch = 2000
            for start in range(0, len(unit_rows), batch):
                progress.check()
                progress.update(start, len(unit_rows), "units")
                ctx.seq += insert_server_rows(
                    db, "unit", unit_rows[start : start + batch], now_iso=ctx.now_iso,
                    hlc=ctx.hlc, first_seq=ctx.seq,
                )
            ctx.units = unit_rows
            for extension in DEMO_EXTENSIONS:
                extension(db, ctx, progress)
            append_audit(
                db, at=ctx.now_iso, hlc=ctx.hlc, officer_id="system", role="admin",
                device_id="demo", action="generate_demo_profile",
                details={"seed": seed, "units": units, "today": today.isoformat()},
            )
        if enforcement:  # through the services, which open their own transactions
            from inspector_app.services.demo_enforcement import generate_enforcement_history

            progress.update(len(unit_rows), len(unit_rows), "enforcement")
            ctx.seq = generate_enforcement_history(store, ctx)
        progress.update(len(unit_rows), len(unit_rows), "done")
        return DemoSummary(len(ctx.squads), len(ctx.officers), len(ctx.roads), len(unit_rows))
    finally:
        store.close()


def _register_extensions() -> None:
    # Imported here, not at the top: the generators import this module's DemoContext.
    from inspector_app.services.demo_disorders import generate_disorder_history
    from inspector_app.services.demo_legal_reviews import generate_legal_reviews
    from inspector_app.services.demo_patrols import generate_patrol_history
    from inspector_app.services.demo_work_orders import generate_work_order_history

    DEMO_EXTENSIONS.extend([generate_patrol_history, generate_disorder_history, generate_work_order_history,
                            generate_legal_reviews])


_register_extensions()
