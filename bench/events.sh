#!/usr/bin/env bash
# Benchmark: kop publish and tail against the Python confluent-kafka client, same broker,
# same run. Usage: bench/events.sh [COUNT] (default 1000000).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/events.py "$KOP" "$BOOTSTRAP" "${1:-1000000}"
