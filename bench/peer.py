"""Peer benchmark: kop beside kcat and Confluent's Python client, on the same data, in one
run.

    peer.py KOP TANSU KCAT|- COUNT [--big]

Rows (COUNT events of about 220 bytes, 6 partitions):
- tail to NDJSON: `kop tail --from beginning -o ndjson` / `kcat -C -e -J` with fetch timers
  tuned (`fetch.wait.max.ms=10`, `fetch.queue.backoff.ms=10`) / a Python consumer printing
  each record as JSON with its value parsed;
- publish raw lines: `kop publish --format raw --file` / `kcat -P -l` / Python producing
  each line as it is;
- publish raw lines beside `kcat -P -l -X enable.idempotence=true`, which is kop's
  guarantee ("nothing doubled") and the fair comparison for the row above;
- publish JSON keyed by a field: `kop publish --key-field child_id --file` (each line
  checked to be JSON) / `kcat -P -K TAB -l` (key TAB value lines, not checked) / Python
  parsing each line and producing it with the field as its key;
- one event: `kop publish --value` / `echo ... | kcat -P` / a Python process producing one
  (whole processes, seconds);
- the last 10 events of a 1,000-event topic: `kop tail -n 10` / `kcat -C -o -10 -e` /
  a Python process reading from 10 before each partition's end (whole processes, seconds).
Then kop's small operations (`health`, `lag`, `topics list`) as whole processes, and its
peak memory: the tail row, `tail -f` once it has read everything, the publish rows, and
with --big a 1 GB file.

Every measurement runs on a fresh broker (the in-memory broker slows as it fills), three
times, the order of the tools rotating between rounds; the median is shown. kop and kcat
are timed as whole processes; the Python rows time the client's work only (interpreter
start excluded) except the two whole-process rows. Python and kop publish idempotently
with acks=all. Reading topics are seeded the same way for every reader.
"""
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

kop, tansu, kcat, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
big = "--big" in sys.argv[5:]
kcat = None if kcat == "-" else kcat
ROUNDS = 3
SMALL = 1000
work = tempfile.mkdtemp()
events_file = os.path.join(work, "events.ndjson")
keyed_file = os.path.join(work, "keyed.tsv")
small_file = os.path.join(work, "small.ndjson")
TUNED = ["-X", "fetch.wait.max.ms=10", "-X", "fetch.queue.backoff.ms=10"]
broker = None
bootstrap = None


def fresh_broker():
    """Stops the current broker and starts another on a free port."""
    global bootstrap, broker
    stop_broker()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bootstrap = f"127.0.0.1:{port}"
    broker = subprocess.Popen([tansu, "broker", "--listener-url", f"tcp://{bootstrap}", "--advertised-listener-url",
                               f"tcp://{bootstrap}", "--storage-engine", "memory://tansu/", "--silent"])
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("the broker did not start")


def stop_broker():
    global broker
    if broker:
        broker.kill()
        broker.wait()
        broker = None


def topic(name, seed=None):
    admin = AdminClient({"bootstrap.servers": bootstrap, "log_level": 3})
    for f in admin.create_topics([NewTopic(name, 6, 1)]).values():
        f.result()
    if seed:
        # Every reader gets the same layout: raw lines, uncompressed, kop's batching.
        run([kop, "publish", name, "-b", bootstrap, "--file", seed, "--format", "raw", "-q",
             "-X", "compression.type=none"])
    return name


def write_events():
    with open(events_file, "w") as f, open(keyed_file, "w") as k, open(small_file, "w") as s:
        for i in range(count):
            child = f"7f0c2a1e-0b7d-4c55-9d2c-{i:012d}"
            line = json.dumps({
                "event_type": "child.registered", "child_id": child,
                "parent_id": "b1c2d3e4-0000-4000-8000-000000000001", "name": "Emma", "age": 7,
                "registered_at": "2025-01-14T09:12:03Z", "seq": i,
            })
            f.write(line + "\n")
            k.write(f"{child}\t{line}\n")
            if i < SMALL:
                s.write(line + "\n")


