//! One look at the cluster's consumer groups: which groups and partitions to read, and
//! the rows and totals built from what was read.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use regex::Regex;

use super::{rows, summarize, Group, GroupLag, PartitionLag, Thresholds};
use crate::core::cluster::Ends;
use crate::core::dlq::REPLAY_CURSOR_PREFIX;
use crate::core::record::TopicPartition;

/// How much detail a lag table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LagLevel {
    Group,
    Topic,
    Partition,
}

/// Which groups and topics to look at.
#[derive(Debug, Clone, Default)]
pub struct GroupSelection {
    /// Named groups (all when empty); each must exist.
    pub groups: Vec<String>,
    pub topics: Vec<String>,
    pub pattern: Option<Regex>,
    /// Include kop's own replay cursors (`kop-replay.*`) without naming them.
    pub replay_cursors: bool,
}

impl GroupSelection {
    pub fn wants_group(&self, name: &str) -> bool {
        let named = self.groups.iter().any(|g| g == name);
        // A replay cursor's "lag" is the letters not yet replayed: `dlq stats` reports
        // that, and counting it here would page the on-call about a parked queue.
        let cursor_ok = named || self.replay_cursors || !name.starts_with(REPLAY_CURSOR_PREFIX);
        (self.groups.is_empty() || named)
            && cursor_ok
            && self.pattern.as_ref().is_none_or(|p| p.is_match(name))
    }

    pub fn wants_topic(&self, topic: &str) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t == topic)
    }

    /// The selected groups; a named group that does not exist is the error.
    pub fn pick(&self, groups: Vec<Group>) -> Result<Vec<Group>, String> {
        let picked: Vec<Group> = groups
            .into_iter()
            .filter(|g| self.wants_group(&g.name))
            .collect();
        match self
            .groups
            .iter()
            .find(|n| !picked.iter().any(|g| &g.name == *n))
        {
            Some(missing) => Err(missing.clone()),
            None => Ok(picked),
        }
    }
}

/// What the cluster said, for the selected groups.
#[derive(Debug, Clone, Default)]
pub struct LagInputs {
    pub groups: Vec<Group>,
    /// Committed offsets per group, of the selected topics.
    pub committed: BTreeMap<String, BTreeMap<TopicPartition, Option<i64>>>,
    pub ends: BTreeMap<TopicPartition, Ends>,
}

/// The partitions whose ends are needed: everything the groups committed or are assigned,
/// of the selected topics.
pub fn wanted_partitions(
    groups: &[Group],
    committed: &BTreeMap<String, BTreeMap<TopicPartition, Option<i64>>>,
    selection: &GroupSelection,
) -> Vec<TopicPartition> {
    let mut partitions: BTreeSet<TopicPartition> = BTreeSet::new();
    for group in groups {
        if let Some(offsets) = committed.get(&group.name) {
            partitions.extend(
                offsets
                    .keys()
                    .filter(|tp| selection.wants_topic(&tp.topic))
                    .cloned(),
            );
        }
        for member in &group.members {
            partitions.extend(
                member
                    .partitions
                    .iter()
                    .filter(|tp| selection.wants_topic(&tp.topic))
                    .cloned(),
            );
        }
    }
    partitions.into_iter().collect()
}

/// One look at the groups, ready for a view.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub rows: Vec<PartitionLag>,
    pub groups: Vec<GroupLag>,
    pub taken: Option<Instant>,
}

/// The rows of every selected group, without ages.
fn all_rows(inputs: &LagInputs, selection: &GroupSelection) -> Vec<PartitionLag> {
    let empty = BTreeMap::new();
    inputs
        .groups
        .iter()
        .flat_map(|group| {
            let mut group = group.clone();
            for m in &mut group.members {
                m.partitions.retain(|tp| selection.wants_topic(&tp.topic));
            }
            let committed: BTreeMap<TopicPartition, Option<i64>> = inputs
                .committed
                .get(&group.name)
                .unwrap_or(&empty)
                .iter()
                .filter(|(tp, _)| selection.wants_topic(&tp.topic))
                .map(|(tp, o)| (tp.clone(), *o))
                .collect();
            rows(&group, &committed, &inputs.ends)
        })
        .collect()
}

/// Where a row's oldest unconsumed record is: its committed offset, or the earliest one
/// still in the log.
fn next_offset(inputs: &LagInputs, row: &PartitionLag) -> (TopicPartition, i64) {
    let tp = TopicPartition::new(row.topic.clone(), row.partition);
    let earliest = inputs.ends.get(&tp).map_or(0, |e| e.earliest);
    let next = row.committed.unwrap_or(earliest).max(earliest);
    (tp, next)
}

/// The next offset of each lagging partition: where its oldest unconsumed record is. Two
/// groups on one partition may want two offsets of it.
pub fn lagging_offsets(
    inputs: &LagInputs,
    selection: &GroupSelection,
) -> Vec<(TopicPartition, i64)> {
    let wanted: BTreeSet<(TopicPartition, i64)> = all_rows(inputs, selection)
        .iter()
        .filter(|r| r.lag > 0)
        .map(|r| next_offset(inputs, r))
        .collect();
    wanted.into_iter().collect()
}

/// Record timestamps at the lagging offsets, and the time they are aged against.
#[derive(Debug, Clone, Copy)]
pub struct Ages<'a> {
    pub timestamps: &'a BTreeMap<(TopicPartition, i64), i64>,
    pub now_ms: i64,
}

/// Rows and per-group totals, with ages when they were read.
pub fn snapshot(
    inputs: &LagInputs,
    selection: &GroupSelection,
    thresholds: &Thresholds,
    ages: Option<Ages<'_>>,
    taken: Instant,
) -> Snapshot {
    let mut rows = all_rows(inputs, selection);
    if let Some(ages) = ages {
        for r in &mut rows {
            r.age = if r.lag == 0 {
                Some(Duration::ZERO)
            } else {
                ages.timestamps
                    .get(&next_offset(inputs, r))
                    .map(|ts| Duration::from_millis(u64::try_from(ages.now_ms - ts).unwrap_or(0)))
            };
        }
    }
    for r in &mut rows {
        r.breach = thresholds.breach(&r.group, r.lag, r.age);
    }
    // In name order, as `groups list` and kafka-consumer-groups print them, whatever order
    // the brokers listed them in.
    rows.sort_by(|a, b| (&a.group, &a.topic, a.partition).cmp(&(&b.group, &b.topic, b.partition)));
    let mut groups: Vec<GroupLag> = inputs
        .groups
        .iter()
        .map(|g| {
            let mine: Vec<PartitionLag> =
                rows.iter().filter(|r| r.group == g.name).cloned().collect();
            summarize(g, &mine, thresholds)
        })
        .collect();
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    Snapshot {
        rows,
        groups,
        taken: Some(taken),
    }
}
