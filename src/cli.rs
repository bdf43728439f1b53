//! The command line, declared once. Doc comments here are the `--help` text.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::config::units::parse_std_duration;
use crate::context::Flags;
use crate::output::{Format, OutputOptions, Verbosity};

/// kop: declarative topics, events and dead-letter replay for Apache Kafka.
///
/// kop reads a declarative topics.toml and talks to Kafka brokers and to a
/// Confluent-compatible Schema Registry. Connection settings come from flags, then the
/// environment (KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, ...), then the cluster
/// profile chosen with --cluster, then localhost:9092.
///
/// Exit codes: 0 success, 1 error, 2 usage error, 3 the command ran and found a problem,
/// 130 interrupted.
#[derive(Debug, Parser)]
#[command(name = "kop", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The topics file [env: KOP_FILE] [default: ./topics.toml, if present]
    #[arg(short = 'F', long = "topics-file", global = true, value_name = "PATH")]
    pub topics_file: Option<PathBuf>,

    /// Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]
    #[arg(short = 'b', long, global = true, value_name = "HOST:PORT,...")]
    pub bootstrap: Option<String>,

    /// Cluster profile from the topics file ([clusters.NAME]) [env: KOP_CLUSTER]
    #[arg(long, global = true, value_name = "NAME")]
    pub cluster: Option<String>,

    /// Schema Registry URL [env: SCHEMA_REGISTRY_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub registry: Option<String>,

    /// Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)
    #[arg(short = 'X', global = true, value_name = "KEY=VALUE", value_parser = parse_property)]
    pub property: Vec<(String, String)>,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// How long to wait for the cluster before giving up (e.g. 3s, 1m)
    #[arg(long, global = true, value_name = "DURATION", default_value = "10s", value_parser = parse_std_duration)]
    pub timeout: Duration,

    /// More detail on stderr: -v for resolved settings and client warnings, -vv for
    /// librdkafka debug logs
    #[arg(short = 'v', long, global = true, action = ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,

    /// Only errors and data
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// No colour (also when NO_COLOR is set, or output is not a terminal)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Answer yes to confirmations (required for destructive steps without a terminal)
    #[arg(long, global = true)]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables and text for people
    Table,
    /// One JSON document
    Json,
    /// One JSON object per line
    Ndjson,
    /// Prometheus text exposition format
    Prometheus,
}

impl GlobalArgs {
    pub fn flags(&self) -> Flags {
        Flags {
            file: self.topics_file.clone(),
            default_file: PathBuf::from(crate::config::DEFAULT_FILE),
            bootstrap: self.bootstrap.clone(),
            cluster: self.cluster.clone(),
            registry: self.registry.clone(),
            properties: self.property.clone(),
            timeout: self.timeout,
        }
    }

    pub fn output_options(&self) -> OutputOptions {
        OutputOptions {
            format: match self.output {
                OutputFormat::Table => Format::Table,
                OutputFormat::Json => Format::Json,
                OutputFormat::Ndjson => Format::Ndjson,
                OutputFormat::Prometheus => Format::Prometheus,
            },
            verbosity: match (self.quiet, self.verbose) {
                (true, _) => Verbosity::Quiet,
                (false, 0) => Verbosity::Normal,
                (false, 1) => Verbosity::Verbose,
                (false, _) => Verbosity::Debug,
            },
            no_color: self.no_color,
        }
    }
}

