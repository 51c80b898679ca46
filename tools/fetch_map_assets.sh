#!/usr/bin/env bash
# Fetches the map's JavaScript and CSS from the npm registry into resources/map/ (run once;
# the files are committed so the app never needs the network). Versions are pinned here and
# recorded in resources/map/VERSIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
CLUSTER=8.0.1  # supercluster: a KD-tree clusterer, light enough for 50,000+ points
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "supercluster@$CLUSTER" >/dev/null)
mkdir -p resources/map/images
tar -xzf "$work/leaflet-$LEAFLET.tgz" -C "$work"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" resources/map/
cp "$work/package/dist/images/"*.png resources/map/images/
cp "$work/package/LICENSE" resources/map/LICENSE-leaflet.txt
rm -rf "$work/package"
tar -xzf "$work/supercluster-$CLUSTER.tgz" -C "$work"
cp "$work/package/dist/supercluster.min.js" resources/map/
cp "$work/package/LICENSE" resources/map/LICENSE-supercluster.txt
printf 'leaflet %s\nsupercluster %s\n' "$LEAFLET" "$CLUSTER" > resources/map/VERSIONS
echo "resources/map updated"
