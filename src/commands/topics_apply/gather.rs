//! The state a plan needs: cluster metadata, configs of the declared topics (one request),
//! and what the registry says about each declared schema file.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::super::schema_files::{self, Registration};
use crate::config::CompatibilityLevel;
use crate::core::cluster::{ClusterMetadata, TopicConfigs};
use crate::core::codec::Schema;
use crate::core::plan::{CompatibilityState, DesiredTopic, PlanOptions, SchemaState};
use crate::core::schemas::check::{Compatibility, Lookup};
use crate::core::schemas::SchemaType;
use crate::error::{CommandError, ResultExt};
use crate::kafka::{Admin, KafkaError};
use crate::output::Output;
use crate::registry::Registry;
use crate::settings::Settings;
use crate::util::glob::any_matches;

/// Metadata, retried until `wait` has passed when it is given (CI jobs often start beside
/// the brokers).
pub(super) fn cluster(
    settings: &Settings,
    wait: Option<Duration>,
    out: &Output,
) -> Result<(Admin, ClusterMetadata), CommandError> {
    let connect = |settings: &Settings| -> Result<(Admin, ClusterMetadata), KafkaError> {
        let admin = Admin::connect(settings, out.log_sink())?;
        let cluster = admin.metadata()?;
        Ok((admin, cluster))
    };
    let Some(wait) = wait else {
        return Ok(connect(settings)?);
    };
    // --wait bounds the whole wait: no attempt outlives it.
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut attempt = settings.clone();
        attempt.timeout = settings.timeout.min(left).max(Duration::from_millis(100));
        match connect(&attempt) {
            // The client that made it carries the full timeout for the requests to come.
            Ok((admin, cluster)) if attempt.timeout == settings.timeout => {
                return Ok((admin, cluster))
            }
            Ok((_, cluster)) => return Ok((Admin::connect(settings, out.log_sink())?, cluster)),
            Err(err @ KafkaError::Unreachable { .. }) if Instant::now() < deadline => {
                out.status(&format!("waiting for the cluster: {err}"));
                let left = deadline.saturating_duration_since(Instant::now());
                std::thread::sleep(left.min(Duration::from_millis(500)));
            }
            Err(err) => return Err(err.into()),
        }
    }
}

/// Configs of the declared topics that exist, in one DescribeConfigs request.
pub(super) fn configs(
    admin: &Admin,
    cluster: &ClusterMetadata,
    desired: &[DesiredTopic],
) -> Result<BTreeMap<String, TopicConfigs>, CommandError> {
    let existing: Vec<String> = desired
        .iter()
        .filter(|d| cluster.topic(&d.name).is_some())
        .map(|d| d.name.clone())
        .collect();
    Ok(admin.topic_configs(&existing)?)
}

/// Where each declared schema stands in the registry. Without a registry, schemas are
/// left out of the plan with a warning.
pub(super) fn schemas(
    settings: &Settings,
    desired: &[DesiredTopic],
    options: &PlanOptions,
    out: &Output,
) -> Result<Vec<SchemaState>, CommandError> {
    let declared: Vec<(&DesiredTopic, &str, &std::path::Path)> = desired
        .iter()
        .filter(|d| options.only.is_empty() || any_matches(&options.only, &d.name))
        .flat_map(|d| {
            [
                ("key", d.key_schema.as_deref()),
                ("value", d.value_schema.as_deref()),
            ]
            .into_iter()
            .filter_map(move |(part, path)| path.map(|p| (d, part, p)))
        })
        .collect();
    if declared.is_empty() {
        return Ok(Vec::new());
    }
    let Some(registry_settings) = &settings.registry else {
        out.warn(&format!(
            "{} schema file(s) declared but no Schema Registry configured (--registry or SCHEMA_REGISTRY_URL): schemas are not planned",
            declared.len()
        ));
        return Ok(Vec::new());
    };
    let registry = Registry::new(registry_settings, settings.timeout);
    declared
        .into_iter()
        .map(|(topic, part, path)| {
            let subject = format!("{}-{part}", topic.name);
            let prepared = schema_file(&registry, path, Registration::LookUp)?;
            let lookup = match prepared.unregistered.is_empty() {
                true => registry.find(&subject, &prepared.schema)?,
                // What it imports is registered first, so it cannot be registered yet.
                false => match registry.versions(&subject, false) {
                    Ok(v) if !v.is_empty() => Lookup::NotRegistered,
                    _ => Lookup::NoSubject,
                },
            };
            let incompatible = match lookup {
                Lookup::NotRegistered if prepared.unregistered.is_empty() => {
                    match registry.compatibility(&subject, &prepared.schema)? {
                        Compatibility::Compatible => None,
                        Compatibility::Incompatible(messages) => Some(messages),
                    }
                }
                _ => None,
            };
            Ok(SchemaState {
                topic: topic.name.clone(),
                subject,
                file: path.to_path_buf(),
                registered: matches!(lookup, Lookup::Registered { .. }),
                new_subject: lookup == Lookup::NoSubject,
                incompatible,
            })
        })
        .collect()
}

/// A topics.toml schema file as the registry takes it, checked here first: its type from
/// its extension or text (`.avsc` Avro, `.proto` Protobuf, a JSON Schema names `$schema`
/// or describes `properties`), what it imports found beside it.
pub(super) fn schema_file(
    registry: &Registry,
    path: &std::path::Path,
    mode: Registration,
) -> Result<schema_files::Prepared, CommandError> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let extension = path.extension().and_then(|e| e.to_str());
    let schema_type = SchemaType::infer(extension, None, &text);
    let prepared = schema_files::prepare(registry, path, schema_type, &[], mode)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Schema::compile(schema_type, &name, &text, &prepared.dependencies).map_err(|e| {
        CommandError::failed(format!(
            "{} is not a valid {} schema: {e}",
            path.display(),
            schema_type.label()
        ))
    })?;
    Ok(prepared)
}

/// The levels of the subjects whose level the file declares, and the global one.
pub(super) fn compatibility(
    settings: &Settings,
    desired: &[DesiredTopic],
    options: &PlanOptions,
    out: &Output,
) -> Result<Vec<CompatibilityState>, CommandError> {
    let declared: Vec<(&DesiredTopic, String, CompatibilityLevel)> = desired
        .iter()
        .filter(|d| options.only.is_empty() || any_matches(&options.only, &d.name))
        .flat_map(|d| {
            [
                ("key", d.key_compatibility),
                ("value", d.value_compatibility),
            ]
            .into_iter()
            .filter_map(move |(part, level)| level.map(|l| (d, format!("{}-{part}", d.name), l)))
        })
        .collect();
    if declared.is_empty() {
        return Ok(Vec::new());
    }
    let Some(registry_settings) = &settings.registry else {
        out.warn(&format!(
            "{} compatibility level(s) declared but no Schema Registry configured (--registry or SCHEMA_REGISTRY_URL): levels are not planned",
            declared.len()
        ));
        return Ok(Vec::new());
    };
    let registry = Registry::new(registry_settings, settings.timeout);
    let global = registry.global_level()?;
    declared
        .into_iter()
        .map(|(topic, subject, level)| {
            Ok(CompatibilityState {
                topic: topic.name.clone(),
                own: registry.subject_level(&subject)?,
                subject,
                declared: level,
                global,
            })
        })
        .collect()
}
