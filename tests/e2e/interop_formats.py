"""Confluent's own JSON Schema and Protobuf serializers and deserializers, for kop's interop
tests (interop.py does Avro).

    interop_formats.py produce-json BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE < events.ndjson
    interop_formats.py consume-json BOOTSTRAP REGISTRY TOPIC COUNT > events.ndjson
    interop_formats.py produce-protobuf BOOTSTRAP REGISTRY TOPIC PROTO_DIR PROTO_FILE MESSAGE < events.ndjson
    interop_formats.py consume-protobuf BOOTSTRAP REGISTRY TOPIC PROTO_DIR PROTO_FILE MESSAGE COUNT > events.ndjson

Protobuf needs generated message classes: they are made at run time from the .proto files
by grpcio-tools' protoc (a Python module from PyPI, nothing downloaded), into a scratch
directory. Events in are plain JSON (json_format.ParseDict, so proto field names or
lowerCamelCase); events out are json_format.MessageToDict, the proto3 JSON mapping.
Consumers print each value as JSON with sorted keys, one per line.
"""
import importlib
import json
import os
import sys
import tempfile

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.serialization import MessageField, SerializationContext

mode, bootstrap, registry, topic = sys.argv[1:5]
args = sys.argv[5:]
client = SchemaRegistryClient({"url": registry})
context = SerializationContext(topic, MessageField.VALUE)


def message_class(proto_dir, proto_file, full_name):
    """The generated class of a message, compiled from proto_dir by grpcio-tools' protoc."""
    from grpc_tools import protoc
    out = tempfile.mkdtemp()
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    files = [f for f in os.listdir(proto_dir) if f.endswith(".proto")]
    status = protoc.main(["protoc", f"-I{proto_dir}", f"-I{include}", f"--python_out={out}", *files])
    if status != 0:
        sys.exit(f"protoc failed ({status})")
    sys.path.insert(0, out)
    module = importlib.import_module(proto_file[: -len(".proto")].replace("/", ".") + "_pb2")
    for name, cls in vars(module).items():
        descriptor = getattr(cls, "DESCRIPTOR", None)
        if getattr(descriptor, "full_name", None) == full_name:
            return cls
    sys.exit(f"no message {full_name} in {proto_file}")


def produce(serialize):
    producer = Producer({"bootstrap.servers": bootstrap})
    for line in sys.stdin:
        if line.strip():
            producer.produce(topic, value=serialize(json.loads(line)))
    producer.flush(30)


def consume(count, deserialize):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "kop-interop", "enable.auto.commit": False})
    partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
    remaining = int(count)
    while remaining > 0:
        message = consumer.poll(10)
        if message is None:
            sys.exit("timed out waiting for events")
        if message.error():
            continue
        print(json.dumps(deserialize(message.value()), sort_keys=True))
        remaining -= 1
    consumer.close()


if mode == "produce-json":
    from confluent_kafka.schema_registry.json_schema import JSONSerializer
    serializer = JSONSerializer(open(args[0]).read(), client)
    produce(lambda value: serializer(value, context))
elif mode == "consume-json":
    from confluent_kafka.schema_registry.json_schema import JSONDeserializer
    # No schema given: the deserializer fetches the writer's by id and validates against it.
    deserializer = JSONDeserializer(None, schema_registry_client=client)
    consume(args[0], lambda data: deserializer(data, context))
elif mode in ("produce-protobuf", "consume-protobuf"):
    from google.protobuf import json_format
    cls = message_class(*args[:3])
    if mode == "produce-protobuf":
        from confluent_kafka.schema_registry.protobuf import ProtobufSerializer
        serializer = ProtobufSerializer(cls, client, {"use.deprecated.format": False})
        produce(lambda value: serializer(json_format.ParseDict(value, cls()), context))
    else:
        from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
        deserializer = ProtobufDeserializer(cls, {"use.deprecated.format": False})
        consume(args[3], lambda data: json_format.MessageToDict(deserializer(data, context)))
else:
    sys.exit(f"unknown mode {mode}")
