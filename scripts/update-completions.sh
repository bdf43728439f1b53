#!/usr/bin/env bash
# Regenerates completions/ from the clap model (a test fails when they are stale).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --quiet --bin kop
kop=target/debug/kop
mkdir -p completions
"$kop" completions bash > completions/kop.bash
"$kop" completions zsh > completions/_kop
"$kop" completions fish > completions/kop.fish
"$kop" completions powershell > completions/_kop.ps1
"$kop" completions elvish > completions/kop.elv
echo "completions/ regenerated"
