"""Explaining, in the officer's language, a change the server refused because of a value
(inspector_server.op_validation): its reason reads ``<code>: <field>: <detail>``; and what the
server did with a violation whose first-offence decision it answered otherwise (法制审核)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.forms.unit import UNIT_FORM

VALUE_REASONS = {
    "invalid_value": QT_TRANSLATE_NOOP(
        "SyncReasons", "The server refused the value of {field}: it breaks the same rules this app checks "
        "(type, allowed values, check digit). Open the record, correct it and save it again."),
    "unknown_field": QT_TRANSLATE_NOOP(
        "SyncReasons", "The server does not know the field {field}: this laptop's app version does not match "
        "the server's. Ask the administrator to update the app."),
    "required": QT_TRANSLATE_NOOP(
        "SyncReasons", "{field} is missing: a new record needs it. Open the record, fill it in and save it again."),
    "too_large": QT_TRANSLATE_NOOP(
        "SyncReasons", "{field} is too large for the server. Shorten the text (or use fewer photos) and save again."),
    "out_of_scope": QT_TRANSLATE_NOOP(
        "SyncReasons", "{field} points to a record of another squad: a record may only refer to your own squad's."),
}
WHOLE_CHANGE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "SyncReasons", "This change is too large for the server (at most 64 KB): shorten long texts and save again.")
# Fields without a form label here: what the officer would call them.
FIELDS = {
    "at": QT_TRANSLATE_NOOP("SyncReasons", "The change's time"),
    "hlc": QT_TRANSLATE_NOOP("SyncReasons", "The change's time"),
    "squad_id": QT_TRANSLATE_NOOP("SyncReasons", "Squad"),
    "unit_id": QT_TRANSLATE_NOOP("SyncReasons", "Responsible unit"),
    "patrol_id": QT_TRANSLATE_NOOP("SyncReasons", "Patrol"),
    "road_segment_id": QT_TRANSLATE_NOOP("SyncReasons", "Road segment"),
    "party_id_number": QT_TRANSLATE_NOOP("SyncReasons", "The party's ID number"),
    "party_uscc": QT_TRANSLATE_NOOP("SyncReasons", "The party's unified social credit code"),
    "party_phone": QT_TRANSLATE_NOOP("SyncReasons", "The party's phone"),
}


def field_label(entity: str, name: str) -> str:
    """The field as the officer knows it: the form's label, else a known name, else the name."""
    if name in FIELDS:
        return QCoreApplication.translate("SyncReasons", FIELDS[name])
    if entity == "unit":
        for f in UNIT_FORM.fields:
            if f.key == name:
                return QCoreApplication.translate("forms", f.label)
    return name


def explain(entity: str, reason: str) -> str | None:
    """The explanation of a value refusal, or None when ``reason`` is no such refusal."""
    parts = reason.split(": ", 2)
    if len(parts) < 2 or parts[0] not in VALUE_REASONS:
        return None
    if parts[0] == "too_large" and parts[1] == "op":
        return QCoreApplication.translate("SyncReasons", WHOLE_CHANGE_TOO_LARGE)
    text = QCoreApplication.translate("SyncReasons", VALUE_REASONS[parts[0]])
    return text.format(field=field_label(entity, parts[1]))


REDECIDED = {
    "pending": QT_TRANSLATE_NOOP(
        "SyncReasons", "{party} ({item}): the server found that the party has a prior offence of the same kind "
        "{where}; the decision went to 法制审核. Issue nothing more for it until the reviewer decides."),
    "approved": QT_TRANSLATE_NOOP(
        "SyncReasons", "{party} ({item}): 法制审核 approved your decision despite the prior offence {where}."),
    "returned": QT_TRANSLATE_NOOP(
        "SyncReasons", "{party} ({item}): 法制审核 returned your decision because of the prior offence {where}: "
        "{opinion}"),
}
PRIOR = QT_TRANSLATE_NOOP("SyncReasons", "on {date} in {squad} ({number})")
PRIOR_UNNUMBERED = QT_TRANSLATE_NOOP("SyncReasons", "on {date} in {squad}")


def redecision_text(review: dict[str, Any]) -> str:
    """One server re-decision in plain words: "张伟（FO25）：服务器查到当事人在…有同类违法记录，已转法制审核…"."""
    try:
        priors = [p for p in json.loads(review.get("priors") or "[]") if isinstance(p, dict)]
    except ValueError:
        priors = []
    where = "、".join(QCoreApplication.translate("SyncReasons", PRIOR if p.get("number") else PRIOR_UNNUMBERED).format(
        date=p.get("date") or "—", squad=p.get("squad") or "—", number=p.get("number")) for p in priors)
    text = QCoreApplication.translate("SyncReasons", REDECIDED.get(str(review.get("status")), REDECIDED["pending"]))
    return text.format(party=review.get("party_name") or "", item=review.get("item_code") or "", where=where,
                       opinion=review.get("opinion") or "")
