#!/usr/bin/env bash
# Sets everything up, starts a throwaway local broker on a free port, and runs kop's main
# job against it: `kop topics apply` with the repository's topics.toml (plan, apply, check
# that nothing is left), then `topics list` and `health`. The broker stops at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
cargo build --quiet --bin kop
kop="$root/target/debug/kop"

source "$root/scripts/local-broker.sh"
bootstrap=$BOOTSTRAP

show() {
  printf '\n$ kop %s\n' "$*"
  "$kop" "$@" || echo "(exit $?)"
}
show topics apply -b "$bootstrap" --dry-run
show topics apply -b "$bootstrap"
show topics apply -b "$bootstrap" --check
show topics list -b "$bootstrap"
show health -b "$bootstrap"
