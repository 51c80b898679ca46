#!/usr/bin/env bash
# Fetches the map's JavaScript and CSS from the npm registry into resources/map/ (run once;
# the files are committed so the app never needs the network). Versions are pinned here and
# recorded in resources/map/VERSIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
CLUSTER=1.5.3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null)
mkdir -p resources/map/images
tar -xzf "$work/leaflet-$LEAFLET.tgz" -C "$work"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" resources/map/
cp "$work/package/dist/images/"*.png resources/map/images/
cp "$work/package/LICENSE" resources/map/LICENSE-leaflet.txt
rm -rf "$work/package"
tar -xzf "$work/leaflet.markercluster-$CLUSTER.tgz" -C "$work"
cp "$work/package/dist/leaflet.markercluster.js" "$work/package/dist/MarkerCluster.css" \
   "$work/package/dist/MarkerCluster.Default.css" resources/map/
cp "$work/package/MIT-LICENCE.txt" resources/map/LICENSE-markercluster.txt
printf 'leaflet %s\nleaflet.markercluster %s\n' "$LEAFLET" "$CLUSTER" > resources/map/VERSIONS
echo "resources/map updated"
