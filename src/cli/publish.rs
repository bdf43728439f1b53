//! `kop publish`

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{GlobalArgs, TableOrJson};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WriteFormat {
    /// JSON, validated
    Json,
    /// Avro in the Confluent wire format, from plain JSON
    Avro,
    /// JSON checked against a JSON Schema, in the Confluent wire format
    JsonSchema,
    /// Protobuf in the Confluent wire format, from plain JSON (the proto3 JSON mapping)
    Protobuf,
    /// Bytes as given
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SubjectStrategy {
    /// <topic>-key / <topic>-value
    Topic,
    /// the record's full name
    Record,
    /// <topic>-<record full name>
    TopicRecord,
}

/// What a restore takes from the dump, so cannot also come from a flag.
const RESTORE_CONFLICTS: [&str; 18] = [
    "value",
    "file",
    "value_file",
    "tombstone",
    "key",
    "key_field",
    "key_separator",
    "headers",
    "partition",
    "timestamp",
    "format",
    "key_format",
    "schema_file",
    "schema_id",
    "subject",
    "key_schema_file",
    "key_subject",
    "subject_strategy",
];

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The topic to publish to
    pub topic: String,

    /// One event, given on the command line
    #[arg(long, conflicts_with_all = ["file", "value_file", "tombstone"])]
    pub value: Option<String>,

    /// A file of events, one per line (NDJSON); - for stdin
    #[arg(long, value_name = "PATH", conflicts_with_all = ["value_file", "tombstone"])]
    pub file: Option<PathBuf>,

    /// One event whose value is this file: JSON by default (checked; a final newline is
    /// dropped), any bytes exactly as they are with --format raw
    #[arg(long, value_name = "PATH", conflicts_with = "tombstone")]
    pub value_file: Option<PathBuf>,

    /// One event with a null value (a tombstone: deletes the key from a compacted topic);
    /// needs --key
    #[arg(long, requires = "key")]
    pub tombstone: bool,

    /// Restore a dump of `kop tail --dump` (a file, or - for stdin): each record's key,
    /// value, headers and timestamp sent exactly as they were read
    #[arg(long, value_name = "PATH", conflicts_with_all = RESTORE_CONFLICTS)]
    pub records: Option<PathBuf>,

    /// With --records: each record to the partition number it was dumped from (refused
    /// when the topic has fewer) [default: by key, with the partitioner]
    #[arg(long, requires = "records")]
    pub keep_partition: bool,

    /// The key for every event
    #[arg(long, conflicts_with_all = ["key_field", "key_separator"])]
    pub key: Option<String>,

    /// Take each event's key from this field of the event (dotted path, e.g. user.id)
    #[arg(long, value_name = "PATH", conflicts_with = "key_separator")]
    pub key_field: Option<String>,

    /// Lines are KEY<SEP>VALUE: the key is the text before the first SEP (as
    /// kafka-console-producer's parse.key and kcat's -K; '\t' is a tab)
    #[arg(short = 'K', long, value_name = "SEP")]
    pub key_separator: Option<String>,

    /// A header for every event (repeatable); KEY alone sends a null value
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,

    /// Send every event to this partition (default: by key)
    #[arg(short = 'p', long)]
    pub partition: Option<i32>,

    /// Event timestamp (default: now): epoch milliseconds (`1736845923000`), RFC 3339
    /// (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration
    /// ago (`-1h`)
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,

    /// How to encode values
    #[arg(long, value_enum, default_value_t = WriteFormat::Json)]
    pub format: WriteFormat,

    /// How to encode keys
    #[arg(long, value_enum, default_value_t = WriteFormat::Raw)]
    pub key_format: WriteFormat,

    /// Schema file for values, of the --format's type (.avsc, .json, .proto); registered
    /// under the subject when new, with what it imports
    #[arg(long, value_name = "PATH", conflicts_with = "schema_id")]
    pub schema_file: Option<PathBuf>,

    /// Schema id for values, as registered
    #[arg(long, value_name = "ID")]
    pub schema_id: Option<u32>,

    /// The Protobuf message values are (full name, e.g. com.kidsafe.events.ChildRegistered)
    /// [default: the first message in the file]
    #[arg(long, value_name = "NAME")]
    pub message: Option<String>,

    /// A directory where a .proto file's imports are found (repeatable), after the
    /// file's own directory; imports found in neither are subjects of their name in the
    /// registry
    #[arg(long, value_name = "DIR")]
    pub proto_path: Vec<PathBuf>,

    /// Subject for values (default: from --subject-strategy)
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Schema file for keys, of the --key-format's type
    #[arg(long, value_name = "PATH")]
    pub key_schema_file: Option<PathBuf>,

    /// The Protobuf message keys are [default: the first message in the file]
    #[arg(long, value_name = "NAME")]
    pub key_message: Option<String>,

    /// Subject for keys (default: from --subject-strategy)
    #[arg(long, value_name = "NAME")]
    pub key_subject: Option<String>,

    /// How subjects are named
    #[arg(long, value_enum, default_value_t = SubjectStrategy::Topic)]
    pub subject_strategy: SubjectStrategy,

    /// Publish everything in one transaction: all events or none
    #[arg(long)]
    pub transactional: bool,

    /// How keys map to partitions [default: the profile's `partitioner`, else
    /// murmur2_random: the Java client's hash, so keys land where Java, Spring, Streams and
    /// Connect producers put them]
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::config::PARTITIONERS))]
    pub partitioner: Option<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}
