#!/usr/bin/env bash
# Installs a built nnreport: the executable and its resource bundles (the MNIST sample, the fonts, the
# templates) in PREFIX/lib/nnreport, and PREFIX/bin/nnreport, a symbolic link to it. nnreport finds its
# bundles beside the executable it resolves to, so the clone can be deleted afterwards.
#   scripts/install.sh PREFIX [BUILD_DIR]     (BUILD_DIR: where `swift build` put nnreport; default .build/release)
set -euo pipefail
prefix=${1:?usage: scripts/install.sh PREFIX [BUILD_DIR]}
build=${2:-.build/release}
if [ ! -x "$build/nnreport" ]; then
  echo "install: $build/nnreport is not built (swift build -c release --product nnreport)" >&2
  exit 1
fi
bundles=("$build"/nnreport_*.resources)
if [ ! -d "${bundles[0]}" ]; then
  echo "install: no resource bundles (nnreport_*.resources) beside $build/nnreport" >&2
  exit 1
fi
lib="$prefix/lib/nnreport"
mkdir -p "$lib" "$prefix/bin"
rm -rf "$lib"/nnreport_*.resources  # bundles of an earlier install
install -m 755 "$build/nnreport" "$lib/nnreport"
cp -R "${bundles[@]}" "$lib/"
ln -sfn ../lib/nnreport/nnreport "$prefix/bin/nnreport"
echo "installed $prefix/bin/nnreport -> $lib/nnreport"
