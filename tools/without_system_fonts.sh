#!/usr/bin/env bash
# Run a command as on a machine without this one's fonts: an empty fontconfig configuration,
# the XDG data folders and HOME moved to an empty folder, and, where a private mount namespace
# can be had (root, or unprivileged user namespaces), an empty tmpfs over /usr/share/fonts and
# /usr/local/share/fonts so that not even a path written somewhere reaches Debian's faces.
# It checks the hiding worked (fontconfig lists no face, HanaMin is not at Debian's path)
# before it runs the command.
#
#   bash tools/without_system_fonts.sh dist/inspector-app/inspector-app smoke --data-dir DIR
set -euo pipefail

if [ -z "${HIDDEN_FONTS_NAMESPACE:-}" ] && command -v unshare >/dev/null 2>&1; then
  for how in "--mount" "--mount --map-root-user"; do
    # shellcheck disable=SC2086  # $how holds the flags, split on purpose
    if unshare $how --propagation private true 2>/dev/null; then
      HIDDEN_FONTS_NAMESPACE=1 exec unshare $how --propagation private bash "$0" "$@"
    fi
  done
fi

hidden="environment only (no private mount namespace here)"
if [ -n "${HIDDEN_FONTS_NAMESPACE:-}" ]; then
  for dir in /usr/share/fonts /usr/local/share/fonts; do
    if [ -d "$dir" ]; then mount -t tmpfs -o size=1m,mode=755 none "$dir"; fi
  done
  hidden="environment and an empty tmpfs over /usr/share/fonts, /usr/local/share/fonts"
fi

empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
mkdir -p "$empty/home" "$empty/data" "$empty/cache"
cat > "$empty/fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
EOF
export FONTCONFIG_FILE="$empty/fonts.conf" FONTCONFIG_PATH="$empty"
export XDG_DATA_HOME="$empty/data" XDG_DATA_DIRS="$empty/data" XDG_CACHE_HOME="$empty/cache"
export HOME="$empty/home"

if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list)" ]; then
  echo "without_system_fonts: fontconfig still lists faces:" >&2
  fc-list | head -3 >&2
  exit 1
fi
if [ -n "${HIDDEN_FONTS_NAMESPACE:-}" ] && [ -e /usr/share/fonts/truetype/hanazono/HanaMinA.ttf ]; then
  echo "without_system_fonts: Debian's HanaMinA.ttf is still reachable" >&2
  exit 1
fi
echo "System fonts hidden: $hidden; fontconfig lists no face."
"$@"
