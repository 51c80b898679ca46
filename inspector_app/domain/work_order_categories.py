"""The categories work orders arrive under: each a GB/T 30428 event class with its 处置时限
(working hours or working days) and reply templates. Read from
resources/catalogs/work_order_categories.json and checked against the event codes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from inspector_app.domain.catalogs import Catalogs, shipped_catalogs
from inspector_app.domain.errors import CatalogError
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.resources import resource_path
from inspector_app.domain.work_calendar import DAYS, HOURS

FILE = "work_order_categories.json"


@dataclass(frozen=True)
class OrderCategory:
    """One event class a work order can have, and how long handling it may take."""

    event_code: str
    name_zh: str  # 大类·小类 from the event-code catalog
    limit: int
    unit: str  # "hours" (working hours) or "days" (working days)
    reply_templates: tuple[str, ...]
    disorder: str | None  # the 八乱 category the event class belongs to, if any

    def limit_text(self) -> str:
        """处置时限 as officers write it: 2工作时 / 3个工作日."""
        return f"{self.limit}工作时" if self.unit == HOURS else f"{self.limit}个工作日"


@dataclass(frozen=True)
class OrderCategories:
    """Every category, by event code."""

    version: str
    items: tuple[OrderCategory, ...]
    by_code: dict[str, OrderCategory] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_code", {c.event_code: c for c in self.items})

    def get(self, code: str) -> OrderCategory:
        """The category of an event code (KeyError if unknown)."""
        return self.by_code[code]

    def codes(self) -> tuple[str, ...]:
        """Every event code, in catalog order."""
        return tuple(c.event_code for c in self.items)


def _fail(where: str, detail: str) -> CatalogError:
    return CatalogError(
        QT_TRANSLATE_NOOP("errors", "Catalog file {file}, {where}: {detail}."),
        file=FILE, where=where, detail=detail,
    )


def load_order_categories(catalogs: Catalogs, folder: Path | None = None) -> OrderCategories:
    """Read and check the categories; :class:`CatalogError` names the bad row."""
    path = (folder or resource_path("catalogs")) / FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise _fail("top level", str(exc)) from None
    events = {e.code: e for e in catalogs.event_codes}
    disorder_of = {code: d.code for d in catalogs.disorders for code in d.event_codes}
    items = []
    for index, row in enumerate(data.get("items") or [], start=1):
        code = str(row.get("event_code", ""))
        where = f"row {index} ({code})"
        if code not in events:
            raise _fail(where, "the event code is not in event_codes.json")
        limit, unit = row.get("limit"), row.get("unit")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1 or unit not in (HOURS, DAYS):
            raise _fail(where, "limit must be a whole number of 1 or more and unit 'hours' or 'days'")
        templates = row.get("reply_templates") or []
        if not all(isinstance(t, str) and t.strip() for t in templates):
            raise _fail(where, "reply_templates must be texts")
        event = events[code]
        items.append(OrderCategory(code, f"{event.major_zh}·{event.minor_zh}", limit, unit, tuple(templates),
                                   disorder_of.get(code)))
    if len({c.event_code for c in items}) != len(items):
        raise _fail("items", "an event code is listed twice")
    return OrderCategories(str(data.get("version", "")), tuple(items))


@cache
def shipped_order_categories() -> OrderCategories:
    """The shipped categories, loaded once per process."""
    return load_order_categories(shipped_catalogs())
