"""Violations and the 首违不罚 decision: what the party did, whether it is their first
violation of that item (history across every record on the device, by ID/USCC and by
normalised name + address), the decision with its reasons, an officer's override with a
written reason, and the re-check at the deadline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from inspector_app.domain.catalogs import FirstOffenceItem
from inspector_app.domain.changes import Changes
from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.errors import FieldError, NotFound, UserError, ValidationFailed
from inspector_app.domain.first_offence import (
    FIRST_OFFENCE,
    HISTORY_DAYS,
    NOT_ELIGIBLE,
    RECTIFY_ORDER,
    WARNING,
    Decision,
    Prior,
    decide,
    party_keys_of,
)
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.domain.validators import (
    check_phone,
    check_resident_id,
    check_uscc,
    normalise_code,
)
from inspector_app.forms.evidence import photo_rule
from inspector_app.services.first_offence_catalog import CatalogInUse, catalog_in_use
from inspector_app.services.legal_reviews import queue_automatic
from inspector_app.services.offence_index import index_as_of, index_priors
from inspector_app.services.session import LOCAL_TZ, Operation, Session
from inspector_app.storage import violations as store
from inspector_app.storage.officers import officer_by_id
from inspector_app.storage.photos import attach_photos

MAX_FACTS = 5000
MAX_NAME = 100


@dataclass(frozen=True)
class Assessment:
    """The decision for the values typed so far, with the item and the catalog it came from."""

    catalog: CatalogInUse
    item: FirstOffenceItem
    decision: Decision
    to_verify: bool
    index_as_of: datetime | None = None  # when the city-wide index searched was complete


# Typed codes: NFKC and invisible characters removed (validators.normalise_code), so a
# full-width or pasted ID is stored, matched against earlier violations and printed as digits.
_CODES = ("party_id_number", "party_uscc", "party_phone")


def _text(values: dict[str, Any], key: str) -> str:
    text = str(values.get(key) or "")
    return normalise_code(text) if key in _CODES else text.strip()


def check_values(session: Session, values: dict[str, Any]) -> list[FieldError]:
    """Every problem with a violation's values (party, item, facts, officers, deadline)."""
    problems: list[FieldError] = []
    kind = values.get("party_kind")
    if kind not in ("person", "unit"):
        problems.append(FieldError("party_kind", QT_TRANSLATE_NOOP("forms", "Choose whether the party is a person or a unit.")))
    name = _text(values, "party_name")
    if not name:
        problems.append(FieldError("party_name", QT_TRANSLATE_NOOP("forms", "Type the party's name.")))
    elif len(name) > MAX_NAME:
        problems.append(FieldError("party_name", QT_TRANSLATE_NOOP("forms", "The name is longer than {max} characters."), {"max": MAX_NAME}))
    for key, check in (("party_id_number", check_resident_id), ("party_uscc", check_uscc), ("party_phone", check_phone)):
        if _text(values, key):
            problem = check(_text(values, key))
            if problem:
                problems.append(FieldError(key, problem.message, dict(problem.params)))
    facts = _text(values, "facts")
    if not facts:
        problems.append(FieldError("facts", QT_TRANSLATE_NOOP("forms", "Describe what the party did (time, place, conduct).")))
    elif len(facts) > MAX_FACTS:
        problems.append(FieldError("facts", QT_TRANSLATE_NOOP("forms", "The facts are longer than {max} characters."), {"max": MAX_FACTS}))
    try:
        item = catalog_in_use(session, values.get("catalog_version")).item(_text(values, "item_code"))
    except KeyError:
        problems.append(FieldError("item_code", QT_TRANSLATE_NOOP("forms", "Choose the violation from the catalog.")))
    else:  # the same photo rule as a 八乱 check's, from the catalog row
        problems += photo_rule(item.photo_required, values.get("photo_ids"), "photo_ids",
                               item.case_name_zh or item.violation_zh)
    officer2 = values.get("officer2_id")
    if not officer2 or officer2 == session.actor.officer_id:
        problems.append(FieldError("officer2_id", QT_TRANSLATE_NOOP(
            "forms", "Two officers must act together: choose the second officer.")))
    deadline = values.get("deadline")
    if deadline and date.fromisoformat(str(deadline)) < session.today():
        problems.append(FieldError("deadline", QT_TRANSLATE_NOOP(
            "forms", "The deadline {when} is already past; choose today or a later day."), {"when": str(deadline)}))
    from inspector_app.documents.printable import VIOLATION_FIELDS, unprintable_values

    return problems + unprintable_values(values, VIOLATION_FIELDS)  # what the notice will print


