//! `kop publish`: where events come from, how keys and values are encoded, and what every
//! event carries.

use std::path::PathBuf;

use crate::cli::{PublishArgs, SubjectStrategy, WriteFormat};
use crate::core::publish::KeySource;
use crate::core::record::{Header, Headers};
use crate::core::schemas::SchemaType;
use crate::core::subject::{Part, Strategy};
use crate::error::CommandError;
use crate::util::escapes::unescape;
use crate::util::kv::parse_pair;
use crate::util::time::{now_ms, parse_timestamp};

use super::Settings;

/// Where events come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PublishInput {
    /// One event from `--value`.
    Value(String),
    /// A file, checked whole before anything is sent.
    File(PathBuf),
    /// Standard input, sent as it arrives.
    Stdin,
    /// One event whose value is a file's bytes.
    ValueFile(PathBuf),
    /// One event with a null value.
    Tombstone,
}

/// How a key or value becomes bytes, before any schema is fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EncodingChoice {
    Json,
    Raw,
    /// The Confluent wire format with a registry's schema (Avro, JSON Schema, Protobuf).
    Registered(SchemaChoice),
}

/// Which schema: an id, a file (registered when new), or the subject's latest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchemaChoice {
    pub schema_type: SchemaType,
    pub part: Part,
    pub id: Option<u32>,
    pub file: Option<PathBuf>,
    /// The subject given explicitly, else named by `strategy`.
    pub subject: Option<String>,
    pub strategy: Strategy,
    /// The Protobuf message (else the file's first).
    pub message: Option<String>,
    /// Where a .proto file's imports are found, after its own directory.
    pub proto_paths: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
pub(crate) struct PublishSettings {
    pub topic: String,
    pub input: PublishInput,
    pub key: KeySource,
    pub headers: Headers,
    pub partition: Option<i32>,
    /// Milliseconds since the epoch; `None` is the time of sending.
    pub timestamp: Option<i64>,
    pub value_encoding: EncodingChoice,
    pub key_encoding: EncodingChoice,
    pub transactional: bool,
    pub partitioner: String,
}

impl PublishSettings {
    pub fn resolve(args: &PublishArgs, global: &Settings) -> Result<PublishSettings, CommandError> {
        let headers = args
            .headers
            .iter()
            .map(|h| {
                parse_pair(h)
                    .map(|(k, v)| Header::new(k, v.map(String::into_bytes)))
                    .map_err(|e| CommandError::usage(format!("-H {e}")))
            })
            .collect::<Result<Headers, _>>()?;
        let timestamp = args
            .timestamp
            .as_deref()
            .map(|t| parse_timestamp(t).map(|spec| spec.resolve(now_ms())))
            .transpose()
            .map_err(|e| CommandError::usage(format!("--timestamp {e}")))?;
        if args.key_field.is_some() && args.format == WriteFormat::Raw {
            return Err(CommandError::usage(
                "--key-field reads a field of each event, but --format raw does not parse events",
            )
            .with_hint("use --format json, or lines of KEY<SEP>VALUE with --key-separator"));
        }
        let separator = key_separator(args.key_separator.as_deref())?;
        let key = match (&args.key, &args.key_field, separator) {
            (Some(k), _, _) => KeySource::Fixed(k.clone()),
            (None, Some(path), _) => KeySource::field(path),
            (None, None, Some(sep)) => KeySource::Separator(sep),
            (None, None, None) => KeySource::None,
        };
        let input = match (&args.value, &args.file, &args.value_file) {
            (Some(v), _, _) => PublishInput::Value(v.clone()),
            (None, _, Some(path)) => PublishInput::ValueFile(path.clone()),
            _ if args.tombstone => PublishInput::Tombstone,
            (None, Some(p), None) if p.as_os_str() == "-" => PublishInput::Stdin,
            (None, Some(p), None) => PublishInput::File(p.clone()),
            (None, None, None) => PublishInput::Stdin,
        };
        // Said before anything connects: the commonest mistake with --value.
        if let (PublishInput::Value(text), false) = (&input, args.format == WriteFormat::Raw) {
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
                return Err(CommandError::failed(e.to_string())
                    .context("--value is not JSON")
                    .with_hint("to send it as it is, add --format raw"));
            }
        }
        let strategy = match args.subject_strategy {
            SubjectStrategy::Topic => Strategy::Topic,
            SubjectStrategy::Record => Strategy::Record,
            SubjectStrategy::TopicRecord => Strategy::TopicRecord,
        };
        for (flag, given, format) in [
            ("--message", &args.message, args.format),
            ("--key-message", &args.key_message, args.key_format),
        ] {
            if given.is_some() && format != WriteFormat::Protobuf {
                return Err(CommandError::usage(format!(
                    "{flag} picks a Protobuf message, but the format is not protobuf"
                )));
            }
        }
        let value_encoding = choice(
            args.format,
            SchemaChoice {
                schema_type: SchemaType::Avro,
                part: Part::Value,
                id: args.schema_id,
                file: args.schema_file.clone(),
                subject: args.subject.clone(),
                strategy,
                message: args.message.clone(),
                proto_paths: args.proto_path.clone(),
            },
        );
        let key_encoding = choice(
            args.key_format,
            SchemaChoice {
                schema_type: SchemaType::Avro,
                part: Part::Key,
                id: None,
                file: args.key_schema_file.clone(),
                subject: args.key_subject.clone(),
                strategy,
                message: args.key_message.clone(),
                proto_paths: args.proto_path.clone(),
            },
        );
        let registered = [&value_encoding, &key_encoding]
            .into_iter()
            .find_map(|e| match e {
                EncodingChoice::Registered(c) => Some(c.schema_type),
                _ => None,
            });
        if let (Some(schema_type), None) = (registered, &global.registry) {
            return Err(CommandError::usage(format!(
                "{} needs a Schema Registry",
                schema_type.label()
            ))
            .with_hint(
                "set --registry URL or SCHEMA_REGISTRY_URL (or a profile's schema_registry)",
            ));
        }
        Ok(PublishSettings {
            topic: args.topic.clone(),
            input,
            key,
            headers,
            partition: args.partition,
            timestamp,
            value_encoding,
            key_encoding,
            transactional: args.transactional,
            partitioner: global.partitioner(args.partitioner.as_deref()),
        })
    }
}

fn choice(format: WriteFormat, schema: SchemaChoice) -> EncodingChoice {
    let with_type = |schema_type| {
        EncodingChoice::Registered(SchemaChoice {
            schema_type,
            ..schema.clone()
        })
    };
    match format {
        WriteFormat::Json => EncodingChoice::Json,
        WriteFormat::Raw => EncodingChoice::Raw,
        WriteFormat::Avro => with_type(SchemaType::Avro),
        WriteFormat::JsonSchema => with_type(SchemaType::Json),
        WriteFormat::Protobuf => with_type(SchemaType::Protobuf),
    }
}

/// `-K SEP` with its shell escapes read (`'\t'` is a tab), shared by publish and tail.
pub(crate) fn key_separator(text: Option<&str>) -> Result<Option<String>, CommandError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let separator =
        unescape(text).map_err(|e| CommandError::usage(format!("--key-separator: {e}")))?;
    if separator.is_empty() {
        return Err(CommandError::usage(
            "--key-separator needs at least one character",
        ));
    }
    Ok(Some(separator))
}
