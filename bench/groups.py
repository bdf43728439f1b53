"""Benchmark: `kop groups list -o json` over GROUPS groups and `kop topics describe -o json`
of a PARTITIONS-partition topic, each as a whole process, beside the Python confluent-kafka
AdminClient doing the same reads in the same run (in process, and as a whole process:
interpreter start and import included).

    groups.py KOP BOOTSTRAP GROUPS PARTITIONS

What "the same reads" are, for the Python side:
- groups list: list_consumer_groups, describe_consumer_groups of them all (state, members),
  list_consumer_group_offsets of each group (all in flight), list_offsets latest and
  earliest of every partition involved: state, member count, topics and lag per group.
- topics describe: list_topics for the topic (leaders, replicas, ISR), describe_configs,
  list_offsets earliest and latest of every partition, list_consumer_groups and
  list_consumer_group_offsets of each group (all in flight): the groups reading it, with lag.

Internal use: `groups.py --child list|describe BOOTSTRAP TOPIC` runs one Python side as a
process of its own.
"""
import json
import subprocess
import sys
import time

from confluent_kafka import Consumer, ConsumerGroupTopicPartitions, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic, OffsetSpec

GROUP_TOPIC = "bench.groups"
DESCRIBED = "bench.describe"


def ends(admin, tps):
    if not tps:
        return {}, {}
    latest = admin.list_offsets({tp: OffsetSpec.latest() for tp in tps})
    earliest = admin.list_offsets({tp: OffsetSpec.earliest() for tp in tps})
    return ({tp: f.result().offset for tp, f in latest.items()},
            {tp: f.result().offset for tp, f in earliest.items()})


def committed_of(admin, names):
    futures = [admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(n)]) for n in names]
    committed = {}
    for f in futures:
        for name, fut in f.items():
            committed[name] = fut.result().topic_partitions
    return committed


def python_list(admin):
    listed = admin.list_consumer_groups().result()
    names = [g.group_id for g in listed.valid]
    described = {n: f.result() for n, f in admin.describe_consumer_groups(names).items()} if names else {}
    committed = committed_of(admin, names)
    tps = {TopicPartition(tp.topic, tp.partition) for c in committed.values() for tp in c}
    latest, _ = ends(admin, list(tps))
    rows = []
    for n in names:
        offsets = committed[n]
        lag = sum(max(0, latest[TopicPartition(tp.topic, tp.partition)] - tp.offset) for tp in offsets if tp.offset >= 0)
        rows.append({"group": n, "state": str(described[n].state), "members": len(described[n].members),
                     "topics": sorted({tp.topic for tp in offsets}), "lag": lag})
    return rows


def python_describe(admin, topic):
    md = admin.list_topics(topic, timeout=10).topics[topic]
    partitions = [{"partition": p.id, "leader": p.leader, "replicas": p.replicas, "isr": p.isrs}
                  for p in md.partitions.values()]
    configs = {r: f.result() for r, f in admin.describe_configs([ConfigResource("TOPIC", topic)]).items()}
    tps = [TopicPartition(topic, p["partition"]) for p in partitions]
    latest, earliest = ends(admin, tps)
    names = [g.group_id for g in admin.list_consumer_groups().result().valid]
    committed = committed_of(admin, names)
    readers = {}
    for n, offsets in committed.items():
        mine = [tp for tp in offsets if tp.topic == topic and tp.offset >= 0]
        if mine:
            readers[n] = sum(max(0, latest[TopicPartition(topic, tp.partition)] - tp.offset) for tp in mine)
    return {"partitions": len(partitions), "configs": sum(len(c) for c in configs.values()),
            "records": sum(latest[tp] - earliest[tp] for tp in tps), "groups": readers}


def child(mode, bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    result = python_list(admin) if mode == "list" else python_describe(admin, topic)
    print(json.dumps(result, default=str))


def prepare(bootstrap, groups, partitions):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    topics = [NewTopic(GROUP_TOPIC, 6, 1), NewTopic(DESCRIBED, partitions, 1, config={"retention.ms": "604800000"})]
    for f in admin.create_topics(topics).values():
        f.result()
    producer = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1, "linger.ms": 0})
    for topic, count in [(GROUP_TOPIC, 6), (DESCRIBED, partitions)]:
        for p in range(count):
            for _ in range(10):
                producer.produce(topic, b"{}", partition=p)
    producer.flush()
    for g in range(groups):
        consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"bench-group-{g:03d}", "enable.auto.commit": False})
        consumer.commit(offsets=[TopicPartition(GROUP_TOPIC, p, g % 10) for p in range(6)], asynchronous=False)
        if g < 5:
            consumer.commit(offsets=[TopicPartition(DESCRIBED, p, 5) for p in range(partitions)], asynchronous=False)
        consumer.close()


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def best(fn, runs=5):
    fn()
    return min(timed(fn)[0] for _ in range(runs))


def main():
    if sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3], sys.argv[4])
    kop, bootstrap, groups, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    prepare(bootstrap, groups, partitions)

    def kop_list():
        out = subprocess.run([kop, "groups", "list", "-b", bootstrap, "-o", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"kop failed: {out.stderr}")
        rows = [r for r in json.loads(out.stdout) if r["group"].startswith("bench-group-")]
        assert len(rows) == groups, len(rows)

    def kop_describe():
        out = subprocess.run([kop, "topics", "describe", DESCRIBED, "-b", bootstrap, "-o", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"kop failed: {out.stderr}")
        described = json.loads(out.stdout)[0]
        assert len(described["partitions"]) == partitions
        assert len(described["groups"]) == 5, described["groups"]

    def python_process(mode):
        def run():
            out = subprocess.run([sys.executable, __file__, "--child", mode, bootstrap, DESCRIBED], capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"python failed: {out.stderr}")
        return run

    admin = AdminClient({"bootstrap.servers": bootstrap})
    listed = python_list(admin)
    assert len([r for r in listed if r["group"].startswith("bench-group-")]) == groups
    assert len(python_describe(admin, DESCRIBED)["groups"]) == 5

    results = [
        (f"groups list, {groups} groups", best(kop_list), best(lambda: python_list(admin)), best(python_process("list"))),
        (f"topics describe, {partitions} partitions", best(kop_describe), best(lambda: python_describe(admin, DESCRIBED)),
         best(python_process("describe"))),
    ]
    print(f"one local broker, best of 5 after a warm-up, seconds (lower is better)")
    print(f"{'':36} {'kop (process)':>14} {'python (in process)':>20} {'python (process)':>17}")
    for name, k, p, pp in results:
        print(f"{name:36} {k:14.3f} {p:20.3f} {pp:17.3f}")


if __name__ == "__main__":
    main()
