#!/usr/bin/env bash
# Benchmark: replaying dead letters with kop (with and without transactions) and with a
# hand-written Python loop, same broker, same run. Usage: bench/dlq.sh [COUNT] (100000).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/dlq.py "$KOP" "$BOOTSTRAP" "${1:-100000}"
