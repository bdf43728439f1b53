#!/usr/bin/env bash
# Benchmark: kop lag over many groups and partitions, beside the Python AdminClient doing
# the same reads, same broker, same run. Usage: bench/lag.sh [GROUPS] [PARTITIONS] (100 60).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
python=$(scripts/python-env.sh)
cargo build --quiet --release --bin kop
source scripts/local-broker.sh
"$python" bench/lag.py "$root/target/release/kop" "$BOOTSTRAP" "${1:-100}" "${2:-60}"
