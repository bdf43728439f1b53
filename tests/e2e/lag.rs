//! `kop lag` (and `kop health --max-lag/--max-dlq`) against the real broker.

use std::time::Duration;

use serde_json::Value;

use crate::support::kop::kop;
use crate::support::python::parse_prometheus;
use crate::support::{broker, client, signal, unique, wait_until};

/// A topic with 100 records (one per batch: exact end offsets on the test broker) and a
/// group that committed 40 of them.
fn group_at_40_of_100(bootstrap: &str) -> (String, String) {
    let topic = unique("lag.orders");
    let group = unique("billing");
    client::create_topic(bootstrap, &topic, 1, &[]);
    let values: Vec<String> = (0..100).map(|i| format!("{{\"n\": {i}}}")).collect();
    let records: Vec<client::Record> = values
        .iter()
        .map(|v| (None, v.as_bytes(), vec![]))
        .collect();
    client::produce(bootstrap, &topic, &records);
    client::commit(bootstrap, &group, &topic, 0, 40);
    (topic, group)
}

#[test]
fn a_group_forty_of_a_hundred_in_lags_sixty() {
    let b = broker::shared();
    let (topic, group) = group_at_40_of_100(&b.bootstrap());
    let json = kop(["lag", &group, "-b", &b.bootstrap(), "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0]["topic"].as_str(),
            rows[0]["committed"].as_i64(),
            rows[0]["end"].as_i64()
        ),
        (Some(topic.as_str()), Some(40), Some(100))
    );
    assert_eq!(rows[0]["lag"], 60);

    let table = kop(["lag", &group, "-b", &b.bootstrap()])
        .run()
        .expect_code(0);
    let line = table
        .stdout
        .lines()
        .find(|l| l.starts_with(&group))
        .unwrap();
    let cells = line.split_whitespace().collect::<Vec<_>>();
    assert_eq!(
        (cells[0], cells[2], cells[3]),
        (group.as_str(), topic.as_str(), "60"),
        "GROUP STATE TOPIC LAG: {line}"
    );

    let over = kop(["lag", &group, "-b", &b.bootstrap(), "--threshold", "10"])
        .run()
        .expect_code(3);
    assert!(over.stdout.contains("over: lag 60 > 10"), "{}", over.stdout);
    kop(["lag", &group, "-b", &b.bootstrap(), "--threshold", "100"])
        .run()
        .expect_code(0);
    let by_partition = kop(["lag", &group, "-b", &b.bootstrap(), "--by", "partition"])
        .run()
        .expect_code(0);
    assert!(
        by_partition.stdout.contains(" 40 "),
        "{}",
        by_partition.stdout
    );
}

#[test]
fn prometheus_output_parses_and_carries_the_lag() {
    let b = broker::shared();
    let (topic, group) = group_at_40_of_100(&b.bootstrap());
    let run = kop(["lag", &group, "-b", &b.bootstrap(), "-o", "prometheus"])
        .run()
        .expect_code(0);
    let samples = parse_prometheus(&run.stdout);
    let lag = samples
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s[0] == "kafka_consumergroup_lag" && s[1]["consumergroup"] == group.as_str())
        .unwrap_or_else(|| panic!("no lag sample in {}", run.stdout));
    assert_eq!(lag[1]["topic"], topic.as_str());
    assert_eq!(lag[1]["partition"], "0");
    assert_eq!(lag[2].as_f64(), Some(60.0));
    assert!(samples
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s[0] == "kafka_consumergroup_lag_sum" && s[2].as_f64() == Some(60.0)));
}

#[test]
fn time_lag_grows_while_nothing_consumes() {
    let b = broker::shared();
    let (_, group) = group_at_40_of_100(&b.bootstrap());
    let age = || -> f64 {
        let json: Value = kop(["lag", &group, "-b", &b.bootstrap(), "--time", "-o", "json"])
            .run()
            .expect_code(0)
            .json();
        json[0]["age_seconds"].as_f64().expect("an age")
    };
    let first = age();
    // Not a wait for something: wall-clock time passing while nothing consumes is what
    // the test is about.
    std::thread::sleep(Duration::from_millis(1_500));
    let second = age();
    assert!(second >= first + 1.0, "{first} then {second}");
    kop(["lag", &group, "-b", &b.bootstrap(), "--max-age", "1h"])
        .run()
        .expect_code(0);
    kop(["lag", &group, "-b", &b.bootstrap(), "--max-age", "1ms"])
        .run()
        .expect_code(3);
}

