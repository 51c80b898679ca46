"""A unit's history for its pane: inspections, 八乱 checks and violations with their notices."""

from __future__ import annotations

from typing import Any

import sqlite_utils


def unit_history(db: sqlite_utils.Database, unit_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """(at, kind, …) rows of everything recorded about a unit, newest first. ``kind`` is
    "inspection" (compliant, failed_duties, score), "check" (category, status, description)
    or "violation" (item_code, status, decision, number of its notice)."""
    rows = db.execute(
        """
        SELECT inspected_at AS at, 'inspection' AS kind, id, compliant, failed_duties, score,
               NULL AS category, review_status AS status, NULL AS detail, NULL AS number
          FROM frontage_inspection WHERE unit_id = :unit AND deleted = 0 AND coalesce(superseded, 0) = 0
        UNION ALL
        SELECT found_at, 'check', id, NULL, NULL, NULL, category, status, description, NULL
          FROM disorder_check WHERE unit_id = :unit AND deleted = 0
        UNION ALL
        SELECT v.occurred_at, 'violation', v.id, NULL, NULL, NULL, v.item_code, v.status, v.decision,
               (SELECT d.number FROM document d WHERE d.violation_id = v.id AND d.deleted = 0
                  AND d.doc_type IN ('warning', 'rectify_order') ORDER BY d.issued_at DESC LIMIT 1)
          FROM violation v WHERE v.unit_id = :unit AND v.deleted = 0
        ORDER BY at DESC LIMIT :limit
        """,
        {"unit": unit_id, "limit": int(limit)},
    )
    names = [d[0] for d in rows.description]
    return [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
