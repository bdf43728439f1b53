use super::*;
use crate::core::cluster::TopicInfo;

fn partition(id: i32, leader: i32, replicas: &[i32], isr: &[i32]) -> PartitionInfo {
    PartitionInfo {
        id,
        leader,
        replicas: replicas.to_vec(),
        isr: isr.to_vec(),
        error: None,
    }
}

fn cluster(partitions: Vec<PartitionInfo>) -> ClusterMetadata {
    ClusterMetadata {
        cluster_id: Some("abc".into()),
        controller_id: Some(1),
        brokers: (1..=3)
            .map(|id| BrokerInfo {
                id,
                host: format!("kafka-{id}"),
                port: 9092,
            })
            .collect(),
        topics: vec![TopicInfo {
            name: "orders".into(),
            partitions,
            error: None,
        }],
    }
}

fn all_answer() -> Vec<(i32, Result<Duration, String>)> {
    (1..=3)
        .map(|id| (id, Ok(Duration::from_millis(id as u64))))
        .collect()
}

fn input(cluster: ClusterMetadata) -> HealthInput {
    HealthInput {
        cluster: Ok(cluster),
        probes: all_answer(),
        declared_topics: None,
        pinned_cluster_id: None,
        registry: None,
        lag: None,
        dead_letters: None,
    }
}

fn status_of(report: &HealthReport, name: &str) -> CheckStatus {
    report
        .checks
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.status)
        .unwrap()
}

#[test]
fn a_healthy_cluster() {
    let report = evaluate(&input(cluster(vec![partition(
        0,
        1,
        &[1, 2, 3],
        &[1, 2, 3],
    )])));
    assert!(report.healthy());
    assert!(
        report.checks.iter().all(|c| c.status == CheckStatus::Ok),
        "{report:?}"
    );
    assert_eq!(report.brokers.len(), 3);
    assert!(report.brokers[0].controller && !report.brokers[1].controller);
    assert_eq!(report.checks[0].detail, "3 of 3 answered (slowest 3.0 ms)");
}

#[test]
fn leaderless_partitions_fail_and_are_named() {
    let report = evaluate(&input(cluster(vec![
        partition(0, -1, &[1, 2], &[]),
        partition(1, 2, &[1, 2], &[2, 1]),
    ])));
    assert!(!report.healthy());
    let check = report
        .checks
        .iter()
        .find(|c| c.name == "partition leaders")
        .unwrap();
    assert_eq!(check.status, CheckStatus::Fail);
    assert_eq!(check.detail, "1 of 2 partitions have no leader: orders-0");
}

#[test]
fn under_replication_warns() {
    let report = evaluate(&input(cluster(vec![partition(0, 1, &[1, 2, 3], &[1])])));
    assert_eq!(status_of(&report, "replication"), CheckStatus::Warn);
    assert!(report.healthy());
}

#[test]
fn a_silent_broker_fails_with_its_cause() {
    let mut i = input(cluster(vec![]));
    i.probes[1].1 = Err("Connection refused".into());
    let report = evaluate(&i);
    let check = &report.checks[0];
    assert_eq!(check.status, CheckStatus::Fail);
    assert_eq!(
        check.detail,
        "1 of 3 did not answer: broker 2 at kafka-2:9092: Connection refused"
    );
}

#[test]
fn unreachable_cluster_fails_and_skips_the_rest() {
    let report = evaluate(&HealthInput {
        cluster: Err("could not reach Kafka at 127.0.0.1:1 within 3s: Connection refused".into()),
        probes: vec![],
        declared_topics: Some(vec!["a".into()]),
        pinned_cluster_id: None,
        registry: None,
        lag: None,
        dead_letters: None,
    });
    assert!(!report.healthy());
    assert_eq!(report.checks[0].status, CheckStatus::Fail);
    assert!(report.checks[1..]
        .iter()
        .all(|c| c.status == CheckStatus::Skipped));
}

#[test]
fn missing_declared_topics_warn() {
    let mut i = input(cluster(vec![]));
    i.declared_topics = Some(vec!["orders".into(), "payments".into()]);
    let report = evaluate(&i);
    let check = report
        .checks
        .iter()
        .find(|c| c.name == "declared topics")
        .unwrap();
    assert_eq!(check.status, CheckStatus::Warn);
    assert!(check
        .detail
        .starts_with("1 of 2 missing on the cluster: payments"));
}

#[test]
fn pinned_cluster_id_must_match() {
    let mut i = input(cluster(vec![]));
    i.pinned_cluster_id = Some("other".into());
    let report = evaluate(&i);
    assert_eq!(status_of(&report, "cluster id"), CheckStatus::Fail);
}

#[test]
fn registry_states() {
    let mut i = input(cluster(vec![]));
    let probe = |result| RegistryProbe {
        url: "http://sr:8081".into(),
        result,
    };
    i.registry = Some(probe(Ok(RegistryAnswer {
        latency: Duration::from_millis(12),
        mode: Some("READWRITE".into()),
    })));
    let report = evaluate(&i);
    assert_eq!(status_of(&report, "schema registry"), CheckStatus::Ok);
    i.registry = Some(probe(Ok(RegistryAnswer {
        latency: Duration::from_millis(12),
        mode: Some("READONLY".into()),
    })));
    assert_eq!(
        status_of(&evaluate(&i), "schema registry"),
        CheckStatus::Warn
    );
    i.registry = Some(probe(Err("connection refused".into())));
    let report = evaluate(&i);
    assert_eq!(status_of(&report, "schema registry"), CheckStatus::Fail);
    assert!(!report.healthy());
}

#[test]
fn long_lists_are_cut() {
    let names: Vec<String> = (0..8).map(|i| format!("t-{i}")).collect();
    assert_eq!(listing(&names), "t-0, t-1, t-2, t-3, t-4 and 3 more");
}

#[test]
fn lag_and_dead_letter_limits() {
    let mut i = input(cluster(vec![]));
    i.lag = Some((100, Ok(vec![("billing".into(), 60), ("audit".into(), 500)])));
    i.dead_letters = Some((0, Ok(vec![("dlq.failed-events".into(), 0)])));
    let report = evaluate(&i);
    let lag = report
        .checks
        .iter()
        .find(|c| c.name == "consumer lag")
        .unwrap();
    assert_eq!(lag.status, CheckStatus::Fail);
    assert_eq!(lag.detail, "1 of 2 groups over 100: audit (500)");
    assert_eq!(status_of(&report, "dead letters"), CheckStatus::Ok);
    assert!(!report.healthy());
}
