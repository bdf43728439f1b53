"""Benchmark: kop copy beside kcat piped into kcat, in one run.

    events_copy.py KOP TANSU COUNT KCAT

Seeds COUNT events of about 200 bytes (keyed, with a header) into a fresh 6-partition
topic with kop publish, then copies them to a fresh 6-partition topic and times each copy
as a whole process (start, connect, read to the end, produce, acknowledge, commit, exit):

- kop copy within one cluster: transactions, each batch committed with the cursor
- kop copy to a second broker (--to-cluster): at least once, the cursor committed after
  every batch is acknowledged
- kop copy of the same events as Avro to a second broker and registry: every schema id
  rewritten for the target registry
- kcat -C ... | kcat -P ...: the usual shell pipe, values only (no keys, no headers, no
  timestamps, no cursor) with librdkafka's defaults (acks=all, not idempotent); then
  keeping the keys (-K) with an idempotent producer, as kop's, within one cluster and to
  a second broker

kcat's consumer gets the fetch timers its README recommends for a reader that stops at
the end (fetch.wait.max.ms=10, fetch.queue.backoff.ms=10). Each copy is checked by
counting the target. Every measurement runs on fresh brokers (an in-memory broker slows
as it fills).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from confluent_kafka import Consumer, KafkaError, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

kop, tansu, count, kcat = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp()
events_file = os.path.join(work, "events.ndjson")
brokers = []


def start_broker():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"127.0.0.1:{port}"
    process = subprocess.Popen([tansu, "broker", "--listener-url", f"tcp://{address}", "--advertised-listener-url",
                                f"tcp://{address}", "--storage-engine", "memory://tansu/", "--silent"])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    brokers.append(process)
    return address


def stop_brokers():
    while brokers:
        b = brokers.pop()
        b.kill()
        b.wait()


def topic(bootstrap, name):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    for f in admin.create_topics([NewTopic(name, 6, 1)]).values():
        f.result()
    return name


def start_registry():
    registry = subprocess.Popen([sys.executable, os.path.join(here, "registry.py")], stdout=subprocess.PIPE)
    return registry, f"http://127.0.0.1:{registry.stdout.readline().decode().strip()}"


SCHEMA = json.dumps({
    "type": "record", "name": "ChildRegistered", "namespace": "bench",
    "fields": [
        {"name": "event_type", "type": "string"}, {"name": "child_id", "type": "string"},
        {"name": "parent_id", "type": "string"}, {"name": "name", "type": "string"},
        {"name": "age", "type": "int"},
        {"name": "registered_at", "type": "string"}, {"name": "seq", "type": "long"},
    ],
})
schema_file = os.path.join(work, "event.avsc")
with open(schema_file, "w") as f:
    f.write(SCHEMA)
with open(events_file, "w") as f:
    for i in range(count):
        f.write(json.dumps({
            "event_type": "child.registered", "child_id": f"7f0c2a1e-0b7d-4c55-9d2c-{i:012d}",
            "parent_id": "b1c2d3e4-0000-4000-8000-000000000001", "name": "Emma", "age": 7,
            "registered_at": "2025-01-14T09:12:03Z", "seq": i,
        }) + "\n")


def run(cmd, shell=False):
    start = time.perf_counter()
    done = subprocess.run(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{cmd if shell else cmd[0]} failed: {done.stderr.decode()}")
    return seconds


def seed(bootstrap, name, avro_registry=None):
    cmd = [kop, "publish", topic(bootstrap, name), "-b", bootstrap, "--file", events_file, "--key-field", "child_id",
           "-H", "source=bench", "-q"]
    if avro_registry:
        cmd += ["--format", "avro", "--schema-file", schema_file, "--registry", avro_registry]
    run(cmd)


def counted(bootstrap, name):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "bench-count", "enable.auto.commit": False,
                         "enable.partition.eof": True, "fetch.wait.max.ms": 10})
    partitions = consumer.list_topics(name).topics[name].partitions
    consumer.assign([TopicPartition(name, p, OFFSET_BEGINNING) for p in partitions])
    seen, ended = 0, set()
    while len(ended) < len(partitions):
        for m in consumer.consume(10000, 5.0):
            if m.error():
                if m.error().code() == KafkaError._PARTITION_EOF:
                    ended.add(m.partition())
                continue
            seen += 1
    consumer.close()
    return seen


def profile(bootstrap, registry=None):
    path = os.path.join(work, "topics.toml")
    with open(path, "w") as f:
        f.write(f'[clusters.target]\nbootstrap = "{bootstrap}"\n')
        if registry:
            f.write(f'schema_registry = "{registry}"\n')
    return path


def measure(name, setup, copy, check_count=True):
    """Fresh brokers; `setup` seeds and returns (copy args, where to count); times `copy`."""
    stop_brokers()
    args, target = setup()
    seconds = copy(args)
    if check_count:
        got = counted(*target)
        if got < count:
            sys.exit(f"{name}: {got} of {count} events on the target")
    stop_brokers()
    return seconds


def same_cluster():
    b = start_broker()
    seed(b, "src")
    topic(b, "dst")
    return [kop, "copy", "src", "dst", "-b", b, "-q"], (b, "dst")


def other_cluster():
    a, b = start_broker(), start_broker()
    seed(a, "src")
    topic(b, "dst")
    return [kop, "copy", "src", "dst", "-b", a, "-F", profile(b), "--to-cluster", "target", "-q"], (b, "dst")


registries = []


def avro_other_cluster():
    source, source_url = start_registry()
    target, target_url = start_registry()
    registries.extend([source, target])
    # The target registry holds a schema of its own first: the ids differ.
    other = json.dumps({"schema": json.dumps({"type": "record", "name": "Other", "fields": []})}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{target_url}/subjects/other-value/versions", data=other,
                                                  headers={"Content-Type": "application/json"})).read()
    a, b = start_broker(), start_broker()
    seed(a, "src", source_url)
    topic(b, "dst")
    return [kop, "copy", "src", "dst", "-b", a, "--registry", source_url, "-F", profile(b, target_url),
            "--to-cluster", "target", "-q"], (b, "dst")


def kcat_pipe(keys, idempotent, second_broker):
    def setup():
        a = start_broker()
        b = start_broker() if second_broker else a
        seed(a, "src")
        topic(b, "dst")
        k = "-K '\\t'" if keys else ""
        consume = (f"{kcat} -C -b {a} -t src -o beginning -e -q {k} "
                   "-X fetch.wait.max.ms=10 -X fetch.queue.backoff.ms=10")
        produce = f"{kcat} -P -b {b} -t dst {k}"
        if idempotent:
            produce += " -X enable.idempotence=true -X partitioner=murmur2_random"
        return f"{consume} | {produce}", (b, "dst")
    return setup


def kop_copy(args):
    return run(args)


def shell(cmd):
    return run(cmd, shell=True)


# kcat's consumer is given two fetch timers below; kop is measured as it comes and with
# the same two timers, since librdkafka's 1 s fetch.queue.backoff.ms stalls any reader
# whose local queue fills while a slower producer catches up.
TIMERS = ["-X", "fetch.wait.max.ms=10", "-X", "fetch.queue.backoff.ms=10"]


def with_timers(setup):
    def tuned():
        args, target = setup()
        return args + TIMERS, target
    return tuned


results = [
    ("kop copy, one cluster (transactions)", measure("same", same_cluster, kop_copy)),
    ("  the same, kcat's fetch timers", measure("same-t", with_timers(same_cluster), kop_copy)),
    ("kop copy --to-cluster (at least once)", measure("other", other_cluster, kop_copy)),
    ("  the same, kcat's fetch timers", measure("other-t", with_timers(other_cluster), kop_copy)),
    ("kop copy --to-cluster, Avro re-keyed", measure("avro", avro_other_cluster, kop_copy)),
    ("  the same, kcat's fetch timers", measure("avro-t", with_timers(avro_other_cluster), kop_copy)),
]
for r in registries:
    r.kill()
if os.access(kcat, os.X_OK):
    results.append(("kcat -C | kcat -P, values only", measure("kcat", kcat_pipe(False, False, False), shell)))
    results.append(("kcat -C -K | kcat -P -K, idempotent", measure("kcat-k", kcat_pipe(True, True, False), shell)))
    results.append(("the same to a second broker", measure("kcat-2", kcat_pipe(True, True, True), shell)))
else:
    print(f"kcat is absent ({kcat}): no peer figures this run")

size = os.path.getsize(events_file) // count
print(f"{count} events of {size} bytes (JSON; Avro about half), 6 partitions, fresh local brokers for each measurement")
print(f"{'':42} {'seconds':>8} {'events/s':>12}")
for name, seconds in results:
    print(f"{name:42} {seconds:8.2f} {count / seconds:12,.0f}")
print("kop copies keys, values, headers and timestamps, and commits its cursor; kcat's pipe copies what it names, "
      "and nothing remembers where it stopped.")
