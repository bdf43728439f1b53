//! Letters with nowhere to go stay in the queue's books, and no letter is replayed twice
//! across the cursors of one queue.

use serde_json::{json, Value};

use crate::support::kop::kop;
use crate::support::{broker, client, tail_all, unique};

fn letter(origin: &str, error: &str, seq: usize) -> String {
    json!({
        "original_event": {"seq": seq},
        "error_message": error,
        "failed_at": "2025-01-14T09:12:33Z",
        "retry_count": 0,
        "original_topic": origin,
    })
    .to_string()
}

fn write(bootstrap: &str, dlq: &str, letters: &[String]) {
    let records: Vec<crate::support::client::Record> = letters
        .iter()
        .map(|l| (None, l.as_bytes(), vec![]))
        .collect();
    client::produce(bootstrap, dlq, &records);
}

fn replay(bootstrap: &str, dlq: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["dlq", "replay", dlq, "-b", bootstrap, "--yes", "-o", "json"];
    args.extend_from_slice(extra);
    let run = kop(&args).run();
    let json = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    (run.code, json)
}

fn stats(bootstrap: &str, dlq: &str) -> Value {
    kop(["dlq", "stats", dlq, "-b", bootstrap, "-o", "json"])
        .run()
        .expect_code(0)
        .json()
}

fn seqs(bootstrap: &str, topic: &str) -> Vec<u64> {
    let mut seqs: Vec<u64> = tail_all(bootstrap, topic, &[])
        .iter()
        .map(|r| r["value"]["seq"].as_u64().unwrap())
        .collect();
    seqs.sort_unstable();
    seqs
}

