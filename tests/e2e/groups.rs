//! `kop groups ...` against the real broker.
//!
//! What the test broker lacks (test-broker.md): its ConsumerGroupDescribe lists no
//! members and no assignment for a classic group, while it calls the group Stable; its
//! ListGroups lists only groups that committed offsets; it has no OffsetDelete. The tests
//! assert what it does return; recorded Apache Kafka answers cover the member columns in
//! the unit tests (`core/groups/describe.rs`, `output/views/groups.rs`).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::support::kop::kop;
use crate::support::{broker, client, unique};

/// A 3-partition topic holding 14, 13 and 13 records, and a group committed at 10 on each.
fn group_at_ten(bootstrap: &str) -> (String, String) {
    let topic = unique("groups.orders");
    let group = unique("billing");
    client::create_topic(bootstrap, &topic, 3, &[]);
    for (partition, count) in [(0, 14), (1, 13), (2, 13)] {
        client::produce_count_to(bootstrap, &topic, partition, count);
        client::commit(bootstrap, &group, &topic, partition, 10);
    }
    (topic, group)
}

fn committed(bootstrap: &str, group: &str, topic: &str) -> Vec<i64> {
    client::committed(bootstrap, group, topic)
        .into_values()
        .collect()
}

#[test]
fn a_reset_to_earliest_is_previewed_refused_without_a_yes_and_applied_with_one() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let reset = [
        "groups", "reset", &group, "--topic", &topic, "--to", "earliest", "-b", &b,
    ];

    let mut dry = reset.to_vec();
    dry.push("--dry-run");
    let run = kop(&dry).run().expect_code(0);
    assert_eq!(run.stdout.matches("10 → 0").count(), 3, "{}", run.stdout);
    assert!(
        run.stdout.contains("30 events will be re-read"),
        "{}",
        run.stdout
    );
    assert_eq!(
        committed(&b, &group, &topic),
        [10, 10, 10],
        "a dry run changes nothing"
    );

    let refused = kop(reset).run().expect_code(1);
    assert!(
        refused
            .stderr
            .contains("without confirmation; nothing was changed"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("hint: "), "{}", refused.stderr);
    assert_eq!(committed(&b, &group, &topic), [10, 10, 10]);

    let mut yes = reset.to_vec();
    yes.push("--yes");
    let run = kop(&yes).run().expect_code(0);
    assert!(
        run.stdout
            .contains("Committed new offsets for 3 partitions"),
        "{}",
        run.stdout
    );
    assert_eq!(
        committed(&b, &group, &topic),
        [0, 0, 0],
        "read back by another client"
    );
}

#[test]
fn on_a_terminal_the_reset_asks_and_a_no_changes_nothing() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let args = [
        "groups", "reset", &group, "--topic", &topic, "--to", "latest", "-b", &b,
    ];
    let run = kop(args).run_in_terminal("n\n").expect_code(1);
    assert!(
        run.stdout.contains("Commit these offsets"),
        "{}",
        run.stdout
    );
    assert_eq!(committed(&b, &group, &topic), [10, 10, 10]);
    kop(args).run_in_terminal("y\n").expect_code(0);
    assert_eq!(committed(&b, &group, &topic), [14, 13, 13]);
}

