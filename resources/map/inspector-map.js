/* The app's side of the map page: layers pushed in as data, clustering, clicks and picks sent
   back to Python through one QWebChannel object. User-provided text is only ever set with
   textContent, never as HTML. */
(function () {
  "use strict";
  var COLOURS = {
    ok: "#2e7d32", fail: "#c62828", none: "#9e9e9e", unsigned: "#ef6c00",
    L1: "#e53935", L2: "#8e24aa", L3: "#fb8c00", L4: "#3949ab", L5: "#00897b", L6: "#6d4c41",
    L7: "#546e7a", L8: "#d81b60", notice: "#6a1b9a", track: "#1565c0",
    visited: "#43a047", unvisited: "#e53935", road: "#9e9e9e", me: "#0d47a1"
  };
  var app = { map: null, bridge: null, layers: {}, visible: {}, pick: false, pickMarker: null, me: null };

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  app.init = function (map) {
    app.map = map;
    /* Without tiles Leaflet knows no zoom limit, and clustering refuses to work. */
    if (map.options.maxZoom === undefined) { map.setMaxZoom(19); }
    L.control.scale({ imperial: false }).addTo(map);
    if (map.attributionControl) { map.attributionControl.setPrefix("Leaflet"); }
    map.on("click", function (e) {
      if (!app.pick) { return; }
      if (app.pickMarker) { map.removeLayer(app.pickMarker); }
      app.pickMarker = L.circleMarker(e.latlng, { radius: 9, color: COLOURS.me, weight: 3 }).addTo(map);
      if (app.bridge) { app.bridge.picked(e.latlng.lat, e.latlng.lng); }
    });
    if (typeof QWebChannel !== "undefined" && typeof qt !== "undefined") {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        app.bridge = channel.objects.bridge;
        app.bridge.ready();
      });
    }
  };

  function clickHandler(layer, id) {
    return function () { if (app.bridge && !app.pick) { app.bridge.clicked(layer, id); } };
  }

  app.setPoints = function (name, points, cluster) {
    app.removeLayer(name);
    var markers = new Array(points.length);
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      var m = L.circleMarker([p[0], p[1]], { radius: 6, weight: 1, color: "#ffffff",
        fillColor: COLOURS[p[2]] || "#757575", fillOpacity: 0.9 });
      m.bindTooltip(label.bind(null, p[4]));
      m.on("click", clickHandler(name, p[3]));
      m.inspectorId = p[3];
      markers[i] = m;
    }
    var group = cluster ? L.markerClusterGroup({ chunkedLoading: true, disableClusteringAtZoom: 18,
      showCoverageOnHover: false }) : L.featureGroup();
    group.addLayers ? group.addLayers(markers) : markers.forEach(function (m) { group.addLayer(m); });
    app.layers[name] = group;
    if (app.visible[name] !== false) { group.addTo(app.map); }
    return points.length;
  };

  app.setLines = function (name, lines) {
    app.removeLayer(name);
    var group = L.featureGroup();
    lines.forEach(function (line) {
      var l = L.polyline(line[0], { color: COLOURS[line[1]] || "#555555", weight: line[1] === "track" ? 3 : 6,
        opacity: 0.8 });
      l.bindTooltip(label.bind(null, line[3]));
      l.on("click", clickHandler(name, line[2]));
      group.addLayer(l);
    });
    app.layers[name] = group;
    if (app.visible[name] !== false) { group.addTo(app.map); }
    return lines.length;
  };

  app.removeLayer = function (name) {
    if (app.layers[name]) { app.map.removeLayer(app.layers[name]); delete app.layers[name]; }
  };

  app.show = function (name, visible) {
    app.visible[name] = visible;
    var layer = app.layers[name];
    if (!layer) { return; }
    if (visible) { layer.addTo(app.map); } else { app.map.removeLayer(layer); }
  };

  app.count = function (name) {
    var layer = app.layers[name];
    return layer ? layer.getLayers().length : 0;
  };

  app.clickFirst = function (name) {  /* tests: the same path as a real click */
    var layer = app.layers[name];
    if (!layer) { return false; }
    var first = layer.getLayers()[0];
    if (first) { first.fire("click"); return true; }
    return false;
  };

  app.tooltipText = function (name, index) {
    var m = app.layers[name].getLayers()[index];
    var content = m.getTooltip().getContent();
    return (typeof content === "function" ? content(m) : content).textContent;
  };

  app.setPosition = function (lat, lon) {
    if (app.me) { app.map.removeLayer(app.me); }
    app.me = L.circleMarker([lat, lon], { radius: 8, color: "#ffffff", weight: 3, fillColor: COLOURS.me,
      fillOpacity: 1 }).addTo(app.map);
  };

  app.centerOn = function (lat, lon, zoom) { app.map.setView([lat, lon], zoom || app.map.getZoom()); };

  app.fit = function (points) { if (points.length) { app.map.fitBounds(points, { maxZoom: 17, padding: [20, 20] }); } };

  app.bounds = function () {
    var b = app.map.getBounds();
    return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast(), app.map.getZoom()];
  };

  app.setPick = function (on) {
    app.pick = on;
    app.map.getContainer().style.cursor = on ? "crosshair" : "";
  };

  window.inspectorMap = app;
})();
