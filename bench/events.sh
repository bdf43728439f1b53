#!/usr/bin/env bash
# Benchmark: kop publish and tail against the Python confluent-kafka client, same broker,
# same run. Usage: bench/events.sh [COUNT] (default 1000000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
python=$(scripts/python-env.sh)
cargo build --quiet --release --bin kop
source scripts/local-broker.sh
"$python" bench/events.py "$root/target/release/kop" "$BOOTSTRAP" "${1:-1000000}"
