"""The map page with a real QtWebEngine view (offscreen): the page loads from local files only,
markers are in the page, clicks reach Python, user text stays text, tiles come through our
scheme, and the picker returns WGS-84."""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QUrl

from inspector_app.domain.coords import wgs84_to_gcj02
from inspector_app.domain.tiles import tile_xy
from inspector_app.maps.tiles import MBTiles
from inspector_app.services.session import Session
from inspector_app.services.units import create_unit
from inspector_app.ui.map_picker_dialog import MapPickerDialog
from inspector_app.ui.map_web import MapProfile
from inspector_app.ui.pages.map_view import MapView

pytestmark = pytest.mark.webengine
EVIL = "<img src=x onerror=alert(1)>"


def js(qtbot, widget, function: str, *args: Any) -> Any:  # type: ignore[no-untyped-def]
    """Call inspectorMap.<function> and wait for its answer."""
    box: list[Any] = []
    widget.call(function, *args, callback=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def raw_js(qtbot, widget, code: str) -> Any:  # type: ignore[no-untyped-def]
    """Run statements in the page; the last one's value comes back (through JSON, so that
    null stays None)."""
    box: list[Any] = []
    statements, _, last = code.strip().rstrip(";").rpartition(";")
    wrapped = f"{statements}; JSON.stringify({last.strip()})" if statements else f"JSON.stringify({last.strip()})"
    widget.page.runJavaScript(wrapped, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return json.loads(box[0]) if box[0] else None


@pytest.fixture
def map_view(qtbot, window) -> MapView:  # type: ignore[no-untyped-def]
    MapProfile.shared().guard.blocked.clear()
    view = window.page("map")
    assert isinstance(view, MapView)
    qtbot.waitUntil(lambda: view.map.is_ready, timeout=30000)
    qtbot.waitUntil(lambda: view.loaded.get("units", 0) > 0, timeout=10000)
    return view


def _units_with_position(session: Session) -> int:
    return int(session.store.db.execute(
        "SELECT count(*) FROM unit WHERE deleted = 0 AND lat IS NOT NULL").fetchone()[0])


def test_map_loads_offline_with_every_unit_in_the_page(qtbot, map_view: MapView, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    expected = _units_with_position(officer_session)
    assert expected > 100
    qtbot.waitUntil(lambda: js(qtbot, map_view.map, "count", "units") == expected, timeout=10000)
    assert js(qtbot, map_view.map, "count", "roads") == map_view.loaded["roads"] > 0
    assert map_view.map.page.console == []  # no script errors
    assert MapProfile.shared().guard.blocked == []  # nothing left the machine
    assert f"{expected:,}" in map_view.status.text()


@pytest.fixture
def outside_server() -> Iterator[tuple[str, list[str]]]:
    """A web server standing in for the internet; it records every request it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _try_to_leak(qtbot, widget, url: str) -> None:  # type: ignore[no-untyped-def]
    raw_js(qtbot, widget, f"window.__leak = null; var i = new Image(); i.onerror = function () {{ window.__leak = 'failed'; }};"
                          f" i.onload = function () {{ window.__leak = 'loaded'; }}; i.src = '{url}'; 1")
    qtbot.waitUntil(lambda: raw_js(qtbot, widget, "window.__leak") is not None, timeout=10000)
    assert raw_js(qtbot, widget, "window.__leak") == "failed"


def test_a_request_leaving_the_machine_never_reaches_the_network(qtbot, map_view: MapView, outside_server) -> None:  # type: ignore[no-untyped-def]
    base, hits = outside_server
    _try_to_leak(qtbot, map_view.map, f"{base}/leak.png")
    # Even a page navigated to the network is stopped by the profile's guard, and recorded.
    map_view.map.view.load(QUrl(f"{base}/leak2.html"))
    qtbot.waitUntil(lambda: any("leak2.html" in url for url in MapProfile.shared().guard.blocked), timeout=10000)
    assert hits == []


def test_a_click_on_a_marker_reaches_the_app_and_shows_the_unit(qtbot, map_view: MapView, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(map_view.map.clicked, timeout=10000) as signal:
        assert js(qtbot, map_view.map, "clickFirst", "units")
    layer, unit_id = signal.args
    name = officer_session.store.db.execute("SELECT name FROM unit WHERE id = ?", [unit_id]).fetchone()[0]
    assert layer == "units"
    assert name in map_view.detail.text()
    assert map_view.open_button.isEnabled()


def test_a_click_on_a_check_opens_it_on_the_disorders_page(qtbot, window, map_view: MapView) -> None:  # type: ignore[no-untyped-def]
    map_view.check_scope.setCurrentIndex(3)  # every check of 90 days
    qtbot.waitUntil(lambda: map_view.loaded.get("checks", 0) > 0, timeout=10000)
    with qtbot.waitSignal(map_view.map.clicked, timeout=10000) as signal:
        assert js(qtbot, map_view.map, "clickFirst", "checks")
    map_view.open_selected()
    disorders = window.pages["disorders"]
    assert window.stack.currentWidget() is disorders
    qtbot.waitUntil(lambda: disorders.current is not None and disorders.current["id"] == signal.args[1], timeout=5000)


def test_the_check_filter_changes_what_the_page_shows(qtbot, map_view: MapView) -> None:  # type: ignore[no-untyped-def]
    open_only = js(qtbot, map_view.map, "count", "checks")
    map_view.check_scope.setCurrentIndex(3)
    qtbot.waitUntil(lambda: js(qtbot, map_view.map, "count", "checks") == map_view.loaded["checks"], timeout=10000)
    assert map_view.loaded["checks"] > open_only
    map_view.toggles["checks"].setChecked(False)
    assert raw_js(qtbot, map_view.map, "inspectorMap.map.hasLayer(inspectorMap.layers.checks)") is False


def test_units_are_clustered_and_open_up_when_zoomed_in(qtbot, map_view: MapView) -> None:  # type: ignore[no-untyped-def]
    drawn = raw_js(qtbot, map_view.map, "inspectorMap.map.setView([36.665, 117.03], 12, {animate: false}); "
                                        "inspectorMap.layers.units.getLayers().length")
    assert 0 < drawn < map_view.loaded["units"] / 10
    marker = raw_js(qtbot, map_view.map, "inspectorMap.reveal('units', 0) !== null")
    assert marker is True


def test_a_unit_named_like_html_shows_as_text(qtbot, window, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    create_unit(officer_session, {"name": EVIL, "kind": "individual", "address": "济南市历下区泉城路1号",
                                  "lat": "36.6612", "lon": "117.0201"})
    view = window.page("map")
    qtbot.waitUntil(lambda: view.map.is_ready and view.loaded.get("units", 0) > 0, timeout=30000)
    index = raw_js(qtbot, view.map, f"inspectorMap.data.units.findIndex(p => p[4] === {json.dumps(EVIL)})")
    assert index >= 0
    shown = raw_js(qtbot, view.map, f"""var m = inspectorMap.reveal('units', {index}); m.openTooltip();
        var tip = document.querySelector('.leaflet-tooltip');
        [tip.textContent, tip.children.length, document.querySelectorAll('img[src="x"]').length]""")
    assert shown == [EVIL, 1, 0]  # one <span>, its text set as text
    unit_id = officer_session.store.db.execute("SELECT id FROM unit WHERE name = ?", [EVIL]).fetchone()[0]
    view._clicked("units", unit_id)
    assert EVIL in view.detail.text()  # a plain-text label


def test_tiles_come_from_the_profile_cache_through_the_app_scheme(qtbot, window, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    png = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 240)).save(png, "PNG")
    x, y = tile_xy(36.65, 117.12, 15)
    MBTiles(officer_session.store.paths.root / "tiles.mbtiles").put_many([(15, x, y, png.getvalue())])
    view = window.page("map")
    qtbot.waitUntil(lambda: view.map.is_ready, timeout=30000)
    handler = MapProfile.shared().tiles
    before = handler.served
    size = raw_js(qtbot, view.map, "0")  # page is up
    assert size == 0
    raw_js(qtbot, view.map, f"window.__tile = null; var t = new Image(); t.onload = function () {{ window.__tile = t.width; }};"
                            f" t.src = 'inspector-tile://tiles/15/{x}/{y}'; 1")
    qtbot.waitUntil(lambda: raw_js(qtbot, view.map, "window.__tile") == 256, timeout=10000)
    assert handler.served > before
    assert MapProfile.shared().guard.blocked == []


@pytest.mark.parametrize("crs", ["wgs84", "gcj02"])
def test_the_picker_returns_wgs84(qtbot, officer_session: Session, runner, crs: str) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.base_map_dialog import load_base_map, save_base_map
    from inspector_app.ui.settings import AppSettings

    settings = AppSettings(officer_session.store.paths.settings)
    save_base_map(settings, load_base_map(settings).__class__(crs=crs))
    dialog = MapPickerDialog(officer_session, runner, start=(36.65, 117.12))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.map.is_ready, timeout=30000)
    drawn = wgs84_to_gcj02(36.6612, 117.0201) if crs == "gcj02" else (36.6612, 117.0201)
    with qtbot.waitSignal(dialog.map.picked, timeout=10000):
        raw_js(qtbot, dialog.map, f"inspectorMap.map.fire('click', {{latlng: L.latLng({drawn[0]}, {drawn[1]})}}); 1")
    lat, lon = dialog.position() or (0.0, 0.0)
    assert abs(lat - 36.6612) < 2e-5 and abs(lon - 117.0201) < 2e-5
    with qtbot.waitSignal(dialog.position_picked) as picked:
        dialog.accept()
    assert picked.args == [lat, lon]


def test_layer_tooltips_follow_the_interface_language(officer_session, zh) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from inspector_app.services.map_data import LayerQuery, map_layers
    from inspector_app.services.notice_documents import issue_document
    from inspector_app.services.violations import record_violation
    from inspector_app.ui.pages.map_view import translated_labels
    from tests.services.test_notices import ALL, _signed, _values

    placed = _values(officer_session, lat=36.6612, lon=117.0231)
    issue_document(officer_session, record_violation(officer_session, placed, ALL).ids("violation")[0], "warning",
                   _signed())
    day = date(2026, 11, 19)  # the demo's last day of patrols
    layers = map_layers(officer_session, LayerQuery(day, labels=translated_labels()))
    assert layers["tracks"] and all(t[3].endswith("的巡查轨迹") for t in layers["tracks"])
    assert layers["notices"] and all("前复查" in n[4] for n in layers["notices"])
    english = map_layers(officer_session, LayerQuery(day))
    assert all(t[3].startswith("Patrol track of ") for t in english["tracks"])
    assert all(": re-check by " in n[4] for n in english["notices"])


def test_a_missing_tile_is_fetched_while_browsing_and_kept(qtbot, window, settings, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.map_tiles import BaseMap
    from inspector_app.ui.base_map_dialog import save_base_map

    png = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 200, 180)).save(png, "PNG")
    hits: list[str] = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(png.getvalue())

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        save_base_map(settings, BaseMap(kind="custom", url=f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"))
        MapProfile.shared().guard.blocked.clear()
        view = window.page("map")
        qtbot.waitUntil(lambda: view.map.is_ready, timeout=30000)
        x, y = tile_xy(36.65, 117.12, 15)
        cache = MBTiles(officer_session.store.paths.root / "tiles.mbtiles")
        assert cache.get(15, x, y) is None
        raw_js(qtbot, view.map, f"window.__tile = null; var t = new Image(); t.onload = function () {{ window.__tile = t.width; }};"
                                f" t.src = 'inspector-tile://tiles/15/{x}/{y}'; 1")
        qtbot.waitUntil(lambda: raw_js(qtbot, view.map, "window.__tile") == 256, timeout=15000)
        assert f"/15/{x}/{y}.png" in hits and MapProfile.shared().tiles.fetched > 0
        assert cache.get(15, x, y) == png.getvalue()  # there next time, offline
        assert MapProfile.shared().guard.blocked == []  # the app fetched it; the page still reaches nothing
    finally:
        MapProfile.shared().serve(None)
        server.shutdown()


def test_the_map_counts_the_re_checks_due_as_the_notices_page_does(qtbot, window, officer_session: Session) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.notice_documents import issue_document
    from inspector_app.services.violations import record_violation
    from tests.services.test_notices import ALL, _signed, _values

    # Recorded on the 首违不罚 page: no position; its deadline (当场) is today, so it is due.
    issue_document(officer_session, record_violation(officer_session, _values(officer_session), ALL).ids("violation")[0],
                   "warning", _signed())
    notices = window.page("notices")
    # The profile may hold other due re-checks (the demo's 法制审核 cases): the map counts the same.
    counted = re.match(r"(\d+) ", notices.due.text())
    assert counted is not None and int(counted.group(1)) >= 1
    due = int(counted.group(1))
    view = window.page("map")
    qtbot.waitUntil(lambda: view.map.is_ready and view.loaded.get("units", 0) > 0, timeout=30000)
    qtbot.waitUntil(lambda: view.due_total == due, timeout=10000)
    assert f" {due} re-checks due" in view.status.text() and "no position" in view.status.text()
