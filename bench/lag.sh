#!/usr/bin/env bash
# Benchmark: kop lag over many groups and partitions, beside the Python AdminClient doing
# the same reads, same broker, same run. Usage: bench/lag.sh [GROUPS] [PARTITIONS] (100 60).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/lag.py "$KOP" "$BOOTSTRAP" "${1:-100}" "${2:-60}"
