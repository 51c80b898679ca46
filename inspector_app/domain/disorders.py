"""Rules of the 八乱 check: its status machine, the 721 disposals, repeat places.

Status machine (enforced in services):

    found ──► handling ──► rectified ──┐
                  ├──────► filed ──────┼──► verified
                  └──────► transferred ┘

Disposals (the 721 method: mostly service, some management, little enforcement):
``onsite`` 当场劝导整改 (service), ``deadline`` 限期整改 and ``notice`` 警示告知 / 首违不罚
(management), ``file`` 立案 (enforcement), ``transfer`` 移交 another department.

A repeat place is a check of the same category within 50 m of one found in the last 30 days.
"""

from __future__ import annotations

import math

from inspector_app.domain.errors import InvalidTransition
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP

FOUND, HANDLING, RECTIFIED, FILED, TRANSFERRED, VERIFIED = (
    "found", "handling", "rectified", "filed", "transferred", "verified",
)
MOVES: dict[str, frozenset[str]] = {
    FOUND: frozenset({HANDLING}),
    HANDLING: frozenset({RECTIFIED, FILED, TRANSFERRED}),
    RECTIFIED: frozenset({VERIFIED}),
    FILED: frozenset({VERIFIED}),
    TRANSFERRED: frozenset({VERIFIED}),
    VERIFIED: frozenset(),
}
STATUS_LABELS = {
    FOUND: QT_TRANSLATE_NOOP("disorders", "found"),
    HANDLING: QT_TRANSLATE_NOOP("disorders", "being handled"),
    RECTIFIED: QT_TRANSLATE_NOOP("disorders", "rectified"),
    FILED: QT_TRANSLATE_NOOP("disorders", "filed as a case"),
    TRANSFERRED: QT_TRANSLATE_NOOP("disorders", "transferred"),
    VERIFIED: QT_TRANSLATE_NOOP("disorders", "verified"),
}
DISPOSALS = {
    "onsite": QT_TRANSLATE_NOOP("disorders", "Corrected on the spot after persuasion"),
    "deadline": QT_TRANSLATE_NOOP("disorders", "Correct by a deadline"),
    "notice": QT_TRANSLATE_NOOP("disorders", "Warning notice / 首违不罚"),
    "file": QT_TRANSLATE_NOOP("disorders", "File a case (立案)"),
    "transfer": QT_TRANSLATE_NOOP("disorders", "Transfer to another department"),
}
# The 721 share each disposal counts towards.
METHOD_721 = {"onsite": "service", "deadline": "management", "notice": "management",
              "file": "enforcement", "transfer": "management"}

REPEAT_RADIUS_M = 50.0
REPEAT_DAYS = 30
CELL_M = 50.0
_M_PER_DEG = 111_320.0


def check_move(current: str, target: str) -> None:
    """Raise :class:`InvalidTransition` unless the status move is allowed."""
    if target not in MOVES.get(current, frozenset()):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP(
                "errors",
                "A check that is {current} cannot become {target}. Refresh it: its status may "
                "have changed on another device.",
            ),
            current=STATUS_LABELS.get(current, current),
            target=STATUS_LABELS.get(target, target),
        )


def cell(lat: float, lon: float) -> tuple[int, int]:
    """The 50 m grid cell of a position (x from longitude scaled at Jinan's latitude)."""
    x = lon * _M_PER_DEG * math.cos(math.radians(36.65)) / CELL_M
    y = lat * _M_PER_DEG / CELL_M
    return math.floor(x), math.floor(y)


def neighbour_cells(lat: float, lon: float) -> list[tuple[int, int]]:
    """The cell of a position and the eight around it (every point within 50 m is in one)."""
    cx, cy = cell(lat, lon)
    return [(cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
