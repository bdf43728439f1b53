//! Where kop meets Kafka: topics that end in a transaction marker are read to their end by
//! every reader, and `-X bootstrap.servers` gets the same answer from every command.

use std::time::{Duration, Instant};

use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::ClientConfig;
use serde_json::json;

use crate::support::kop::kop;
use crate::support::{broker, client, tail_all, unique};

/// Writes the teams' envelope letters to `topic` in one committed transaction, as an
/// exactly-once producer (Kafka Streams EOS, Spring's transactional recoverer) does: the
/// last offset of each partition is then a commit marker that no reader is ever handed.
fn write_in_a_transaction(bootstrap: &str, topic: &str, origin: &str, letters: usize) {
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("transactional.id", unique("tx-writer"))
        .create()
        .expect("transactional producer");
    producer
        .init_transactions(Duration::from_secs(10))
        .expect("init transactions");
    producer.begin_transaction().expect("begin");
    for i in 0..letters {
        let letter = json!({
            "original_event": {"seq": i},
            "error_message": "Handler timeout",
            "failed_at": "2025-01-14T09:12:33Z",
            "retry_count": 0,
            "original_topic": origin,
        })
        .to_string();
        let key = format!("k-{i}");
        producer
            .send(BaseRecord::to(topic).key(&key).payload(&letter))
            .map_err(|(e, _)| e)
            .expect("send");
        producer.poll(Duration::ZERO);
    }
    producer
        .commit_transaction(Duration::from_secs(10))
        .expect("commit");
}

/// `dlq stats`, `dlq replay --dry-run` and `tail --from beginning` on `topic`: each ends at
/// once (well inside its timeout) and counts `expected` records.
fn every_reader_finishes_with(bootstrap: &str, topic: &str, expected: usize) {
    let started = Instant::now();
    let stats = kop([
        "dlq",
        "stats",
        topic,
        "-b",
        bootstrap,
        "-o",
        "json",
        "--timeout",
        "8s",
    ])
    .run()
    .expect_code(0);
    assert_eq!(stats.json()["letters"], expected, "{stats:?}");
    let dry = kop([
        "dlq",
        "replay",
        topic,
        "-b",
        bootstrap,
        "--dry-run",
        "-o",
        "json",
        "--timeout",
        "8s",
    ])
    .run()
    .expect_code(0);
    let plan = dry.json();
    let counted = plan["replayed"].as_u64().unwrap() + plan["unroutable"].as_u64().unwrap();
    assert_eq!(counted, expected as u64, "{dry:?}");
    let records = tail_all(bootstrap, topic, &["--timeout", "8s"]);
    assert_eq!(records.len(), expected);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "the three readers took {:?}: one of them waited for a timeout",
        started.elapsed()
    );
}

#[test]
fn a_queue_written_in_a_committed_transaction_is_read_to_its_end_by_every_reader() {
    let b = broker::shared();
    let dlq = unique("eos.dead-letter");
    let origin = unique("eos.origin");
    client::create_topic(&b.bootstrap(), &dlq, 2, &[]);
    client::create_topic(&b.bootstrap(), &origin, 2, &[]);
    write_in_a_transaction(&b.bootstrap(), &dlq, &origin, 25);
    every_reader_finishes_with(&b.bootstrap(), &dlq, 25);
}

#[test]
fn kops_own_parking_topic_is_read_to_its_end_after_a_replay_parks() {
    let b = broker::shared();
    let dlq = unique("parking.failed-events");
    let origin = unique("parking.origin");
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::create_topic(&b.bootstrap(), &origin, 1, &[]);
    let letters: Vec<String> = (0..12)
        .map(|i| {
            json!({
                "original_event": {"seq": i},
                "error_message": "poison pill",
                "retry_count": 5,
                "original_topic": origin,
            })
            .to_string()
        })
        .collect();
    let records: Vec<client::Record> = letters
        .iter()
        .map(|l| (None, l.as_bytes(), vec![]))
        .collect();
    client::produce(&b.bootstrap(), &dlq, &records);
    let run = kop([
        "dlq",
        "replay",
        &dlq,
        "-b",
        &b.bootstrap(),
        "--max-retries",
        "3",
        "--yes",
        "-o",
        "json",
    ])
    .run()
    .expect_code(0);
    let replay = run.json();
    assert_eq!(replay["parked"], 12, "{run:?}");
    assert_eq!(replay["mode"], "transactional", "parked in a transaction");
    every_reader_finishes_with(&b.bootstrap(), &format!("{dlq}.parked"), 12);
}

/// Every command that talks to Kafka refuses `-X bootstrap.servers` with the same words,
/// before any network: the bootstrap comes from one place (`-b`), so that an admin
/// client, a reader and a producer of one command can never reach different clusters.
#[test]
fn x_bootstrap_servers_is_refused_alike_by_every_command() {
    let b = broker::shared();
    let x = format!("bootstrap.servers={}", b.bootstrap());
    let commands: [&[&str]; 5] = [
        &["topics", "list"],
        &["health"],
        &["lag"],
        &["tail", "any.topic"],
        &["publish", "any.topic", "--value", "{}"],
    ];
    let mut messages = Vec::new();
    for command in commands {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(["-X", &x, "--timeout", "3s"]);
        let run = kop(&args).run().expect_code(2);
        assert!(
            run.stderr.contains("use -b"),
            "{command:?} does not say to use -b:\n{}",
            run.stderr
        );
        assert!(
            run.elapsed < Duration::from_secs(2),
            "{command:?} took {:?}: it should refuse before reaching anything",
            run.elapsed
        );
        messages.push(run.stderr);
    }
    assert!(
        messages.windows(2).all(|w| w[0] == w[1]),
        "the commands disagree: {messages:#?}"
    );
    let metadata = "metadata.broker.list=127.0.0.1:1";
    let run = kop(["health", "-X", metadata]).run().expect_code(2);
    assert!(run.stderr.contains("use -b"), "{}", run.stderr);
}

#[test]
fn the_last_n_of_a_topic_written_one_transaction_per_record_are_n_records() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let topic = unique("tx.last");
    client::create_topic(&bootstrap, &topic, 1, &[]);
    // Five transactions of one record each: offsets 0..9 alternate record, marker.
    for _ in 0..5 {
        write_in_a_transaction(&bootstrap, &topic, "orders", 1);
    }
    let last = |n: &str| -> Vec<i64> {
        let run = kop(["tail", &topic, "-b", &bootstrap, "-n", n])
            .run()
            .expect_code(0);
        crate::support::ndjson(&run.stdout)
            .iter()
            .map(|e| e["offset"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        last("1"),
        vec![8],
        "the last record, not the marker after it"
    );
    assert_eq!(last("3"), vec![4, 6, 8]);
    assert_eq!(last("10"), vec![0, 2, 4, 6, 8]);
}