# A child forked from this (large) Python process reports Python's memory as its own peak;
# GNU time forks the measured process from a small one, so its figure is the process's.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs a command as a whole process; returns (seconds, peak RSS in MB)."""
    rss_file = os.path.join(work, "rss")
    timed = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd if GNU_TIME else cmd
    start = time.perf_counter()
    proc = subprocess.Popen(timed, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=stdout, stderr=subprocess.PIPE)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd[:3])} failed: {proc.stderr.read().decode()}")
    if GNU_TIME:
        with open(rss_file) as f:
            return seconds, int(f.read().split()[-1]) / 1024
    return seconds, usage.ru_maxrss / 1024


def python_producer():
    return Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all",
                     "linger.ms": 5, "batch.num.messages": 10000, "queue.buffering.max.messages": 100000})


def produce(producer, name, value, key=None):
    while True:
        try:
            producer.produce(name, value, key)
            break
        except BufferError:
            producer.poll(0.01)
    producer.poll(0)


def python_publish_raw(name):
    producer = python_producer()
    start = time.perf_counter()
    with open(events_file, "rb") as f:
        for line in f:
            produce(producer, name, line.rstrip(b"\n"))
    producer.flush()
    return time.perf_counter() - start


def python_publish_keyed(name):
    producer = python_producer()
    start = time.perf_counter()
    with open(events_file, "rb") as f:
        for line in f:
            value = json.loads(line)
            produce(producer, name, line.rstrip(b"\n"), value["child_id"].encode())
    producer.flush()
    return time.perf_counter() - start


def python_tail(name):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "bench", "enable.auto.commit": False,
                         "enable.partition.eof": True, "fetch.wait.max.ms": 10, "fetch.queue.backoff.ms": 10})
    start = time.perf_counter()
    partitions = consumer.list_topics(name).topics[name].partitions
    consumer.assign([TopicPartition(name, p, OFFSET_BEGINNING) for p in partitions])
    seen, eof = 0, set()
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


ONE_EVENT = json.dumps({"event_type": "child.registered", "child_id": "c-1", "age": 7})
PY_ONE = f"""
from confluent_kafka import Producer
p = Producer({{"bootstrap.servers": "%s", "enable.idempotence": True, "acks": "all"}})
p.produce("%s", {ONE_EVENT!r})
p.flush()
"""
PY_LAST = """
from confluent_kafka import Consumer, TopicPartition
c = Consumer({"bootstrap.servers": "%s", "group.id": "bench", "enable.auto.commit": False,
              "enable.partition.eof": True, "fetch.wait.max.ms": 10})
t = "%s"
parts = c.list_topics(t).topics[t].partitions
starts = []
for p in parts:
    low, high = c.get_watermark_offsets(TopicPartition(t, p))
    starts.append(TopicPartition(t, p, max(low, high - 10)))
c.assign(starts)
eof = set()
while len(eof) < len(parts):
    for m in c.consume(100, 1.0):
        if m.error():
            eof.add(m.partition())
        else:
            print(m.value().decode())
c.close()
"""


def python_process(code):
    return run([sys.executable, "-c", code])[0]


# Each row: name, unit ("events/s" or "s"), and per tool a function of the round number
# returning seconds (each sets up its own fresh broker). Peak memory is kept by name.
memory = {}


def keep_memory(name, rss):
    memory[name] = max(memory.get(name, 0), rss)


def kop_tail():
    fresh_broker()
    name = topic("bench.read", events_file)
    seconds, rss = run([kop, "tail", name, "-b", bootstrap, "--from", "beginning", "-o", "ndjson"])
    keep_memory("kop tail --from beginning -o ndjson", rss)
    return seconds


def kcat_tail():
    fresh_broker()
    name = topic("bench.read", events_file)
    return run([kcat, "-C", "-b", bootstrap, "-t", name, "-o", "beginning", "-e", "-q", "-J"] + TUNED)[0]


