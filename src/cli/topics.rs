//! `kop topics ...`

use std::time::Duration;

use clap::{Args, Subcommand};

use super::{GlobalArgs, TableOrJson, TomlOrJson, YesArg};

use crate::util::units::parse_std_duration;

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
    /// Topics in depth: partitions (leader, replicas, ISR, offsets), configs with their
    /// source, what topics.toml declares and the drift, the groups reading them with
    /// their lag, the dead-letter queue, and the registry subjects
    Describe(TopicsDescribeArgs),
    /// Write a topics.toml for the topics on the cluster, to stdout
    ///
    /// Partitions, replication factor, and the configs set on each topic (those that
    /// override the broker's defaults), in humane units, sorted; internal topics never.
    /// Applying the file to the same cluster is a plan with no changes: this is how a
    /// team adopts kop on a cluster it already runs (`kop topics export > topics.toml`).
    Export(TopicsExportArgs),
}

#[derive(Debug, Args)]
pub struct TopicsDescribeArgs {
    /// The topics
    #[arg(required = true)]
    pub topics: Vec<String>,

    /// Every config, the broker's defaults included (default: those set on the topic or
    /// the broker)
    #[arg(long)]
    pub all_configs: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct TopicsExportArgs {
    /// Only topics matching this pattern (`*` and `?` wildcards; repeatable)
    #[arg(long, value_name = "PATTERN")]
    pub only: Vec<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TomlOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
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

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct TopicsListArgs {
    /// Include internal topics (names starting with `_`)
    #[arg(long)]
    pub all: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}
