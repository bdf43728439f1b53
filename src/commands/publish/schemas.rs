//! Resolving the Avro schemas a publish needs, once, before the first event.

use std::sync::Arc;

use crate::core::codec::AvroSchema;
use crate::core::publish::{Encoding, RecordLimit, Template};
use crate::core::subject::subject;
use crate::error::{CommandError, ResultExt};
use crate::registry::{Registry, SchemaCache};
use crate::settings::{EncodingChoice, PublishSettings, SchemaChoice, Settings};

/// Everything but the value of each event, with schemas fetched (or registered).
pub(super) fn template(
    settings: &Settings,
    publish: &PublishSettings,
    limit: RecordLimit,
) -> Result<Template, CommandError> {
    let cache = settings
        .registry
        .as_ref()
        .map(|r| SchemaCache::new(Registry::new(r, settings.timeout)));
    let value = encoding(&publish.value_encoding, &publish.topic, cache.as_ref())?;
    let key_encoding = encoding(&publish.key_encoding, &publish.topic, cache.as_ref())?;
    Ok(Template {
        value,
        key: publish.key.clone(),
        key_encoding,
        headers: publish.headers.clone(),
        partition: publish.partition,
        timestamp: publish.timestamp,
        limit: Some(limit),
    })
}

fn encoding(
    choice: &EncodingChoice,
    topic: &str,
    cache: Option<&SchemaCache>,
) -> Result<Encoding, CommandError> {
    let choice = match choice {
        EncodingChoice::Json => return Ok(Encoding::Json),
        EncodingChoice::Raw => return Ok(Encoding::Raw),
        EncodingChoice::Avro(choice) => choice,
    };
    // Settings refuse Avro without a registry; this is the same check, kept honest.
    let cache = cache.ok_or_else(|| CommandError::internal("Avro without a Schema Registry"))?;
    let (id, schema) = schema(choice, topic, cache)?;
    Ok(Encoding::Avro { id, schema })
}

fn schema(
    choice: &SchemaChoice,
    topic: &str,
    cache: &SchemaCache,
) -> Result<(u32, Arc<AvroSchema>), CommandError> {
    if let Some(id) = choice.id {
        return Ok((id, cache.by_id(id)?));
    }
    if let Some(path) = &choice.file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let parsed = AvroSchema::parse(&text).map_err(|e| {
            CommandError::failed(format!(
                "{} is not a valid Avro schema: {e}",
                path.display()
            ))
        })?;
        let subject = match &choice.subject {
            Some(s) => s.clone(),
            None => subject(
                choice.strategy,
                topic,
                choice.part,
                parsed.record_name().as_deref(),
            )
            .map_err(CommandError::usage)?,
        };
        return Ok(cache.for_text(&subject, &text)?);
    }
    let subject = match &choice.subject {
        Some(s) => s.clone(),
        None => subject(choice.strategy, topic, choice.part, None).map_err(CommandError::usage)?,
    };
    cache
        .latest(&subject)
        .with_context(|| format!("cannot find the schema for subject {subject}"))
}