def py_tail():
    fresh_broker()
    return python_tail(topic("bench.read", events_file))


def kop_publish_raw():
    fresh_broker()
    seconds, rss = run([kop, "publish", topic("bench.raw"), "-b", bootstrap, "--file", events_file,
                        "--format", "raw", "-q"])
    keep_memory("kop publish --format raw", rss)
    return seconds


def kcat_publish_raw(idempotent=False):
    fresh_broker()
    extra = ["-X", "enable.idempotence=true"] if idempotent else []
    return run([kcat, "-P", "-b", bootstrap, "-t", topic("bench.raw"), "-l", events_file] + extra)[0]


def py_publish_raw():
    fresh_broker()
    return python_publish_raw(topic("bench.raw"))


def kop_publish_keyed():
    fresh_broker()
    seconds, rss = run([kop, "publish", topic("bench.keyed"), "-b", bootstrap, "--file", events_file,
                        "--key-field", "child_id", "-q"])
    keep_memory("kop publish --key-field", rss)
    return seconds


def kcat_publish_keyed():
    fresh_broker()
    return run([kcat, "-P", "-b", bootstrap, "-t", topic("bench.keyed"), "-K", "\t", "-l", keyed_file])[0]


def py_publish_keyed():
    fresh_broker()
    return python_publish_keyed(topic("bench.keyed"))


def kop_one():
    fresh_broker()
    return run([kop, "publish", topic("bench.one"), "-b", bootstrap, "--value", ONE_EVENT, "-q"])[0]


def kcat_one():
    fresh_broker()
    return run([kcat, "-P", "-b", bootstrap, "-t", topic("bench.one")], stdin=(ONE_EVENT + "\n").encode())[0]


def py_one():
    fresh_broker()
    return python_process(PY_ONE % (bootstrap, topic("bench.one")))


def kop_last():
    fresh_broker()
    return run([kop, "tail", topic("bench.last", small_file), "-b", bootstrap, "-n", "10"])[0]


def kcat_last():
    fresh_broker()
    return run([kcat, "-C", "-b", bootstrap, "-t", topic("bench.last", small_file), "-o", "-10", "-e", "-q"]
               + TUNED)[0]


def py_last():
    fresh_broker()
    return python_process(PY_LAST % (bootstrap, topic("bench.last", small_file)))


ROWS = [
    ("tail to NDJSON", "events/s", {"kop": kop_tail, "kcat": kcat_tail, "python": py_tail}),
    ("publish raw lines", "events/s", {"kop": kop_publish_raw, "kcat": kcat_publish_raw, "python": py_publish_raw}),
    ("publish raw, kcat idempotent", "events/s", {"kop": kop_publish_raw, "kcat": lambda: kcat_publish_raw(True)}),
    ("publish JSON keyed by a field", "events/s",
     {"kop": kop_publish_keyed, "kcat": kcat_publish_keyed, "python": py_publish_keyed}),
    ("one event (whole process)", "s", {"kop": kop_one, "kcat": kcat_one, "python": py_one}),
    ("last 10 of 1,000 (whole process)", "s", {"kop": kop_last, "kcat": kcat_last, "python": py_last}),
]


def measure(tools):
    """Median seconds per tool over the rounds, the order rotating each round."""
    names = [n for n in tools if n != "kcat" or kcat]
    times = {n: [] for n in names}
    for r in range(ROUNDS):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            times[n].append(tools[n]())
    return {n: statistics.median(t) for n, t in times.items()}


def small_operations():
    """kop's everyday reads against a broker that answers at once, whole processes."""
    fresh_broker()
    name = topic("bench.small", small_file)
    run([kop, "publish", name, "-b", bootstrap, "--value", ONE_EVENT, "-q"])
    out = {}
    for label, args in [("health", ["health"]), ("lag", ["lag"]), ("topics list", ["topics", "list"]),
                        ("tail -n 10", ["tail", name, "-n", "10"]),
                        ("publish --value", ["publish", name, "--value", ONE_EVENT, "-q"])]:
        out[label] = statistics.median(run([kop] + args + ["-b", bootstrap])[0] for _ in range(5))
    return out


