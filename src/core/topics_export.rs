//! `kop topics export`: a topics.toml for topics on a cluster. Partitions, replication
//! factor, and the configs set on each topic (the ones that override the broker's
//! defaults), in humane units and sorted; internal topics never. The file is checked
//! before it is printed: read back and planned against the same cluster state, it must
//! plan no change.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::config::catalogue::{self, humane_value, Kind, RawValue};
use crate::config::topic_name::is_internal;
use crate::core::cluster::{vouched_origins, ClusterMetadata, ConfigOrigin, TopicConfigs};
use crate::core::plan::{self, PlanInput, PlanOptions};
use crate::util::glob::{any_matches, Glob};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedTopic {
    pub name: String,
    pub partitions: usize,
    pub replication_factor: usize,
    /// Canonical values by config name.
    pub configs: BTreeMap<String, String>,
}

/// A config set on a topic that the file cannot carry, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub topic: String,
    pub key: String,
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Export {
    pub cluster_id: Option<String>,
    pub topics: Vec<ExportedTopic>,
    pub skipped: Vec<Skipped>,
    /// Topics whose configs the broker listed only in part (see
    /// `cluster::vouched_origins`): what it listed was exported as set on the topic.
    pub partial: Vec<String>,
}

/// The topics an export covers: not internal, and matching `only` when given.
pub fn exported_names(cluster: &ClusterMetadata, only: &[Glob]) -> Vec<String> {
    let mut names: Vec<String> = cluster
        .topics
        .iter()
        .filter(|t| t.error.is_none() && !t.partitions.is_empty())
        .map(|t| t.name.clone())
        .filter(|n| !is_internal(n) && (only.is_empty() || any_matches(only, n)))
        .collect();
    names.sort();
    names
}

pub fn export(
    cluster: &ClusterMetadata,
    configs: &BTreeMap<String, TopicConfigs>,
    only: &[Glob],
) -> Export {
    let mut out = Export {
        cluster_id: cluster.cluster_id.clone(),
        ..Export::default()
    };
    for name in exported_names(cluster, only) {
        let Some(topic) = cluster.topic(&name) else {
            continue;
        };
        let empty = TopicConfigs::new();
        let (vouched, partial) = vouched_origins(configs.get(&name).unwrap_or(&empty));
        if partial && !vouched.is_empty() {
            out.partial.push(name.clone());
        }
        let mut kept = BTreeMap::new();
        for (key, value) in vouched {
            let Some(text) = value
                .value
                .filter(|_| value.origin == ConfigOrigin::Topic && !value.sensitive)
            else {
                continue;
            };
            match catalogue::canonicalise(&key, &RawValue::Text(text.clone())) {
                Ok(canonical) => {
                    kept.insert(key, canonical);
                }
                Err(e) => out.skipped.push(Skipped {
                    topic: name.clone(),
                    key,
                    value: text,
                    reason: e.to_string(),
                }),
            }
        }
        out.topics.push(ExportedTopic {
            name,
            partitions: topic.partitions.len(),
            replication_factor: topic.replication_factor(),
            configs: kept,
        });
    }
    out
}

/// The sugar keys of topics.toml, by the Kafka config each stands for.
const SUGAR: &[(&str, &str)] = &[
    ("cleanup.policy", "cleanup_policy"),
    ("compression.type", "compression"),
    ("min.insync.replicas", "min_insync_replicas"),
    ("retention.ms", "retention"),
    ("retention.bytes", "retention_bytes"),
];

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A canonical value as topics.toml writes it: durations and sizes in humane units,
/// counts as integers, switches as booleans, the rest as strings.
fn toml_value(key: &str, canonical: &str) -> String {
    match catalogue::lookup(key).map(|s| s.kind) {
        Some(Kind::Duration { .. } | Kind::Size { .. }) => quote(&humane_value(key, canonical)),
        Some(Kind::Int { .. }) if canonical.parse::<i64>().is_ok() => canonical.to_string(),
        Some(Kind::Bool) if matches!(canonical, "true" | "false") => canonical.to_string(),
        _ => quote(canonical),
    }
}

