"""Benchmark: kop dlq replay against a hand-written Python replay script, in one run.

    dlq.py KOP BOOTSTRAP COUNT

Seeds COUNT envelope letters (one record per batch, so the broker's end offsets are exact)
for three original topics, then replays them: with kop in transactions, with kop
at-least-once, and with the loop every team writes by hand in Python (consume, unwrap,
produce, flush and commit every 500 letters). Each replay reads its own copy of the queue.
"""
import json
import os
import subprocess
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

kop, bootstrap, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
admin = AdminClient({"bootstrap.servers": bootstrap})
targets = ["child.registered", "emotion.detected", "analytics.usage-stats"]


def create(names, partitions):
    for f in admin.create_topics([NewTopic(n, partitions, 1) for n in names]).values():
        f.result()


def seed(dlq):
    producer = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1, "linger.ms": 0})
    for i in range(count):
        letter = {"original_event": {"event_type": targets[i % 3], "child_id": f"c-{i}", "seq": i},
                  "error_message": "Handler timeout", "failed_at": "2025-01-14T09:12:33Z",
                  "retry_count": 0, "original_topic": f"{dlq}.{targets[i % 3]}"}
        while True:
            try:
                producer.produce(dlq, json.dumps(letter).encode(), key=f"k-{i}".encode())
                break
            except BufferError:
                producer.poll(0.05)
        producer.poll(0)
    producer.flush()


def queue(name):
    create([name], 6)
    create([f"{name}.{t}" for t in targets], 3)
    seed(name)
    return name


def kop_replay(dlq, *extra):
    start = time.perf_counter()
    out = subprocess.run([kop, "dlq", "replay", dlq, "-b", bootstrap, "--yes", "-o", "json", *extra],
                         capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"kop failed: {out.stderr}")
    replayed = json.loads(out.stdout)["replayed"]
    assert replayed == count, (replayed, count)
    return seconds


def python_replay(dlq):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"bench-{dlq}", "enable.auto.commit": False,
                         "auto.offset.reset": "earliest", "enable.partition.eof": True})
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all", "linger.ms": 5})
    partitions = consumer.list_topics(dlq).topics[dlq].partitions
    consumer.assign([TopicPartition(dlq, p) for p in partitions])
    start, done, eof, pending = time.perf_counter(), 0, set(), 0
    while len(eof) < len(partitions):
        for m in consumer.consume(500, 1.0):
            if m.error():
                eof.add(m.partition())
                continue
            letter = json.loads(m.value())
            producer.produce(letter["original_topic"], json.dumps(letter["original_event"]).encode(), key=m.key(),
                             headers=m.headers())
            producer.poll(0)
            pending += 1
            done += 1
        if pending >= 500 or (pending and len(eof) == len(partitions)):
            producer.flush()
            consumer.commit(asynchronous=False)
            pending = 0
    producer.flush()
    assert done == count, (done, count)
    return time.perf_counter() - start


seed_start = time.perf_counter()
tx, alo, py = queue("bench.dlq.tx"), queue("bench.dlq.alo"), queue("bench.dlq.py")
print(f"seeded 3 x {count} letters in {time.perf_counter() - seed_start:.1f}s")
tx_s = kop_replay(tx)
alo_s = kop_replay(alo, "--no-transactions")
py_s = python_replay(py)
rate = lambda s: count / s
print(f"{count} envelope letters, 3 original topics, one local broker (letters/s, higher is better)")
print(f"{'kop dlq replay (transactional)':42} {rate(tx_s):10,.0f}")
print(f"{'kop dlq replay --no-transactions':42} {rate(alo_s):10,.0f}")
print(f"{'python consume/unwrap/produce/commit loop':42} {rate(py_s):10,.0f}")
print("kop times are whole processes; the python loop excludes interpreter start.")
