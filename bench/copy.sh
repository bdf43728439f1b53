#!/usr/bin/env bash
# Benchmark: kop copy (within one cluster in transactions, to a second cluster, and Avro
# re-keyed between two registries) beside kcat piped into kcat, in one run, each
# measurement on fresh brokers. Usage: bench/copy.sh [COUNT] (500000).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/events_copy.py "$KOP" "$bench_root/.tools/tansu/tansu" "${1:-500000}" "$bench_root/../shared/tools/kcat"
