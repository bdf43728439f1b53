#!/usr/bin/env bash
# Sets everything up, starts a throwaway local broker on a free port, and runs kop's main
# job against it with the repository's topics.toml. The broker stops when the script ends.
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
show health -b "$bootstrap"
show topics list -b "$bootstrap"
