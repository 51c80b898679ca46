#!/usr/bin/env bash
# Checks the Debian packages the app and its tests need; installs the missing ones when run
# as root (as CI is), otherwise prints the exact command and fails.
set -euo pipefail

# Qt (xcb/EGL/GL), QtWebEngine (nss, gbm, ...), Chinese fonts for the UI and the PDFs,
# poppler/qpdf to read the PDFs back in tests, Xvfb for screenshots of real windows.
PACKAGES=(
  python3-venv
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxkbfile1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxcb-xfixes0
  libnss3 libnspr4 libgbm1 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxshmfence1
  libasound2 libpulse0
  fonts-wqy-microhei fonts-arphic-gbsn00lp fonts-hanazono
  poppler-utils poppler-data qpdf xvfb zbar-tools
)
EXTRA=("$@")   # e.g. postgresql for CI

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system_deps: not a Debian/Ubuntu system; make sure the Qt runtime libraries," \
       "a Chinese font and poppler-utils are installed." >&2
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}" "${EXTRA[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "system_deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another install (a second checkout, unattended upgrades) may hold the lock: wait for it.
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "system_deps: these Debian packages are missing:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
