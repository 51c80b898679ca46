"""The map page: units, roads coloured by the day's coverage, the day's tracks, 八乱 checks and
notices waiting for re-check, on an offline base map. Layers are pushed into the loaded page
as data; a click shows the item beside the map and can open it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.changes import Changes
from inspector_app.domain.disorders import STATUS_LABELS
from inspector_app.domain.i18n import QT_TRANSLATE_NOOP
from inspector_app.domain.roles import Permission
from inspector_app.services.map_data import (
    LAYERS,
    LayerLabels,
    LayerQuery,
    MapOptions,
    check_layer,
    day_layers,
    describe,
    map_layers,
    map_page,
    road_centres,
)
from inspector_app.services.map_tiles import page_tiles
from inspector_app.services.patrols import current_patrol, patrol_position
from inspector_app.services.type_ahead import typeahead_text
from inspector_app.services.violations import violation_rechecks_due
from inspector_app.ui.base_map_dialog import BaseMapDialog, load_base_map
from inspector_app.ui.context import Page, PageContext
from inspector_app.ui.errors import show_error
from inspector_app.ui.flow_layout import FlowLayout
from inspector_app.ui.i18n import tr_text
from inspector_app.ui.icons import icon
from inspector_app.ui.map_web import MapProfile
from inspector_app.ui.map_widget import MapWidget, encode_layer
from inspector_app.ui.tile_download_dialog import TileDownloadDialog
from inspector_app.ui.type_ahead import SEARCH_ROLE, combo_type_ahead

LAYER_TITLES = {
    "units": QT_TRANSLATE_NOOP("MapView", "Units"),
    "roads": QT_TRANSLATE_NOOP("MapView", "Road coverage"),
    "tracks": QT_TRANSLATE_NOOP("MapView", "Patrol tracks"),
    "checks": QT_TRANSLATE_NOOP("MapView", "八乱"),
    "notices": QT_TRANSLATE_NOOP("MapView", "Re-checks due"),
    "orders": QT_TRANSLATE_NOOP("MapView", "Work orders"),
}
FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("MapView", "Name"),
    "address": QT_TRANSLATE_NOOP("MapView", "Address"),
    "road": QT_TRANSLATE_NOOP("MapView", "Road"),
    "contact": QT_TRANSLATE_NOOP("MapView", "Contact"),
    "agreement": QT_TRANSLATE_NOOP("MapView", "责任书 signed"),
    "stars": QT_TRANSLATE_NOOP("MapView", "Stars"),
    "last_inspection": QT_TRANSLATE_NOOP("MapView", "Last inspection"),
    "category": QT_TRANSLATE_NOOP("MapView", "Category"),
    "status": QT_TRANSLATE_NOOP("MapView", "Status"),
    "description": QT_TRANSLATE_NOOP("MapView", "Description"),
    "found_at": QT_TRANSLATE_NOOP("MapView", "Found at"),
    "deadline": QT_TRANSLATE_NOOP("MapView", "Deadline"),
    "party": QT_TRANSLATE_NOOP("MapView", "Party"),
    "item": QT_TRANSLATE_NOOP("MapView", "Item"),
    "number": QT_TRANSLATE_NOOP("MapView", "Number"),
    "street": QT_TRANSLATE_NOOP("MapView", "Street"),
    "length": QT_TRANSLATE_NOOP("MapView", "Length"),
    "officer": QT_TRANSLATE_NOOP("MapView", "Officer"),
    "date": QT_TRANSLATE_NOOP("MapView", "Date"),
}
VALUE_TITLES = {
    "yes": QT_TRANSLATE_NOOP("MapView", "yes"),
    "no": QT_TRANSLATE_NOOP("MapView", "no"),
    "ok": QT_TRANSLATE_NOOP("MapView", "passed"),
    "fail": QT_TRANSLATE_NOOP("MapView", "failed"),
    "open": QT_TRANSLATE_NOOP("MapView", "waiting for re-check"),
    "rectified": QT_TRANSLATE_NOOP("MapView", "rectified"),
    "case": QT_TRANSLATE_NOOP("MapView", "case filed"),
    "closed": QT_TRANSLATE_NOOP("MapView", "closed"),
    "ended": QT_TRANSLATE_NOOP("MapView", "ended"),
    "submitted": QT_TRANSLATE_NOOP("MapView", "submitted"),
    "approved": QT_TRANSLATE_NOOP("MapView", "approved"),
    "returned": QT_TRANSLATE_NOOP("MapView", "returned"),
    "resubmitted": QT_TRANSLATE_NOOP("MapView", "resubmitted"),
}
LEGEND = (
    ("#2e7d32", QT_TRANSLATE_NOOP("MapView", "last check passed")),
    ("#c62828", QT_TRANSLATE_NOOP("MapView", "last check failed")),
    ("#9e9e9e", QT_TRANSLATE_NOOP("MapView", "not checked")),
    ("#ef6c00", QT_TRANSLATE_NOOP("MapView", "no 责任书")),
    ("#43a047", QT_TRANSLATE_NOOP("MapView", "road visited")),
    ("#e53935", QT_TRANSLATE_NOOP("MapView", "road not visited")),
    ("#1565c0", QT_TRANSLATE_NOOP("MapView", "track")),
    ("#6a1b9a", QT_TRANSLATE_NOOP("MapView", "re-check due")),
    ("#00838f", QT_TRANSLATE_NOOP("MapView", "work order")),
    ("#b71c1c", QT_TRANSLATE_NOOP("MapView", "work order overdue")),
)


CLUSTER_ABOVE = 300  # points; fewer are drawn one by one


def translated_labels() -> LayerLabels:
    """The layers' tooltip templates in the interface language."""
    return LayerLabels(*(tr_text(template, "map") for template in (LayerLabels.notice, LayerLabels.track)))


