//! Publishing through a link that pauses, drops or is stopped by Ctrl-C: every event is
//! counted once, as acknowledged, not sent, failed or in doubt, and what a second client
//! finds on the topic lies between the acknowledged count and that plus the doubtful.

use std::io::Write as _;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::kop::{kop, Run};
use crate::support::proxy::{proxied_broker, Proxy};
use crate::support::{client, signal, unique, wait_until};

/// A file of `n` small events.
fn events_file(n: usize) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    let mut text = String::with_capacity(n * 40);
    for i in 0..n {
        text.push_str(&format!("{{\"seq\": {i}, \"child_id\": \"c-{i}\"}}\n"));
    }
    file.write_all(text.as_bytes()).unwrap();
    file
}

/// The four counts add up to `total`, and the topic holds between the acknowledged
/// events and those plus the doubtful ones.
fn assert_accounted(run: &Run, proxy: &Proxy, topic: &str, total: u64) -> Value {
    let summary = run.json();
    let count = |k: &str| {
        summary[k]
            .as_u64()
            .unwrap_or_else(|| panic!("no {k}: {summary}"))
    };
    let (acknowledged, not_sent, failed, in_doubt) = (
        count("published"),
        count("not_sent"),
        count("failed"),
        count("in_doubt"),
    );
    assert_eq!(count("total"), total, "{summary}");
    assert_eq!(
        acknowledged + not_sent + failed + in_doubt,
        total,
        "every event counted once: {summary}"
    );
    proxy.resume();
    let on_topic = client::consume_all(&proxy.bootstrap(), topic).len() as u64;
    assert!(
        acknowledged <= on_topic && on_topic <= acknowledged + in_doubt,
        "{on_topic} on the topic, outside [{acknowledged}, {}]: {summary}",
        acknowledged + in_doubt
    );
    summary
}

#[test]
fn a_link_that_pauses_longer_than_the_timeout_leaves_counts_that_bound_the_topic() {
    let (_broker, proxy) = proxied_broker();
    let topic = unique("fault.pause");
    client::create_topic(&proxy.bootstrap(), &topic, 3, &[]);
    let total = 200_000;
    let file = events_file(total);
    // Slow enough that the pause lands mid-way.
    proxy.throttle(Some(2_000_000));
    let publish = kop([
        "publish",
        &topic,
        "-b",
        &proxy.bootstrap(),
        "--file",
        file.path().to_str().unwrap(),
        "--timeout",
        "3s",
        "-o",
        "json",
    ])
    .spawn();
    wait_until(Duration::from_secs(20), "a first part to cross", || {
        proxy.bytes_up() > 1_000_000
    });
    proxy.pause();
    // The outage is the point: longer than the producer's message timeout (5 s at least).
    std::thread::sleep(Duration::from_secs(7));
    proxy.throttle(None);
    proxy.resume();
    let run = publish.finish();
    assert_eq!(run.code, 1, "not every event was acknowledged: {run:?}");
    let summary = assert_accounted(&run, &proxy, &topic, total as u64);
    assert!(
        summary["published"].as_u64().unwrap() > 0,
        "some events crossed before the pause: {summary}"
    );
    assert!(
        run.stderr.contains("in doubt") || run.stderr.contains("failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_cut_link_is_retried_and_the_counts_still_bound_the_topic() {
    let (_broker, proxy) = proxied_broker();
    let topic = unique("fault.cut");
    client::create_topic(&proxy.bootstrap(), &topic, 3, &[]);
    let total = 200_000;
    let file = events_file(total);
    proxy.throttle(Some(4_000_000));
    let publish = kop([
        "publish",
        &topic,
        "-b",
        &proxy.bootstrap(),
        "--file",
        file.path().to_str().unwrap(),
        "-o",
        "json",
    ])
    .spawn();
    wait_until(Duration::from_secs(20), "a first part to cross", || {
        proxy.bytes_up() > 1_000_000
    });
    proxy.cut();
    proxy.throttle(None);
    let run = publish.finish();
    assert_accounted(&run, &proxy, &topic, total as u64);
}

#[test]
fn ctrl_c_during_a_slow_file_publish_stops_at_once_and_accounts_for_every_event() {
    let (_broker, proxy) = proxied_broker();
    let topic = unique("fault.ctrlc");
    client::create_topic(&proxy.bootstrap(), &topic, 2, &[]);
    let total = 100_000;
    let file = events_file(total);
    proxy.throttle(Some(300_000));
    let publish = kop([
        "publish",
        &topic,
        "-b",
        &proxy.bootstrap(),
        "--file",
        file.path().to_str().unwrap(),
        "-o",
        "json",
    ])
    .spawn();
    wait_until(Duration::from_secs(20), "a first part to cross", || {
        proxy.bytes_up() > 200_000
    });
    let pressed = Instant::now();
    signal::interrupt(&publish);
    let run = publish.finish();
    let stopped_in = pressed.elapsed();
    assert_eq!(run.code, 130, "{run:?}");
    assert!(
        stopped_in < Duration::from_secs(8),
        "Ctrl-C took {stopped_in:?}: kop kept sending the queued file"
    );
    proxy.throttle(None);
    let summary = assert_accounted(&run, &proxy, &topic, total as u64);
    assert!(
        summary["not_sent"].as_u64().unwrap() > 0,
        "most of the file was never sent: {summary}"
    );
}
