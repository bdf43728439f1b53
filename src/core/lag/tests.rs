use super::*;
use crate::core::groups::Member;

fn ends(latest: i64) -> Ends {
    Ends {
        earliest: 0,
        latest,
    }
}

#[test]
fn lag_from_committed_or_from_the_earliest_offset() {
    assert_eq!(partition_lag(Some(40), ends(100)), 60);
    assert_eq!(partition_lag(Some(100), ends(100)), 0);
    assert_eq!(
        partition_lag(
            None,
            Ends {
                earliest: 20,
                latest: 100
            }
        ),
        80
    );
    // Committed below the earliest (retention removed it): only what is still there.
    assert_eq!(
        partition_lag(
            Some(5),
            Ends {
                earliest: 20,
                latest: 100
            }
        ),
        80
    );
    // A committed offset past the end (a truncated log) is no lag.
    assert_eq!(partition_lag(Some(120), ends(100)), 0);
}

fn group() -> Group {
    Group {
        name: "billing".into(),
        state: "Stable".into(),
        protocol_type: "consumer".into(),
        members: vec![Member {
            member_id: "billing-1-0c5e".into(),
            client_id: "billing-1".into(),
            host: "/10.0.0.7".into(),
            partitions: vec![
                TopicPartition::new("orders", 0),
                TopicPartition::new("orders", 1),
            ],
            ..Member::default()
        }],
        ..Group::default()
    }
}

#[test]
fn rows_cover_committed_and_assigned_partitions_with_owners() {
    let committed = BTreeMap::from([
        (TopicPartition::new("orders", 0), Some(40)),
        (TopicPartition::new("refunds", 0), Some(3)),
    ]);
    let e = BTreeMap::from([
        (TopicPartition::new("orders", 0), ends(100)),
        (TopicPartition::new("orders", 1), ends(10)),
        (TopicPartition::new("refunds", 0), ends(3)),
    ]);
    let rows = rows(&group(), &committed, &e);
    let summary: Vec<(&str, i32, Option<i64>, u64, bool)> = rows
        .iter()
        .map(|r| {
            (
                r.topic.as_str(),
                r.partition,
                r.committed,
                r.lag,
                r.owner.is_some(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("orders", 0, Some(40), 60, true),
            ("orders", 1, None, 10, true),
            ("refunds", 0, Some(3), 0, false)
        ]
    );
    let g = summarize(&group(), &rows, &Thresholds::default());
    assert_eq!((g.lag, g.partitions), (70, 3));
    assert_eq!(
        g.by_topic,
        BTreeMap::from([("orders".to_string(), 70), ("refunds".to_string(), 0)])
    );
    assert_eq!(g.breach, None);
}

#[test]
fn thresholds_from_flags_and_the_file() {
    let t = Thresholds {
        max_lag: Some(10),
        max_age: Some(Duration::from_secs(60)),
        per_group: vec![Limit {
            pattern: Glob::new("batch-*"),
            max_lag: Some(1_000_000),
            max_age: None,
        }],
    };
    assert_eq!(
        t.breach("billing", 11, None).as_deref(),
        Some("lag 11 > 10")
    );
    assert_eq!(t.breach("billing", 10, None), None);
    assert_eq!(
        t.breach("batch-nightly", 50_000, None),
        None,
        "the file's limit wins for its groups"
    );
    assert_eq!(
        t.breach("billing", 0, Some(Duration::from_secs(90)))
            .as_deref(),
        Some("oldest unconsumed 1m30s old > 1m")
    );
}

#[test]
fn consumer_protocol_assignments() {
    // version 1, 2 topics: "a" [0, 2], "bc" [1], no user data
    let mut bytes = vec![0, 1, 0, 0, 0, 2];
    bytes.extend([0, 1, b'a', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
    bytes.extend([0, 2, b'b', b'c', 0, 0, 0, 1, 0, 0, 0, 1]);
    bytes.extend([0xff, 0xff, 0xff, 0xff]);
    assert_eq!(
        parse_assignment(&bytes),
        Some(vec![
            TopicPartition::new("a", 0),
            TopicPartition::new("a", 2),
            TopicPartition::new("bc", 1)
        ])
    );
    assert_eq!(parse_assignment(&[0, 1, 0]), None);
}

#[test]
fn replay_cursors_are_left_out_unless_named_or_asked_for() {
    let all = GroupSelection::default();
    assert!(all.wants_group("billing"));
    assert!(!all.wants_group("kop-replay.dlq.failed-events"));
    assert!(!all.wants_group("kop-replay.dlq.failed-events.00ff00ff00ff00ff"));
    let named = GroupSelection {
        groups: vec!["kop-replay.dlq.failed-events".into()],
        ..GroupSelection::default()
    };
    assert!(named.wants_group("kop-replay.dlq.failed-events"));
    let asked = GroupSelection {
        replay_cursors: true,
        ..GroupSelection::default()
    };
    assert!(asked.wants_group("kop-replay.dlq.failed-events"));
}

#[test]
fn only_partitions_over_the_limit_carry_a_breach() {
    let thresholds = Thresholds {
        max_lag: Some(50),
        ..Thresholds::default()
    };
    let inputs = LagInputs {
        groups: vec![group()],
        committed: BTreeMap::from([(
            "billing".to_string(),
            BTreeMap::from([
                (TopicPartition::new("orders", 0), Some(40)),
                (TopicPartition::new("orders", 1), Some(70)),
            ]),
        )]),
        ends: BTreeMap::from([
            (TopicPartition::new("orders", 0), ends(100)),
            (TopicPartition::new("orders", 1), ends(100)),
        ]),
    };
    let s = snapshot(
        &inputs,
        &GroupSelection::default(),
        &thresholds,
        None,
        std::time::Instant::now(),
    );
    assert_eq!(s.groups[0].breach.as_deref(), Some("lag 90 > 50"));
    assert_eq!(s.rows[0].breach.as_deref(), Some("lag 60 > 50"));
    assert_eq!(s.rows[1].breach, None, "30 behind is within the limit");
}

#[test]
fn groups_and_rows_come_in_name_order_whatever_order_the_brokers_listed() {
    let named = |name: &str| Group {
        name: name.into(),
        state: "Empty".into(),
        ..Group::default()
    };
    let inputs = LagInputs {
        groups: vec![named("zeta"), named("alpha")],
        committed: BTreeMap::from([
            (
                "zeta".to_string(),
                BTreeMap::from([(TopicPartition::new("orders", 0), Some(1))]),
            ),
            (
                "alpha".to_string(),
                BTreeMap::from([(TopicPartition::new("orders", 0), Some(2))]),
            ),
        ]),
        ends: BTreeMap::from([(TopicPartition::new("orders", 0), ends(10))]),
    };
    let s = snapshot(
        &inputs,
        &GroupSelection::default(),
        &Thresholds::default(),
        None,
        std::time::Instant::now(),
    );
    let names: Vec<&str> = s.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, ["alpha", "zeta"]);
    assert_eq!(s.rows[0].group, "alpha");
}
