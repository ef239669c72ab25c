#!/usr/bin/env bash
# Installs the Debian packages nnreport needs, only those that are missing.
#   scripts/setup.sh          build and run dependencies (Cairo, libpng, zlib and its minizip, FreeType, pkg-config; OpenBLAS,
#                             loaded at run time for NNREPORT_KERNEL=openblas)
#   scripts/setup.sh test     the same plus what the tests use (Chromium for the real-browser test)
set -euo pipefail

packages=(pkg-config libcairo2-dev libpng-dev zlib1g-dev libminizip-dev libfreetype-dev libopenblas0-pthread)
if [ "${1:-}" = "test" ]; then
  packages+=(chromium)
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing Debian packages: ${missing[*]}; this script needs apt-get (Debian or Ubuntu) to install them" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "setup: missing Debian packages: ${missing[*]}; run as root or install sudo, or install them yourself: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