pub fn to_toml(export: &Export) -> String {
    let mut s = String::new();
    let from = export
        .cluster_id
        .as_deref()
        .map_or("the cluster".to_string(), |id| format!("cluster {id}"));
    let _ = writeln!(
        s,
        "# Written by `kop topics export` from {from}: partitions, replication factor,"
    );
    let _ = writeln!(
        s,
        "# and the configs set on each topic (those that override the broker's defaults)."
    );
    let _ = writeln!(
        s,
        "# `kop -F <this file> topics apply --check` finds no changes on that cluster."
    );
    for topic in &export.topics {
        let _ = writeln!(s, "\n[topics.{}]", quote(&topic.name));
        let _ = writeln!(s, "partitions = {}", topic.partitions);
        let _ = writeln!(s, "replication_factor = {}", topic.replication_factor);
        let mut sugar: Vec<(&str, String)> = Vec::new();
        let mut rest: Vec<(&str, String)> = Vec::new();
        for (key, value) in &topic.configs {
            match SUGAR.iter().find(|(k, _)| k == key) {
                Some((_, short)) => sugar.push((short, toml_value(key, value))),
                None => rest.push((key, toml_value(key, value))),
            }
        }
        sugar.sort();
        for (key, value) in sugar {
            let _ = writeln!(s, "{key} = {value}");
        }
        for skipped in export.skipped.iter().filter(|k| k.topic == topic.name) {
            let _ = writeln!(
                s,
                "# not exported: {} = {} ({})",
                quote(&skipped.key),
                quote(&skipped.value),
                skipped.reason
            );
        }
        if !rest.is_empty() {
            let _ = writeln!(s, "\n[topics.{}.config]", quote(&topic.name));
            for (key, value) in rest {
                let _ = writeln!(s, "{} = {value}", quote(key));
            }
        }
    }
    s
}

