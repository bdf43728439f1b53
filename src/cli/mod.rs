//! The command line, declared once. Doc comments here are the `--help` text.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

mod completions;
mod config;
mod copy;
mod dlq;
mod groups;
mod lag;
mod publish;
mod schemas;
mod tail;
mod topics;

pub use completions::CompletionsArgs;
pub use config::ConfigCommand;
pub use copy::CopyArgs;
pub use dlq::{DlqCommand, DlqReplayArgs, DlqStatsArgs};
pub use groups::{
    GroupsCommand, GroupsDeleteOffsetsArgs, GroupsListArgs, GroupsResetArgs, ResetTo,
};
pub use lag::{HealthArgs, LagArgs, LagBy};
pub use publish::{PublishArgs, SubjectStrategy, WriteFormat};
pub use schemas::{
    LevelArg, SchemaFileArgs, SchemaTypeArg, SchemasCheckArgs, SchemasCommand,
    SchemasCompatibilityArgs, SchemasDeleteArgs, SchemasDiffArgs, SchemasListArgs,
    SchemasRegisterArgs, SchemasShowArgs,
};
pub use tail::{ReadFormat, TailArgs};
pub use topics::{TopicsApplyArgs, TopicsCommand};

use crate::output::{Format, OutputOptions, Verbosity};
use crate::settings::Flags;
use crate::util::units::parse_std_duration;

/// `--timeout`: a duration, and more than nothing (a zero timeout would fail every
/// request before it is sent).
fn parse_timeout(text: &str) -> Result<Duration, String> {
    match parse_std_duration(text) {
        Ok(d) if d.is_zero() => Err(
            "a timeout of 0 gives the cluster no time to answer: use e.g. 500ms, 3s or 1m".into(),
        ),
        Ok(d) => Ok(d),
        Err(e) => Err(e.to_string()),
    }
}

/// kop: declarative topics, events and dead-letter replay for Apache Kafka.
///
/// kop reads a declarative topics.toml and talks to Kafka brokers and to a
/// Confluent-compatible Schema Registry. Connection settings come from flags, then the
/// environment (KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, ...), then the cluster
/// profile chosen with --cluster (or KOP_CLUSTER, or `kop config use`), then localhost:9092.
///
/// Exit codes: 0 success, 1 error, 2 usage error, 3 the command ran and found a problem,
/// 130 interrupted.
#[derive(Debug, Parser)]
#[command(name = "kop", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Global options may also come before the command (`kop -F prod.toml topics apply`).
    #[command(flatten)]
    pub before: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// How to reach the cluster and the registry. Every command that talks to one takes these,
/// before or after its name; they are listed under their own heading in its help.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct ClusterArgs {
    /// The topics file [env: KOP_FILE] [default: ./topics.toml, if present]
    #[arg(short = 'F', long = "topics-file", value_name = "PATH")]
    pub topics_file: Option<PathBuf>,

    /// Bootstrap servers, comma separated [env: KAFKA_BOOTSTRAP_SERVERS or KAFKA_BROKERS]
    #[arg(short = 'b', long, value_name = "HOST:PORT,...")]
    pub bootstrap: Option<String>,

    /// Cluster profile ([clusters.NAME] in the topics file, else in the user config)
    /// [env: KOP_CLUSTER] [default: the user config's `current`]
    #[arg(long, value_name = "NAME")]
    pub cluster: Option<String>,

    /// Schema Registry URL [env: SCHEMA_REGISTRY_URL]
    #[arg(long, value_name = "URL")]
    pub registry: Option<String>,

    /// Any librdkafka property, e.g. -X client.id=ops (repeatable; secrets are refused here)
    // Kept as text: clap's own error would repeat a bad value, which may be a secret.
    #[arg(short = 'X', value_name = "KEY=VALUE")]
    pub property: Vec<String>,

    /// How long to wait for the cluster before giving up (e.g. 3s, 1m) [default: 10s]
    #[arg(long, value_name = "DURATION", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,
}

