//! `kop copy`

use clap::Args;

use super::publish::SubjectStrategy;
use super::{GlobalArgs, TableOrJson, YesArg};

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The topic to copy from
    pub source: String,

    /// The topic to copy to (it must exist)
    pub target: String,

    /// Copy to the cluster of this profile ([clusters.NAME]), with its own Schema
    /// Registry; the environment's connection variables stay with the source [default:
    /// the source's cluster]
    #[arg(long, value_name = "NAME")]
    pub to_cluster: Option<String>,

    /// Where a new cursor starts: `beginning`, `end`, an OFFSET (`42`), or a TIME
    /// (`2025-01-14T09:12:03Z`, `@1736845923000`, `-15m`) [default: beginning]
    #[arg(long, value_name = "WHERE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Stop each partition at its first event at or after this OFFSET (`5000`) or TIME
    /// (`2025-01-14T10:00:00Z`, `-5m`); that event is not copied
    #[arg(long, value_name = "WHERE", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// Only these partitions (repeatable)
    #[arg(short = 'p', long)]
    pub partition: Vec<i32>,

    /// Only events whose key or value (decoded, as tail prints them) matches this regular
    /// expression
    #[arg(long, value_name = "REGEX")]
    pub grep: Option<String>,

    /// Only events with this header (repeatable; all must match)
    #[arg(long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,

    /// At most this many events a second
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,

    /// Keep copying events as they arrive, until Ctrl-C
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// Each event to the partition number it has on the source (refused when the target
    /// has fewer) [default: by key, with the partitioner]
    #[arg(long)]
    pub keep_partition: bool,

    /// How keys map to the target's partitions [default: the target profile's
    /// `partitioner`, else murmur2_random, the Java client's hash]
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::config::PARTITIONERS), conflicts_with = "keep_partition")]
    pub partitioner: Option<String>,

    /// How the target's subjects are named when schemas are registered there
    #[arg(long, value_enum, default_value_t = SubjectStrategy::Topic)]
    pub subject_strategy: SubjectStrategy,

    /// Copy wire-format payloads with their schema ids as they are (both clusters share
    /// one registry), instead of registering each schema on the target and rewriting ids
    #[arg(long)]
    pub keep_schema_ids: bool,

    /// Name the cursor (a consumer group on the source) instead of deriving it from the
    /// topics, the target cluster and the filters
    #[arg(long, value_name = "NAME")]
    pub cursor: Option<String>,

    /// At-least-once even within one cluster, where transactions make a copy exactly once
    #[arg(long)]
    pub no_transactions: bool,

    /// Count what would be copied and which schemas registered; change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub yes: YesArg,

    #[command(flatten)]
    pub global: GlobalArgs,
}
