#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Check that the Flatpak manifest parses: flatpak-builder must read it without any
# warning (G_DEBUG=fatal-warnings turns warnings into a crash).
#
# Usage: check-flatpak-manifest.sh [MANIFEST]
# Exit status: 0 = ok, 1 = failed, 77 = skipped (flatpak-builder is not installed).

set -u

manifest=${1:-"$(dirname "$0")/../flatpak/io.github.shtat.Shtat.json"}

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "SKIP: flatpak-builder is not installed" >&2
  exit 77
fi

if [ ! -f "$manifest" ]; then
  echo "FAIL: no manifest at $manifest" >&2
  exit 1
fi

# flatpak-builder leaves a .flatpak-builder state directory in the current directory:
# keep it out of the source and build trees.
case $manifest in
  /*) ;;
  *) manifest="$(pwd)/$manifest" ;;
esac
workdir=$(mktemp -d "${TMPDIR:-/tmp}/shtat-flatpak-check.XXXXXX") || exit 1
trap 'rm -rf "$workdir"' EXIT
trap 'exit 1' HUP INT TERM

if ! out=$(cd "$workdir" && G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" 2>&1); then
  printf '%s\n' "$out" >&2
  echo "FAIL: flatpak-builder could not read $manifest" >&2
  exit 1
fi

case $out in
  *io.github.shtat.Shtat*) ;;
  *)
    printf '%s\n' "$out" >&2
    echo "FAIL: $manifest does not describe io.github.shtat.Shtat" >&2
    exit 1
    ;;
esac

echo "PASS: $manifest"
exit 0
