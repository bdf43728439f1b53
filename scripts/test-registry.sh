#!/usr/bin/env bash
# Runs every end-to-end test that touches a Schema Registry a second time, against a real
# one: Karapace from ../shared/registry/ beside this checkout (installed into
# .tools/registry, started on free loopback ports with its own broker, stopped on every
# path, failures included). The selection is the tests whose path contains `registry` or
# `schemas` (tests/e2e/support/registry/mod.rs checks that none is missed).
# Without ../shared/registry/ (a newcomer's clone) it says so in one line and succeeds:
# the suite's own run already covered these tests against the registry double.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared="$root/../shared/registry"
if [ ! -x "$shared/install.sh" ]; then
  echo "real-registry tests: skipped, ../shared/registry/ is not beside this checkout (the registry double covered them)"
  exit 0
fi

"$shared/install.sh" .tools/registry
version=$(cat .tools/registry/VERSION)

# Two free loopback ports, picked together so they differ; a private run directory, so
# that runs in other checkouts on the same machine never meet this one.
read -r BROKER_PORT REGISTRY_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
REGISTRY_RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kop-registry.XXXXXX")
export BROKER_PORT REGISTRY_PORT REGISTRY_RUN_DIR REGISTRY_HOME=.tools/registry

stop() {
  "$shared/down.sh" >/dev/null 2>&1 || true
  rm -rf "$REGISTRY_RUN_DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

started=$("$shared/up.sh")
head -n -1 <<<"$started"
eval "$(tail -1 <<<"$started")"
echo "real-registry tests: Karapace $version at $REGISTRY_URL"
KOP_TEST_REGISTRY_URL=$REGISTRY_URL cargo test --test e2e -- registry schemas
echo "real-registry tests: passed against Karapace $version"
