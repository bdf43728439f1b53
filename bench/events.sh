#!/usr/bin/env bash
# Benchmark: kop publish and tail against the Python confluent-kafka client, in one run,
# each measurement on a fresh local broker. Usage: bench/events.sh [COUNT] (1000000).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/events.py "$KOP" "$bench_root/.tools/tansu/tansu" "${1:-1000000}"