#[test]
fn to_datetime_moves_to_the_first_record_of_the_second_burst() {
    let b = broker::shared().bootstrap();
    let topic = unique("groups.bursts");
    let group = unique("bursts");
    client::create_topic(&b, &topic, 1, &[]);
    client::produce_count_to(&b, &topic, 0, 5);
    // The broker stamps records with its append time: the bursts must be apart in
    // wall-clock time, and the moment between them is what the test is about.
    std::thread::sleep(Duration::from_millis(1_100));
    let between = kop_time_now();
    std::thread::sleep(Duration::from_millis(1_100));
    client::produce_count_to(&b, &topic, 0, 7);
    client::commit(&b, &group, &topic, 0, 12);
    let run = kop([
        "groups",
        "reset",
        &group,
        "--topic",
        &topic,
        "--to-datetime",
        &between,
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert!(run.stdout.contains("12 → 5"), "{}", run.stdout);
    assert_eq!(committed(&b, &group, &topic), [5]);
    // Every record is younger than an hour: back to the first.
    kop([
        "groups",
        "reset",
        &group,
        "--topic",
        &topic,
        "--by-duration",
        "1h",
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert_eq!(committed(&b, &group, &topic), [0]);
}

/// Now, in RFC 3339 with milliseconds (`2025-01-14T09:12:03.250Z`).
fn kop_time_now() -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%S.%3NZ"])
        .output()
        .expect("date");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn shift_by_moves_each_partition_back_and_clamps_at_the_earliest() {
    let b = broker::shared().bootstrap();
    let topic = unique("groups.shift");
    let group = unique("shift");
    client::create_topic(&b, &topic, 2, &[]);
    client::produce_count_to(&b, &topic, 0, 20);
    client::produce_count_to(&b, &topic, 1, 20);
    client::commit(&b, &group, &topic, 0, 3);
    client::commit(&b, &group, &topic, 1, 12);
    let run = kop([
        "groups",
        "reset",
        &group,
        "--topic",
        &topic,
        "--shift-by",
        "-5",
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert!(
        run.stderr
            .contains("offset -2 is before the earliest offset still in the log (0): using 0"),
        "{}",
        run.stderr
    );
    assert_eq!(committed(&b, &group, &topic), [0, 7]);
}

#[test]
fn list_and_describe_show_the_group_with_its_offsets_and_lag_and_delete_removes_it() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let list = kop(["groups", "list", "-b", &b, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == group.as_str())
        .unwrap_or_else(|| panic!("{group} not listed: {list}"))
        .clone();
    assert_eq!(row["lag"], 4 + 3 + 3);
    assert_eq!(row["topics"], serde_json::json!([topic]));
    assert_eq!(row["partitions"], 3);
    assert_eq!(row["state"], "Empty");
    assert_eq!(row["replay_cursor"], Value::Null);

    let described = kop(["groups", "describe", &group, "-b", &b, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let g = &described[0];
    assert_eq!(g["group"], group.as_str());
    assert_eq!(g["members"], serde_json::json!([]));
    assert!(g["coordinator"]["id"].is_i64(), "{g}");
    let offsets: Vec<(i64, i64, i64)> = g["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["committed"].as_i64().unwrap(),
                p["end"].as_i64().unwrap(),
                p["lag"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(offsets, [(10, 14, 4), (10, 13, 3), (10, 13, 3)]);
    assert_eq!(g["lag"], 10);

    let table = kop(["groups", "describe", &group, "-b", &b])
        .run()
        .expect_code(0);
    assert!(table.stdout.contains("No members"), "{}", table.stdout);

    let refused = kop(["groups", "delete", &group, "-b", &b])
        .run()
        .expect_code(1);
    assert!(
        refused.stderr.contains("nothing was deleted"),
        "{}",
        refused.stderr
    );
    let run = kop(["groups", "delete", &group, "-b", &b, "--yes"])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains(&format!("deleted group {group}")),
        "{}",
        run.stdout
    );
    assert!(
        client::committed(&b, &group, &topic).is_empty(),
        "its offsets went with it"
    );
    let list = kop(["groups", "list", "-b", &b, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert!(!list
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["group"] == group.as_str()));
    let missing = kop(["groups", "describe", &group, "-b", &b])
        .run()
        .expect_code(1);
    assert!(
        missing
            .stderr
            .contains(&format!("no consumer group named {group}")),
        "{}",
        missing.stderr
    );
}

#[test]
fn list_filters_by_state_topic_and_pattern_and_marks_replay_cursors() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let dlq = unique("groups.dlq");
    client::create_topic(&b, &dlq, 1, &[]);
    client::produce_count_to(&b, &dlq, 0, 2);
    let cursor = format!("kop-replay.{dlq}");
    client::commit(&b, &cursor, &dlq, 0, 1);
    let names = |args: &[&str]| -> BTreeMap<String, Value> {
        let mut all = vec!["groups", "list", "-b", &b, "-o", "json"];
        all.extend_from_slice(args);
        let json = kop(&all).run().expect_code(0).json();
        json.as_array()
            .unwrap()
            .iter()
            .map(|g| (g["group"].as_str().unwrap().to_string(), g.clone()))
            .collect()
    };
    let by_topic = names(&["--topic", &topic]);
    assert_eq!(by_topic.keys().collect::<Vec<_>>(), [&group]);
    let by_cursor = names(&["--topic", &dlq]);
    assert_eq!(by_cursor[&cursor]["replay_cursor"]["dlq"], dlq.as_str());
    assert_eq!(by_cursor[&cursor]["replay_cursor"]["filtered"], false);
    assert_eq!(by_cursor[&cursor]["lag"], 1);
    let pattern = format!("^{}$", group.replace('.', "\\."));
    assert_eq!(names(&["--pattern", &pattern]).len(), 1);
    assert!(names(&["--state", "stable", "--pattern", &pattern]).is_empty());
    assert_eq!(
        names(&["--state", "empty,stable", "--pattern", &pattern]).len(),
        1
    );
    let table = kop(["groups", "list", "-b", &b, "--topic", &dlq])
        .run()
        .expect_code(0);
    assert!(
        table
            .stdout
            .contains(&format!("kop replay cursor of {dlq}")),
        "{}",
        table.stdout
    );
    let bad = kop(["groups", "list", "-b", &b, "--state", "asleep"])
        .run()
        .expect_code(2);
    assert!(bad.stderr.contains("not a group state"), "{}", bad.stderr);
}

#[test]
fn an_active_group_is_refused_with_a_hint_and_keeps_its_offsets() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let member = client::Member::join(&b, &group, &topic);
    let described = kop(["groups", "describe", &group, "-b", &b, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    // What the test broker says of a group with a connected consumer: Stable, but no
    // member listed (its ConsumerGroupDescribe leaves them out).
    assert_eq!(described[0]["state"], "Stable");
    assert_eq!(described[0]["members"], serde_json::json!([]));
    // Its DescribeGroups, which `groups list` reads, does list the member (without client
    // id, host or assignment).
    let list = kop(["groups", "list", "-b", &b, "-o", "json", "--topic", &topic])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(list[0]["group"], group.as_str());
    assert_eq!(
        (list[0]["state"].as_str(), list[0]["members"].as_i64()),
        (Some("Stable"), Some(1))
    );
    for args in [
        vec![
            "groups", "reset", &group, "--topic", &topic, "--to", "earliest", "--yes",
        ],
        vec!["groups", "delete", &group, "--yes"],
        vec![
            "groups",
            "delete-offsets",
            &group,
            "--topic",
            &topic,
            "--yes",
        ],
    ] {
        let mut args = args.clone();
        args.extend(["-b", &b]);
        let run = kop(&args).run().expect_code(1);
        assert!(
            run.stderr
                .contains(&format!("group {group} is active (state Stable")),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("hint: stop the group's consumers"),
            "{}",
            run.stderr
        );
    }
    let dry = kop([
        "groups",
        "reset",
        &group,
        "--topic",
        &topic,
        "--to",
        "earliest",
        "--dry-run",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert!(
        dry.stderr.contains("Kafka will refuse this reset"),
        "{}",
        dry.stderr
    );
    assert_eq!(committed(&b, &group, &topic), [10, 10, 10]);
    drop(member);
}

#[test]
fn delete_offsets_says_the_broker_lacks_offset_delete_and_changes_nothing() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let partition = format!("{topic}:0");
    let run = kop([
        "groups",
        "delete-offsets",
        &group,
        "--topic",
        &partition,
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(1);
    assert!(
        run.stderr
            .contains("the cluster does not support OffsetDelete"),
        "{}",
        run.stderr
    );
    assert_eq!(committed(&b, &group, &topic), [10, 10, 10]);
    let other = unique("groups.nothing");
    let none = kop([
        "groups",
        "delete-offsets",
        &group,
        "--topic",
        &other,
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(1);
    assert!(
        none.stderr.contains("has no committed offsets on"),
        "{}",
        none.stderr
    );
}

#[test]
fn a_plan_exported_as_csv_applies_to_another_group_and_to_group_copies_positions() {
    let b = broker::shared().bootstrap();
    let (topic, group) = group_at_ten(&b);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("plan.csv");
    let csv_arg = csv.to_str().unwrap();
    kop([
        "groups",
        "reset",
        &group,
        "--all-topics",
        "--shift-by",
        "-4",
        "--dry-run",
        "--export",
        csv_arg,
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        format!("{topic},0,6\n{topic},1,6\n{topic},2,6\n")
    );
    let stdout = kop([
        "groups",
        "reset",
        &group,
        "--all-topics",
        "--to-offset",
        "2",
        "--dry-run",
        "--export",
        "-",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0)
    .stdout;
    assert_eq!(stdout, format!("{topic},0,2\n{topic},1,2\n{topic},2,2\n"));

    let copy = unique("copy");
    kop([
        "groups",
        "reset",
        &copy,
        "--from-file",
        csv_arg,
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert_eq!(
        committed(&b, &copy, &topic),
        [6, 6, 6],
        "a new group starts where the file says"
    );

    let json_plan = kop([
        "groups",
        "reset",
        &group,
        "--all-topics",
        "--to",
        "latest",
        "--dry-run",
        "-o",
        "json",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    let plan = json_plan.json();
    assert_eq!(plan["applied"], false);
    assert_eq!(plan["totals"]["skipped"], 4 + 3 + 3);
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, &json_plan.stdout).unwrap();
    kop([
        "groups",
        "reset",
        &copy,
        "--from-file",
        plan_file.to_str().unwrap(),
        "--yes",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0);
    assert_eq!(committed(&b, &copy, &topic), [14, 13, 13]);

    let applied = kop([
        "groups",
        "reset",
        &copy,
        "--to-group",
        &group,
        "--yes",
        "-o",
        "json",
        "-b",
        &b,
    ])
    .run()
    .expect_code(0)
    .json();
    assert_eq!(applied["applied"], true);
    assert_eq!(committed(&b, &copy, &topic), [10, 10, 10]);
}

#[test]
fn usage_errors_name_what_is_missing() {
    let b = broker::shared().bootstrap();
    let no_scope = kop(["groups", "reset", "g", "--to", "earliest", "-b", &b])
        .run()
        .expect_code(2);
    assert!(
        no_scope.stderr.contains("--all-topics"),
        "{}",
        no_scope.stderr
    );
    let no_target = kop(["groups", "reset", "g", "--all-topics", "-b", &b])
        .run()
        .expect_code(2);
    assert!(no_target.stderr.contains("--to"), "{}", no_target.stderr);
    let bad_time = kop([
        "groups",
        "reset",
        "g",
        "--all-topics",
        "--to-datetime",
        "yesterday",
        "-b",
        &b,
    ])
    .run()
    .expect_code(2);
    assert!(bad_time.stderr.contains("RFC 3339"), "{}", bad_time.stderr);
    let nothing = kop([
        "groups",
        "reset",
        &unique("fresh"),
        "--all-topics",
        "--to",
        "earliest",
        "-b",
        &b,
    ])
    .run()
    .expect_code(1);
    assert!(
        nothing.stderr.contains("nothing to reset"),
        "{}",
        nothing.stderr
    );
}
