//! Raw file → validated model. Each check returns a [`Located`] error at the value it
//! refuses.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::catalogue::{self, RawValue};
use super::location::Located;
use super::model::{
    ClusterProfile, CompatibilityLevel, LagLimit, SaslMechanism, SecurityProtocol, TopicDefaults,
    TopicSpec, TopicsFile, PARTITIONERS,
};
use super::raw::{RawCluster, RawFile, RawTopic, RawUserFile, SpannedMap};
use super::topic_name::{is_internal, validate_topic_name};
use super::user::UserConfig;
use crate::secret::is_secret_property;

/// Carries the file's path and text so that any check can produce a located error.
struct Checker<'a> {
    path: &'a Path,
    text: &'a str,
}

type Checked<T> = Result<T, Located>;

impl Checker<'_> {
    fn err(&self, span: Range<usize>, message: impl Into<String>) -> Located {
        Located::new(self.path, self.text, span, message)
    }

    /// Paths in the file are relative to the file's own folder.
    fn resolve_path(&self, relative: &str) -> PathBuf {
        let base = self.path.parent().unwrap_or(Path::new(""));
        base.join(relative)
    }
}

pub(super) fn validate(path: &Path, text: &str, raw: RawFile) -> Checked<TopicsFile> {
    let checker = Checker { path, text };
    let defaults = match &raw.defaults {
        Some(d) => checker.defaults(d)?,
        None => TopicDefaults::default(),
    };
    let mut clusters = BTreeMap::new();
    for (name, cluster) in &raw.clusters {
        clusters.insert(name.get_ref().clone(), checker.cluster(name, cluster)?);
    }
    let mut topics = BTreeMap::new();
    for (name, topic) in &raw.topics {
        topics.insert(name.get_ref().clone(), checker.topic(name, topic)?);
    }
    let protect = raw.protect.iter().map(|p| p.get_ref().clone()).collect();
    let lag = checker.lag_limits(&raw)?;
    Ok(TopicsFile {
        path: path.to_path_buf(),
        clusters,
        defaults,
        topics,
        protect,
        dead_letters: raw.dead_letters.clone().unwrap_or_default(),
        lag,
    })
}

/// The user config: its profiles get exactly the checks a topics file's profiles get.
pub(super) fn validate_user(path: &Path, text: &str, raw: RawUserFile) -> Checked<UserConfig> {
    let checker = Checker { path, text };
    let mut clusters = BTreeMap::new();
    for (name, cluster) in &raw.clusters {
        clusters.insert(name.get_ref().clone(), checker.cluster(name, cluster)?);
    }
    let current = match raw.current {
        Some(name) if name.get_ref().trim().is_empty() => {
            return Err(checker.err(
                name.span(),
                "`current` names no profile; remove it or run `kop config use NAME`",
            ))
        }
        Some(name) => Some(name.into_inner()),
        None => None,
    };
    Ok(UserConfig {
        path: path.to_path_buf(),
        current,
        clusters,
    })
}

