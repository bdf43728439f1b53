"""Benchmark: kop publish/tail against the Python confluent-kafka client, in one run.

    events.py KOP TANSU COUNT

Each measurement runs against a fresh broker (an in-memory broker slows as it fills).
Publishes COUNT NDJSON events of about 200 bytes to fresh 6-partition topics with kop and
with a Python reference (read line, parse JSON, produce; acks=all, idempotent, as kop),
reads them all back with `kop tail --from beginning -o ndjson > /dev/null` and with a
Python consumer printing JSON, publishes the same events as Avro, JSON Schema and Protobuf
with kop (each checked against its schema, as the wire format needs), and reports events/s,
ratios and kop tail's peak memory.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

kop, tansu, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp()
events_file = os.path.join(work, "events.ndjson")
bootstrap, admin, broker = None, None, None


def fresh_broker():
    """Stops the current broker and starts another on a free port."""
    global bootstrap, admin, broker
    if broker:
        broker.kill()
        broker.wait()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bootstrap = f"127.0.0.1:{port}"
    broker = subprocess.Popen([tansu, "broker", "--listener-url", f"tcp://{bootstrap}", "--advertised-listener-url",
                               f"tcp://{bootstrap}", "--storage-engine", "memory://tansu/", "--silent"])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    admin = AdminClient({"bootstrap.servers": bootstrap})

SCHEMA = json.dumps({
    "type": "record", "name": "ChildRegistered", "namespace": "bench",
    "fields": [
        {"name": "event_type", "type": "string"}, {"name": "child_id", "type": "string"},
        {"name": "parent_id", "type": "string"}, {"name": "name", "type": "string"},
        {"name": "age", "type": "int"},
        {"name": "registered_at", "type": "string"}, {"name": "seq", "type": "long"},
    ],
})

JSON_SCHEMA = json.dumps({
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "ChildRegistered", "type": "object",
    "properties": {
        "event_type": {"const": "child.registered"}, "child_id": {"type": "string", "minLength": 36},
        "parent_id": {"type": "string"}, "name": {"type": "string", "minLength": 1},
        "age": {"type": "integer", "minimum": 0, "maximum": 17},
        "registered_at": {"type": "string", "format": "date-time"}, "seq": {"type": "integer"},
    },
    "required": ["event_type", "child_id", "parent_id", "name", "age", "registered_at", "seq"],
    "additionalProperties": False,
})

PROTO = """syntax = "proto3";
package bench;
message ChildRegistered {
  string event_type = 1;
  string child_id = 2;
  string parent_id = 3;
  string name = 4;
  int32 age = 5;
  string registered_at = 6;
  int64 seq = 7;
}
"""


def write_events():
    with open(events_file, "w") as f:
        for i in range(count):
            f.write(json.dumps({
                "event_type": "child.registered", "child_id": f"7f0c2a1e-0b7d-4c55-9d2c-{i:012d}",
                "parent_id": "b1c2d3e4-0000-4000-8000-000000000001", "name": "Emma", "age": 7,
                "registered_at": "2025-01-14T09:12:03Z", "seq": i,
            }) + "\n")


def topic(name):
    for f in admin.create_topics([NewTopic(name, 6, 1)]).values():
        f.result()
    return name


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs a command; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def python_publish(name):
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all",
                         "linger.ms": 5, "batch.num.messages": 10000, "queue.buffering.max.messages": 500000})
    start = time.perf_counter()
    with open(events_file) as f:
        for line in f:
            value = json.loads(line)
            while True:
                try:
                    producer.produce(name, json.dumps(value).encode())
                    break
                except BufferError:
                    producer.poll(0.01)
            producer.poll(0)
    producer.flush()
    return time.perf_counter() - start


def python_tail(name):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "bench", "enable.auto.commit": False,
                         "enable.partition.eof": True})
    partitions = consumer.list_topics(name).topics[name].partitions
    consumer.assign([TopicPartition(name, p, OFFSET_BEGINNING) for p in partitions])
    start, seen, eof = time.perf_counter(), 0, set()
    with open(os.devnull, "w") as out:
        while len(eof) < len(partitions):
            for m in consumer.consume(1000, 1.0):
                if m.error():
                    eof.add(m.partition())
                    continue
                out.write(json.dumps({"topic": m.topic(), "partition": m.partition(), "offset": m.offset(),
                                      "timestamp": m.timestamp()[1], "key": None,
                                      "value": json.loads(m.value())}) + "\n")
                seen += 1
    consumer.close()
    assert seen == count, (seen, count)
    return time.perf_counter() - start


write_events()
registry = subprocess.Popen([sys.executable, os.path.join(here, "registry.py")], stdout=subprocess.PIPE)
port = registry.stdout.readline().decode().strip()
schema_file = os.path.join(work, "event.avsc")
with open(schema_file, "w") as f:
    f.write(SCHEMA)
json_schema_file = os.path.join(work, "event.json")
with open(json_schema_file, "w") as f:
    f.write(JSON_SCHEMA)
proto_file = os.path.join(work, "event.proto")
with open(proto_file, "w") as f:
    f.write(PROTO)
registry_url = f"http://127.0.0.1:{port}"


def schema_publish(name, fmt, path):
    fresh_broker()
    seconds, _ = timed([kop, "publish", topic(name), "-b", bootstrap, "--file", events_file, "--format", fmt,
                        "--schema-file", path, "--registry", registry_url, "-q"])
    return seconds


fresh_broker()
kop_pub, _ = timed([kop, "publish", topic("bench.kop"), "-b", bootstrap, "--file", events_file, "-q"])
fresh_broker()
py_pub = python_publish(topic("bench.python"))
avro_pub = schema_publish("bench.avro", "avro", schema_file)
json_schema_pub = schema_publish("bench.json-schema", "json-schema", json_schema_file)
proto_pub = schema_publish("bench.protobuf", "protobuf", proto_file)
registry.kill()
# Both readers read the same topic, on a fresh broker seeded once.
fresh_broker()
seeded = topic("bench.read")
timed([kop, "publish", seeded, "-b", bootstrap, "--file", events_file, "-q"])
kop_tail, kop_rss = timed([kop, "tail", seeded, "-b", bootstrap, "--from", "beginning", "-o", "ndjson"])
py_tail = python_tail(seeded)
broker.kill()

rate = lambda seconds: count / seconds
print(f"{count} events of {os.path.getsize(events_file) // count} bytes, 6 partitions, a fresh local broker for each measurement")
print(f"{'':34} {'kop':>12} {'python':>12} {'kop/python':>11}")
print(f"{'publish NDJSON (events/s)':34} {rate(kop_pub):12,.0f} {rate(py_pub):12,.0f} {py_pub / kop_pub:10.2f}x")
print(f"{'tail --from beginning (events/s)':34} {rate(kop_tail):12,.0f} {rate(py_tail):12,.0f} {py_tail / kop_tail:10.2f}x")
for label, seconds in [("Avro", avro_pub), ("JSON Schema", json_schema_pub), ("Protobuf", proto_pub)]:
    print(f"{'publish ' + label + ' (events/s)':34} {rate(seconds):12,.0f} {'':>12} {kop_pub / seconds * 100:9.0f}% of JSON")
print(f"kop tail peak memory: {kop_rss:.0f} MB")
print("kop times are whole processes (start, connect, read the file, flush, exit); python times exclude interpreter start.")
