#!/usr/bin/env bash
# Benchmark: `kop topics apply` creating N topics, then a no-op plan of the same N topics,
# side by side with the same work done by the Python confluent-kafka AdminClient, each on a
# fresh local broker. Usage: bench/topics.sh [N] (default 1000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-1000}
scripts/setup.sh >/dev/null
python=$(scripts/python-env.sh)
cargo build --quiet --release --bin kop
kop="$root/target/release/kop"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  echo '[defaults]'
  echo 'partitions = 3'
  echo 'replication_factor = 1'
  echo 'config = { "retention.ms" = "7d", "cleanup.policy" = "delete" }'
  for i in $(seq -f '%04g' 0 $((n - 1))); do echo "[topics.\"bench.$i\"]"; done
} > "$work/topics.toml"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

run_kop() (
  source scripts/local-broker.sh
  t0=$(now); "$kop" -q -F "$work/topics.toml" -b "$BOOTSTRAP" topics apply --yes --timeout 60s >/dev/null; t1=$(now)
  "$kop" -q -F "$work/topics.toml" -b "$BOOTSTRAP" topics apply --check --timeout 60s >/dev/null
  t2=$(now); "$kop" -q -F "$work/topics.toml" -b "$BOOTSTRAP" topics apply --check --timeout 60s >/dev/null; t3=$(now)
  echo "$(elapsed "$t0" "$t1") $(elapsed "$t2" "$t3")"
)

run_python() (
  source scripts/local-broker.sh
  t0=$(now); "$python" bench/topics.py "$BOOTSTRAP" bench "$n" create >/dev/null; t1=$(now)
  "$python" bench/topics.py "$BOOTSTRAP" bench "$n" plan >/dev/null
  t2=$(now); "$python" bench/topics.py "$BOOTSTRAP" bench "$n" plan >/dev/null; t3=$(now)
  echo "$(elapsed "$t0" "$t1") $(elapsed "$t2" "$t3")"
)

read -r kop_apply kop_plan <<<"$(run_kop)"
read -r py_create py_plan <<<"$(run_python)"
printf '%-44s %10s %10s\n' "$n topics (seconds, lower is better)" "kop" "python"
printf '%-44s %10s %10s\n' "apply from empty (create all)" "$kop_apply" "$py_create"
printf '%-44s %10s %10s\n' "no-op plan (metadata + configs)" "$kop_plan" "$py_plan"
echo "Whole process runs on a fresh broker each: start, connect, requests, exit. kop also plans and prints."
