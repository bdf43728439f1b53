//! Consumer lag arithmetic, thresholds and rates. Pure: offsets in, rows and verdicts out.
//!
//! A partition's lag is its end offset minus the group's committed offset. A partition the
//! group has never committed counts from the earliest offset still in the log: everything
//! there is unconsumed.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::plan::glob::Glob;

/// One member of an active group and the partitions assigned to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Member {
    pub client_id: String,
    pub host: String,
    pub partitions: Vec<(String, i32)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    /// As the broker says: Stable, Empty, PreparingRebalance, Dead, Unknown...
    pub state: String,
    pub members: Vec<Member>,
}

/// Offsets of one partition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ends {
    pub earliest: i64,
    pub latest: i64,
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
    /// `(client id, host)` of the member that owns the partition.
    pub owner: Option<(String, String)>,
    /// Age of the next unconsumed record, when asked (`--time`) and known.
    pub age: Option<Duration>,
}

pub fn partition_lag(committed: Option<i64>, ends: Ends) -> u64 {
    let from = committed.unwrap_or(ends.earliest).max(ends.earliest);
    u64::try_from(ends.latest - from).unwrap_or(0)
}

/// Rows for every partition a group has committed offsets for or is assigned.
pub fn rows(
    group: &Group,
    committed: &BTreeMap<(String, i32), Option<i64>>,
    ends: &BTreeMap<(String, i32), Ends>,
) -> Vec<PartitionLag> {
    let mut partitions: BTreeMap<(String, i32), Option<i64>> = committed.clone();
    for member in &group.members {
        for tp in &member.partitions {
            partitions.entry(tp.clone()).or_insert(None);
        }
    }
    partitions
        .into_iter()
        .filter_map(|((topic, partition), committed)| {
            let e = *ends.get(&(topic.clone(), partition))?;
            let owner = group
                .members
                .iter()
                .find(|m| {
                    m.partitions
                        .iter()
                        .any(|(t, p)| t == &topic && *p == partition)
                })
                .map(|m| (m.client_id.clone(), m.host.clone()));
            Some(PartitionLag {
                group: group.name.clone(),
                lag: partition_lag(committed, e),
                topic,
                partition,
                committed,
                end: e.latest,
                owner,
                age: None,
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
    pub fn breach(&self, group: &str, lag: u64, age: Option<Duration>) -> Option<String> {
        let (max_lag, max_age) = match self.per_group.iter().find(|l| l.pattern.matches(group)) {
            Some(l) => (l.max_lag.or(self.max_lag), l.max_age.or(self.max_age)),
            None => (self.max_lag, self.max_age),
        };
        if let Some(max) = max_lag.filter(|m| lag > *m) {
            return Some(format!("lag {lag} > {max}"));
        }
        match (age, max_age) {
            (Some(age), Some(max)) if age > max => Some(format!(
                "oldest unconsumed {} old > {}",
                crate::config::units::format_duration_ms(age.as_millis() as u64),
                crate::config::units::format_duration_ms(max.as_millis() as u64)
            )),
            _ => None,
        }
    }
}

/// How a group moved between two looks (`--watch`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// Caught up: nothing to consume.
    CaughtUp,
    /// Consuming faster than producers write: time to catch up.
    CatchingUp {
        consume_rate: f64,
        eta: Duration,
    },
    FallingBehind {
        consume_rate: f64,
    },
}

/// From committed and end totals at two moments `elapsed` apart.
pub fn trend(before: (i64, i64), after: (i64, i64), lag: u64, elapsed: Duration) -> Trend {
    let secs = elapsed.as_secs_f64().max(0.001);
    let consume_rate = ((after.0 - before.0) as f64 / secs).max(0.0);
    let produce_rate = ((after.1 - before.1) as f64 / secs).max(0.0);
    if lag == 0 {
        return Trend::CaughtUp;
    }
    let net = consume_rate - produce_rate;
    if net > 0.0 {
        Trend::CatchingUp {
            consume_rate,
            eta: Duration::from_secs_f64(lag as f64 / net),
        }
    } else {
        Trend::FallingBehind { consume_rate }
    }
}

/// The partitions a consumer-protocol assignment lists (Kafka's ConsumerProtocol
/// Assignment: version, then topics with their partitions, then user data).
pub fn parse_assignment(bytes: &[u8]) -> Option<Vec<(String, i32)>> {
    let mut r = Reader(bytes);
    let _version = r.i16()?;
    let topics = r.i32()?;
    let mut out = Vec::new();
    for _ in 0..topics.max(0) {
        let len = usize::try_from(r.i16()?).ok()?;
        let topic = String::from_utf8(r.take(len)?.to_vec()).ok()?;
        for _ in 0..r.i32()?.max(0) {
            out.push((topic.clone(), r.i32()?));
        }
    }
    Some(out)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn i16(&mut self) -> Option<i16> {
        self.take(2).map(|b| i16::from_be_bytes([b[0], b[1]]))
    }

    fn i32(&mut self) -> Option<i32> {
        self.take(4)
            .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests;
