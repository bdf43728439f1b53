#!/usr/bin/env bash
# Benchmark: replaying dead letters with kop (with and without transactions) and with a
# hand-written Python loop, same broker, same run. Usage: bench/dlq.sh [COUNT] (100000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
python=$(scripts/python-env.sh)
cargo build --quiet --release --bin kop
source scripts/local-broker.sh
"$python" bench/dlq.py "$root/target/release/kop" "$BOOTSTRAP" "${1:-100000}"
