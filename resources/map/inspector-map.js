/* The app's side of the map page: layers pushed in as data, clustering, clicks and picks sent
   back to Python through one QWebChannel object. User-provided text is only ever set with
   textContent, never as HTML.

   A clustered layer keeps its points as plain arrays in a supercluster index and draws only
   what the current view needs (a few hundred markers), so 50,000 units cost little memory and
   load in well under a second. */
(function () {
  "use strict";
  var COLOURS = {
    ok: "#2e7d32", fail: "#c62828", none: "#9e9e9e", unsigned: "#ef6c00",
    L1: "#e53935", L2: "#8e24aa", L3: "#fb8c00", L4: "#3949ab", L5: "#00897b", L6: "#6d4c41",
    L7: "#546e7a", L8: "#d81b60", notice: "#6a1b9a", track: "#1565c0",
    visited: "#43a047", unvisited: "#e53935", road: "#9e9e9e", me: "#0d47a1",
    order: "#00838f", order_overdue: "#b71c1c"
  };
  var CLUSTER_UNTIL_ZOOM = 17;
  var app = { map: null, bridge: null, layers: {}, data: {}, clusters: {}, visible: {}, pick: false,
              pickMarker: null, me: null };

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  app.init = function (map) {
    app.map = map;
    /* Without tiles Leaflet knows no zoom limit. */
    if (map.options.maxZoom === undefined) { map.setMaxZoom(19); }
    L.control.scale({ imperial: false }).addTo(map);
    if (map.attributionControl) { map.attributionControl.setPrefix("Leaflet"); }
    map.on("moveend", function () { Object.keys(app.clusters).forEach(drawClusters); });
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

  function pointMarker(name, p) {
    var m = L.circleMarker([p[0], p[1]], { radius: 6, weight: 1, color: "#ffffff",
      fillColor: COLOURS[p[2]] || "#757575", fillOpacity: 0.9 });
    m.bindTooltip(label.bind(null, p[4]));
    m.on("click", clickHandler(name, p[3]));
    m.inspectorId = p[3];
    return m;
  }

  function clusterMarker(index, c) {
    var n = c.properties.point_count;
    var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
    var failed = c.properties.failed > 0;
    var div = document.createElement("div");
    div.className = "inspector-cluster" + (failed ? " has-failed" : "");
    div.style.width = div.style.height = div.style.lineHeight = size + "px";
    div.textContent = c.properties.point_count_abbreviated;
    var m = L.marker([c.geometry.coordinates[1], c.geometry.coordinates[0]], {
      icon: L.divIcon({ html: div, className: "", iconSize: [size, size] }) });
    m.on("click", function () {
      var zoom = Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), CLUSTER_UNTIL_ZOOM + 1);
      app.map.setView(m.getLatLng(), zoom);
    });
    return m;
  }

  function drawClusters(name) {
    var layer = app.layers[name], index = app.clusters[name], points = app.data[name];
    if (!layer || !index) { return; }
    layer.clearLayers();
    var b = app.map.getBounds().pad(0.2);
    var found = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
                                  Math.round(app.map.getZoom()));
    for (var i = 0; i < found.length; i++) {
      var f = found[i];
      layer.addLayer(f.properties.cluster ? clusterMarker(index, f) : pointMarker(name, points[f.properties.i]));
    }
  }

  app.setPoints = function (name, points, cluster) {
    app.removeLayer(name);
    app.data[name] = points;
    var group = L.featureGroup();
    app.layers[name] = group;
    if (cluster) {
      var features = new Array(points.length);
      for (var i = 0; i < points.length; i++) {
        features[i] = { type: "Feature", geometry: { type: "Point", coordinates: [points[i][1], points[i][0]] },
                        properties: { i: i, failed: points[i][2] === "fail" ? 1 : 0 } };
      }
      var index = new Supercluster({ radius: 60, maxZoom: CLUSTER_UNTIL_ZOOM,
        map: function (props) { return { failed: props.failed }; },
        reduce: function (acc, props) { acc.failed += props.failed; } });
      index.load(features);
      app.clusters[name] = index;
      drawClusters(name);
    } else {
      delete app.clusters[name];
      points.forEach(function (p) { group.addLayer(pointMarker(name, p)); });
    }
    if (app.visible[name] !== false) { group.addTo(app.map); }
    return points.length;
  };

  app.setPointsJson = function (name, text, cluster) { return app.setPoints(name, JSON.parse(text), cluster); };
  app.setLinesJson = function (name, text) { return app.setLines(name, JSON.parse(text)); };

  app.setLines = function (name, lines) {
    app.removeLayer(name);
    app.data[name] = lines;
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
    if (name === "tracks") { group.bringToFront(); }
    return lines.length;
  };

  app.removeLayer = function (name) {
    if (app.layers[name]) { app.map.removeLayer(app.layers[name]); delete app.layers[name]; }
    delete app.clusters[name];
    delete app.data[name];
  };

  app.show = function (name, visible) {
    app.visible[name] = visible;
    var layer = app.layers[name];
    if (!layer) { return; }
    if (visible) { layer.addTo(app.map); } else { app.map.removeLayer(layer); }
  };

  /* How many items a layer holds (clustered or not). */
  app.count = function (name) { return app.data[name] ? app.data[name].length : 0; };

  /* Tests and keyboard users: bring one item into view as its own marker and return it. */
  app.reveal = function (name, index) {
    var item = app.data[name][index];
    if (app.clusters[name]) {
      app.map.setView([item[0], item[1]], CLUSTER_UNTIL_ZOOM + 1, { animate: false });
      drawClusters(name);
    }
    var found = null;
    app.layers[name].eachLayer(function (m) { if (m.inspectorId === item[3]) { found = m; } });
    return found;
  };

  app.clickFirst = function (name) {  /* tests: the same path as a real click */
    if (!app.data[name] || !app.data[name].length) { return false; }
    var marker = app.reveal(name, 0);
    if (marker) { marker.fire("click"); return true; }
    var first = app.layers[name].getLayers()[0];
    if (first) { first.fire("click"); return true; }
    return false;
  };

  app.tooltipText = function (name, index) {
    return label(app.data[name][index][4]).textContent;
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
