"""Confluent's own Avro serializer, deserializer and registry client, for kop's interop tests.

    interop.py produce BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE < events.ndjson
    interop.py consume BOOTSTRAP REGISTRY TOPIC COUNT > events.ndjson
    interop.py drain BOOTSTRAP REGISTRY TOPIC - > events.ndjson
    interop.py register REGISTRY SUBJECT SCHEMA_FILE > id

consume prints each value as JSON, logical types in ISO form, one per line; drain does
the same for every event up to the end of every partition (a deserializer that fails on
one fails the run); register prints the id SchemaRegistryClient got for the Avro schema.
"""
import datetime
import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

mode = sys.argv[1]
if mode == "register":
    registry, subject, path = sys.argv[2:5]
    client = SchemaRegistryClient({"url": registry})
    print(client.register_schema(subject, Schema(open(path).read(), "AVRO")))
    sys.exit(0)

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

bootstrap, registry, topic, arg = sys.argv[2:6]
client = SchemaRegistryClient({"url": registry})
context = SerializationContext(topic, MessageField.VALUE)


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(type(value))


if mode == "produce":
    serializer = AvroSerializer(client, open(arg).read())
    producer = Producer({"bootstrap.servers": bootstrap})
    for line in sys.stdin:
        if line.strip():
            producer.produce(topic, value=serializer(json.loads(line), context))
    producer.flush(30)
elif mode == "drain":
    deserializer = AvroDeserializer(client)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "kop-interop", "enable.auto.commit": False,
                         "enable.partition.eof": True, "fetch.wait.max.ms": 50})
    partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    ended = set()
    while len(ended) < len(partitions):
        batch = consumer.consume(1000, 10)
        if not batch:
            sys.exit("timed out waiting for the end of every partition")
        for message in batch:
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    ended.add(message.partition())
                    continue
                sys.exit(f"reading {topic}: {message.error()}")
            print(json.dumps(deserializer(message.value(), context), default=plain, sort_keys=True))
    consumer.close()
else:
    deserializer = AvroDeserializer(client)
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "kop-interop", "enable.auto.commit": False})
    partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    remaining = int(arg)
    while remaining > 0:
        message = consumer.poll(10)
        if message is None:
            sys.exit("timed out waiting for events")
        if message.error():
            continue
        print(json.dumps(deserializer(message.value(), context), default=plain, sort_keys=True))
        remaining -= 1
    consumer.close()
