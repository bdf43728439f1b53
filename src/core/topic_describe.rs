//! `kop topics describe`: one topic in depth, built from what the cluster, the topics file
//! and the registry said. Pure.

use std::collections::BTreeMap;

use crate::config::catalogue::humane_value;
use crate::config::{ClusterProfile, TopicsFile};
use crate::core::cluster::{
    vouched_origins, ClusterMetadata, ConfigOrigin, Ends, TopicConfigs, TopicInfo,
};
use crate::core::lag::{partition_lag, GroupLag, Snapshot};
use crate::core::plan::{self, Change, PlanInput, PlanOptions};
use crate::core::record::TopicPartition;
use crate::util::glob::Glob;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionRow {
    pub id: i32,
    /// -1: no leader (offline).
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// Offsets, when the broker gave them.
    pub ends: Option<Ends>,
}

impl PartitionRow {
    pub fn offline(&self) -> bool {
        self.leader < 0
    }

    pub fn under_replicated(&self) -> bool {
        self.isr.len() < self.replicas.len()
    }

    /// Records between the earliest and latest offsets.
    pub fn records(&self) -> Option<u64> {
        self.ends
            .map(|e| u64::try_from(e.latest - e.earliest).unwrap_or(0))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigRow {
    pub name: String,
    /// `None` for a sensitive value (never shown) or one the broker did not give.
    pub value: Option<String>,
    pub origin: ConfigOrigin,
    pub sensitive: bool,
}

impl ConfigRow {
    /// The value in humane units (`7d`, `1GiB`), as the topics file writes it.
    pub fn humane(&self) -> Option<String> {
        self.value.as_deref().map(|v| humane_value(&self.name, v))
    }
}

/// What topics.toml declares for the topic, and how the cluster differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub partitions: Option<i32>,
    pub replication_factor: Option<i16>,
    pub configs: BTreeMap<String, String>,
    /// What `topics apply` would do to it, one line each (empty: in sync).
    pub drift: Vec<String>,
}

/// A group that committed offsets for the topic or is assigned its partitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingGroup {
    pub group: String,
    pub state: String,
    pub members: usize,
    /// On this topic.
    pub lag: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadLetterQueue {
    pub topic: String,
    /// Named by the file's `dead_letter`, or found by name (`<topic>.dead-letter`, `.DLT`).
    pub declared: bool,
    /// Records in it, and those after its replay cursor; `None` when it does not exist.
    pub depth: Option<(u64, u64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub subject: String,
    pub version: u32,
    pub id: u32,
    pub schema_type: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDescription {
    pub name: String,
    pub partitions: Vec<PartitionRow>,
    pub configs: Vec<ConfigRow>,
    /// The broker listed only the configs set on the topic (and named them defaults).
    pub configs_partial: bool,
    /// A topics file was read (`declared` is then its word on the topic).
    pub file_read: bool,
    pub declared: Option<Declared>,
    pub groups: Vec<ReadingGroup>,
    pub dead_letter: Option<DeadLetterQueue>,
    /// `None`: no registry configured; `Some(Err)`: it did not answer.
    pub subjects: Option<Result<Vec<Subject>, String>>,
}

pub fn partition_rows(
    topic: &TopicInfo,
    ends: &BTreeMap<TopicPartition, Ends>,
) -> Vec<PartitionRow> {
    let mut rows: Vec<PartitionRow> = topic
        .partitions
        .iter()
        .map(|p| PartitionRow {
            id: p.id,
            leader: p.leader,
            replicas: p.replicas.clone(),
            isr: p.isr.clone(),
            ends: ends
                .get(&TopicPartition::new(topic.name.clone(), p.id))
                .copied(),
        })
        .collect();
    rows.sort_by_key(|r| r.id);
    rows
}

/// The configs to show: those not at Kafka's default (all of them with `all`), with the
/// source kop can vouch for.
pub fn config_rows(configs: &TopicConfigs, all: bool) -> (Vec<ConfigRow>, bool) {
    let (vouched, partial) = vouched_origins(configs);
    let rows = vouched
        .into_iter()
        .filter(|(_, v)| all || v.origin != ConfigOrigin::Default)
        .map(|(name, v)| ConfigRow {
            name,
            value: if v.sensitive { None } else { v.value },
            origin: v.origin,
            sensitive: v.sensitive,
        })
        .collect();
    (rows, partial)
}

/// The file's declaration of the topic and the drift `topics apply` would correct.
pub fn declared(
    file: &TopicsFile,
    profile: Option<&ClusterProfile>,
    cluster: &ClusterMetadata,
    configs: &BTreeMap<String, TopicConfigs>,
    topic: &str,
) -> Option<Declared> {
    let desired = plan::desired_topics(file, profile);
    let mine = desired.iter().find(|d| d.name == topic)?;
    let plan = plan::diff(&PlanInput {
        desired: &desired,
        cluster,
        configs,
        schemas: &[],
        compatibility: &[],
        options: &PlanOptions {
            only: vec![Glob::new(topic)],
            ..PlanOptions::default()
        },
    });
    let mut drift = Vec::new();
    for change in &plan.changes {
        match change {
            Change::AlterConfigs { changes, .. } => {
                for c in changes {
                    let old = c
                        .old
                        .as_deref()
                        .map_or("(not set)".to_string(), |v| humane_value(&c.key, v));
                    let new = c
                        .new
                        .as_deref()
                        .map_or("(broker default)".to_string(), |v| humane_value(&c.key, v));
                    drift.push(format!("{}: {old} → {new}", c.key));
                }
            }
            Change::AddPartitions { from, to, .. } => {
                drift.push(format!("partitions: {from} → {to}"))
            }
            // The plan of a topic that exists, without schemas, levels or deletions,
            // holds no other kind of change.
            Change::CreateTopic { .. }
            | Change::DeleteTopic { .. }
            | Change::RegisterSchema { .. }
            | Change::SetCompatibility { .. } => {}
        }
    }
    drift.extend(plan.impossible.iter().map(|i| i.reason.clone()));
    Some(Declared {
        partitions: mine.partitions,
        replication_factor: mine.replication_factor,
        configs: mine.configs.clone(),
        drift,
    })
}

/// The topic's dead-letter queue: the file's `dead_letter`, else a cluster topic named
/// `<topic>.dead-letter` or `<topic>.DLT`.
pub fn dead_letter_queue(
    file: Option<&TopicsFile>,
    cluster: &ClusterMetadata,
    topic: &str,
) -> Option<(String, bool)> {
    if let Some(dlq) = file
        .and_then(|f| f.topics.get(topic))
        .and_then(|t| t.dead_letter.clone())
    {
        return Some((dlq, true));
    }
    [".dead-letter", ".DLT"]
        .iter()
        .map(|suffix| format!("{topic}{suffix}"))
        .find(|name| cluster.topic(name).is_some())
        .map(|name| (name, false))
}

/// Records in a queue and those after its replay cursor (all of them before any replay).
pub fn queue_depth(
    queue: &str,
    ends: &BTreeMap<TopicPartition, Ends>,
    cursor: &BTreeMap<TopicPartition, Option<i64>>,
) -> (u64, u64) {
    let mut records = 0;
    let mut pending = 0;
    for (tp, e) in ends.iter().filter(|(tp, _)| tp.topic == queue) {
        records += u64::try_from(e.latest - e.earliest).unwrap_or(0);
        pending += partition_lag(cursor.get(tp).copied().flatten(), *e);
    }
    (records, pending)
}

/// The groups with partitions of the topic, from a snapshot taken for it alone.
pub fn reading_groups(snapshot: &Snapshot, members: &BTreeMap<String, usize>) -> Vec<ReadingGroup> {
    let mut groups: Vec<ReadingGroup> = snapshot
        .groups
        .iter()
        .filter(|g: &&GroupLag| g.partitions > 0)
        .map(|g| ReadingGroup {
            group: g.group.clone(),
            state: g.state.clone(),
            members: members.get(&g.group).copied().unwrap_or(0),
            lag: g.lag,
        })
        .collect();
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cluster::fixtures::{recorded_configs, topic};
    use crate::core::cluster::{ConfigValue, PartitionInfo};

    #[test]
    fn partitions_carry_marks_and_counts() {
        let mut t = topic("orders", 3, 3);
        t.partitions[1].isr = vec![1, 2];
        t.partitions[2] = PartitionInfo {
            id: 2,
            leader: -1,
            replicas: vec![1, 2, 3],
            isr: vec![],
            error: Some("Leader not available".into()),
        };
        let ends = BTreeMap::from([(
            TopicPartition::new("orders", 0),
            Ends {
                earliest: 5,
                latest: 45,
            },
        )]);
        let rows = partition_rows(&t, &ends);
        assert_eq!(rows[0].records(), Some(40));
        assert!(!rows[0].under_replicated() && !rows[0].offline());
        assert!(rows[1].under_replicated());
        assert!(rows[2].offline() && rows[2].under_replicated());
        assert_eq!(rows[2].records(), None);
    }

    #[test]
    fn recorded_kafka_sources_show_what_is_not_a_default() {
        let configs = recorded_configs(
            include_str!("plan/fixtures/describe_configs_kafka.json"),
            "orders",
        );
        let (rows, partial) = config_rows(&configs, false);
        assert!(!partial);
        let shown: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.origin.name()))
            .collect();
        assert_eq!(
            shown,
            [
                ("cleanup.policy", "topic"),
                ("retention.ms", "topic"),
                ("segment.bytes", "static broker")
            ]
        );
        assert_eq!(rows[1].humane().as_deref(), Some("1d"));
        let (all, _) = config_rows(&configs, true);
        assert_eq!(all.len(), configs.len());
        let dynamic = recorded_configs(
            include_str!("plan/fixtures/describe_configs_kafka_dynamic.json"),
            "payments",
        );
        let (rows, _) = config_rows(&dynamic, false);
        let origins: BTreeMap<&str, &str> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.origin.name()))
            .collect();
        assert_eq!(origins["min.insync.replicas"], "dynamic broker");
        assert_eq!(origins["retention.ms"], "dynamic broker");
        assert_eq!(origins["compression.type"], "topic");
        assert_eq!(origins["max.message.bytes"], "static broker");
    }

    #[test]
    fn sensitive_values_are_never_kept() {
        let configs = TopicConfigs::from([(
            "confluent.secret".to_string(),
            ConfigValue {
                value: Some("hunter2".into()),
                origin: ConfigOrigin::Topic,
                sensitive: true,
            },
        )]);
        let (rows, _) = config_rows(&configs, true);
        assert_eq!(rows[0].value, None);
        assert!(rows[0].sensitive);
    }

    #[test]
    fn the_declaration_and_its_drift() {
        let file = crate::config::parse(
            std::path::Path::new("topics.toml"),
            "[topics.orders]\npartitions = 3\nretention = \"7d\"\ndead_letter = \"orders.failed\"\n",
        )
        .unwrap();
        let cluster = ClusterMetadata {
            topics: vec![topic("orders", 3, 1)],
            brokers: vec![crate::core::cluster::BrokerInfo {
                id: 1,
                host: "k".into(),
                port: 9092,
            }],
            ..ClusterMetadata::default()
        };
        let configs = BTreeMap::from([(
            "orders".to_string(),
            recorded_configs(
                include_str!("plan/fixtures/describe_configs_kafka.json"),
                "orders",
            ),
        )]);
        let d = declared(&file, None, &cluster, &configs, "orders").unwrap();
        assert_eq!(d.partitions, Some(3));
        assert_eq!(d.drift, ["retention.ms: 1d → 7d"]);
        assert_eq!(declared(&file, None, &cluster, &configs, "other"), None);
        assert_eq!(
            dead_letter_queue(Some(&file), &cluster, "orders"),
            Some(("orders.failed".to_string(), true))
        );
        let mut with_dlt = cluster.clone();
        with_dlt.topics.push(topic("payments.DLT", 1, 1));
        assert_eq!(
            dead_letter_queue(None, &with_dlt, "payments"),
            Some(("payments.DLT".to_string(), false))
        );
        assert_eq!(dead_letter_queue(None, &with_dlt, "orders"), None);
    }

    #[test]
    fn a_queues_depth_counts_from_its_cursor() {
        let tp = |p| TopicPartition::new("dlq", p);
        let ends = BTreeMap::from([
            (
                tp(0),
                Ends {
                    earliest: 0,
                    latest: 10,
                },
            ),
            (
                tp(1),
                Ends {
                    earliest: 2,
                    latest: 4,
                },
            ),
            (
                TopicPartition::new("other", 0),
                Ends {
                    earliest: 0,
                    latest: 99,
                },
            ),
        ]);
        assert_eq!(queue_depth("dlq", &ends, &BTreeMap::new()), (12, 12));
        let cursor = BTreeMap::from([(tp(0), Some(7))]);
        assert_eq!(queue_depth("dlq", &ends, &cursor), (12, 5));
    }
}
