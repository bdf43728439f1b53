//! A second Kafka client (plain rdkafka), for arranging state that kop then observes.

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::admin::{AdminClient, AdminOptions, NewPartitions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::ClientConfig;

pub fn admin(bootstrap: &str) -> AdminClient<DefaultClientContext> {
    ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .create()
        .expect("admin client")
}

/// Creates a topic with the given partitions and configs, as another tool would.
pub fn create_topic(bootstrap: &str, name: &str, partitions: i32, configs: &[(&str, &str)]) {
    let admin = admin(bootstrap);
    let mut topic = NewTopic::new(name, partitions, TopicReplication::Fixed(1));
    for (k, v) in configs {
        topic = topic.set(k, v);
    }
    let results = block_on(admin.create_topics(&[topic], &options())).expect("create topics");
    for r in results {
        r.unwrap_or_else(|(t, e)| panic!("creating {t}: {e}"));
    }
}

/// Whether the cluster can add partitions to a topic (CreatePartitions), found by trying
/// on a scratch topic. The test broker cannot (test-broker.md); Apache Kafka can. Any
/// failure other than "unsupported" fails the test: a probe must not guess.
pub fn supports_create_partitions(bootstrap: &str) -> bool {
    let scratch = super::unique("probe.create-partitions");
    create_topic(bootstrap, &scratch, 1, &[]);
    let grow = NewPartitions::new(&scratch, 2);
    let code = match block_on(admin(bootstrap).create_partitions(&[grow], &options())) {
        Ok(results) => match results.into_iter().next() {
            Some(Ok(_)) => return true,
            Some(Err((_, code))) => code,
            None => panic!("CreatePartitions on {scratch} returned no result"),
        },
        Err(KafkaError::AdminOp(code)) => code,
        Err(e) => panic!("CreatePartitions on {scratch}: {e}"),
    };
    assert_eq!(
        code,
        RDKafkaErrorCode::UnsupportedFeature,
        "CreatePartitions on {scratch} failed, but not for lack of support"
    );
    false
}

fn options() -> AdminOptions {
    AdminOptions::new().operation_timeout(Some(Duration::from_secs(10)))
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// A record to produce: key, value, headers.
pub type Record<'a> = (Option<&'a [u8]>, &'a [u8], Vec<(&'a str, &'a [u8])>);

/// Produces one record per batch (so that the broker's end offsets are exact; see
/// test-broker.md) and waits for every acknowledgement.
pub fn produce(bootstrap: &str, topic: &str, records: &[Record]) {
    use rdkafka::message::{Header, OwnedHeaders};
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("batch.num.messages", "1")
        .set("linger.ms", "0")
        .create()
        .expect("producer");
    for (key, value, headers) in records {
        let mut owned = OwnedHeaders::new();
        for (k, v) in headers {
            owned = owned.insert(Header {
                key: k,
                value: Some(*v),
            });
        }
        let mut record = BaseRecord::<[u8], [u8]>::to(topic)
            .payload(*value)
            .headers(owned);
        if let Some(k) = key {
            record = record.key(*k);
        }
        producer.send(record).map_err(|(e, _)| e).expect("send");
        producer.poll(Duration::ZERO);
    }
    producer.flush(Duration::from_secs(30)).expect("flush");
}

/// Commits `offset` as the group's position on a partition, as a consumer would.
pub fn commit(bootstrap: &str, group: &str, topic: &str, partition: i32, offset: i64) {
    use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
    use rdkafka::{Offset, TopicPartitionList};
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .expect("consumer");
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, partition, Offset::Offset(offset))
        .expect("offset");
    consumer.commit(&tpl, CommitMode::Sync).expect("commit");
}

/// The group's committed offsets on each partition of `topic` that has one, as another
/// tool would read them (an OffsetFetch; the group is not joined, nothing is committed).
pub fn committed(bootstrap: &str, group: &str, topic: &str) -> BTreeMap<i32, i64> {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::{Offset, TopicPartitionList};
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .expect("consumer");
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("metadata");
    let mut tpl = TopicPartitionList::new();
    for p in metadata.topics()[0].partitions() {
        tpl.add_partition(topic, p.id());
    }
    let committed = consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed offsets");
    committed
        .elements()
        .iter()
        .filter_map(|e| match e.offset() {
            Offset::Offset(at) => Some((e.partition(), at)),
            _ => None,
        })
        .collect()
}

/// Produces `count` small records to one partition, one per batch (exact end offsets on
/// the test broker), and waits for every acknowledgement.
pub fn produce_to(bootstrap: &str, topic: &str, partition: i32, count: usize) {
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("batch.num.messages", "1")
        .set("linger.ms", "0")
        .create()
        .expect("producer");
    for i in 0..count {
        let value = format!("{{\"n\": {i}}}");
        let record = BaseRecord::<[u8], [u8]>::to(topic)
            .partition(partition)
            .payload(value.as_bytes());
        producer.send(record).map_err(|(e, _)| e).expect("send");
        producer.poll(Duration::ZERO);
    }
    producer.flush(Duration::from_secs(30)).expect("flush");
}

/// A consumer that joined a group and stays in it, polling on a thread of its own, until
/// dropped (then it leaves the group).
pub struct Member {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    assigned: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Member {
    /// Joins `group` subscribed to `topic`; returns once the group gave it partitions.
    pub fn join(bootstrap: &str, group: &str, topic: &str) -> Member {
        use rdkafka::consumer::{BaseConsumer, Consumer};
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let consumer: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", bootstrap)
            .set("group.id", group)
            .set("client.id", "kop-test-member")
            .set("enable.auto.commit", "false")
            // The test broker completes a first JoinGroup after half the session timeout.
            .set("session.timeout.ms", "2000")
            .set("heartbeat.interval.ms", "500")
            .create()
            .expect("consumer");
        consumer.subscribe(&[topic]).expect("subscribe");
        let stop = Arc::new(AtomicBool::new(false));
        let assigned = Arc::new(AtomicBool::new(false));
        let (s, a) = (stop.clone(), assigned.clone());
        let thread = std::thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                let _ = consumer.poll(Duration::from_millis(100));
                if consumer.assignment().is_ok_and(|t| t.count() > 0) {
                    a.store(true, Ordering::Relaxed);
                }
            }
            consumer.unsubscribe();
        });
        let member = Member {
            stop,
            assigned,
            thread: Some(thread),
        };
        super::wait_until(
            Duration::from_secs(20),
            "the member to be assigned partitions",
            || member.assigned.load(Ordering::Relaxed),
        );
        member
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
