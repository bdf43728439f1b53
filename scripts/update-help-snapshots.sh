#!/usr/bin/env bash
# Rewrites tests/e2e/snapshots/help/ from the current command line (a test fails when a
# help text differs from its snapshot).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
KOP_UPDATE_SNAPSHOTS=1 cargo test --quiet --test e2e help::every_help_text_matches_its_snapshot
echo "tests/e2e/snapshots/help/ regenerated"
