"""Opening a profile: the database (checked, upgraded) and a session bound to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.domain.entities import Actor
from inspector_app.domain.roles import Permission
from inspector_app.services.auth import login
from inspector_app.services.session import Session
from inspector_app.storage import units as unit_store
from inspector_app.storage.audit import ChainCheck, verify_audit_chain
from inspector_app.storage.database import Store


def open_profile(data_dir: Path) -> Session:
    """Open the profile's database (raises StorageError with a clear message if it cannot
    be used) and return a session for the system user; :func:`sign_in` replaces the actor."""
    return Session(Store.open(data_dir))


def sign_in(session: Session, username: str, password: str) -> Session:
    """Check the password offline and return a session for that officer."""
    actor: Actor = login(session.store, username, password, session.clock)
    return session.as_actor(actor)


def close_profile(session: Session) -> None:
    """Close every database connection of the profile."""
    session.store.close()


def verify_audit(session: Session) -> ChainCheck:
    """Check the audit chain of the profile."""
    return verify_audit_chain(session.store.db)


def unit_page(session: Session, rowids: list[int]) -> dict[int, dict[str, Any]]:
    """Display rows for one page of the units table (a trivial indexed read)."""
    return unit_store.unit_rows(session.store.db, rowids)


def unit_detail(session: Session, unit_id: str) -> dict[str, Any] | None:
    """One unit with its road name, for the detail pane."""
    session.require(Permission.VIEW_UNITS)
    return unit_store.get_unit(session.store.db, unit_id)


def unit_count(session: Session) -> int:
    """How many live units the profile holds."""
    return unit_store.count_units(session.store.db)


def squad_roads(session: Session) -> list[dict[str, Any]]:
    """The signed-in officer's squad's road segments (all roads for users without a squad), in
    pinyin order, each with ``search``: what type-ahead matches (name, pinyin, initials)."""
    from inspector_app.services.type_ahead import pinyin_sorted, typeahead_text
    from inspector_app.storage.officers import road_segments

    roads = pinyin_sorted(road_segments(session.store.db, session.actor.squad_id))
    for road in roads:
        road["search"] = typeahead_text(road["name"], road.get("grid_code"))
    return roads


def squad_officers(session: Session) -> list[dict[str, Any]]:
    """The officers of the signed-in officer's squad."""
    from inspector_app.storage.officers import officers

    return officers(session.store.db, session.actor.squad_id)


def unit_history(session: Session, unit_id: str) -> list[dict[str, Any]]:
    """What was recorded about a unit, newest first: its inspections, its 八乱 checks and its
    violations with the notice number (for the unit pane)."""
    from inspector_app.storage.unit_history import unit_history as stored_history

    session.require(Permission.VIEW_UNITS)
    return stored_history(session.store.db, unit_id)
