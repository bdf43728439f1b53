#!/usr/bin/env bash
# Benchmark: kop publish and tail against the Python confluent-kafka client, then kop copy
# beside kcat piped into kcat (bench/copy.sh alone), in one run, each measurement on fresh
# brokers. Usage: bench/events.sh [COUNT] [COPY_COUNT] (1000000 and 500000).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/events.py "$KOP" "$bench_root/.tools/tansu/tansu" "${1:-1000000}"
echo
"$PYTHON" bench/events_copy.py "$KOP" "$bench_root/.tools/tansu/tansu" "${2:-500000}" "$bench_root/../shared/tools/kcat"
