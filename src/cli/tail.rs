//! `kop tail`

use clap::{Args, ValueEnum};

use super::{GlobalArgs, RecordsFormat};

/// `-o`, with a hint for kcat's `-o beginning|end|OFFSET`, which means where to start.
fn parse_records_format(text: &str) -> Result<RecordsFormat, String> {
    match text {
        "table" => Ok(RecordsFormat::Table),
        "json" => Ok(RecordsFormat::Json),
        "ndjson" => Ok(RecordsFormat::Ndjson),
        t if matches!(t, "beginning" | "end" | "earliest" | "latest" | "stored")
            || t.trim_start_matches('-').parse::<i64>().is_ok() =>
        {
            Err(format!(
                "-o is the output format here (table, json or ndjson); to start at {t}, use --from {t} (kcat's -o)"
            ))
        }
        _ => Err("expected table, json or ndjson".into()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadFormat {
    /// Values: the Confluent wire format (Avro, JSON Schema or Protobuf, as the writer
    /// schema's type says), else JSON, else text, else base64. Keys: the wire format, else
    /// text exactly as sent (never parsed as JSON), else base64
    Auto,
    /// JSON
    Json,
    /// Avro in the Confluent wire format
    Avro,
    /// JSON Schema in the Confluent wire format
    JsonSchema,
    /// Protobuf in the Confluent wire format, printed as proto3 JSON
    Protobuf,
    /// Text when UTF-8 (a stray control character is shown escaped), else base64 (binary)
    Raw,
}

#[derive(Debug, Args)]
pub struct TailArgs {
    /// Topics to read
    #[arg(required = true)]
    pub topics: Vec<String>,

    /// How many events: the last N by default, the first N after --from
    #[arg(short = 'n', long = "lines", value_name = "N")]
    pub count: Option<u64>,

    /// Keep reading new events until Ctrl-C
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// Where to start: `beginning`, `end`, an OFFSET (`42`), or a time: RFC 3339
    /// (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a duration
    /// ago (`-15m`)
    #[arg(long, value_name = "WHERE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Stop each partition at its first event at or after this OFFSET (`5000`) or TIME
    /// (`2025-01-14T10:00:00Z`, `@1736848800000`, `-5m`); that event is not read. Needs
    /// --from or --dump
    #[arg(
        long,
        value_name = "WHERE",
        allow_hyphen_values = true,
        conflicts_with = "group"
    )]
    pub until: Option<String>,

    /// Write a dump that `kop publish --records` restores exactly: NDJSON from the
    /// beginning (or --from), keys and values as text or base64, never decoded
    #[arg(long, conflicts_with_all = ["format", "key_format", "output", "key_separator"])]
    pub dump: bool,

    /// Only these partitions (repeatable)
    #[arg(short = 'p', long)]
    pub partition: Vec<i32>,

    /// How to read values
    #[arg(long, value_enum, default_value_t = ReadFormat::Auto)]
    pub format: ReadFormat,

    /// How to read keys
    #[arg(long, value_enum, default_value_t = ReadFormat::Auto)]
    pub key_format: ReadFormat,

    /// Only events whose key or value matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub grep: Option<String>,

    /// Only events with this header (repeatable; all must match)
    #[arg(long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,

    /// Consume as this consumer group and commit what was read (resumes where the group
    /// stopped; the group assigns the partitions, so --from and --partition do not apply)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["from", "partition"])]
    pub group: Option<String>,

    /// Print KEY<SEP>VALUE lines, one per event (as kcat's -K; '\t' is a tab)
    #[arg(short = 'K', long, value_name = "SEP")]
    pub key_separator: Option<String>,

    /// Output format: table, json (one array) or ndjson [default: table on a terminal,
    /// ndjson when piped]
    #[arg(short = 'o', long, value_name = "FORMAT", value_parser = parse_records_format)]
    pub output: Option<RecordsFormat>,

    /// kcat's -e: not needed, kop tail stops at the end unless -f follows
    #[arg(short = 'e', hide = true)]
    pub exit_at_end: bool,

    #[command(flatten)]
    pub global: GlobalArgs,
}
