//! `kop lag` and `kop health`

use std::time::Duration;

use clap::{Args, ValueEnum};

use super::{GlobalArgs, MetricsFormat};

use crate::util::units::parse_std_duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LagBy {
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
    #[arg(long, value_enum, default_value_t = LagBy::Topic)]
    pub by: LagBy,

    /// Also show groups with no lag
    #[arg(long)]
    pub all: bool,

    /// Also count kop's own dead-letter replay cursors (kop-replay.*; `kop dlq stats` reports
    /// them)
    #[arg(long)]
    pub replay_cursors: bool,

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

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: MetricsFormat,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Fail when any consumer group's total lag is above N messages
    #[arg(long, value_name = "N")]
    pub max_lag: Option<u64>,

    /// Also hold kop's own dead-letter replay cursors (kop-replay.*) to --max-lag
    #[arg(long, requires = "max_lag")]
    pub replay_cursors: bool,

    /// Fail when a dead-letter queue declared in topics.toml holds more than N pending letters
    #[arg(long, value_name = "N")]
    pub max_dlq: Option<u64>,

    /// Output format (prometheus: one 0/1 gauge per check and the broker count, for
    /// node_exporter's textfile collector)
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: MetricsFormat,

    #[command(flatten)]
    pub global: GlobalArgs,
}
