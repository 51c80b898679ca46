"""The 现场检查（勘验）笔录 as the officer writes it: question-and-answer entries typed on the
spot, the real start and end of the inspection, and nothing the paper would claim that did not
happen — no answer nobody gave (答：不申请), no attachment that does not exist (见附件).

A record is a plain dict (what the entry dialog gives and the snapshot freezes):
``start``/``end`` (UTC ISO text; an empty end means "when it is signed"), ``qa`` — a list of
{"q", "a"} —, ``scene`` and optionally ``recorder``, ``present``, ``witness``, ``sketch_photo_id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from inspector_app.domain.clock import parse_utc
from inspector_app.domain.errors import FieldError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

# The first question an officer asks (行政处罚法 art. 43): offered in the dialog, never answered for
# the party.
RECUSAL_QUESTION = "我们是济南市城市管理综合执法人员，已向你出示执法证件。你是否申请我们回避？"


def _time(record: Mapping[str, Any], key: str) -> datetime | None:
    try:
        return parse_utc(str(record.get(key) or ""))
    except ValueError:
        return None


def record_problems(record: Mapping[str, Any], now: datetime) -> list[FieldError]:
    """What stops a 笔录 from being issued: a question without its typed answer (or the
    reverse), no entry at all, a start missing, an end before the start or in the future, or a
    person present without a role or a name."""
    problems = []
    entries = list(record.get("qa") or [])
    if not entries:
        problems.append(FieldError("qa", QT_TRANSLATE_NOOP(
            "forms", "Type at least one question and the party's answer (e.g. whether they ask for recusal).")))
    for n, entry in enumerate(entries, start=1):
        if not str(entry.get("q") or "").strip() or not str(entry.get("a") or "").strip():
            problems.append(FieldError("qa", QT_TRANSLATE_NOOP(
                "forms", "Entry {n} needs both the question and the answer as given; nothing is filled in for the party."),
                {"n": n}))
    start, end = _time(record, "start"), _time(record, "end") if record.get("end") else now
    if start is None:
        problems.append(FieldError("start", QT_TRANSLATE_NOOP("forms", "Enter when the inspection started.")))
    if end is None:
        problems.append(FieldError("end", QT_TRANSLATE_NOOP("forms", "The end time is not a time.")))
    if start and end and end < start:
        problems.append(FieldError("end", QT_TRANSLATE_NOOP("forms", "The inspection cannot end before it started.")))
    if end and end > now + timedelta(minutes=1):
        problems.append(FieldError("end", QT_TRANSLATE_NOOP("forms", "The end time is in the future.")))
    for n, person in enumerate(record.get("present") or [], start=1):
        if not str(person.get("role") or "").strip() or not str(person.get("name") or "").strip():
            problems.append(FieldError("present", QT_TRANSLATE_NOOP(
                "forms", "Person present {n} needs both a role (e.g. 当事人, 委托代理人) and a name."), {"n": n}))
    if not str(record.get("scene") or "").strip():
        problems.append(FieldError("scene", QT_TRANSLATE_NOOP("forms", "Describe what was found on the scene.")))
    return problems


def entries(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The typed (question, answer) pairs, trimmed."""
    return [(str(e["q"]).strip(), str(e["a"]).strip()) for e in record.get("qa") or []]
