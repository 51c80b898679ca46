"""The 现场检查（勘验）笔录's section of the snapshot: what the officer typed (entries, times,
scene), the people present, and only the attachments that exist — the violation's photos and a
sketch photo if one was taken."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from inspector_app.domain.clock import parse_utc, utc_iso
from inspector_app.domain.errors import ValidationFailed
from inspector_app.domain.scene_record import entries, record_problems
from inspector_app.services.session import LOCAL_TZ, Session


def cn_time(iso: str) -> str:
    """A stored UTC time as 2026年11月20日10时05分 (Beijing time)."""
    local = parse_utc(iso).astimezone(LOCAL_TZ)
    return f"{local.year}年{local.month}月{local.day}日{local.hour}时{local.minute:02d}分"


def check_record(record: dict[str, Any], now: datetime) -> None:
    """Raise ValidationFailed (nothing stored, no number taken) for an incomplete 笔录."""
    problems = record_problems(record, now)
    if problems:
        raise ValidationFailed(problems)


def _existing(session: Session, ids: list[str]) -> list[tuple[str, str]]:
    """(photo id, time and place) of the photos in ``ids`` that exist, in that order."""
    if not ids:
        return []
    rows = session.store.db.execute(
        f"SELECT id, taken_at, place FROM photo WHERE deleted = 0 AND id IN ({','.join('?' * len(ids))})", ids).fetchall()
    found = {r[0]: r for r in rows}
    return [(i, f"{cn_time(found[i][1])} {found[i][2]}".strip()) for i in ids if i in found]


def _photos(session: Session, ids: list[str]) -> list[str]:
    return [label for _, label in _existing(session, ids)]


def photo_choices(session: Session, v: dict[str, Any]) -> list[tuple[str, str]]:
    """The violation's photos that exist, as (photo id, label) for choosing the sketch photo:
    照片 n as the 笔录 numbers them, then when and where it was taken."""
    found = _existing(session, json.loads(v.get("photo_ids") or "[]"))
    return [(pid, f"照片 {n}　{label}") for n, (pid, label) in enumerate(found, start=1)]


def _officer_name(session: Session, officer_id: str) -> str:
    row = session.store.db.execute("SELECT name FROM officer WHERE id = ?", [officer_id]).fetchone()
    return str(row[0]) if row else ""


def record_section(session: Session, v: dict[str, Any], record: dict[str, Any], witness: str,
                   now: datetime) -> dict[str, Any]:
    """The 笔录 as frozen in the snapshot (call :func:`check_record` first)."""
    sketch_id = str(record.get("sketch_photo_id") or "")
    sketch = _photos(session, [sketch_id]) if sketch_id else []
    return {
        "start": cn_time(str(record["start"])), "end": cn_time(str(record.get("end") or utc_iso(now))),
        "recorder": str(record.get("recorder") or "").strip() or _officer_name(session, v["officer2_id"]),
        "present": [{k: str(p.get(k) or "").strip() for k in ("role", "name", "id_number")} for p in record.get("present") or []]
        or [{"role": "当事人", "name": v["party_name"], "id_number": v["party_id_number"]}],
        "qa": [{"q": q, "a": a} for q, a in entries(record)],
        "scene": str(record["scene"]).strip(),
        "photos": _photos(session, json.loads(v["photo_ids"] or "[]")),
        "sketch": f"现场示意图附后（{sketch[0]}拍摄）。" if sketch else "",
        "witness": witness.strip() or str(record.get("witness") or "").strip(),
    }
