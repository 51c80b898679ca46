"""The records the app works with, as plain values (design.md §4)."""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    """Who is doing something: the signed-in officer, with role and squad."""

    officer_id: str
    name: str
    role: Role
    squad_id: str | None
    badge_no: str = ""
    squad_name: str = ""
    username: str = ""


SYSTEM_ACTOR = Actor(officer_id="system", name="system", role=Role.ADMIN, squad_id=None)


# Kinds of frontage unit (责任单位类别). Stored by code; labels are shown in Chinese.
UNIT_KINDS: dict[str, str] = {
    "individual": "个体工商户",
    "enterprise": "企业",
    "institution": "机关事业单位",
    "organisation": "社会团体",
    "resident": "居民住户",
}