def priors_for(session: Session, values: dict[str, Any], exclude_id: str | None = None) -> list[Prior]:
    """The party's earlier violations on this device and, for other squads, in the city-wide
    offence index (all items; the look-back applies later)."""
    identity, name_key = party_keys_of(values)
    since = utc_iso(session.now() - timedelta(days=HISTORY_DAYS))
    rows = store.prior_violations(session.store.db, identity, name_key, since, exclude_id)
    local = [Prior(r["id"], parse_utc(r["occurred_at"]).astimezone(LOCAL_TZ).date(), r["item_code"],
                   matched_by=r["matched_by"], squad_id=r["squad_id"] or "") for r in rows]
    return local + index_priors(session, values, local)


def assess(session: Session, values: dict[str, Any], confirmed: set[int]) -> Assessment:
    """The decision the app proposes for these values (run off the UI thread: it searches);
    its reason says how fresh the city-wide index was."""
    catalog = catalog_in_use(session, values.get("catalog_version"))
    item = catalog.item(_text(values, "item_code"))
    as_of = index_as_of(session)
    decision = decide(item, priors_for(session, values), confirmed, session.today(), as_of)
    return Assessment(catalog, item, decision, catalog.to_verify(item), as_of)


def record_violation(
    session: Session, values: dict[str, Any], confirmed: set[int], override: str | None = None,
    override_reason: str = "",
) -> Changes:
    """Store the violation with its decision (or the officer's override of it, which needs a
    written reason and goes into the audit log). Returns the change; the violation id is in it."""
    session.require(Permission.ISSUE_NOTICE)
    problems = check_values(session, values)
    if override and not override_reason.strip():
        problems.append(FieldError("override_reason", QT_TRANSLATE_NOOP(
            "forms", "Write why you decide differently from the app; it is kept in the audit log.")))
    if problems:
        raise ValidationFailed(problems)
    a = assess(session, values, confirmed)
    outcome = override or a.decision.outcome
    if outcome not in (FIRST_OFFENCE, NOT_ELIGIBLE, "order_only"):
        raise ValueError(outcome)
    deadline = values.get("deadline") or (session.today() + timedelta(days=a.item.rectify_days)).isoformat()
    identity, name_key = party_keys_of(values)
    photos = list(values.get("photo_ids") or [])
    with session.operation("record_violation", Permission.ISSUE_NOTICE) as op:
        violation_id = op.recorder.create("violation", {
            "party_kind": values["party_kind"], "party_name": _text(values, "party_name"),
            "party_id_number": _text(values, "party_id_number").upper(), "party_uscc": _text(values, "party_uscc").upper(),
            "party_legal_person": _text(values, "party_legal_person"), "party_phone": _text(values, "party_phone"),
            "party_address": _text(values, "party_address"), "identity_key": identity, "name_key": name_key,
            "unit_id": values.get("unit_id"), "squad_id": session.actor.squad_id, "catalog_version": a.catalog.version,
            "item_code": a.item.code, "facts": _text(values, "facts"), "place": _text(values, "place"),
            "lat": values.get("lat"), "lon": values.get("lon"), "occurred_at": values.get("occurred_at") or utc_iso(op.now),
            "officer1_id": session.actor.officer_id, "officer2_id": values["officer2_id"], "photo_ids": photos,
            "source_entity": values.get("source_entity"), "source_id": values.get("source_id"),
            "decision": outcome, "decision_reasons": list(a.decision.reasons),
            "prior_ids": [p.violation_id for p in a.decision.priors], "confirmed_conditions": sorted(confirmed),
            "overridden": bool(override and override != a.decision.outcome), "override_reason": override_reason.strip(),
            "file_case": outcome == NOT_ELIGIBLE, "deadline": deadline, "status": "open",
        })
        attach_photos(op.recorder, photos, "violation", violation_id)
        _rerate(session, op, values.get("unit_id"))
        queue_automatic(session, op, violation_id)  # 立案 goes to 法制审核 with the record
        op.entity, op.entity_id = "violation", violation_id
        op.details.update(decision=a.decision.outcome, outcome=outcome, override_reason=override_reason.strip(),
                          catalog=a.catalog.version, item=a.item.code)
    return op.changes


def _rerate(session: Session, op: Operation, unit_id: str | None) -> None:
    """A violation caps its unit's stars (star_rating.json): rate the unit again in the same
    transaction, so the star list is never out of date."""
    from inspector_app.services.inspections import rerate_unit
    from inspector_app.storage.units import get_unit

    if unit_id and get_unit(op.db, unit_id) is not None:
        rerate_unit(session, op, unit_id)


def document_type_for(violation: dict[str, Any]) -> str:
    """The notice a violation's decision leads to."""
    return WARNING if violation["decision"] == FIRST_OFFENCE else RECTIFY_ORDER


