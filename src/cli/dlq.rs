//! `kop dlq ...`

use clap::{Args, Subcommand};

use super::{GlobalArgs, TableOrJson, YesArg};

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// Move dead letters back to the topic they failed on, unwrapped
    ///
    /// Recognises the JSON envelope, Spring Kafka, Kafka Connect and Kafka Streams
    /// dead-letter headers, and `<topic>.dead-letter` / `<topic>.DLT` names. Progress is a
    /// consumer group per selection (the cursor), so a finished replay run again replays
    /// nothing and an interrupted one resumes. Where the broker supports transactions,
    /// each batch's letters and the cursor commit are one transaction.
    Replay(Box<DlqReplayArgs>),
    /// What is in a dead-letter queue and what is still pending replay
    Stats(Box<DlqStatsArgs>),
}

#[derive(Debug, Args)]
pub struct DlqReplayArgs {
    /// The dead-letter topic
    pub dlq: String,

    /// Only letters that failed on this topic (repeatable)
    #[arg(long = "topic", value_name = "ORIGINAL")]
    pub topics: Vec<String>,

    /// Only letters whose error matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub error: Option<String>,

    /// Only letters whose original event has this field value, as FIELD=VALUE (dotted
    /// path, e.g. child_id=7f0c2a1e-...; repeatable, all must match); JSON, and Avro, JSON
    /// Schema and Protobuf payloads through the Schema Registry, are decoded to match
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub fields: Vec<String>,

    /// Only letters that failed at or after this time: RFC 3339 (`2025-01-14T09:12:03Z`), @
    /// and epoch milliseconds (`@1736845923000`), or a duration ago (`-2h`)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// Only letters that failed at or before this time (the same forms: `-30m`,
    /// `2025-01-14T10:00:00Z`)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// Stop after this many letters (replayed or parked); the next run continues
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,

    /// Send every letter to this topic instead of its original
    #[arg(long, value_name = "TOPIC")]
    pub to: Option<String>,

    /// Show what would go where, change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// At most this many letters a second
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,

    /// Letters already retried this many times go to the parking topic instead
    #[arg(long, value_name = "N")]
    pub max_retries: Option<u32>,

    /// Park letters here: those retried too often, and those with nowhere to go (without
    /// a parking topic, the cursor stops before an unroutable letter) [default with
    /// --max-retries: <dlq>.parked]
    #[arg(long, value_name = "TOPIC")]
    pub park_topic: Option<String>,

    /// Unroutable letters do not make the exit code 3 (the cursor still stops before them)
    #[arg(long)]
    pub skip_unroutable: bool,

    /// Replay letters again that the ledger says were already replayed (by this or
    /// another cursor); their kop.replay.count goes up
    #[arg(long)]
    pub again: bool,

    /// Keep replaying letters as they arrive, until Ctrl-C
    #[arg(long)]
    pub follow: bool,

    /// Name the cursor (consumer group) instead of deriving it from the filters
    #[arg(long, value_name = "NAME")]
    pub cursor: Option<String>,

    /// At-least-once even where the broker supports transactions
    #[arg(long)]
    pub no_transactions: bool,

    /// How keys map to partitions [default: the profile's `partitioner`, else
    /// murmur2_random: the Java client's hash, so keys land where Java, Spring, Streams and
    /// Connect producers put them]
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::config::PARTITIONERS))]
    pub partitioner: Option<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct DlqStatsArgs {
    /// The dead-letter topic
    pub dlq: String,

    /// Count as pending what is after this replay cursor [default: kop-replay.<dlq>]
    #[arg(long, value_name = "NAME")]
    pub cursor: Option<String>,

    /// Count only letters whose original event has this field value, as FIELD=VALUE
    /// (repeatable, all must match), decoded as `dlq replay --where` decodes them
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub fields: Vec<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}