def _fetch_encoded(fetch: Any, session: Any, query: LayerQuery) -> dict[str, tuple[int, str]]:
    """Runs in the worker: the layers, already encoded for the page (no big JSON on the UI thread)."""
    return {name: (len(items), encode_layer(items)) for name, items in fetch(session, query).items()}


class MapView(Page):
    """The map page."""

    shows = ("unit", "frontage_inspection", "disorder_check", "violation", "patrol", "work_order")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.session = ctx.session
        self.base = load_base_map(ctx.settings)
        self.loaded: dict[str, int] = {}
        self.due_total = 0  # re-checks due, placed or not
        self.selected: tuple[str, str] | None = None
        self.map = MapWidget()
        self.map.ready.connect(self.reload_layers)
        self.map.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self._legend())
        split = QSplitter()
        split.addWidget(self.map)
        split.addWidget(self._build_panel())
        split.setStretchFactor(0, 1)
        split.setSizes([900, 260])
        layout.addWidget(split, 1)
        self.status = QLabel(self.tr("Loading the map…"))
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reload_layers)
        self._started = False

    def _build_toolbar(self) -> QWidget:
        # Wraps: in English the row is 1300 px wide and the field laptops' screens are 1024.
        widget = QWidget()
        bar = self.toolbar = FlowLayout(widget)
        self.toggles: dict[str, QCheckBox] = {}
        for name in LAYERS:
            box = QCheckBox(tr_text(LAYER_TITLES[name], "MapView"))
            box.setChecked(True)
            box.toggled.connect(lambda on, n=name: self.map.show_layer(n, on))
            self.toggles[name] = box
            bar.addWidget(box)
        today = self.session.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(self.tr("Day of the tracks and road coverage"))
        self.day.dateChanged.connect(lambda _d: self._reload(day_layers))
        bar.addWidget(self.day)
        self.check_scope = QComboBox()
        for days, label in ((0, self.tr("Open 八乱 checks")), (7, self.tr("All checks, 7 days")),
                            (30, self.tr("All checks, 30 days")), (90, self.tr("All checks, 90 days"))):
            self.check_scope.addItem(label, days)
        self.check_scope.currentIndexChanged.connect(lambda _i: self._reload(check_layer))
        bar.addWidget(self.check_scope)
        self.me = QPushButton(icon("fa5s.crosshairs"), self.tr("My position"))
        self.me.clicked.connect(self.show_my_position)
        bar.addWidget(self.me)
        self.roads = QComboBox()
        self.roads.setMinimumWidth(140)
        self.roads.setToolTip(self.tr("Centre on a road"))
        self.roads.activated.connect(self._centre_on_road)
        bar.addWidget(self.roads)
        self.download = QPushButton(icon("fa5s.download"), self.tr("Download area…"))
        self.download.clicked.connect(self.download_area)
        bar.addWidget(self.download)
        base = QPushButton(icon("fa5s.layer-group"), self.tr("Base map…"))
        base.clicked.connect(self.edit_base_map)
        bar.addWidget(base)
        return widget

    def _legend(self) -> QLabel:
        parts = [f'<span style="color:{colour}">●</span> {tr_text(text, "MapView")}' for colour, text in LEGEND]
        legend = QLabel("&nbsp;&nbsp;".join(parts))
        legend.setTextFormat(Qt.TextFormat.RichText)  # fixed texts only, never user data
        legend.setWordWrap(True)
        return legend

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        self.detail = QLabel(self.tr("Click a marker, a road or a track to see it here."))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.detail, 1)
        self.open_button = QPushButton(icon("fa5s.external-link-alt"), self.tr("Open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        column.addWidget(self.open_button)
        return panel

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.load()

    def load(self) -> None:
        """Write the page (off the UI thread) and load it."""
        self.base = load_base_map(self.ctx.settings)
        MapProfile.shared().serve(None)
        self.ctx.runner.run(self._prepare, on_done=self._page_written, on_error=lambda e: show_error(self, e))

    def _prepare(self) -> tuple[Any, list[tuple[str, float, float, str]], tuple[Any, Any]]:
        tiles = page_tiles(self.session, self.base)
        # Each road with what type-ahead matches (name, pinyin, initials: qcl → 泉城路).
        roads = [(name, lat, lon, typeahead_text(name))
                 for name, lat, lon in road_centres(self.session, MapOptions(self.base.crs))]
        return map_page(self.session, self.base), roads, tiles

    def _page_written(self, result: tuple[Any, list[tuple[str, float, float, str]], tuple[Any, Any]]) -> None:
        path, roads, tiles = result
        MapProfile.shared().serve(*tiles)
        self.roads.clear()
        self.roads.addItem(self.tr("Centre on a road…"), None)
        for name, lat, lon, keys in roads:
            self.roads.addItem(name, (lat, lon))
            self.roads.setItemData(self.roads.count() - 1, keys, SEARCH_ROLE)
        combo_type_ahead(self.roads)
        self.map.load(path)

    def query(self) -> LayerQuery:
        return LayerQuery(self.day.date().toPython(), int(self.check_scope.currentData() or 0), self.base.crs,  # type: ignore[arg-type]
                          translated_labels())

    def reload_layers(self) -> None:
        """Fetch every layer off the UI thread and push it into the page."""
        self._reload(map_layers)
        if self.map.is_ready:  # counted as the 首违不罚 page counts them, placed or not
            self.ctx.runner.run(violation_rechecks_due, self.session, on_done=self._due,
                                on_error=lambda e: show_error(self, e))

    def _due(self, rows: list[dict[str, Any]]) -> None:
        self.due_total = len(rows)
        self._show_counts()

    def _reload(self, fetch: Any) -> None:
        if not self.map.is_ready:
            return
        self.status.setText(self.tr("Loading the layers…"))
        self.ctx.runner.run(_fetch_encoded, fetch, self.session, self.query(), on_done=self._push,
                            on_error=lambda e: show_error(self, e))

    def _push(self, layers: dict[str, tuple[int, str]]) -> None:
        for name, (count, payload) in layers.items():
            if name in ("roads", "tracks"):
                self.map.set_lines(name, payload)
            else:
                self.map.set_points(name, payload, cluster=name == "units" or count > CLUSTER_ABOVE)
            self.map.show_layer(name, self.toggles[name].isChecked())
            self.loaded[name] = count
        self._show_counts()

    def _show_counts(self) -> None:
        n = self.loaded
        if not n.get("units"):
            self.status.setText(self.tr("No unit has a position yet: add one in a unit's form (type it, use your "
                                        "position or pick it on the map)."))
            return
        due = max(self.due_total, n.get("notices", 0))
        unplaced = due - n.get("notices", 0)
        self.status.setText(self.tr("{units} units · {checks} 八乱 checks · {notices} re-checks due · "
                                    "{tracks} tracks on {day}").format(
            units=f"{n.get('units', 0):,}", checks=n.get("checks", 0), notices=due,
            tracks=n.get("tracks", 0), day=self.day.date().toString("yyyy-MM-dd"))
            + (self.tr(" ({n} re-checks due have no position on the map)").format(n=unplaced) if unplaced else ""))

    def _clicked(self, layer: str, item_id: str) -> None:
        lines = describe(self.session, layer, item_id)  # one row by primary key
        self.selected = (layer, item_id) if lines else None
        text = "\n".join(f"{tr_text(FIELD_TITLES.get(k, k), 'MapView')}: {self._value(layer, k, v)}" for k, v in lines if v)
        self.detail.setText(f"{tr_text(LAYER_TITLES.get(layer, layer), 'MapView')}\n\n{text}")
        self.open_button.setEnabled(self._can_open())

    @staticmethod
    def _value(layer: str, key: str, value: str) -> str:
        """Codes in a record shown in words (user text stays as it is)."""
        if key == "status" and layer == "checks":
            return tr_text(STATUS_LABELS.get(value, value), "disorders")
        if key in ("agreement", "status"):
            return tr_text(VALUE_TITLES.get(value, value), "MapView")
        if key == "last_inspection":
            day, _, result = value.partition(" ")
            return f"{day} {tr_text(VALUE_TITLES.get(result, result), 'MapView')}"
        return value

    def _can_open(self) -> bool:
        if self.selected is None:
            return False
        layer = self.selected[0]
        if layer == "units":
            return self.session.can(Permission.EDIT_UNITS)
        return layer in ("checks", "notices", "orders")

    def open_selected(self) -> None:
        """Open the clicked unit in its form, or the check or notice on its own page."""
        if self.selected is None:
            return
        layer, item_id = self.selected
        if layer == "units":
            from inspector_app.ui.unit_dialog import UnitDialog

            dialog = UnitDialog(self.session, self.ctx.runner, unit_id=item_id, parent=self)
            if dialog.exec() and dialog.changes:
                self.ctx.events.publish(dialog.changes)
            return
        page = {"checks": "disorders", "orders": "work_orders"}.get(layer, "notices")
        self.ctx.events.open_record.emit(page, item_id)

    def show_my_position(self) -> None:
        """Centre on the latest position of the open patrol."""
        patrol = current_patrol(self.session)
        position = patrol_position(self.session, patrol["id"]) if patrol else None
        if position is None:
            self.status.setText(self.tr("No position yet: start a patrol with GPS, or type a position on the "
                                        "patrol page."))
            return
        lat, lon = MapOptions(self.base.crs).out(*position)
        self.map.set_position(lat, lon)
        self.map.center_on(lat, lon, 17)

    def _centre_on_road(self, index: int) -> None:
        where = self.roads.itemData(index)
        if where:
            self.map.center_on(where[0], where[1], 17)

    def download_area(self) -> None:
        """Download the visible area's tiles (after asking for the zoom range)."""
        def got(bounds: Any) -> None:
            if not bounds:
                return
            south, west, north, east, zoom = bounds
            dialog = TileDownloadDialog(self.ctx.runner, self.session.store.paths.root, self.base,
                                        (south, west, north, east), int(zoom), self)
            dialog.exec()
            if dialog.result_value and dialog.result_value.fetched:
                self._started = True
                self.load()
        self.map.bounds(got)

    def edit_base_map(self) -> None:
        if BaseMapDialog(self.ctx.settings, self).exec():
            self.load()

    def on_changes(self, changes: Changes) -> None:
        if self.map.is_ready and any(changes.touches(t) for t in
                                     ("unit", "frontage_inspection", "disorder_check", "violation", "patrol",
                                      "work_order")):
            self.reload_layers()

    def shortcut_help(self) -> list[str]:
        return [self.tr("Map: Ctrl+R reloads the layers")]