#[test]
fn a_caught_up_group_is_hidden_unless_named_or_all_and_selection_works() {
    let b = broker::shared();
    let (topic, group) = group_at_40_of_100(&b.bootstrap());
    client::commit(&b.bootstrap(), &group, &topic, 0, 100);
    let by_pattern = |extra: &[&str]| -> Vec<Value> {
        let pattern = format!("^{}$", regex_escape(&group));
        let bootstrap = b.bootstrap();
        let mut args = vec![
            "lag",
            "-b",
            bootstrap.as_str(),
            "--pattern",
            &pattern,
            "-o",
            "json",
        ];
        args.extend_from_slice(extra);
        kop(args)
            .run()
            .expect_code(0)
            .json()
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(
        by_pattern(&[]).is_empty(),
        "caught up and not named: hidden"
    );
    let all = by_pattern(&["--all"]);
    assert!(all.iter().all(|r| r["group"] == group.as_str()));
    assert_eq!(all[0]["lag"], 0);
    // Named, it answers "is it caught up?" rather than saying nothing.
    let named = kop(["lag", &group, "-b", &b.bootstrap()])
        .run()
        .expect_code(0);
    let line = named
        .stdout
        .lines()
        .find(|l| l.starts_with(&group))
        .unwrap_or_else(|| panic!("the named group is shown: {}", named.stdout));
    assert!(line.trim_end().ends_with(" 0"), "{line}");
    let missing = kop(["lag", "no-such-group", "-b", &b.bootstrap()])
        .run()
        .expect_code(1);
    assert!(
        missing
            .stderr
            .contains("no consumer group named no-such-group"),
        "{}",
        missing.stderr
    );
}

#[test]
fn replay_cursors_are_left_out_of_lag_and_health_unless_asked_for() {
    let b = broker::dedicated();
    let bootstrap = b.bootstrap();
    let dlq = unique("lag.cursor.dlq");
    client::create_topic(&bootstrap, &dlq, 1, &[]);
    let records: Vec<client::Record> = (0..5).map(|_| (None, &b"{}"[..], vec![])).collect();
    client::produce(&bootstrap, &dlq, &records);
    let cursor = format!("kop-replay.{dlq}");
    client::commit(&bootstrap, &cursor, &dlq, 0, 0);
    let lag = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["lag", "-b", bootstrap.as_str(), "-o", "json"];
        args.extend_from_slice(extra);
        kop(args)
            .run()
            .expect_code(0)
            .json()
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(
        lag(&[]).iter().all(|r| r["group"] != cursor.as_str()),
        "letters waiting for a replay are not consumer lag"
    );
    let asked = lag(&["--replay-cursors"]);
    assert!(
        asked
            .iter()
            .any(|r| r["group"] == cursor.as_str() && r["lag"] == 5),
        "{asked:?}"
    );
    let named = lag(&[cursor.as_str()]);
    assert_eq!(named[0]["lag"], 5, "{named:?}");
    kop(["lag", "-b", &bootstrap, "--threshold", "1"])
        .run()
        .expect_code(0);
    kop(["health", "-b", &bootstrap, "--max-lag", "1"])
        .run()
        .expect_code(0);
    kop([
        "health",
        "-b",
        &bootstrap,
        "--max-lag",
        "1",
        "--replay-cursors",
    ])
    .run()
    .expect_code(3);
}

#[test]
fn time_lag_of_two_groups_on_one_partition_ages_each_from_its_own_offset() {
    let b = broker::shared();
    let (topic, behind) = group_at_40_of_100(&b.bootstrap());
    let ahead = unique("ahead");
    client::commit(&b.bootstrap(), &ahead, &topic, 0, 90);
    let json = kop([
        "lag",
        &behind,
        &ahead,
        "-b",
        &b.bootstrap(),
        "--time",
        "-o",
        "json",
    ])
    .run()
    .expect_code(0)
    .json();
    let age = |group: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["group"] == group)
            .and_then(|r| r["age_seconds"].as_f64())
            .unwrap_or_else(|| panic!("no age for {group}: {json}"))
    };
    assert!(age(&behind) >= age(&ahead), "{json}");
    kop([
        "lag",
        &behind,
        &ahead,
        "-b",
        &b.bootstrap(),
        "--max-age",
        "1h",
    ])
    .run()
    .expect_code(0);
}

#[test]
fn lag_of_a_topic_that_does_not_exist_is_an_error_not_silence() {
    let b = broker::shared();
    let (topic, group) = group_at_40_of_100(&b.bootstrap());
    let typo = format!("{topic}x");
    let run = kop([
        "lag",
        &group,
        "-b",
        &b.bootstrap(),
        "--topic",
        &typo,
        "--threshold",
        "1000",
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("--topic {typo}: no such topic on the cluster")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("did you mean {topic}?")),
        "{}",
        run.stderr
    );
}

