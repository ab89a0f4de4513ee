#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The core's layers are kept apart by include paths (src/core/meson.build). A
# quoted include is first looked for beside the including file, whatever the
# include path says, so "../storage/shtat-store.h" from norms/ would slip past
# it: the core names its headers alone, never by a path.
set -u
core=${1:?src/core}
found=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*/' "$core")
if [ -n "$found" ]; then
  echo "FAIL: headers named by a path in the core (name them alone):"
  echo "$found"
  exit 1
fi
n=$(find "$core" -name '*.[ch]' | wc -l)
echo "ok: $n files of the core name their headers alone"
