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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigValue {
    pub value: Option<String>,
    pub origin: ConfigOrigin,
    pub sensitive: bool,
}

/// A topic's configs by name.
pub type TopicConfigs = BTreeMap<String, ConfigValue>;

/// Cluster state for unit tests.
#[cfg(test)]
pub mod fixtures {
    use super::{PartitionInfo, TopicInfo};

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