def follow_memory():
    """Peak memory of `kop tail -f` once it has read a COUNT-event backlog and waits."""
    fresh_broker()
    name = topic("bench.follow", events_file)
    rss_file = os.path.join(work, "rss")
    cmd = [kop, "tail", name, "-b", bootstrap, "--from", "beginning", "-f", "-o", "ndjson"]
    proc = subprocess.Popen(([GNU_TIME, "-f", "%M", "-o", rss_file] if GNU_TIME else []) + cmd,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    seen = 0
    for _ in proc.stdout:
        seen += 1
        if seen == count:
            break
    time.sleep(1)
    # Ctrl-C as a terminal sends it, to the whole group (GNU time ignores it and waits).
    os.killpg(proc.pid, signal.SIGINT)
    proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    rss = usage.ru_maxrss / 1024
    if GNU_TIME:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1]) / 1024
    keep_memory("kop tail -f (backlog read, then waiting)", rss)


def big_publish():
    big_file = os.path.join(work, "big.ndjson")
    with open(events_file, "rb") as src, open(big_file, "wb") as dst:
        data = src.read()
        while dst.tell() < 1_000_000_000:
            dst.write(data)
    fresh_broker()
    seconds, rss = run([kop, "publish", topic("bench.big"), "-b", bootstrap, "--file", big_file, "-q"])
    keep_memory(f"kop publish of a {os.path.getsize(big_file) / 1e9:.1f} GB file ({seconds:.1f} s)", rss)
    os.remove(big_file)


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def main():
    write_events()
    results = []
    for name, unit, tools in ROWS:
        if name.startswith("publish raw, kcat") and not kcat:
            continue
        results.append((name, unit, measure(tools)))
    small = small_operations()
    follow_memory()
    if big:
        big_publish()
    stop_broker()

    size = os.path.getsize(events_file) // count
    print(f"{count:,} events of {size} bytes, 6 partitions, a fresh local broker for each measurement, "
          f"median of {ROUNDS}, the order rotating")
    if not kcat:
        print("kcat: not found at ../shared/tools/kcat (or it would not start): the kcat column is left out")
    print(f"{'':40} {'kop':>12} {'kcat':>12} {'python':>12} {'kop/kcat':>9} {'kop/python':>11}")
    for name, unit, t in results:
        if unit == "events/s":
            cell = {n: count / s for n, s in t.items()}
            fmt = lambda v: f"{v:12,.0f}" if v else f"{'-':>12}"
            # Higher is better: kop's rate over the peer's.
            rk, rp = ratio(cell.get("kop"), cell.get("kcat")), ratio(cell.get("kop"), cell.get("python"))
        else:
            cell = t
            fmt = lambda v: f"{v:11.3f}s" if v else f"{'-':>12}"
            # Lower is better: the peer's time over kop's, so that above 1 still means kop wins.
            rk, rp = ratio(t.get("kcat"), t.get("kop")), ratio(t.get("python"), t.get("kop"))
        label = f"{name} ({unit})"
        print(f"{label:40} {fmt(cell.get('kop'))} {fmt(cell.get('kcat'))} {fmt(cell.get('python'))} "
              f"{rk:>9} {rp:>11}")
    print("ratios: above 1 means kop is faster (for the whole-process rows: the peer's time over kop's)")
    print()
    print("kop's small operations, whole processes, median of 5:")
    for label, seconds in small.items():
        print(f"  {label:16} {seconds * 1000:6.0f} ms")
    print()
    print("kop's peak memory:")
    for label, mb in memory.items():
        print(f"  {label:48} {mb:6.0f} MB")
    print("Python rows time the client's work in process (interpreter start excluded), except the whole-process rows.")
    if not GNU_TIME:
        print("(no /usr/bin/time: peak memory may include the Python process that started kop)")


main()
