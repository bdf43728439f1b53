//! `topics.toml` after validation: plain values, canonical config strings, resolved paths.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicsFile {
    pub path: PathBuf,
    pub clusters: BTreeMap<String, ClusterProfile>,
    pub defaults: TopicDefaults,
    pub topics: BTreeMap<String, TopicSpec>,
    pub protect: Vec<String>,
    /// The dead-letter envelope's field names, where the file renames them.
    pub dead_letters: DeadLetterFields,
    /// `[lag."group-or-pattern"]` limits, ordered by pattern; the first match applies.
    pub lag: Vec<LagLimit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LagLimit {
    pub pattern: String,
    pub max_lag: Option<u64>,
    pub max_age_ms: Option<u64>,
}

impl TopicsFile {
    /// Topics the file marks as dead-letter queues: named by a `dead_letter` mapping or
    /// declared with `dlq = true`.
    pub fn dead_letter_queues(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .topics
            .values()
            .filter_map(|t| t.dead_letter.clone())
            .chain(
                self.topics
                    .values()
                    .filter(|t| t.dlq)
                    .map(|t| t.name.clone()),
            )
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// `[dead_letters]`: envelope field names that differ from kop's defaults. Plain names
/// with nothing to check, so the file's table is read straight into this type.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadLetterFields {
    pub original_event: Option<String>,
    pub original_event_base64: Option<String>,
    pub original_key: Option<String>,
    pub error_message: Option<String>,
    pub failed_at: Option<String>,
    pub retry_count: Option<String>,
    pub original_topic: Option<String>,
    pub original_partition: Option<String>,
    pub original_offset: Option<String>,
}

/// Values every topic inherits unless it sets its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicDefaults {
    pub partitions: Option<i32>,
    pub replication_factor: Option<i16>,
    /// Canonical Kafka config values by name.
    pub configs: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicSpec {
    pub name: String,
    pub partitions: Option<i32>,
    pub replication_factor: Option<i16>,
    /// Canonical Kafka config values by name, sugar keys already folded in.
    pub configs: BTreeMap<String, String>,
    /// Configs the file wants removed from the topic.
    pub unset: Vec<String>,
    pub key_schema: Option<PathBuf>,
    pub value_schema: Option<PathBuf>,
    pub dead_letter: Option<String>,
    /// Declared as a dead-letter queue itself.
    pub dlq: bool,
    pub keyed: bool,
    pub description: Option<String>,
}

/// A `[clusters.NAME]` profile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterProfile {
    pub name: String,
    pub bootstrap: Option<String>,
    pub schema_registry: Option<String>,
    pub schema_registry_username: Option<String>,
    /// Name of the environment variable that holds the registry password.
    pub schema_registry_password_env: Option<String>,
    pub security_protocol: Option<SecurityProtocol>,
    pub sasl_mechanism: Option<SaslMechanism>,
    pub sasl_username: Option<String>,
    /// Name of the environment variable that holds the SASL password.
    pub sasl_password_env: Option<String>,
    pub sasl_password_file: Option<PathBuf>,
    pub ssl_ca_file: Option<PathBuf>,
    pub ssl_cert_file: Option<PathBuf>,
    pub ssl_key_file: Option<PathBuf>,
    /// When set, commands refuse to change a cluster with another id.
    pub cluster_id: Option<String>,
    /// How producers map keys to partitions (one of [`PARTITIONERS`]).
    pub partitioner: Option<String>,
    /// Extra librdkafka properties.
    pub properties: Vec<(String, String)>,
    pub defaults: TopicDefaults,
}

/// librdkafka's partitioners. The default, `murmur2_random`, hashes keys as the Java client
/// does, so kop's events land where Java, Spring, Kafka Streams, Connect and ksqlDB
/// producers put the same keys (librdkafka's own default, `consistent_random`, does not).
pub const PARTITIONERS: &[&str] = &[
    "murmur2_random",
    "murmur2",
    "consistent_random",
    "consistent",
    "fnv1a_random",
    "fnv1a",
    "random",
];

/// The partitioner when neither a flag nor the profile names one.
pub const DEFAULT_PARTITIONER: &str = "murmur2_random";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityProtocol {
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

impl SecurityProtocol {
    pub const NAMES: &'static [&'static str] = &["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_ascii_uppercase().as_str() {
            "PLAINTEXT" => Self::Plaintext,
            "SSL" => Self::Ssl,
            "SASL_PLAINTEXT" => Self::SaslPlaintext,
            "SASL_SSL" => Self::SaslSsl,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plaintext => "PLAINTEXT",
            Self::Ssl => "SSL",
            Self::SaslPlaintext => "SASL_PLAINTEXT",
            Self::SaslSsl => "SASL_SSL",
        }
    }

    pub fn uses_sasl(self) -> bool {
        matches!(self, Self::SaslPlaintext | Self::SaslSsl)
    }

    pub fn uses_tls(self) -> bool {
        matches!(self, Self::Ssl | Self::SaslSsl)
    }
}

impl fmt::Display for SecurityProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaslMechanism {
    Plain,
    ScramSha256,
    ScramSha512,
    OAuthBearer,
}

impl SaslMechanism {
    pub const NAMES: &'static [&'static str] =
        &["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"];

    pub fn parse(text: &str) -> Option<Self> {
        Some(
            match text.trim().to_ascii_uppercase().replace('_', "-").as_str() {
                "PLAIN" => Self::Plain,
                "SCRAM-SHA-256" => Self::ScramSha256,
                "SCRAM-SHA-512" => Self::ScramSha512,
                "OAUTHBEARER" => Self::OAuthBearer,
                _ => return None,
            },
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plain => "PLAIN",
            Self::ScramSha256 => "SCRAM-SHA-256",
            Self::ScramSha512 => "SCRAM-SHA-512",
            Self::OAuthBearer => "OAUTHBEARER",
        }
    }
}

impl fmt::Display for SaslMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TopicsFile {
    pub fn profile(&self, name: &str) -> Option<&ClusterProfile> {
        self.clusters.get(name)
    }
}