/// How much kop says on stderr, and in what colours; every command takes these.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct DisplayArgs {
    /// More detail on stderr: -v for resolved settings and client warnings, -vv for
    /// librdkafka debug logs
    #[arg(short = 'v', long, action = ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,

    /// Nothing on success but the data asked for; errors still show
    #[arg(short = 'q', long)]
    pub quiet: bool,

    /// No colour (also when NO_COLOR is set, or output is not a terminal)
    #[arg(long)]
    pub no_color: bool,
}

/// The global options of a command that talks to a cluster.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    #[command(flatten)]
    pub cluster: ClusterArgs,
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// `--yes`, for the commands that ask before they change something.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct YesArg {
    /// Answer yes to the confirmation (required without a terminal)
    #[arg(long)]
    pub yes: bool,
}

/// `-o` for commands that print a table or one JSON document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// Tables and text for people
    #[default]
    Table,
    /// One JSON document
    Json,
}

/// `-o` for `topics export`, which prints a topics file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum TomlOrJson {
    /// A topics.toml
    #[default]
    Toml,
    /// One JSON document
    Json,
}

/// `-o` for commands that print records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum RecordsFormat {
    /// A header line and the value for people
    #[default]
    Table,
    /// One JSON document per record
    Json,
    /// One JSON object per line
    Ndjson,
}

/// `-o` for commands that also feed Prometheus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum MetricsFormat {
    /// Tables and text for people
    #[default]
    Table,
    /// One JSON document
    Json,
    /// Prometheus text exposition format
    Prometheus,
}

impl From<TableOrJson> for Format {
    fn from(f: TableOrJson) -> Format {
        match f {
            TableOrJson::Table => Format::Table,
            TableOrJson::Json => Format::Json,
        }
    }
}

impl From<TomlOrJson> for Format {
    fn from(f: TomlOrJson) -> Format {
        match f {
            // The file is the command's table: text for people, written as is.
            TomlOrJson::Toml => Format::Table,
            TomlOrJson::Json => Format::Json,
        }
    }
}

impl From<RecordsFormat> for Format {
    fn from(f: RecordsFormat) -> Format {
        match f {
            RecordsFormat::Table => Format::Table,
            RecordsFormat::Json => Format::Json,
            RecordsFormat::Ndjson => Format::Ndjson,
        }
    }
}

impl From<MetricsFormat> for Format {
    fn from(f: MetricsFormat) -> Format {
        match f {
            MetricsFormat::Table => Format::Table,
            MetricsFormat::Json => Format::Json,
            MetricsFormat::Prometheus => Format::Prometheus,
        }
    }
}

impl Cli {
    /// The command's global options, with those given before the command filling in.
    fn global(&self) -> GlobalArgs {
        let before = &self.before;
        let Some(after) = self.command.global() else {
            return before.clone();
        };
        let (b, a) = (&before.cluster, &after.cluster);
        let mut property = b.property.clone();
        property.extend(a.property.iter().cloned());
        GlobalArgs {
            cluster: ClusterArgs {
                topics_file: a.topics_file.clone().or_else(|| b.topics_file.clone()),
                bootstrap: a.bootstrap.clone().or_else(|| b.bootstrap.clone()),
                cluster: a.cluster.clone().or_else(|| b.cluster.clone()),
                registry: a.registry.clone().or_else(|| b.registry.clone()),
                property,
                timeout: a.timeout.or(b.timeout),
            },
            display: DisplayArgs {
                verbose: before.display.verbose + after.display.verbose,
                quiet: before.display.quiet || after.display.quiet,
                no_color: before.display.no_color || after.display.no_color,
            },
        }
    }

    /// Connection flags as given, for settings resolution.
    pub(crate) fn flags(&self) -> Flags {
        let cluster = self.global().cluster;
        Flags {
            file: cluster.topics_file,
            default_file: PathBuf::from(crate::config::DEFAULT_FILE),
            bootstrap: cluster.bootstrap,
            cluster: cluster.cluster,
            registry: cluster.registry,
            properties: cluster.property,
            timeout: cluster.timeout,
        }
    }

