//! Resolving the schemas a publish needs (Avro, JSON Schema, Protobuf), once, before the
//! first event.

use std::sync::Arc;

use super::super::schema_files::{self, Registration};
use crate::core::codec::{Schema, Writer};
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
    let registry = settings.registry.as_ref().map(|r| {
        (
            Registry::new(r, settings.timeout),
            SchemaCache::new(Registry::new(r, settings.timeout)),
        )
    });
    let value = encoding(&publish.value_encoding, &publish.topic, registry.as_ref())?;
    let key_encoding = encoding(&publish.key_encoding, &publish.topic, registry.as_ref())?;
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
    registry: Option<&(Registry, SchemaCache)>,
) -> Result<Encoding, CommandError> {
    let choice = match choice {
        EncodingChoice::Json => return Ok(Encoding::Json),
        EncodingChoice::Raw => return Ok(Encoding::Raw),
        EncodingChoice::Registered(choice) => choice,
    };
    // Settings refuse a schema without a registry; this is the same check, kept honest.
    let (registry, cache) =
        registry.ok_or_else(|| CommandError::internal("a schema without a Schema Registry"))?;
    let (id, writer) = writer(choice, topic, registry, cache)?;
    Ok(Encoding::Wire { id, writer })
}

fn writer(
    choice: &SchemaChoice,
    topic: &str,
    registry: &Registry,
    cache: &SchemaCache,
) -> Result<(u32, Writer), CommandError> {
    let label = choice.schema_type.label();
    let writer = |schema: Arc<Schema>, what: &str| {
        if schema.schema_type() != choice.schema_type {
            return Err(CommandError::failed(format!(
                "{what} is {}, not {label}",
                schema.schema_type().label()
            ))
            .with_hint(format!(
                "publish it with --format {}",
                format_flag(schema.schema_type())
            )));
        }
        Writer::new(schema, choice.message.as_deref())
            .map_err(|e| CommandError::failed(format!("{what}: {e}")))
    };
    if let Some(id) = choice.id {
        return Ok((id, writer(cache.by_id(id)?, &format!("schema {id}"))?));
    }
    if let Some(path) = &choice.file {
        let prepared = schema_files::prepare(
            registry,
            path,
            choice.schema_type,
            &choice.proto_paths,
            Registration::Register,
        )?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let local = Schema::compile(
            choice.schema_type,
            &name,
            &prepared.schema.text,
            &prepared.dependencies,
        )
        .map_err(|e| {
            CommandError::failed(format!(
                "{} is not a valid {label} schema: {e}",
                path.display()
            ))
        })?;
        let local = writer(Arc::new(local), &path.display().to_string())?;
        let subject = match &choice.subject {
            Some(s) => s.clone(),
            None => subject(
                choice.strategy,
                topic,
                choice.part,
                local.record_name().as_deref(),
            )
            .map_err(CommandError::usage)?,
        };
        let (id, _) = cache
            .for_text(&subject, &prepared.schema)
            .with_context(|| format!("cannot register {} under {subject}", path.display()))?;
        return Ok((id, local));
    }
    let subject = match &choice.subject {
        Some(s) => s.clone(),
        None => subject(choice.strategy, topic, choice.part, None).map_err(CommandError::usage)?,
    };
    let (id, schema) = cache
        .latest(&subject)
        .with_context(|| format!("cannot find the schema for subject {subject}"))?;
    Ok((
        id,
        writer(schema, &format!("the latest schema of {subject}"))?,
    ))
}

fn format_flag(schema_type: crate::core::schemas::SchemaType) -> &'static str {
    use crate::core::schemas::SchemaType;
    match schema_type {
        SchemaType::Avro => "avro",
        SchemaType::Json => "json-schema",
        SchemaType::Protobuf => "protobuf",
    }
}
