"""Benchmark: `kop lag -o json` over GROUPS groups x PARTITIONS partitions, beside the same
read done with the Python confluent-kafka AdminClient (list groups, committed offsets of
each group, end offsets of every partition), in one run.

    lag.py KOP BOOTSTRAP GROUPS PARTITIONS
"""
import json
import subprocess
import sys
import time

from confluent_kafka import Consumer, ConsumerGroupTopicPartitions, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic, OffsetSpec

kop, bootstrap, groups, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
admin = AdminClient({"bootstrap.servers": bootstrap})
topic = "bench.lag"
for f in admin.create_topics([NewTopic(topic, partitions, 1)]).values():
    f.result()
producer = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1, "linger.ms": 0})
for p in range(partitions):
    for i in range(10):
        producer.produce(topic, b"{}", partition=p)
producer.flush()
for g in range(groups):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"bench-group-{g:03d}", "enable.auto.commit": False})
    consumer.commit(offsets=[TopicPartition(topic, p, g % 10) for p in range(partitions)], asynchronous=False)
    consumer.close()


def kop_lag():
    start = time.perf_counter()
    out = subprocess.run([kop, "lag", "--all", "-b", bootstrap, "-o", "json"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if out.returncode not in (0, 3):
        sys.exit(f"kop failed: {out.stderr}")
    rows = [r for r in json.loads(out.stdout) if r["group"].startswith("bench-group-")]
    assert len(rows) == groups * partitions, len(rows)
    return seconds


def python_lag():
    start = time.perf_counter()
    listed = admin.list_consumer_groups().result()
    names = [g.group_id for g in listed.valid if g.group_id.startswith("bench-group-")]
    futures = [admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(n)]) for n in names]
    committed = {}
    for f in futures:
        for name, fut in f.items():
            committed[name] = fut.result().topic_partitions
    tps = {TopicPartition(tp.topic, tp.partition): OffsetSpec.latest() for c in committed.values() for tp in c}
    ends = {tp: f.result().offset for tp, f in admin.list_offsets(tps).items()}
    rows = sum(len(c) for c in committed.values())
    assert rows == groups * partitions, rows
    return time.perf_counter() - start


kop_lag()
kop_s = min(kop_lag() for _ in range(3))
py_s = min(python_lag() for _ in range(3))
print(f"{groups} groups x {partitions} partitions, one local broker (best of 3, seconds, lower is better)")
print(f"{'kop lag -o json (whole process)':40} {kop_s:8.3f}")
print(f"{'python AdminClient (in process)':40} {py_s:8.3f}")