#[test]
fn the_json_marks_only_the_partitions_over_the_limit() {
    let b = broker::shared();
    let bootstrap = b.bootstrap();
    let topic = unique("lag.two");
    let group = unique("two-partitions");
    client::create_topic(&bootstrap, &topic, 2, &[]);
    client::commit(&bootstrap, &group, &topic, 0, 0);
    client::commit(&bootstrap, &group, &topic, 1, 0);
    let records: Vec<client::Record> = (0..3).map(|_| (None, &b"{}"[..], vec![])).collect();
    client::produce_to(&bootstrap, &topic, 0, &records);
    let json = kop([
        "lag",
        &group,
        "-b",
        &bootstrap,
        "--threshold",
        "2",
        "-o",
        "json",
    ])
    .run()
    .expect_code(3)
    .json();
    let row = |p: i64| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["partition"] == p)
            .unwrap()
            .clone()
    };
    assert_eq!(row(0)["breach"], "lag 3 > 2");
    assert_eq!(row(0)["partition_breach"], "lag 3 > 2");
    assert_eq!(
        row(1)["breach"],
        "lag 3 > 2",
        "the group's verdict, on each of its rows"
    );
    assert_eq!(
        row(1)["partition_breach"],
        Value::Null,
        "partition 1 is caught up"
    );
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

#[test]
fn per_group_limits_from_the_file() {
    let b = broker::shared();
    let (_, group) = group_at_40_of_100(&b.bootstrap());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        format!("[lag.\"{group}\"]\nmax_lag = 50\n"),
    )
    .unwrap();
    let run = kop(["lag", &group, "-b", &b.bootstrap()])
        .dir(dir.path())
        .run()
        .expect_code(3);
    assert!(run.stdout.contains("over: lag 60 > 50"), "{}", run.stdout);
}

#[test]
fn health_fails_on_lag_and_pending_dead_letters() {
    let b = broker::shared();
    let (_, group) = group_at_40_of_100(&b.bootstrap());
    let dlq = unique("lag.dlq");
    client::create_topic(&b.bootstrap(), &dlq, 1, &[]);
    client::produce(
        &b.bootstrap(),
        &dlq,
        &[(None, b"{}", vec![]), (None, b"{}", vec![])],
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("topics.toml"),
        format!("[topics.\"{dlq}\"]\npartitions = 1\ndlq = true\n"),
    )
    .unwrap();
    let run = kop([
        "health",
        "-b",
        &b.bootstrap(),
        "--max-lag",
        "1000000",
        "--max-dlq",
        "1",
        "-o",
        "json",
    ])
    .dir(dir.path())
    .run()
    .expect_code(3);
    let json = run.json();
    let check = |name: &str| {
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(check("consumer lag")["status"], "ok");
    assert_eq!(check("dead letters")["status"], "fail");
    assert!(check("dead letters")["detail"]
        .as_str()
        .unwrap()
        .contains(&format!("{dlq} (2)")));
    let run = kop([
        "health",
        "-b",
        &b.bootstrap(),
        "--max-lag",
        "10",
        "-o",
        "json",
    ])
    .run()
    .expect_code(3);
    let lag = run.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "consumer lag")
        .unwrap()
        .clone();
    assert!(lag["detail"].as_str().unwrap().contains(&group), "{lag}");
}

#[test]
fn watch_redraws_with_rates_until_ctrl_c() {
    let b = broker::shared();
    let (_, group) = group_at_40_of_100(&b.bootstrap());
    let watch = kop([
        "lag",
        &group,
        "-b",
        &b.bootstrap(),
        "--by",
        "group",
        "--watch",
        "1s",
    ])
    .spawn();
    // A rate needs two samples: wait for the second screen, and for the verdict on it.
    wait_until(
        Duration::from_secs(10),
        "lag --watch to redraw with a catch-up verdict",
        || {
            let screen = watch.stdout();
            screen.matches("GROUP").count() >= 2 && screen.contains("no progress")
        },
    );
    signal::interrupt(&watch);
    let run = watch.finish().expect_code(130);
    let stdout = run.stdout;
    assert!(stdout.matches("GROUP").count() >= 2, "{stdout}");
    assert!(stdout.contains("CATCH-UP"), "{stdout}");
    assert!(
        stdout.contains("no progress"),
        "nothing consumes and nothing is written: the lag stands still: {stdout}"
    );
}