    /// How output looks: the command's `-o`, and the display options.
    pub fn output_options(&self) -> OutputOptions {
        let display = self.global().display;
        OutputOptions {
            format: self.command.format(),
            piped: self.command.piped_format(),
            verbosity: match (display.quiet, display.verbose) {
                (true, _) => Verbosity::Quiet,
                (false, 0) => Verbosity::Normal,
                (false, 1) => Verbosity::Verbose,
                (false, _) => Verbosity::Debug,
            },
            no_color: display.no_color,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, describe and export topics, and reconcile them with topics.toml
    #[command(subcommand)]
    Topics(TopicsCommand),
    /// Consumer groups: list, describe, reset offsets (previewed and confirmed), delete
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// Produce events: one --value, a --file of NDJSON (one event per line), or stdin
    ///
    /// JSON is validated; Avro, JSON Schema and Protobuf take plain JSON and are written in
    /// the Confluent wire format with the subject's latest schema (or --schema-file /
    /// --schema-id); raw sends bytes as given. --records restores a dump of `kop tail
    /// --dump` byte for byte. From a file every line is checked before the first is sent.
    /// Exit 0 only when every event was acknowledged.
    Publish(Box<PublishArgs>),
    /// Read events, decoded: by default the last 10 across partitions, oldest first
    ///
    /// --from and -f choose where to start and whether to keep reading; JSON, and Avro,
    /// JSON Schema and Protobuf through the Schema Registry, print as plain JSON. By default partitions are
    /// assigned directly and nothing is committed; --group consumes as a group.
    Tail(TailArgs),
    /// Copy events from one topic to another, on the same cluster or another profile's
    ///
    /// Keys, values, headers and timestamps are copied as they are. A cursor (a consumer
    /// group on the source) remembers how far a copy got, so that a copy run again resumes:
    /// within one cluster each batch and its cursor commit are one transaction (exactly
    /// once); across clusters the cursor is committed once the target acknowledged (at
    /// least once). Values in a registry's wire format get their writer schema registered
    /// on the target and their schema id rewritten; they are never decoded.
    Copy(Box<CopyArgs>),
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
    /// The Schema Registry: list, show, check (the CI gate), diff, register, compatibility
    /// levels, delete
    #[command(subcommand)]
    Schemas(SchemasCommand),
    /// Cluster profiles (contexts) and the settings kop resolves, with their sources
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

impl Command {
    /// The command's own global options (none for `completions`).
    fn global(&self) -> Option<&GlobalArgs> {
        Some(match self {
            Command::Topics(TopicsCommand::List(a)) => &a.global,
            Command::Topics(TopicsCommand::Apply(a)) => &a.global,
            Command::Topics(TopicsCommand::Describe(a)) => &a.global,
            Command::Topics(TopicsCommand::Export(a)) => &a.global,
            Command::Groups(GroupsCommand::List(a)) => &a.global,
            Command::Groups(GroupsCommand::Describe(a)) => &a.global,
            Command::Groups(GroupsCommand::Reset(a)) => &a.global,
            Command::Groups(GroupsCommand::Delete(a)) => &a.global,
            Command::Groups(GroupsCommand::DeleteOffsets(a)) => &a.global,
            Command::Publish(a) => &a.global,
            Command::Tail(a) => &a.global,
            Command::Copy(a) => &a.global,
            Command::Dlq(DlqCommand::Replay(a)) => &a.global,
            Command::Dlq(DlqCommand::Stats(a)) => &a.global,
            Command::Lag(a) => &a.global,
            Command::Health(a) => &a.global,
            Command::Schemas(s) => match s {
                SchemasCommand::List(a) => &a.global,
                SchemasCommand::Show(a) => &a.global,
                SchemasCommand::Check(a) => &a.global,
                SchemasCommand::Diff(a) => &a.global,
                SchemasCommand::Register(a) => &a.global,
                SchemasCommand::Compatibility(a) => &a.global,
                SchemasCommand::Delete(a) => &a.global,
            },
            Command::Config(ConfigCommand::List(a)) => &a.global,
            Command::Config(ConfigCommand::Use(a)) => &a.global,
            Command::Config(ConfigCommand::Show(a)) => &a.global,
            Command::Completions(_) => return None,
        })
    }

    /// The format when stdout is not a terminal and `-o` was not given: records go to
    /// scripts as NDJSON (`kop tail t | jq .`).
    fn piped_format(&self) -> Option<Format> {
        match self {
            Command::Tail(a) if a.output.is_none() && a.key_separator.is_none() && !a.dump => {
                Some(Format::Ndjson)
            }
            _ => None,
        }
    }

    /// The format `-o` chose.
    fn format(&self) -> Format {
        match self {
            Command::Topics(TopicsCommand::List(a)) => a.output.into(),
            Command::Topics(TopicsCommand::Apply(a)) => a.output.into(),
            Command::Topics(TopicsCommand::Describe(a)) => a.output.into(),
            Command::Topics(TopicsCommand::Export(a)) => a.output.into(),
            Command::Groups(GroupsCommand::List(a)) => a.output.into(),
            Command::Groups(GroupsCommand::Describe(a)) => a.output.into(),
            Command::Groups(GroupsCommand::Reset(a)) => a.output.into(),
            Command::Groups(GroupsCommand::Delete(a)) => a.output.into(),
            Command::Groups(GroupsCommand::DeleteOffsets(a)) => a.output.into(),
            Command::Publish(a) => a.output.into(),
            // A dump is NDJSON wherever it goes.
            Command::Tail(a) if a.dump => Format::Ndjson,
            Command::Tail(a) => a.output.unwrap_or_default().into(),
            Command::Copy(a) => a.output.into(),
            Command::Dlq(DlqCommand::Replay(a)) => a.output.into(),
            Command::Dlq(DlqCommand::Stats(a)) => a.output.into(),
            Command::Lag(a) => a.output.into(),
            Command::Health(a) => a.output.into(),
            Command::Schemas(s) => match s {
                SchemasCommand::List(a) => a.output.into(),
                SchemasCommand::Show(a) => a.output.into(),
                SchemasCommand::Check(a) => a.output.into(),
                SchemasCommand::Diff(a) => a.output.into(),
                SchemasCommand::Register(a) => a.output.into(),
                SchemasCommand::Compatibility(a) => a.output.into(),
                SchemasCommand::Delete(a) => a.output.into(),
            },
            Command::Config(ConfigCommand::List(a)) => a.output.into(),
            Command::Config(ConfigCommand::Show(a)) => a.output.into(),
            Command::Config(ConfigCommand::Use(_)) | Command::Completions(_) => Format::Table,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
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
        for example in examples("tail", None, "until")
            .into_iter()
            .chain(examples("copy", None, "until"))
        {
            crate::core::bound::parse_until(&example)
                .unwrap_or_else(|e| panic!("--until example `{example}`: {e}"));
        }
        for example in examples("copy", None, "from") {
            crate::core::tail::parse_start(&example)
                .unwrap_or_else(|e| panic!("--from example `{example}`: {e}"));
        }
        for flag in ["since", "until"] {
            for example in examples("dlq", Some("replay"), flag) {
                crate::util::time::parse_time(&example)
                    .unwrap_or_else(|e| panic!("--{flag} example `{example}`: {e}"));
            }
        }
        for example in examples("groups", Some("reset"), "to_datetime") {
            crate::util::time::parse_time(&example)
                .unwrap_or_else(|e| panic!("--to-datetime example `{example}`: {e}"));
        }
        for example in examples("publish", None, "timestamp") {
            crate::util::time::parse_timestamp(&example)
                .unwrap_or_else(|e| panic!("--timestamp example `{example}`: {e}"));
        }
    }
}
