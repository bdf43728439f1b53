# Sourced by the benchmarks: installs what they need, builds kop for release, starts a
# throwaway broker. Sets PYTHON (with confluent-kafka), KOP and BOOTSTRAP.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$bench_root"
scripts/setup.sh >/dev/null
PYTHON=$(scripts/python-env.sh)
cargo build --quiet --release --bin kop
KOP="$bench_root/target/release/kop"
source scripts/local-broker.sh
