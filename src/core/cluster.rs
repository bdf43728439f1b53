//! What kop knows about a cluster: plain data filled by `kafka`, read by the pure decision
//! code (health checks, topic views, plans) without any client in sight.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerInfo {
    pub id: i32,
    pub host: String,
    pub port: i32,
}

impl BrokerInfo {
    pub fn address(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionInfo {
    pub id: i32,
    /// -1 when the partition has no leader.
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// The broker's error code for this partition, in words.
    pub error: Option<String>,
}

impl PartitionInfo {
    pub fn has_leader(&self) -> bool {
        self.leader >= 0
    }

    pub fn is_under_replicated(&self) -> bool {
        self.isr.len() < self.replicas.len()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: Vec<PartitionInfo>,
    pub error: Option<String>,
}

impl TopicInfo {
    /// Replication factor as Kafka reports it: the replica count of the first partition.
    pub fn replication_factor(&self) -> usize {
        self.partitions.first().map_or(0, |p| p.replicas.len())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterMetadata {
    pub cluster_id: Option<String>,
    pub controller_id: Option<i32>,
    pub brokers: Vec<BrokerInfo>,
    pub topics: Vec<TopicInfo>,
}

impl ClusterMetadata {
    pub fn topic(&self, name: &str) -> Option<&TopicInfo> {
        self.topics.iter().find(|t| t.name == name)
    }
}

/// The earliest and latest offsets of one partition: what it holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ends {
    pub earliest: i64,
    pub latest: i64,
}

/// Where a config value comes from, as DescribeConfigs reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigOrigin {
    /// Set on the topic itself (`DYNAMIC_TOPIC_CONFIG`).
    Topic,
    /// A broker setting changed at run time.
    DynamicBroker,
    /// `server.properties` on the broker.
    StaticBroker,
    /// Kafka's built-in default.
    Default,
    Unknown,
}

impl ConfigOrigin {
    /// In words, as `topics describe` shows it.
    pub fn name(self) -> &'static str {
        match self {
            ConfigOrigin::Topic => "topic",
            ConfigOrigin::DynamicBroker => "dynamic broker",
            ConfigOrigin::StaticBroker => "static broker",
            ConfigOrigin::Default => "default",
            ConfigOrigin::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigValue {
    pub value: Option<String>,
    pub origin: ConfigOrigin,
    pub sensitive: bool,
}

/// A topic's configs by name.
pub type TopicConfigs = BTreeMap<String, ConfigValue>;

/// Configs every Apache Kafka broker lists for a topic, whatever is set on it.
const ALWAYS_LISTED: &[&str] = &[
    "cleanup.policy",
    "max.message.bytes",
    "retention.bytes",
    "retention.ms",
    "segment.bytes",
];

/// Whether the broker listed only some of the topic's configs. Apache Kafka lists every
/// topic config with its source; some brokers (Tansu) list only the keys set on the topic,
/// and call each a default.
pub fn lists_only_some_configs(configs: &TopicConfigs) -> bool {
    !ALWAYS_LISTED.iter().all(|k| configs.contains_key(*k))
}

/// The configs with the origin kop can vouch for: a broker that lists only some configs
/// lists those set on the topic, whatever source it names. The flag says whether that
/// was the case.
pub fn vouched_origins(configs: &TopicConfigs) -> (TopicConfigs, bool) {
    if !lists_only_some_configs(configs) {
        return (configs.clone(), false);
    }
    let relabelled = configs
        .iter()
        .map(|(k, v)| {
            let mut v = v.clone();
            if v.origin == ConfigOrigin::Default {
                v.origin = ConfigOrigin::Topic;
            }
            (k.clone(), v)
        })
        .collect();
    (relabelled, true)
}

/// Cluster state for unit tests.
#[cfg(test)]
pub mod fixtures {
    use super::{ConfigOrigin, ConfigValue, PartitionInfo, TopicConfigs, TopicInfo};

    /// Configs of one topic from a recorded DescribeConfigs answer (the JSON fixtures under
    /// `core/plan/fixtures`), sources named as Kafka names them on the wire.
    pub fn recorded_configs(json: &str, topic: &str) -> TopicConfigs {
        let json: serde_json::Value = serde_json::from_str(json).unwrap();
        json[topic]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let origin = match e["source"].as_str().unwrap() {
                    "DYNAMIC_TOPIC_CONFIG" => ConfigOrigin::Topic,
                    "STATIC_BROKER_CONFIG" => ConfigOrigin::StaticBroker,
                    "DYNAMIC_BROKER_CONFIG" | "DYNAMIC_DEFAULT_BROKER_CONFIG" => {
                        ConfigOrigin::DynamicBroker
                    }
                    "DEFAULT_CONFIG" => ConfigOrigin::Default,
                    _ => ConfigOrigin::Unknown,
                };
                let value = ConfigValue {
                    value: e["value"].as_str().map(str::to_string),
                    origin,
                    sensitive: e["sensitive"].as_bool().unwrap_or(false),
                };
                (e["name"].as_str().unwrap().to_string(), value)
            })
            .collect()
    }

    /// A topic whose partitions all have broker 1 as leader and `rf` replicas in sync.
    pub fn topic(name: &str, partitions: i32, rf: i32) -> TopicInfo {
        TopicInfo {
            name: name.into(),
            partitions: (0..partitions)
                .map(|id| PartitionInfo {
                    id,
                    leader: 1,
                    replicas: (1..=rf).collect(),
                    isr: (1..=rf).collect(),
                    error: None,
                })
                .collect(),
            error: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_listing_keeps_its_sources_and_a_partial_one_is_what_was_set() {
        let kafka = fixtures::recorded_configs(
            include_str!("plan/fixtures/describe_configs_kafka.json"),
            "orders",
        );
        let (same, partial) = vouched_origins(&kafka);
        assert!(!partial);
        assert_eq!(same, kafka);
        let tansu: TopicConfigs = [("retention.ms", "86400000"), ("cleanup.policy", "delete")]
            .into_iter()
            .map(|(k, v)| {
                let value = ConfigValue {
                    value: Some(v.into()),
                    origin: ConfigOrigin::Default,
                    sensitive: false,
                };
                (k.to_string(), value)
            })
            .collect();
        let (vouched, partial) = vouched_origins(&tansu);
        assert!(partial);
        assert!(vouched.values().all(|v| v.origin == ConfigOrigin::Topic));
    }
}