fn parse_property(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.trim().is_empty() => {
            Ok((key.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("expected KEY=VALUE, got `{text}`")),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List topics and reconcile them with topics.toml
    #[command(subcommand)]
    Topics(TopicsCommand),
    /// Produce events: one --value, a --file of NDJSON (one event per line), or stdin
    ///
    /// JSON is validated; Avro is encoded in the Confluent wire format with the subject's
    /// latest schema (or --schema-file / --schema-id); raw sends bytes as given. From a file
    /// every line is checked before the first is sent. Exit 0 only when every event was
    /// acknowledged.
    Publish(PublishArgs),
    /// Read events, decoded: by default the last 10 across partitions, oldest first
    ///
    /// --from and -f choose where to start and whether to keep reading; JSON and Avro
    /// (through the Schema Registry) print as plain JSON. By default partitions are
    /// assigned directly and nothing is committed; --group consumes as a group.
    Tail(TailArgs),
    /// Dead-letter queues: what is in them, and replaying letters to where they failed
    #[command(subcommand)]
    Dlq(DlqCommand),
    /// Consumer-group lag per partition, topic and group; exit 3 over a threshold
    ///
    /// Committed offsets against log-end offsets for every group (or the ones named),
    /// in one request per broker. Partitions a group never committed count from the
    /// earliest offset. --time adds the age of the oldest unconsumed record.
    Lag(LagArgs),
    /// Check brokers, partitions, declared topics and the Schema Registry; exit 3 when unhealthy
    Health(HealthArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

#[derive(Debug, Subcommand)]
pub enum TopicsCommand {
    /// Topics on the cluster with partitions, replication, retention, cleanup policy,
    /// whether topics.toml manages them, and drift from the file
    List(TopicsListArgs),
    /// Make the cluster match topics.toml: create topics, set configs, add partitions,
    /// register schemas
    ///
    /// Prints the plan first (+ create, ~ change, - delete, ! impossible). On a terminal it
    /// asks before applying; deletions always need confirmation or --yes. Without a
    /// terminal, a plan that deletes exits 1 unless --yes is given.
    Apply(TopicsApplyArgs),
}

#[derive(Debug, Args)]
pub struct TopicsApplyArgs {
    /// Print the plan and change nothing
    #[arg(long, conflicts_with = "check")]
    pub dry_run: bool,

    /// Change nothing; exit 3 when the cluster differs from the file, 0 when it matches
    #[arg(long)]
    pub check: bool,

    /// Delete topics the file does not declare (never internal or protected ones)
    #[arg(long)]
    pub delete_unmanaged: bool,

    /// Remove topic configs the file does not declare (back to the broker's defaults)
    #[arg(long)]
    pub prune_configs: bool,

    /// Only topics matching this pattern (`*` and `?` wildcards; repeatable)
    #[arg(long, value_name = "PATTERN")]
    pub only: Vec<String>,

    /// Wait up to this long for the cluster to answer before planning (e.g. 60s)
    #[arg(long, value_name = "DURATION", value_parser = parse_std_duration)]
    pub wait: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct TopicsListArgs {
    /// Include internal topics (names starting with `_`)
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Fail when any consumer group's total lag is above N messages
    #[arg(long, value_name = "N")]
    pub max_lag: Option<u64>,

    /// Fail when a dead-letter queue declared in topics.toml holds more than N pending letters
    #[arg(long, value_name = "N")]
    pub max_dlq: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LagLevel {
    /// One row per group
    Group,
    /// One row per group and topic
    Topic,
    /// One row per partition
    Partition,
}

#[derive(Debug, Args)]
pub struct LagArgs {
    /// Only these consumer groups (default: all)
    pub groups: Vec<String>,

    /// Only these topics (repeatable)
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,

    /// Only groups whose name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,

    /// Level of detail in the table
    #[arg(long, value_enum, default_value_t = LagLevel::Topic)]
    pub by: LagLevel,

    /// Also show groups with no lag
    #[arg(long)]
    pub all: bool,

    /// Also show how old the oldest unconsumed record of each partition is
    #[arg(long)]
    pub time: bool,

    /// Exit 3 when a group's lag is above N messages
    #[arg(long, value_name = "N")]
    pub threshold: Option<u64>,

    /// Exit 3 when a group's oldest unconsumed record is older than this (implies --time)
    #[arg(long, value_name = "DURATION", value_parser = parse_std_duration)]
    pub max_age: Option<Duration>,

    /// Redraw every INTERVAL with consumption rates and catch-up estimates, until Ctrl-C
    #[arg(long, value_name = "INTERVAL", value_parser = parse_std_duration)]
    pub watch: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// Move dead letters back to the topic they failed on, unwrapped
    ///
    /// Recognises the JSON envelope, Spring Kafka, Kafka Connect and Kafka Streams
    /// dead-letter headers, and `<topic>.dead-letter` / `<topic>.DLT` names. Progress is a
    /// consumer group per selection (the cursor), so a finished replay run again replays
    /// nothing and an interrupted one resumes. Where the broker supports transactions,
    /// each batch's letters and the cursor commit are one transaction.
    Replay(DlqReplayArgs),
    /// What is in a dead-letter queue and what is still pending replay
    Stats(DlqStatsArgs),
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

    /// Only letters that failed at or after this time (RFC 3339, @epoch-millis, or -DURATION ago)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// Only letters that failed at or before this time
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

    /// The parking topic [default: <dlq>.parked]
    #[arg(long, value_name = "TOPIC")]
    pub park_topic: Option<String>,

    /// Unroutable letters do not make the exit code 3
    #[arg(long)]
    pub skip_unroutable: bool,

    /// Keep replaying letters as they arrive, until Ctrl-C
    #[arg(long)]
    pub follow: bool,

    /// Name the cursor (consumer group) instead of deriving it from the filters
    #[arg(long, value_name = "NAME")]
    pub cursor: Option<String>,

    /// At-least-once even where the broker supports transactions
    #[arg(long)]
    pub no_transactions: bool,
}

#[derive(Debug, Args)]
pub struct DlqStatsArgs {
    /// The dead-letter topic
    pub dlq: String,

    /// Count as pending what is after this replay cursor [default: kop-replay.<dlq>]
    #[arg(long, value_name = "NAME")]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WriteFormat {
    /// JSON, validated
    Json,
    /// Avro in the Confluent wire format, from plain JSON
    Avro,
    /// Bytes as given
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReadFormat {
    /// Wire-format Avro, else JSON, else text, else base64
    Auto,
    /// JSON
    Json,
    /// Avro in the Confluent wire format
    Avro,
    /// Text when UTF-8, else base64
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

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The topic to publish to
    pub topic: String,

    /// One event, given on the command line
    #[arg(long, conflicts_with = "file")]
    pub value: Option<String>,

    /// A file of events, one per line (NDJSON); - for stdin
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// The key for every event
    #[arg(long, conflicts_with = "key_field")]
    pub key: Option<String>,

    /// Take each event's key from this field of the event (dotted path, e.g. user.id)
    #[arg(long, value_name = "PATH")]
    pub key_field: Option<String>,

    /// A header for every event (repeatable); KEY alone sends a null value
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,

    /// Send every event to this partition (default: by key)
    #[arg(long)]
    pub partition: Option<i32>,

    /// Event timestamp: milliseconds since the epoch or RFC 3339 (default: now)
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,

    /// How to encode values
    #[arg(long, value_enum, default_value_t = WriteFormat::Json)]
    pub format: WriteFormat,

    /// How to encode keys
    #[arg(long, value_enum, default_value_t = WriteFormat::Raw)]
    pub key_format: WriteFormat,

    /// Avro schema file for values (registered under the subject when new)
    #[arg(long, value_name = "PATH", conflicts_with = "schema_id")]
    pub schema_file: Option<PathBuf>,

    /// Avro schema id for values, as registered
    #[arg(long, value_name = "ID")]
    pub schema_id: Option<u32>,

    /// Subject for values (default: from --subject-strategy)
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Avro schema file for keys
    #[arg(long, value_name = "PATH")]
    pub key_schema_file: Option<PathBuf>,

    /// Subject for keys (default: from --subject-strategy)
    #[arg(long, value_name = "NAME")]
    pub key_subject: Option<String>,

    /// How subjects are named
    #[arg(long, value_enum, default_value_t = SubjectStrategy::Topic)]
    pub subject_strategy: SubjectStrategy,

    /// Publish everything in one transaction: all events or none
    #[arg(long)]
    pub transactional: bool,
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

    /// Where to start: beginning, end, an OFFSET, a TIMESTAMP (RFC 3339 or epoch ms), or
    /// -DURATION ago (e.g. -15m)
    #[arg(long, value_name = "WHERE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Only these partitions (repeatable)
    #[arg(long)]
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
    /// stopped; --from does not apply)
    #[arg(long, value_name = "NAME", conflicts_with = "from")]
    pub group: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn properties_need_a_key_and_an_equals_sign() {
        assert_eq!(parse_property("a.b=c=d"), Ok(("a.b".into(), "c=d".into())));
        assert!(parse_property("novalue").is_err());
        assert!(parse_property("=x").is_err());
    }
}
