#!/usr/bin/env bash
# Peer benchmark: kop beside kcat and Confluent's Python client on the same data, in one
# run, each measurement on a fresh local broker, median of 3 with the order rotating.
# kcat is taken from ../shared/tools/kcat beside this repository (see that folder's
# README for the build and its runtime libraries); without it the kcat column is left out.
# Usage: bench/peer.sh [COUNT] [--big] (500000; --big adds a 1 GB publish for its memory).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
kcat="$bench_root/../shared/tools/kcat"
if [ ! -x "$kcat" ]; then
  echo "kcat: not found at ../shared/tools/kcat; measuring kop and Python only" >&2
  kcat=-
elif ! why=$("$kcat" -V 2>&1 >/dev/null); then
  echo "kcat: ../shared/tools/kcat does not start ($why); its README lists the libraries it needs; measuring kop and Python only" >&2
  kcat=-
fi
"$PYTHON" bench/peer.py "$KOP" "$bench_root/.tools/tansu/tansu" "$kcat" "${1:-500000}" "${@:2}"
