//! `kop groups ...`

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

use super::{GlobalArgs, TableOrJson, YesArg};

use crate::util::units::parse_std_duration;

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Consumer groups with state, protocol type, members, topics and total lag
    ///
    /// Groups come from one ListGroups and one DescribeGroups per broker; committed
    /// offsets from one request per group, all in flight; partition ends from one
    /// ListOffsets per broker. kop's own dead-letter replay cursors are marked.
    List(GroupsListArgs),
    /// Groups in depth: state, coordinator, members with their partitions, and per
    /// partition the committed offset, end offset, lag and owning member
    Describe(GroupsDescribeArgs),
    /// Move a group's committed offsets, after a plan and a confirmation
    ///
    /// Prints the plan first: per partition the committed offset, the new one, and how
    /// many events will be re-read or skipped. Offsets outside what a partition holds are
    /// clamped to its earliest or latest offset, with a warning. On a terminal kop asks
    /// before applying; without one, --yes is required. The group's consumers must be
    /// stopped (Kafka refuses otherwise); all partitions are committed in one request.
    #[command(group(ArgGroup::new("target").required(true).args(
        ["to", "to_offset", "to_datetime", "by_duration", "shift_by", "to_group", "from_file"]
    )))]
    Reset(GroupsResetArgs),
    /// Delete consumer groups and their committed offsets (asks first; --yes without a
    /// terminal); groups with connected members are refused
    Delete(GroupsDeleteArgs),
    /// Delete a group's committed offsets for topics (asks first; --yes without a
    /// terminal); a group with connected members is refused
    DeleteOffsets(GroupsDeleteOffsetsArgs),
}

#[derive(Debug, Args)]
pub struct GroupsListArgs {
    /// Only groups in this state: stable, empty, preparing-rebalance,
    /// completing-rebalance, dead (repeatable, or comma separated)
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',')]
    pub states: Vec<String>,

    /// Only groups that committed offsets for, or are assigned, this topic; lag is then
    /// counted on it alone (repeatable)
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,

    /// Only groups whose name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GroupsDescribeArgs {
    /// The consumer groups
    #[arg(required = true)]
    pub groups: Vec<String>,

    /// Also show how old the oldest unconsumed record of each partition is
    #[arg(long)]
    pub time: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// `--to`: one end of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResetTo {
    /// The earliest offset still in each partition: re-read everything
    Earliest,
    /// The end of each partition: skip everything not yet read
    Latest,
}

#[derive(Debug, Args)]
pub struct GroupsResetArgs {
    /// The consumer group (it need not exist yet: a new group starts where the plan says)
    pub group: String,

    /// To the earliest or the latest offset of each partition
    #[arg(long, value_enum, value_name = "END")]
    pub to: Option<ResetTo>,

    /// To this offset in each partition
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub to_offset: Option<i64>,

    /// To the first record at or after this time (ListOffsets by timestamp): RFC 3339
    /// (`2025-01-14T09:12:03Z`), @ and epoch milliseconds (`@1736845923000`), or a
    /// duration ago (`-2h`)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub to_datetime: Option<String>,

    /// To the first record of this long ago (e.g. `1h`: the offsets of one hour ago)
    #[arg(long, value_name = "DURATION", value_parser = parse_std_duration)]
    pub by_duration: Option<Duration>,

    /// Move each partition's committed offset by N (negative: back, to re-read)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub shift_by: Option<i64>,

    /// To the positions another group has committed
    #[arg(long, value_name = "GROUP")]
    pub to_group: Option<String>,

    /// To the offsets in a file: the CSV of `kafka-consumer-groups --export`
    /// (topic,partition,offset) or a plan from `kop groups reset -o json`
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,

    /// The partitions to reset: a topic's, or some of them with `T:0,1` (repeatable)
    #[arg(
        long = "topic",
        value_name = "TOPIC[:P,...]",
        conflicts_with = "all_topics"
    )]
    pub topics: Vec<String>,

    /// Every partition the group has committed offsets for
    #[arg(long)]
    pub all_topics: bool,

    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Also write the plan as kafka-consumer-groups CSV to this file (`-`: stdout, in
    /// place of the table)
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GroupsDeleteArgs {
    /// The consumer groups
    #[arg(required = true)]
    pub groups: Vec<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GroupsDeleteOffsetsArgs {
    /// The consumer group
    pub group: String,

    /// The topic whose committed offsets go, or some partitions with `T:0,1` (repeatable)
    #[arg(long = "topic", value_name = "TOPIC[:P,...]", required = true)]
    pub topics: Vec<String>,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}
