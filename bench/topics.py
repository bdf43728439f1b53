"""Reference for the topics benchmark: the same work with confluent-kafka's AdminClient.

create: one create_topics call for all topics, waiting for every result.
plan:   what a no-op plan reads: list_topics, then describe_configs for every topic.
"""
import sys
import time

from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

bootstrap, prefix, count, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
admin = AdminClient({"bootstrap.servers": bootstrap})
names = [f"{prefix}.{i:04d}" for i in range(count)]
start = time.perf_counter()
if mode == "create":
    topics = [NewTopic(n, 3, 1, config={"retention.ms": "604800000", "cleanup.policy": "delete"}) for n in names]
    for f in admin.create_topics(topics, request_timeout=60).values():
        f.result()
else:
    md = admin.list_topics(timeout=60)
    resources = [ConfigResource(ConfigResource.Type.TOPIC, n) for n in names if n in md.topics]
    for f in admin.describe_configs(resources, request_timeout=60).values():
        f.result()
print(f"{time.perf_counter() - start:.3f}")
