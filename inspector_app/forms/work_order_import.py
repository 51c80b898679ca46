"""Which column of a dispatcher's spreadsheet (an export of 12345 / 数字城管) holds which field
of the work-order form, and the small conversions those exports need."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

SYNONYMS: dict[str, tuple[str, ...]] = {
    "source": ("来源", "工单来源", "渠道", "source"),
    "platform_no": ("工单编号", "工单号", "案件编号", "编号", "platform_no"),
    "category": ("事件编码", "类别编码", "问题类别", "事件类别", "类别", "category"),
    "title": ("标题", "问题标题", "title"),
    "description": ("问题描述", "反映内容", "诉求内容", "内容", "description"),
    "address": ("地点", "问题地址", "发生地址", "地址", "address"),
    "lat": ("纬度", "lat"),
    "lon": ("经度", "lon"),
    "grid_code": ("网格编码", "网格", "单元网格", "grid_code"),
    "road": ("路段", "道路", "road"),
    "reporter_name": ("反映人", "来电人", "上报人", "reporter_name"),
    "reporter_phone": ("联系电话", "来电号码", "电话", "reporter_phone"),
    "reported_at": ("反映时间", "来电时间", "上报时间", "reported_at"),
    "received_at": ("派单时间", "派遣时间", "受理时间", "received_at"),
    "deadline": ("办结时限", "处置时限", "截止时间", "deadline"),
}
SOURCE_WORDS = {"12345": "hotline", "12345热线": "hotline", "市民热线": "hotline", "热线": "hotline",
                "数字城管": "dcm", "数字化城管": "dcm", "城管平台": "dcm", "随手拍": "snapshot",
                "路长": "road_chief", "路长吹哨": "road_chief", "领导交办": "leader", "交办": "leader"}


def known_headers() -> set[str]:
    """Every header name we recognise."""
    return {n for names in SYNONYMS.values() for n in names}


def suggest_mapping(headers: Sequence[str]) -> dict[str, int | None]:
    """For each field, the index of the column that looks like it (or None)."""
    cleaned = [h.strip().lower() for h in headers]
    return {field: next((cleaned.index(n.lower()) for n in names if n.lower() in cleaned), None)
            for field, names in SYNONYMS.items()}


def row_values(row: Sequence[Any], mapping: Mapping[str, int | None], default_source: str) -> dict[str, Any]:
    """Form values of one row: sources written out in Chinese become codes, an event code
    written with its name ("0504 店外经营") keeps its four digits."""
    values = {f: (row[i] if i is not None and i < len(row) else None) for f, i in mapping.items()}
    source = str(values.get("source") or "").strip()
    values["source"] = SOURCE_WORDS.get(source, source) or default_source
    code = str(values.get("category") or "").strip()
    if len(code) > 4 and code[:4].isdigit():
        values["category"] = code[:4]
    return values
