//! `topics.toml` exactly as written: serde types that keep every value's position, so that
//! every later check can point at the line and column it complains about.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::model::DeadLetterFields;

pub type SpannedMap<V> = BTreeMap<Spanned<String>, Spanned<V>>;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub clusters: BTreeMap<Spanned<String>, RawCluster>,
    #[serde(default)]
    pub defaults: Option<RawTopic>,
    #[serde(default)]
    pub topics: BTreeMap<Spanned<String>, Spanned<RawTopic>>,
    /// Topic names or `*` patterns that kop never deletes.
    #[serde(default)]
    pub protect: Vec<Spanned<String>>,
    /// Field names of the dead-letter JSON envelope.
    pub dead_letters: Option<DeadLetterFields>,
    /// Lag limits per consumer group (name or `*` pattern).
    #[serde(default)]
    pub lag: BTreeMap<Spanned<String>, RawLagLimit>,
}

/// The user's own config file: cluster profiles in the same shape as `topics.toml`'s, and
/// the one in use.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawUserFile {
    pub current: Option<Spanned<String>>,
    #[serde(default)]
    pub clusters: BTreeMap<Spanned<String>, RawCluster>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawLagLimit {
    pub max_lag: Option<Spanned<i64>>,
    pub max_age: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCluster {
    pub bootstrap: Option<Spanned<String>>,
    pub schema_registry: Option<Spanned<String>>,
    pub schema_registry_username: Option<String>,
    pub schema_registry_password_env: Option<Spanned<String>>,
    pub security_protocol: Option<Spanned<String>>,
    pub sasl_mechanism: Option<Spanned<String>>,
    pub sasl_username: Option<String>,
    pub sasl_password_env: Option<Spanned<String>>,
    pub sasl_password_file: Option<String>,
    pub ssl_ca_file: Option<String>,
    pub ssl_cert_file: Option<String>,
    pub ssl_key_file: Option<String>,
    pub cluster_id: Option<String>,
    pub partitioner: Option<Spanned<String>>,
    /// Extra librdkafka properties, as `-X` would pass them.
    #[serde(default)]
    pub properties: SpannedMap<toml::Value>,
    pub defaults: Option<RawTopic>,
}

/// One topic, and also the shape of `[defaults]` (where the per-topic keys are refused).
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub partitions: Option<Spanned<i64>>,
    pub replication_factor: Option<Spanned<i64>>,
    /// Sugar for `retention.ms`.
    pub retention: Option<Spanned<toml::Value>>,
    /// Sugar for `retention.bytes`.
    pub retention_bytes: Option<Spanned<toml::Value>>,
    /// Sugar for `cleanup.policy`.
    pub cleanup_policy: Option<Spanned<toml::Value>>,
    /// Sugar for `compression.type`.
    pub compression: Option<Spanned<toml::Value>>,
    /// Sugar for `min.insync.replicas`.
    pub min_insync_replicas: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub config: SpannedMap<toml::Value>,
    /// Configs to remove from the topic (back to the broker's default).
    #[serde(default)]
    pub unset: Vec<Spanned<String>>,
    pub key_schema: Option<Spanned<String>>,
    pub value_schema: Option<Spanned<String>>,
    /// The compatibility level of the `<topic>-key` subject (`BACKWARD_TRANSITIVE`, ...).
    pub key_compatibility: Option<Spanned<String>>,
    /// The compatibility level of the `<topic>-value` subject.
    pub value_compatibility: Option<Spanned<String>>,
    pub dead_letter: Option<Spanned<String>>,
    /// This topic is a dead-letter queue (for `kop health --max-dlq`).
    pub dlq: Option<bool>,
    /// Whether producers key this topic; defaults to true (the safe assumption for warnings).
    pub keyed: Option<Spanned<bool>>,
    pub description: Option<String>,
}

impl RawTopic {
    /// The sugar keys with the Kafka config each stands for.
    pub fn sugar(&self) -> [(&'static str, &'static str, Option<&Spanned<toml::Value>>); 5] {
        [
            ("retention", "retention.ms", self.retention.as_ref()),
            (
                "retention_bytes",
                "retention.bytes",
                self.retention_bytes.as_ref(),
            ),
            (
                "cleanup_policy",
                "cleanup.policy",
                self.cleanup_policy.as_ref(),
            ),
            ("compression", "compression.type", self.compression.as_ref()),
            (
                "min_insync_replicas",
                "min.insync.replicas",
                self.min_insync_replicas.as_ref(),
            ),
        ]
    }
}
