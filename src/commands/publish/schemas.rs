//! Resolving the Avro schemas a publish needs, once, before the first event.

use std::sync::Arc;

use anyhow::{anyhow, bail, Context as _};

use crate::cli::{PublishArgs, SubjectStrategy, WriteFormat};
use crate::codec::AvroSchema;
use crate::context::Settings;
use crate::error::{Hint, UsageError};
use crate::publish::Encoding;
use crate::registry::subject::{subject, Part, Strategy};
use crate::registry::{Registry, SchemaCache};

/// The value and key encodings, with schemas fetched (or registered) as needed.
pub fn encodings(settings: &Settings, args: &PublishArgs) -> anyhow::Result<(Encoding, Encoding)> {
    let needs_registry = args.format == WriteFormat::Avro || args.key_format == WriteFormat::Avro;
    let cache = if needs_registry {
        let registry = settings.registry.as_ref().ok_or_else(|| {
            anyhow!(UsageError("Avro needs a Schema Registry".into())).context(Hint::new(
                "set --registry URL or SCHEMA_REGISTRY_URL (or a profile's schema_registry)",
            ))
        })?;
        Some(SchemaCache::new(Registry::new(registry, settings.timeout)))
    } else {
        None
    };
    let strategy = match args.subject_strategy {
        SubjectStrategy::Topic => Strategy::TopicName,
        SubjectStrategy::Record => Strategy::RecordName,
        SubjectStrategy::TopicRecord => Strategy::TopicRecordName,
    };
    let value = encoding(
        args.format,
        cache.as_ref(),
        Choice {
            topic: &args.topic,
            part: Part::Value,
            strategy,
            file: args.schema_file.as_deref(),
            id: args.schema_id,
            subject: args.subject.as_deref(),
        },
    )?;
    let key = encoding(
        args.key_format,
        cache.as_ref(),
        Choice {
            topic: &args.topic,
            part: Part::Key,
            strategy,
            file: args.key_schema_file.as_deref(),
            id: None,
            subject: args.key_subject.as_deref(),
        },
    )?;
    Ok((value, key))
}

struct Choice<'a> {
    topic: &'a str,
    part: Part,
    strategy: Strategy,
    file: Option<&'a std::path::Path>,
    id: Option<u32>,
    subject: Option<&'a str>,
}

fn encoding(
    format: WriteFormat,
    cache: Option<&SchemaCache>,
    choice: Choice,
) -> anyhow::Result<Encoding> {
    let cache = match (format, cache) {
        (WriteFormat::Json, _) => return Ok(Encoding::Json),
        (WriteFormat::Raw, _) => return Ok(Encoding::Raw),
        (WriteFormat::Avro, Some(cache)) => cache,
        (WriteFormat::Avro, None) => bail!("Avro needs a Schema Registry"),
    };
    let (id, schema) =
        tokio::task::block_in_place(|| -> anyhow::Result<(u32, Arc<AvroSchema>)> {
            if let Some(id) = choice.id {
                return Ok((id, cache.by_id(id)?));
            }
            if let Some(path) = choice.file {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let parsed = AvroSchema::parse(&text)
                    .map_err(|e| anyhow!("{} is not a valid Avro schema: {e}", path.display()))?;
                let subject = match choice.subject {
                    Some(s) => s.to_string(),
                    None => subject(
                        choice.strategy,
                        choice.topic,
                        choice.part,
                        parsed.record_name().as_deref(),
                    )
                    .map_err(|e| anyhow!(UsageError(e)))?,
                };
                return Ok(cache.for_text(&subject, &text)?);
            }
            let subject = match choice.subject {
                Some(s) => s.to_string(),
                None => subject(choice.strategy, choice.topic, choice.part, None)
                    .map_err(|e| anyhow!(UsageError(e)))?,
            };
            cache
                .latest(&subject)
                .with_context(|| format!("cannot find the schema for subject {subject}"))
        })?;
    Ok(Encoding::Avro { id, schema })
}
