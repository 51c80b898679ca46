"""Exporting units to .xlsx (or CSV) with the headers the registry import understands, so an
exported file imports back unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.domain.progress import Progress
from inspector_app.domain.roles import Permission
from inspector_app.forms.unit_import import EXPORT_HEADERS
from inspector_app.services.session import Session


def export_units(session: Session, path: Path, progress: Progress | None = None) -> int:
    """Write every live unit to .xlsx with the headers the import understands."""
    from inspector_app.spreadsheets.xlsx import Sheet, write_workbook

    session.require(Permission.VIEW_UNITS)
    progress = progress or Progress()
    fields = [f for f in EXPORT_HEADERS if f not in ("lat", "lon")] + ["lat", "lon"]
    cursor = session.store.db.execute(
        "SELECT u.*, r.name AS road FROM unit u LEFT JOIN road_segment r ON r.id = u.road_segment_id "
        "WHERE u.deleted = 0 ORDER BY u.sort_key"
    )
    names = [d[0] for d in cursor.description]
    kinds = {"individual": "个体工商户", "enterprise": "企业", "institution": "机关事业单位",
             "organisation": "社会团体", "resident": "居民住户"}
    count = 0

    def rows() -> Any:
        nonlocal count
        for raw in cursor:
            record = dict(zip(names, raw, strict=True))
            record["kind"] = kinds.get(record["kind"], record["kind"])
            for flag in ("agreement_signed", "awareness"):
                record[flag] = "是" if record[flag] else "否"
            count += 1
            if count % 2000 == 0:
                progress.check()
                progress.update(count, 0, "export")
            yield [record.get(f) for f in fields]

    write_workbook(Path(path), [Sheet("责任单位", [EXPORT_HEADERS[f] for f in fields], rows())])
    return count