#[test]
fn a_mistyped_to_is_refused_before_anything_moves_even_when_following() {
    let b = broker::shared();
    let prefix = unique("route.to");
    let (dlq, origin) = (format!("{prefix}.dlq"), format!("{prefix}.orders"));
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::create_topic(&b.bootstrap(), &origin, 1, &[]);
    write(&b.bootstrap(), &dlq, &[letter(&origin, "boom", 0)]);
    let bootstrap = b.bootstrap();
    for extra in [
        &["--to", "typo"][..],
        &["--to", "typo", "--follow", "--skip-unroutable"],
    ] {
        let mut args = vec!["dlq", "replay", &dlq, "-b", &bootstrap, "--yes"];
        args.extend_from_slice(extra);
        let run = kop(&args).run().expect_code(1);
        assert!(
            run.stderr.contains("--to typo: the topic does not exist"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(
        stats(&b.bootstrap(), &dlq)["pending"],
        1,
        "nothing consumed"
    );
}

#[test]
fn a_letter_for_a_missing_topic_stops_its_cursor_and_is_replayed_once_the_topic_exists() {
    let b = broker::shared();
    let prefix = unique("route.later");
    let (dlq, later, present) = (
        format!("{prefix}.dlq"),
        format!("{prefix}.later"),
        format!("{prefix}.present"),
    );
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::create_topic(&b.bootstrap(), &present, 1, &[]);
    write(
        &b.bootstrap(),
        &dlq,
        &[
            letter(&present, "boom", 0),
            letter(&later, "boom", 1),
            letter(&present, "boom", 2),
        ],
    );
    let (code, first) = replay(&b.bootstrap(), &dlq, &[]);
    assert_eq!(code, 3, "{first}");
    assert_eq!(
        (
            first["replayed"].as_u64(),
            first["unroutable"].as_u64(),
            first["held"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{first}"
    );
    let dry = kop([
        "dlq",
        "replay",
        &dlq,
        "-b",
        &b.bootstrap(),
        "--dry-run",
        "-o",
        "json",
    ])
    .run()
    .expect_code(3)
    .json();
    let stats_now = stats(&b.bootstrap(), &dlq);
    assert_eq!(
        stats_now["pending"], 2,
        "the unroutable letter and the one behind it"
    );
    assert_eq!(
        stats_now["unroutable"], dry["unroutable"],
        "stats and dry-run agree"
    );
    client::create_topic(&b.bootstrap(), &later, 1, &[]);
    let (code, second) = replay(&b.bootstrap(), &dlq, &[]);
    assert_eq!(code, 0, "{second}");
    assert_eq!(second["replayed"], 2, "{second}");
    assert_eq!(seqs(&b.bootstrap(), &later), [1]);
    assert_eq!(seqs(&b.bootstrap(), &present), [0, 2], "each once");
    assert_eq!(stats(&b.bootstrap(), &dlq)["pending"], 0);
}

#[test]
fn with_a_parking_topic_unroutable_letters_are_parked_with_the_reason() {
    let b = broker::shared();
    let prefix = unique("route.park");
    let dlq = format!("{prefix}.dlq");
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    let gone = format!("{prefix}.gone");
    write(&b.bootstrap(), &dlq, &[letter(&gone, "boom", 0)]);
    let parking = format!("{dlq}.parked");
    let (code, summary) = replay(&b.bootstrap(), &dlq, &["--park-topic", &parking]);
    assert_eq!(code, 0, "{summary}");
    assert_eq!(summary["parked"], 1, "{summary}");
    let parked = tail_all(&b.bootstrap(), &parking, &["--format", "raw"]);
    let reason = parked[0]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["key"] == "kop.parked.reason")
        .and_then(|h| h["value"].as_str())
        .unwrap()
        .to_string();
    assert_eq!(
        reason,
        format!("topic {gone} does not exist on the cluster")
    );
}

#[test]
fn a_filtered_replay_then_an_unfiltered_one_sends_each_letter_once() {
    let b = broker::shared();
    let prefix = unique("route.ledger");
    let (dlq, child, emotion) = (
        format!("{prefix}.dlq"),
        format!("{prefix}.child.registered"),
        format!("{prefix}.emotion.detected"),
    );
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::create_topic(&b.bootstrap(), &child, 1, &[]);
    client::create_topic(&b.bootstrap(), &emotion, 1, &[]);
    let letters: Vec<String> = (0..9)
        .map(|i| match i % 3 {
            0 => letter(&child, "Handler timeout", i),
            1 => letter(&child, "bad schema", i),
            _ => letter(&emotion, "Handler timeout", i),
        })
        .collect();
    write(&b.bootstrap(), &dlq, &letters);
    let (code, filtered) = replay(
        &b.bootstrap(),
        &dlq,
        &["--topic", &child, "--error", "timeout"],
    );
    assert_eq!(
        (code, filtered["replayed"].as_u64()),
        (0, Some(3)),
        "{filtered}"
    );
    let (code, everything) = replay(&b.bootstrap(), &dlq, &[]);
    assert_eq!(code, 0, "{everything}");
    assert_eq!(everything["replayed"], 6, "{everything}");
    assert_eq!(
        everything["already_replayed"], 3,
        "it says what another cursor had done: {everything}"
    );
    assert_eq!(
        seqs(&b.bootstrap(), &child),
        [0, 1, 3, 4, 6, 7],
        "each once"
    );
    assert_eq!(seqs(&b.bootstrap(), &emotion), [2, 5, 8]);
    // Asked for explicitly, a letter goes again, and its replay count says so.
    let (code, again) = replay(
        &b.bootstrap(),
        &dlq,
        &["--topic", &emotion, "--again", "--cursor", "one-more-time"],
    );
    assert_eq!((code, again["replayed"].as_u64()), (0, Some(3)), "{again}");
    let counts: Vec<String> = tail_all(&b.bootstrap(), &emotion, &[])
        .iter()
        .map(|r| {
            r["headers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["key"] == "kop.replay.count")
                .and_then(|h| h["value"].as_str())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(counts, ["1", "1", "1", "2", "2", "2"]);
}