def signers(session: Session, violation_id: str) -> dict[str, str]:
    """Who signs which pad of a violation's document: the party's name, and each officer's
    name with badge number (empty when the violation or the officer is gone)."""
    v = store.get_violation(session.store.db, violation_id)
    if v is None:
        return {"party": "", "officer1": "", "officer2": ""}
    out = {"party": v["party_name"]}
    for key in ("officer1", "officer2"):
        o = officer_by_id(session.store.db, v[f"{key}_id"])
        out[key] = f"{o['name']}（{o['badge_no']}）" if o else ""
    return out


def get_violation(session: Session, violation_id: str) -> dict[str, Any]:
    row = store.get_violation(session.store.db, violation_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "That violation no longer exists."))
    return row


def recent_violations(session: Session) -> list[dict[str, Any]]:
    """The squad's recent violations with their notice numbers."""
    return store.list_violations(session.store.db, session.actor.squad_id)


def violation_rechecks_due(session: Session) -> list[dict[str, Any]]:
    """Open violations whose deadline has come."""
    return store.rechecks_due(session.store.db, session.actor.squad_id, session.today().isoformat())


def close_violation(session: Session, violation_id: str, rectified: bool, note: str = "",
                    photo_ids: list[str] | tuple[str, ...] = ()) -> Changes:
    """Re-check at the deadline: rectified (with a photo) closes it; not rectified makes it a
    case (立案). Issuing the 不予行政处罚决定书 for a rectified first offence is separate
    (services.notice_documents.issue_document)."""
    session.require(Permission.ISSUE_NOTICE)
    row = get_violation(session, violation_id)
    if row["status"] != "open":
        raise UserError(QT_TRANSLATE_NOOP("errors", "This violation was already re-checked."))
    if rectified and not photo_ids:
        raise ValidationFailed([FieldError("photos", QT_TRANSLATE_NOOP(
            "forms", "Add an “after” photo showing the place put right."))])
    with session.operation("recheck_violation", Permission.ISSUE_NOTICE) as op:
        op.recorder.patch("violation", violation_id, {
            "status": "rectified" if rectified else "case", "file_case": not rectified or bool(row["file_case"]),
            "rechecked_at": utc_iso(op.now),
            "photo_ids": json.loads(row["photo_ids"]) + list(photo_ids),
        })
        attach_photos(op.recorder, list(photo_ids), "violation", violation_id)
        _rerate(session, op, row.get("unit_id"))
        queue_automatic(session, op, violation_id)
        op.entity, op.entity_id = "violation", violation_id
        op.details.update(rectified=rectified, note=note)
    return op.changes


def _unit_party(session: Session, unit_id: str | None) -> dict[str, Any]:
    from inspector_app.storage.units import get_unit

    unit = get_unit(session.store.db, unit_id) if unit_id else None
    if not unit:
        return {}
    person = unit["kind"] in ("individual", "resident")
    return {
        "party_kind": "person" if person else "unit", "party_name": unit["name"],
        "party_id_number": unit["id_number"] or "", "party_uscc": unit["uscc"] or "",
        "party_legal_person": unit["legal_person"], "party_phone": unit["phone"], "party_address": unit["address"],
        "unit_id": unit_id,
    }


def violation_values_from_check(session: Session, check_id: str) -> dict[str, Any]:
    """Violation values prefilled from an 八乱 check (its party, facts, place and photos)."""
    from inspector_app.services.disorders import handover

    data = handover(session, check_id)
    values: dict[str, Any] = {
        "party_kind": "person", "party_name": data["party"]["name"] or "", "party_id_number": data["party"]["id_number"],
        "party_phone": data["party"]["phone"], "facts": f"{data['category']}：{data['facts']}", "place": data["place"],
        "lat": data["lat"], "lon": data["lon"], "photo_ids": data["photo_ids"], "source_entity": "disorder_check",
        "source_id": check_id, "item_code": (data["first_offence_codes"] or [None])[0],
    }
    values.update(_unit_party(session, data["unit_id"]))
    return values


def violation_values_from_inspection(session: Session, inspection_id: str) -> dict[str, Any]:
    """Violation values prefilled from a failed 门前五包 duty (门前五包不履行 is row FO18)."""
    from inspector_app.services.inspections import failed_duty_context

    context = failed_duty_context(session, inspection_id)
    duties = {d.code: d.name_zh for d in session.catalogs.responsibilities}
    failed = "；".join(f"{duties.get(d['code'], d['code'])}不合格" for d in context["failed_duties"])
    values: dict[str, Any] = {
        "facts": f"未履行门前五包责任：{failed}。", "place": context["place"], "lat": context["lat"], "lon": context["lon"],
        "photo_ids": context["photo_ids"], "source_entity": "frontage_inspection", "source_id": inspection_id,
        "item_code": "FO18",
    }
    values.update(_unit_party(session, context["unit_id"]))
    return values
