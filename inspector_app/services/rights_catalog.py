"""The per-district rights data (domain/rights.py) as the administrator keeps it: the shipped
resources/catalogs/rights.json is the default, and each edit of a district is stored as a
synced catalog_version record (kind "rights", like the 首违不罚 catalog's versions), so every
device issues documents with the edited bodies, court and periods. Edits are kept, not
overwritten: the newest per district is the one in use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.clock import utc_iso
from inspector_app.domain.errors import UserError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.ids import uuid7
from inspector_app.domain.rights import (
    DistrictRights,
    edited_rights,
    rights_from_row,
    shipped_rights,
)
from inspector_app.domain.roles import Permission
from inspector_app.services.session import Session
from inspector_app.storage.violations import catalog_versions

KIND = "rights"


@dataclass(frozen=True)
class DistrictEntry:
    """A district's rights as in use, its name, and who last edited it (empty: as shipped)."""

    name: str
    rights: DistrictRights
    edited_by: str
    edited_at: str


def _edits(session: Session) -> dict[str, tuple[dict[str, Any], str, str]]:
    """The newest stored edit of each district — (entry, officer id, when) — as
    catalog_versions lists newest first."""
    out: dict[str, tuple[dict[str, Any], str, str]] = {}
    for row in catalog_versions(session.store.db, KIND):
        items = json.loads(row["items"])
        code = items[0].get("district_code") if items and isinstance(items[0], dict) else None
        if code and code not in out:
            out[code] = (items[0], row["imported_by"] or "", row["imported_at"])
    return out


def rights_table(session: Session) -> dict[str, DistrictRights]:
    """Every district's rights, the administrator's edit first, the shipped entry otherwise."""
    table = dict(shipped_rights())
    for code, (row, _by, _at) in _edits(session).items():
        try:
            table[code] = rights_from_row(row)
        except (TypeError, ValueError):
            continue  # a damaged record must not stop documents: the shipped entry stands
    return table


def district_entries(session: Session) -> list[DistrictEntry]:
    """The districts in the order of the catalog, for the administrator's page."""
    table, edits = rights_table(session), _edits(session)
    names = {d.code: d.name_zh for d in session.catalogs.districts}
    shipped = shipped_rights()
    return [DistrictEntry(names.get(code, code), rights,
                          *(edits[code][1:] if code in edits and rights != shipped.get(code) else ("", "")))
            for code, rights in sorted(table.items())]


def edit_district_rights(session: Session, district_code: str, values: dict[str, object],
                         confirmed: bool = False) -> DistrictRights:
    """Store an administrator's edit of a district (checked whole before anything is stored)
    and audit what changed; documents issued from now on print it, issued ones keep theirs."""
    session.require(Permission.MANAGE_CATALOGS)
    table = rights_table(session)
    if district_code not in table:
        raise UserError(QT_TRANSLATE_NOOP("errors", "No review body and court are set for district {code}."),
                        code=district_code)
    return _store(session, "edit_district_rights", table[district_code],
                  edited_rights(table[district_code], values, confirmed))


def restore_shipped_rights(session: Session, district_code: str) -> DistrictRights:
    """Go back to the shipped entry (its 待确认 marks too), as a new audited edit so every device
    follows and the history stays."""
    session.require(Permission.MANAGE_CATALOGS)
    if district_code not in shipped_rights():
        raise UserError(QT_TRANSLATE_NOOP("errors", "No review body and court are set for district {code}."),
                        code=district_code)
    return _store(session, "restore_district_rights", rights_table(session)[district_code],
                  shipped_rights()[district_code])


def _store(session: Session, action: str, before: DistrictRights, after: DistrictRights) -> DistrictRights:
    if after == before:
        return before
    district_code = after.district_code
    old, new = before.to_row(), after.to_row()
    with session.operation(action, Permission.MANAGE_CATALOGS) as op:
        at = utc_iso(op.now)
        op.recorder.create("catalog_version", {
            "kind": KIND, "version": f"{district_code} {at} {uuid7()}", "published_by": "", "items": [new],
            "confirmed_codes": [], "imported_by": session.actor.officer_id, "imported_at": at,
        })
        op.details.update(district=district_code,
                          changes={k: [old[k], new[k]] for k in new if old[k] != new[k]})
    return after
