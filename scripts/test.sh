#!/usr/bin/env bash
# Installs what the tests need (idempotent), then runs the whole test suite: unit tests
# and the end-to-end tests against a real broker.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
cargo test --all-targets
