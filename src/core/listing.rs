//! `kop topics list` rows: cluster topics and file topics side by side. Pure.

use std::collections::BTreeMap;

use crate::config::topic_name::is_internal;
use crate::config::TopicsFile;
use crate::core::cluster::{ClusterMetadata, ConfigOrigin, TopicConfigs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// Declared in the file and present on the cluster.
    Managed,
    /// On the cluster, not in the file.
    Unmanaged,
    /// In the file, not on the cluster yet.
    Missing,
    /// Internal (`_`-prefixed): never managed by kop.
    Internal,
}

impl Ownership {
    pub fn name(self) -> &'static str {
        match self {
            Ownership::Managed => "managed",
            Ownership::Unmanaged => "unmanaged",
            Ownership::Missing => "missing",
            Ownership::Internal => "internal",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicRow {
    pub name: String,
    /// `None` for a topic missing on the cluster.
    pub partitions: Option<usize>,
    pub replication_factor: Option<usize>,
    pub retention_ms: Option<String>,
    pub cleanup_policy: Option<String>,
    /// Configs set on the topic itself (not inherited from the broker or Kafka's defaults).
    pub configs: BTreeMap<String, String>,
    /// `None` without a topics file: there is nothing to compare with.
    pub managed: Option<Ownership>,
    /// For declared topics: how many changes `topics apply` would make (0 = in sync).
    pub drift: Option<usize>,
}

/// The rows of `kop topics list`, and whether they were compared with a topics file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicListing {
    pub rows: Vec<TopicRow>,
    /// A topics file was read: `managed` and `drift` mean something.
    pub with_file: bool,
}

/// Which cluster topics a listing shows: internal ones only on request.
pub fn visible_topics(cluster: &ClusterMetadata, include_internal: bool) -> Vec<String> {
    let mut names: Vec<String> = cluster
        .topics
        .iter()
        .map(|t| t.name.clone())
        .filter(|n| include_internal || !is_internal(n))
        .collect();
    names.sort();
    names
}

/// `drift`: changes per topic from the plan (`Plan::drifted_topics`).
pub fn build_rows(
    cluster: &ClusterMetadata,
    configs: &BTreeMap<String, TopicConfigs>,
    file: Option<&TopicsFile>,
    drift: &BTreeMap<&str, usize>,
    include_internal: bool,
) -> TopicListing {
    let declared = |name: &str| file.is_some_and(|f| f.topics.contains_key(name));
    let mut rows: Vec<TopicRow> = visible_topics(cluster, include_internal)
        .into_iter()
        .filter_map(|name| cluster.topic(&name))
        .map(|topic| {
            let topic_configs = configs.get(&topic.name);
            let value = |key: &str| {
                topic_configs
                    .and_then(|c| c.get(key))
                    .and_then(|v| v.value.clone())
            };
            let managed = if is_internal(&topic.name) {
                Ownership::Internal
            } else if declared(&topic.name) {
                Ownership::Managed
            } else {
                Ownership::Unmanaged
            };
            TopicRow {
                name: topic.name.clone(),
                partitions: Some(topic.partitions.len()),
                replication_factor: Some(topic.replication_factor()),
                retention_ms: value("retention.ms"),
                cleanup_policy: value("cleanup.policy"),
                configs: topic_configs.map(overrides).unwrap_or_default(),
                drift: (managed == Ownership::Managed)
                    .then(|| drift.get(topic.name.as_str()).copied().unwrap_or(0)),
                managed: file.is_some().then_some(managed),
            }
        })
        .collect();
    if let Some(file) = file {
        for spec in file.topics.values() {
            if cluster.topic(&spec.name).is_none() {
                rows.push(TopicRow {
                    name: spec.name.clone(),
                    partitions: None,
                    replication_factor: None,
                    retention_ms: None,
                    cleanup_policy: None,
                    configs: BTreeMap::new(),
                    managed: Some(Ownership::Missing),
                    drift: Some(1),
                });
            }
        }
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    TopicListing {
        rows,
        with_file: file.is_some(),
    }
}

/// Values set on the topic itself. Sensitive values never leave this function.
fn overrides(configs: &TopicConfigs) -> BTreeMap<String, String> {
    configs
        .iter()
        .filter(|(_, v)| v.origin == ConfigOrigin::Topic && !v.sensitive)
        .filter_map(|(k, v)| v.value.clone().map(|value| (k.clone(), value)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;
    use crate::core::cluster::ConfigValue;

    fn topic(name: &str, partitions: i32) -> crate::core::cluster::TopicInfo {
        crate::core::cluster::fixtures::topic(name, partitions, 2)
    }

    fn value(v: &str, origin: ConfigOrigin) -> ConfigValue {
        ConfigValue {
            value: Some(v.into()),
            origin,
            sensitive: false,
        }
    }

    #[test]
    fn rows_mark_managed_unmanaged_missing_and_hide_internal() {
        let cluster = ClusterMetadata {
            topics: vec![
                topic("orders", 3),
                topic("legacy", 1),
                topic("__consumer_offsets", 50),
            ],
            ..ClusterMetadata::default()
        };
        let mut configs = BTreeMap::new();
        configs.insert(
            "orders".to_string(),
            TopicConfigs::from([
                (
                    "retention.ms".to_string(),
                    value("604800000", ConfigOrigin::Topic),
                ),
                (
                    "cleanup.policy".to_string(),
                    value("delete", ConfigOrigin::Default),
                ),
            ]),
        );
        let file = config::parse(
            std::path::Path::new("topics.toml"),
            "[topics.orders]\npartitions = 3\n[topics.payments]\npartitions = 1\n",
        )
        .unwrap();
        let drift = BTreeMap::from([("orders", 2)]);
        let listing = build_rows(&cluster, &configs, Some(&file), &drift, false);
        assert!(listing.with_file);
        let rows = listing.rows;
        let summary: Vec<(&str, Option<&str>, Option<usize>)> = rows
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.managed.map(Ownership::name),
                    r.partitions,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("legacy", Some("unmanaged"), Some(1)),
                ("orders", Some("managed"), Some(3)),
                ("payments", Some("missing"), None)
            ]
        );
        let orders = &rows[1];
        assert_eq!(orders.retention_ms.as_deref(), Some("604800000"));
        assert_eq!(orders.cleanup_policy.as_deref(), Some("delete"));
        assert_eq!(orders.configs.len(), 1, "only the topic's own overrides");
        assert_eq!(orders.replication_factor, Some(2));
        assert_eq!(orders.drift, Some(2));
        assert_eq!(rows[0].drift, None, "unmanaged topics have no drift");

        let all = build_rows(&cluster, &configs, Some(&file), &BTreeMap::new(), true).rows;
        assert_eq!(all[0].name, "__consumer_offsets");
        assert_eq!(all[0].managed, Some(Ownership::Internal));
    }

    #[test]
    fn without_a_topics_file_no_topic_is_judged_managed_or_not() {
        let cluster = ClusterMetadata {
            topics: vec![topic("orders", 3), topic("__consumer_offsets", 50)],
            ..ClusterMetadata::default()
        };
        let listing = build_rows(&cluster, &BTreeMap::new(), None, &BTreeMap::new(), true);
        assert!(!listing.with_file);
        assert_eq!(listing.rows.len(), 2);
        for row in &listing.rows {
            assert_eq!((row.managed, row.drift), (None, None), "{}", row.name);
        }
    }
}
