//! Consumer lag arithmetic, thresholds and rates. Pure: offsets in, rows and verdicts out.
//!
//! A partition's lag is its end offset minus the group's committed offset. A partition the
//! group has never committed counts from the earliest offset still in the log: everything
//! there is unconsumed.

mod assignment;
mod snapshot;
mod trend;
mod view;

use std::collections::BTreeMap;
use std::time::Duration;

use crate::core::cluster::Ends;
use crate::core::record::TopicPartition;
use crate::util::glob::Glob;

pub use assignment::parse_assignment;
pub use snapshot::{
    lagging_offsets, snapshot, wanted_partitions, Ages, GroupSelection, LagInputs, LagLevel,
    Snapshot,
};
pub use trend::{trends, Trend};
pub use view::LagView;

pub use crate::core::groups::Group;

/// The member a partition is assigned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionLag {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    /// `None`: the group has committed nothing for this partition.
    pub committed: Option<i64>,
    pub end: i64,
    pub lag: u64,
    /// The member that owns the partition.
    pub owner: Option<Owner>,
    /// Age of the next unconsumed record, when asked (`--time`) and known.
    pub age: Option<Duration>,
    /// Why this partition by itself is over its group's limit, if it is.
    pub breach: Option<String>,
}

pub fn partition_lag(committed: Option<i64>, ends: Ends) -> u64 {
    let from = committed.unwrap_or(ends.earliest).max(ends.earliest);
    u64::try_from(ends.latest - from).unwrap_or(0)
}

/// Rows for every partition a group has committed offsets for or is assigned.
pub fn rows(
    group: &Group,
    committed: &BTreeMap<TopicPartition, Option<i64>>,
    ends: &BTreeMap<TopicPartition, Ends>,
) -> Vec<PartitionLag> {
    let mut partitions: BTreeMap<TopicPartition, Option<i64>> = committed.clone();
    for member in &group.members {
        for tp in &member.partitions {
            partitions.entry(tp.clone()).or_insert(None);
        }
    }
    partitions
        .into_iter()
        .filter_map(|(tp, committed)| {
            let e = *ends.get(&tp)?;
            let owner = group.owner_of(&tp).map(|m| Owner {
                member_id: m.member_id.clone(),
                client_id: m.client_id.clone(),
                host: m.host.clone(),
            });
            Some(PartitionLag {
                group: group.name.clone(),
                lag: partition_lag(committed, e),
                topic: tp.topic,
                partition: tp.partition,
                committed,
                end: e.latest,
                owner,
                age: None,
                breach: None,
            })
        })
        .collect()
}

/// A group's totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLag {
    pub group: String,
    pub state: String,
    pub lag: u64,
    pub partitions: usize,
    pub by_topic: BTreeMap<String, u64>,
    /// The oldest unconsumed record's age, when asked.
    pub worst_age: Option<Duration>,
    /// Why the group is over a threshold, if it is.
    pub breach: Option<String>,
}

pub fn summarize(group: &Group, rows: &[PartitionLag], thresholds: &Thresholds) -> GroupLag {
    let mut by_topic = BTreeMap::new();
    for r in rows {
        *by_topic.entry(r.topic.clone()).or_insert(0) += r.lag;
    }
    let lag = rows.iter().map(|r| r.lag).sum();
    let worst_age = rows.iter().filter_map(|r| r.age).max();
    GroupLag {
        group: group.name.clone(),
        state: group.state.clone(),
        lag,
        partitions: rows.len(),
        by_topic,
        worst_age,
        breach: thresholds.breach(&group.name, lag, worst_age),
    }
}

/// A limit for one group (or a pattern of groups) from `topics.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub pattern: Glob,
    pub max_lag: Option<u64>,
    pub max_age: Option<Duration>,
}

/// `--threshold`, `--max-age`, and the file's per-group limits (the first matching one
/// replaces the command-line limits for its groups).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Thresholds {
    pub max_lag: Option<u64>,
    pub max_age: Option<Duration>,
    pub per_group: Vec<Limit>,
}

impl Thresholds {
    /// The limits that apply to `group`: the first matching file limit, falling back to the
    /// command line's for what it leaves unset.
    fn limits(&self, group: &str) -> (Option<u64>, Option<Duration>) {
        match self.per_group.iter().find(|l| l.pattern.matches(group)) {
            Some(l) => (l.max_lag.or(self.max_lag), l.max_age.or(self.max_age)),
            None => (self.max_lag, self.max_age),
        }
    }

    /// Why `lag` and `age` are over `group`'s limits, if they are. Said of a group's total
    /// and oldest record, or of one partition's own.
    pub fn breach(&self, group: &str, lag: u64, age: Option<Duration>) -> Option<String> {
        let (max_lag, max_age) = self.limits(group);
        if let Some(max) = max_lag.filter(|m| lag > *m) {
            return Some(format!("lag {lag} > {max}"));
        }
        match (age, max_age) {
            (Some(age), Some(max)) if age > max => Some(format!(
                "oldest unconsumed {} old > {}",
                crate::util::units::format_duration_ms(age.as_secs() * 1000),
                crate::util::units::format_duration_ms(max.as_millis() as u64)
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
