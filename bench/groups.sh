#!/usr/bin/env bash
# Benchmark: `kop groups list` over many groups and `kop topics describe` of a wide topic,
# each as a whole process, beside the Python AdminClient doing the same reads, same broker,
# same run. Usage: bench/groups.sh [GROUPS] [PARTITIONS] (100 60).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
"$PYTHON" bench/groups.py "$KOP" "$BOOTSTRAP" "${1:-100}" "${2:-60}"