/// Reads the file back and plans it against the state it was made from: any change is a
/// bug in the export, named here.
pub fn verify(
    text: &str,
    cluster: &ClusterMetadata,
    configs: &BTreeMap<String, TopicConfigs>,
    exported: &[String],
) -> Result<(), String> {
    let file = crate::config::parse(Path::new("exported topics.toml"), text)
        .map_err(|e| format!("the exported file does not read back: {e}"))?;
    let desired = plan::desired_topics(&file, None);
    let plan = plan::diff(&PlanInput {
        desired: &desired,
        cluster,
        configs,
        schemas: &[],
        compatibility: &[],
        options: &PlanOptions {
            only: exported.iter().map(Glob::new).collect(),
            ..PlanOptions::default()
        },
    });
    if plan.is_empty() {
        return Ok(());
    }
    let topics: Vec<&str> = plan.drifted_topics().into_keys().collect();
    Err(format!(
        "applying the exported file would change {}",
        topics.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cluster::fixtures::{recorded_configs, topic};
    use crate::core::cluster::{BrokerInfo, ConfigValue};

    fn cluster() -> ClusterMetadata {
        ClusterMetadata {
            cluster_id: Some("prod-7".into()),
            controller_id: Some(1),
            brokers: (1..=3)
                .map(|id| BrokerInfo {
                    id,
                    host: format!("k{id}"),
                    port: 9092,
                })
                .collect(),
            topics: vec![
                topic("orders", 6, 3),
                topic("__consumer_offsets", 50, 3),
                topic("_schemas", 1, 3),
                topic("task.created", 3, 3),
            ],
        }
    }

    fn kafka_configs() -> BTreeMap<String, TopicConfigs> {
        BTreeMap::from([
            (
                "orders".to_string(),
                recorded_configs(
                    include_str!("plan/fixtures/describe_configs_kafka.json"),
                    "orders",
                ),
            ),
            (
                "task.created".to_string(),
                recorded_configs(
                    include_str!("plan/fixtures/describe_configs_kafka_dynamic.json"),
                    "payments",
                ),
            ),
        ])
    }

    #[test]
    fn recorded_kafka_configs_export_only_topic_overrides_in_humane_units() {
        let export = export(&cluster(), &kafka_configs(), &[]);
        let names: Vec<&str> = export.topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["orders", "task.created"], "internal topics never");
        let text = to_toml(&export);
        assert!(text.contains("[topics.\"orders\"]\npartitions = 6\nreplication_factor = 3\ncleanup_policy = \"delete\"\nretention = \"1d\"\n"), "{text}");
        assert!(text.contains("[topics.\"task.created\"]\npartitions = 3\nreplication_factor = 3\ncompression = \"zstd\"\n"), "{text}");
        assert!(
            !text.contains("segment.bytes"),
            "a static broker setting is the broker's default: {text}"
        );
        assert!(
            !text.contains("min_insync"),
            "a dynamic broker setting is the broker's default: {text}"
        );
        assert!(export.partial.is_empty());
        verify(
            &text,
            &cluster(),
            &kafka_configs(),
            &names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        )
        .unwrap();
    }

    #[test]
    fn only_patterns_narrow_the_export() {
        let export = export(&cluster(), &kafka_configs(), &[Glob::new("task.*")]);
        assert_eq!(export.topics.len(), 1);
        assert_eq!(export.topics[0].name, "task.created");
    }

    fn set(values: &[(&str, &str)], origin: ConfigOrigin) -> TopicConfigs {
        values
            .iter()
            .map(|(k, v)| {
                let value = ConfigValue {
                    value: Some(v.to_string()),
                    origin,
                    sensitive: false,
                };
                (k.to_string(), value)
            })
            .collect()
    }

    #[test]
    fn a_broker_that_lists_only_what_was_set_exports_it_as_set() {
        // Tansu lists only the keys set on the topic, each as a default.
        let configs = BTreeMap::from([(
            "orders".to_string(),
            set(
                &[
                    ("retention.ms", "604800000"),
                    ("cleanup.policy", "compact,delete"),
                    ("max.message.bytes", "2097152"),
                    ("min.cleanable.dirty.ratio", "0.25"),
                    ("unclean.leader.election.enable", "false"),
                    ("retention.bytes", "-1"),
                ],
                ConfigOrigin::Default,
            ),
        )]);
        let mut cluster = cluster();
        cluster.topics.truncate(1);
        let export = export(&cluster, &configs, &[]);
        assert_eq!(export.partial, ["orders"]);
        let text = to_toml(&export);
        for line in [
            "cleanup_policy = \"compact,delete\"",
            "retention = \"7d\"",
            "retention_bytes = \"unlimited\"",
            "\"max.message.bytes\" = \"2MiB\"",
            "\"min.cleanable.dirty.ratio\" = \"0.25\"",
            "\"unclean.leader.election.enable\" = false",
        ] {
            assert!(text.contains(line), "{line} in\n{text}");
        }
        verify(&text, &cluster, &configs, &["orders".to_string()]).unwrap();
    }

    #[test]
    fn configs_the_file_cannot_carry_are_left_out_with_the_reason() {
        let configs = BTreeMap::from([(
            "orders".to_string(),
            set(
                &[("local.retention.ms", "-2"), ("vendor.knob", "x")],
                ConfigOrigin::Topic,
            ),
        )]);
        let mut cluster = cluster();
        cluster.topics.truncate(1);
        let export = export(&cluster, &configs, &[]);
        assert_eq!(export.skipped.len(), 2);
        let text = to_toml(&export);
        assert!(
            text.contains("# not exported: \"local.retention.ms\" = \"-2\""),
            "{text}"
        );
        assert!(
            text.contains("unknown topic config `vendor.knob`"),
            "{text}"
        );
        verify(&text, &cluster, &configs, &["orders".to_string()]).unwrap();
    }

    #[test]
    fn verification_catches_a_file_that_would_change_the_cluster() {
        let mut cluster = cluster();
        cluster.topics.truncate(1);
        let text = "[topics.orders]\npartitions = 12\n";
        let err = verify(text, &cluster, &BTreeMap::new(), &["orders".to_string()]).unwrap_err();
        assert_eq!(err, "applying the exported file would change orders");
    }
}
