# Sourced by the demo and the benchmarks: starts a throwaway Tansu broker (memory storage)
# on a free loopback port, waits until it accepts connections, exports BOOTSTRAP, and stops
# it when the sourcing shell exits.
local_broker_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BOOTSTRAP="127.0.0.1:$port"
"$local_broker_root/.tools/tansu/tansu" broker --listener-url "tcp://$BOOTSTRAP" \
  --advertised-listener-url "tcp://$BOOTSTRAP" --storage-engine memory://tansu/ --silent &
local_broker_broker_pid=$!
trap 'kill "$local_broker_broker_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export BOOTSTRAP
