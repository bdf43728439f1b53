//! The command line, declared once. Doc comments here are the `--help` text.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

mod completions;
mod dlq;
mod lag;
mod publish;
mod tail;
mod topics;

pub use completions::CompletionsArgs;
pub use dlq::{DlqCommand, DlqReplayArgs, DlqStatsArgs};
pub use lag::{HealthArgs, LagArgs, LagBy};
pub use publish::{PublishArgs, SubjectStrategy, WriteFormat};
pub use tail::{ReadFormat, TailArgs};
pub use topics::{TopicsApplyArgs, TopicsCommand};

use crate::output::{Format, OutputOptions, Verbosity};
use crate::settings::Flags;
use crate::util::units::parse_std_duration;

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
    crate::util::kv::parse_required_pair(text)
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

    /// The examples in the help of every time flag, in backticks.
    fn examples(command: &str, sub: Option<&str>, flag: &str) -> Vec<String> {
        let mut cmd = Cli::command();
        let mut cmd = cmd.find_subcommand_mut(command).unwrap().clone();
        if let Some(sub) = sub {
            cmd = cmd.find_subcommand_mut(sub).unwrap().clone();
        }
        let arg = cmd
            .get_arguments()
            .find(|a| a.get_id() == flag)
            .unwrap_or_else(|| panic!("no --{flag}"));
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let found: Vec<String> = help
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        assert!(!found.is_empty(), "--{flag} gives no examples: {help}");
        found
    }

    #[test]
    fn time_flag_help_matches_the_parsers() {
        for example in examples("tail", None, "from") {
            crate::core::tail::parse_start(&example)
                .unwrap_or_else(|e| panic!("--from example `{example}`: {e}"));
        }
        for flag in ["since", "until"] {
            for example in examples("dlq", Some("replay"), flag) {
                crate::util::time::parse_time(&example)
                    .unwrap_or_else(|e| panic!("--{flag} example `{example}`: {e}"));
            }
        }
        for example in examples("publish", None, "timestamp") {
            crate::util::time::parse_timestamp(&example)
                .unwrap_or_else(|e| panic!("--timestamp example `{example}`: {e}"));
        }
    }
}
