//! `kop topics ...`

use std::time::Duration;

use clap::{Args, Subcommand};

use super::{GlobalArgs, TableOrJson, YesArg};

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
