//! The state a plan needs: cluster metadata, configs of the declared topics (one request),
//! and what the registry says about each declared schema file.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::core::cluster::{ClusterMetadata, TopicConfigs};
use crate::core::codec::AvroSchema;
use crate::core::plan::{DesiredTopic, PlanOptions, SchemaState};
use crate::error::{CommandError, ResultExt};
use crate::kafka::{Admin, KafkaError};
use crate::output::Output;
use crate::registry::{Compatibility, Lookup, Registry};
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
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            AvroSchema::parse(&text).map_err(|e| {
                CommandError::failed(format!(
                    "{} is not a valid Avro schema: {e}",
                    path.display()
                ))
            })?;
            let subject = format!("{}-{part}", topic.name);
            let lookup = registry.lookup(&subject, &text)?;
            let incompatible = match lookup {
                Lookup::Registered { .. } | Lookup::NoSubject => None,
                Lookup::NotRegistered => match registry.compatibility(&subject, &text)? {
                    Compatibility::Compatible => None,
                    Compatibility::Incompatible(messages) => Some(messages),
                },
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
