#!/usr/bin/env bash
# A Python virtualenv with Confluent's Python client (confluent-kafka with its Avro
# serializers; librdkafka inside its wheel), in .tools/python: the interop tests and the
# benchmarks' reference client. Idempotent; prints the python path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.tools/python"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c 'import confluent_kafka, prometheus_client' 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet 'confluent-kafka[avro,schemaregistry]==2.6.1' 'prometheus-client==0.21.1' >&2
fi
echo "$venv/bin/python"
