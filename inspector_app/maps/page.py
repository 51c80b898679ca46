"""The map page, built with folium from local files only: Leaflet and supercluster from
resources/map (see tools/fetch_map_assets.sh), our layer script, Qt's qwebchannel.js, and
tiles from the app's own URL scheme. Layers are not part of the page: the app pushes them in
as data once the page is loaded (50,000 units would make a 20 MB page otherwise)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from inspector_app.domain.resources import resource_path
from inspector_app.domain.tiles import TILE_SCHEME

NEUTRAL_BACKGROUND = "#ece8df"


# Cluster bubbles: green, with a red ring when a unit inside failed its last check.
_STYLE = """html, body { margin: 0; height: 100%%; }
.leaflet-container { background: %s !important; }
.inspector-cluster { border-radius: 50%%; text-align: center; font: bold 12px sans-serif; color: #1b3a1b;
  background: rgba(129, 199, 132, 0.85); box-shadow: 0 0 0 5px rgba(129, 199, 132, 0.35); }
.inspector-cluster.has-failed { box-shadow: 0 0 0 5px rgba(229, 57, 53, 0.55); }"""


class _HandOver(MacroElement):
    """Hands the map object to our script once folium has created it."""

    _template = Template(
        "{% macro script(this, kwargs) %}window.inspectorMap.init({{ this._parent.get_name() }});{% endmacro %}"
    )


@dataclass(frozen=True)
class PageSpec:
    """What the page needs to know: where to start and whether there are tiles."""

    lat: float
    lon: float
    zoom: int = 15
    tiles: bool = False
    max_zoom: int = 18


def _asset(name: str) -> str:
    return resource_path("map", name).as_uri()


def build_page(spec: PageSpec) -> str:
    """The page's HTML (to be written to a file and loaded from it, never with setHtml)."""
    m = folium.Map(location=[spec.lat, spec.lon], zoom_start=spec.zoom, tiles=None, max_zoom=spec.max_zoom,
                   prefer_canvas=True, control_scale=False)
    # Only local files: folium's CDN defaults (jQuery, Bootstrap, awesome-markers …) are not used.
    m.default_js = [("leaflet", _asset("leaflet.js")), ("supercluster", _asset("supercluster.min.js")),
                    ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"), ("inspector", _asset("inspector-map.js"))]
    m.default_css = [("leaflet_css", _asset("leaflet.css"))]
    if spec.tiles:
        folium.TileLayer(tiles=f"{TILE_SCHEME}://tiles/{{z}}/{{x}}/{{y}}", attr="本地离线底图", name="底图",
                         max_zoom=spec.max_zoom, max_native_zoom=spec.max_zoom).add_to(m)
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(f"<style>{_STYLE % NEUTRAL_BACKGROUND}</style>"))
    _HandOver().add_to(m)
    return str(root.render())


def write_page(spec: PageSpec, folder: Path) -> Path:
    """Write the page into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "map.html"
    path.write_text(build_page(spec), encoding="utf-8")
    return path