impl Checker<'_> {
    fn defaults(&self, raw: &RawTopic) -> Checked<TopicDefaults> {
        let per_topic_only = [
            ("key_schema", raw.key_schema.as_ref().map(Spanned::span)),
            ("value_schema", raw.value_schema.as_ref().map(Spanned::span)),
            (
                "key_compatibility",
                raw.key_compatibility.as_ref().map(Spanned::span),
            ),
            (
                "value_compatibility",
                raw.value_compatibility.as_ref().map(Spanned::span),
            ),
            ("dead_letter", raw.dead_letter.as_ref().map(Spanned::span)),
            ("unset", raw.unset.first().map(Spanned::span)),
        ];
        for (key, span) in per_topic_only {
            if let Some(span) = span {
                return Err(self.err(
                    span,
                    format!("`{key}` belongs to a single topic and cannot be a default"),
                ));
            }
        }
        Ok(TopicDefaults {
            partitions: self.partitions(raw)?,
            replication_factor: self.replication_factor(raw)?,
            configs: self.configs(raw)?,
        })
    }

    fn topic(&self, name: &Spanned<String>, raw: &Spanned<RawTopic>) -> Checked<TopicSpec> {
        let topic_name = name.get_ref();
        validate_topic_name(topic_name).map_err(|why| self.err(name.span(), why))?;
        if is_internal(topic_name) {
            return Err(self.err(
                name.span(),
                format!("`{topic_name}` starts with `_`: such topics belong to Kafka and its tools, and kop never manages them"),
            ));
        }
        let raw = raw.get_ref();
        if let Some(dlq) = &raw.dead_letter {
            validate_topic_name(dlq.get_ref()).map_err(|why| self.err(dlq.span(), why))?;
        }
        let configs = self.configs(raw)?;
        let unset = self.unset(raw, &configs)?;
        Ok(TopicSpec {
            name: topic_name.clone(),
            partitions: self.partitions(raw)?,
            replication_factor: self.replication_factor(raw)?,
            configs,
            unset,
            key_schema: self.schema_path(raw.key_schema.as_ref())?,
            value_schema: self.schema_path(raw.value_schema.as_ref())?,
            key_compatibility: self.compatibility(raw.key_compatibility.as_ref())?,
            value_compatibility: self.compatibility(raw.value_compatibility.as_ref())?,
            dead_letter: raw.dead_letter.as_ref().map(|d| d.get_ref().clone()),
            dlq: raw.dlq.unwrap_or(false),
            keyed: raw.keyed.as_ref().is_none_or(|k| *k.get_ref()),
            description: raw.description.clone(),
        })
    }

    fn lag_limits(&self, raw: &RawFile) -> Checked<Vec<LagLimit>> {
        let mut out = Vec::new();
        for (pattern, limit) in &raw.lag {
            let max_lag = match &limit.max_lag {
                Some(n) => Some(
                    u64::try_from(*n.get_ref())
                        .map_err(|_| self.err(n.span(), "max_lag cannot be negative"))?,
                ),
                None => None,
            };
            let max_age_ms = match &limit.max_age {
                Some(age) => Some(
                    crate::util::units::parse_duration_ms(age.get_ref())
                        .map_err(|e| self.err(age.span(), e.to_string()))?,
                ),
                None => None,
            };
            out.push(LagLimit {
                pattern: pattern.get_ref().clone(),
                max_lag,
                max_age_ms,
            });
        }
        Ok(out)
    }

    fn partitions(&self, raw: &RawTopic) -> Checked<Option<i32>> {
        let Some(p) = &raw.partitions else {
            return Ok(None);
        };
        match i32::try_from(*p.get_ref()) {
            Ok(n) if n >= 1 => Ok(Some(n)),
            _ => Err(self.err(
                p.span(),
                format!("partitions must be at least 1 (got {})", p.get_ref()),
            )),
        }
    }

    fn replication_factor(&self, raw: &RawTopic) -> Checked<Option<i16>> {
        let Some(rf) = &raw.replication_factor else {
            return Ok(None);
        };
        match i16::try_from(*rf.get_ref()) {
            Ok(n) if n >= 1 => Ok(Some(n)),
            _ => Err(self.err(
                rf.span(),
                format!(
                    "replication_factor must be at least 1 (got {})",
                    rf.get_ref()
                ),
            )),
        }
    }

    /// The `config` map plus the sugar keys, canonicalised through the catalogue.
    fn configs(&self, raw: &RawTopic) -> Checked<BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        let mut origin: BTreeMap<String, &'static str> = BTreeMap::new();
        for (sugar, kafka_name, value) in raw.sugar() {
            if let Some(value) = value {
                out.insert(
                    kafka_name.to_string(),
                    self.config_value(kafka_name, value)?,
                );
                origin.insert(kafka_name.to_string(), sugar);
            }
        }
        for (name, value) in &raw.config {
            if let Some(sugar) = origin.get(name.get_ref()) {
                return Err(self.err(
                    name.span(),
                    format!(
                        "`{}` is already set by `{sugar}`; keep one of them",
                        name.get_ref()
                    ),
                ));
            }
            let canonical = self.config_value(name.get_ref(), value).map_err(|mut e| {
                // An unknown name is the key's fault, not the value's.
                if catalogue::lookup(name.get_ref()).is_none() {
                    e = self.err(name.span(), e.message);
                }
                e
            })?;
            out.insert(name.get_ref().clone(), canonical);
        }
        Ok(out)
    }

    /// `unset` names known configs that the topic does not also set.
    fn unset(&self, raw: &RawTopic, set: &BTreeMap<String, String>) -> Checked<Vec<String>> {
        let mut out = Vec::new();
        for name in &raw.unset {
            let key = name.get_ref();
            if catalogue::lookup(key).is_none() {
                let err = catalogue::canonicalise(key, &RawValue::Text(String::new()))
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| format!("unknown topic config `{key}`"));
                return Err(self.err(name.span(), err));
            }
            if set.contains_key(key) {
                return Err(self.err(name.span(), format!("`{key}` is both set and unset")));
            }
            out.push(key.clone());
        }
        Ok(out)
    }

    fn config_value(&self, name: &str, value: &Spanned<toml::Value>) -> Checked<String> {
        let raw = raw_value(value.get_ref()).ok_or_else(|| {
            self.err(
                value.span(),
                format!("`{name}` must be a string, number, boolean or list of strings"),
            )
        })?;
        catalogue::canonicalise(name, &raw).map_err(|e| self.err(value.span(), e.to_string()))
    }

    fn compatibility(&self, raw: Option<&Spanned<String>>) -> Checked<Option<CompatibilityLevel>> {
        let Some(text) = raw else {
            return Ok(None);
        };
        CompatibilityLevel::parse(text.get_ref())
            .map(Some)
            .ok_or_else(|| {
                self.err(
                    text.span(),
                    format!(
                        "unknown compatibility level `{}` (use {})",
                        text.get_ref(),
                        CompatibilityLevel::names()
                    ),
                )
            })
    }

    fn schema_path(&self, raw: Option<&Spanned<String>>) -> Checked<Option<PathBuf>> {
        let Some(relative) = raw else {
            return Ok(None);
        };
        let path = self.resolve_path(relative.get_ref());
        if !path.is_file() {
            return Err(self.err(
                relative.span(),
                format!("schema file `{}` does not exist", path.display()),
            ));
        }
        Ok(Some(path))
    }

    fn cluster(&self, name: &Spanned<String>, raw: &RawCluster) -> Checked<ClusterProfile> {
        let security_protocol = match &raw.security_protocol {
            Some(p) => Some(SecurityProtocol::parse(p.get_ref()).ok_or_else(|| {
                self.err(
                    p.span(),
                    format!(
                        "unknown security_protocol `{}` (use {})",
                        p.get_ref(),
                        SecurityProtocol::NAMES.join(", ")
                    ),
                )
            })?),
            None => None,
        };
        let sasl_mechanism = match &raw.sasl_mechanism {
            Some(m) => Some(SaslMechanism::parse(m.get_ref()).ok_or_else(|| {
                self.err(
                    m.span(),
                    format!(
                        "unknown sasl_mechanism `{}` (use {})",
                        m.get_ref(),
                        SaslMechanism::NAMES.join(", ")
                    ),
                )
            })?),
            None => None,
        };
        if let Some(p) = &raw.partitioner {
            if !PARTITIONERS.contains(&p.get_ref().as_str()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "unknown partitioner `{}` (use {})",
                        p.get_ref(),
                        PARTITIONERS.join(", ")
                    ),
                ));
            }
        }
        for env_name in [&raw.sasl_password_env, &raw.schema_registry_password_env]
            .into_iter()
            .flatten()
        {
            let ok = !env_name.get_ref().is_empty()
                && env_name
                    .get_ref()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !ok {
                return Err(self.err(
                    env_name.span(),
                    "expected the name of an environment variable (the password itself never goes in this file)",
                ));
            }
        }
        if let Some(url) = &raw.schema_registry {
            if url.get_ref().contains('@') {
                return Err(self.err(
                    url.span(),
                    "put registry credentials in SCHEMA_REGISTRY_USERNAME/SCHEMA_REGISTRY_PASSWORD, not in the URL",
                ));
            }
        }
        Ok(ClusterProfile {
            name: name.get_ref().clone(),
            bootstrap: raw.bootstrap.as_ref().map(|b| b.get_ref().clone()),
            schema_registry: raw.schema_registry.as_ref().map(|s| s.get_ref().clone()),
            schema_registry_username: raw.schema_registry_username.clone(),
            schema_registry_password_env: raw
                .schema_registry_password_env
                .as_ref()
                .map(|s| s.get_ref().clone()),
            security_protocol,
            sasl_mechanism,
            sasl_username: raw.sasl_username.clone(),
            sasl_password_env: raw.sasl_password_env.as_ref().map(|s| s.get_ref().clone()),
            sasl_password_file: raw
                .sasl_password_file
                .as_deref()
                .map(|p| self.resolve_path(p)),
            ssl_ca_file: raw.ssl_ca_file.as_deref().map(|p| self.resolve_path(p)),
            ssl_cert_file: raw.ssl_cert_file.as_deref().map(|p| self.resolve_path(p)),
            ssl_key_file: raw.ssl_key_file.as_deref().map(|p| self.resolve_path(p)),
            cluster_id: raw.cluster_id.clone(),
            partitioner: raw.partitioner.as_ref().map(|p| p.get_ref().clone()),
            properties: self.properties(&raw.properties)?,
            defaults: match &raw.defaults {
                Some(d) => self.defaults(d)?,
                None => TopicDefaults::default(),
            },
        })
    }

    fn properties(&self, raw: &SpannedMap<toml::Value>) -> Checked<Vec<(String, String)>> {
        let mut out = Vec::new();
        for (name, value) in raw {
            if is_secret_property(name.get_ref()) {
                return Err(self.err(
                    name.span(),
                    format!(
                        "`{}` is a secret: set it through the environment (see docs/configuration.md), not in this file",
                        name.get_ref()
                    ),
                ));
            }
            let text = match value.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(n) => n.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Float(f) => f.to_string(),
                _ => {
                    return Err(self.err(
                        value.span(),
                        "a librdkafka property must be a string, number or boolean",
                    ))
                }
            };
            out.push((name.get_ref().clone(), text));
        }
        Ok(out)
    }
}

fn raw_value(value: &toml::Value) -> Option<RawValue> {
    Some(match value {
        toml::Value::String(s) => RawValue::Text(s.clone()),
        toml::Value::Integer(n) => RawValue::Integer(*n),
        toml::Value::Float(f) => RawValue::Float(*f),
        toml::Value::Boolean(b) => RawValue::Bool(*b),
        toml::Value::Array(items) => RawValue::List(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
        ),
        toml::Value::Datetime(_) | toml::Value::Table(_) => return None,
    })
}
