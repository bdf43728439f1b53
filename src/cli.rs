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
    #[arg(short = 'f', long = "file", global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,

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
            file: self.file.clone(),
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
pub struct HealthArgs {}

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
