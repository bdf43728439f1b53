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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bootstrap="127.0.0.1:$port"
"$root/.tools/tansu/tansu" broker --listener-url "tcp://$bootstrap" \
  --advertised-listener-url "tcp://$bootstrap" --storage-engine memory://tansu/ --silent &
broker_pid=$!
trap 'kill "$broker_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
  "$kop" health -b "$bootstrap" --timeout 1s -q -o json >/dev/null 2>&1 && break
  sleep 0.2
done

show() {
  printf '\n$ kop %s\n' "$*"
  "$kop" "$@" || echo "(exit $?)"
}
show topics apply -b "$bootstrap" --dry-run
show topics apply -b "$bootstrap"
show topics apply -b "$bootstrap" --check
show topics list -b "$bootstrap"
show health -b "$bootstrap"
