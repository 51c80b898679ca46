"""Guards against Qt binding regressions that have bitten us."""

import sys

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def test_table_widget_set_item_keeps_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 decremented None's reference count in setItem; a list of a few thousand
    # star units then killed the app with "Fatal Python error: none_dealloc".
    table = QTableWidget(3000, 2)
    before = sys.getrefcount(None)
    for row in range(3000):
        table.setItem(row, 0, QTableWidgetItem("x"))
        table.setItem(row, 1, QTableWidgetItem("y"))
    assert sys.getrefcount(None) >= before - 1000  # the bug loses one per call: 6,000
