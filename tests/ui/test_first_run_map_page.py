"""The first-run wizard's offline-map page: estimate for the squad's area, download with
progress into the profile's cache, settings kept; skipping is always possible."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from inspector_app.maps.tiles import MBTiles
from inspector_app.services.map_tiles import BaseMap
from inspector_app.services.session import Session
from inspector_app.ui.base_map_dialog import load_base_map
from inspector_app.ui.first_run_map_page import MapTilesPage
from inspector_app.ui.settings import AppSettings
from tests.services.test_map_tiles import TileServer

_open: list[QWizard] = []


def _page(qtbot, runner, session: Session) -> MapTilesPage:  # type: ignore[no-untyped-def]
    wizard = QWizard()
    qtbot.addWidget(wizard)
    page = MapTilesPage(runner, lambda: session, -1)
    wizard.addPage(page)
    wizard.show()
    _open.append(wizard)  # the wizard owns the page: keep it alive
    return page


def test_the_squads_area_is_estimated_and_downloaded(qtbot, runner, officer_session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    server = TileServer()
    try:
        page = _page(qtbot, runner, officer_session)
        page.max_zoom.setValue(14)
        assert page.download.isEnabled() and "MB" in page.estimate.text()
        monkeypatch.setattr(page, "base_map", lambda: BaseMap(kind="custom", url=server.url))
        page.start()
        stored = MBTiles(officer_session.store.paths.root / "tiles.mbtiles").count()
        assert stored > 0 and stored == len(server.hits)
        assert str(stored) in page.status.text()
        assert load_base_map(AppSettings(officer_session.store.paths.settings)).url == server.url
        assert page.validatePage()
    finally:
        server.server.shutdown()


def test_a_missing_key_is_explained_and_the_page_can_be_skipped(qtbot, runner, officer_session: Session, zh) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, runner, officer_session)
    page.kind.setCurrentIndex(page.kind.findData("tianditu"))
    page.key.clear()
    page.start()
    assert "密钥" in page.status.text()
    assert MBTiles(officer_session.store.paths.root / "tiles.mbtiles").count() == 0
    assert page.validatePage()


