//! `kop lag`: groups, committed offsets and partition ends in batched requests, lag
//! arithmetic, thresholds, and a view; `--watch` repeats with rates.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::anyhow;
use regex::Regex;

use super::kafka_error;
use crate::cli::LagArgs;
use crate::context::Settings;
use crate::error::{Outcome, UsageError};
use crate::kafka::{Admin, Consumer};
use crate::lag::{self, trend, Group, GroupLag, Limit, PartitionLag, Thresholds, Trend};
use crate::output::views::lag::{render, LagView};
use crate::output::{Format, Output};
use crate::plan::glob::Glob;

/// Which groups and topics to look at.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub groups: Vec<String>,
    pub topics: Vec<String>,
    pub pattern: Option<Regex>,
}

impl Selection {
    fn wants_group(&self, name: &str) -> bool {
        (self.groups.is_empty() || self.groups.iter().any(|g| g == name))
            && self.pattern.as_ref().is_none_or(|p| p.is_match(name))
    }

    fn wants_topic(&self, topic: &str) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t == topic)
    }
}

/// One look at the cluster's consumer groups.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub rows: Vec<PartitionLag>,
    pub groups: Vec<GroupLag>,
    pub taken: Option<Instant>,
}

/// Reads lag for the selected groups. With `ages`, also the age of each lagging
/// partition's oldest unconsumed record.
pub fn collect(
    admin: &Admin,
    selection: &Selection,
    thresholds: &Thresholds,
    ages: Option<&Consumer>,
) -> anyhow::Result<Snapshot> {
    let groups: Vec<Group> = admin
        .groups()
        .map_err(kafka_error)?
        .into_iter()
        .filter(|g| selection.wants_group(&g.name))
        .collect();
    if let Some(missing) = selection
        .groups
        .iter()
        .find(|n| !groups.iter().any(|g| &g.name == *n))
    {
        return Err(anyhow!("no consumer group named {missing} on the cluster"));
    }
    let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    let committed = admin.group_offsets(&names).map_err(kafka_error)?;
    let mut offsets: BTreeMap<String, BTreeMap<(String, i32), Option<i64>>> = BTreeMap::new();
    let mut partitions: BTreeSet<(String, i32)> = BTreeSet::new();
    for group in &groups {
        let mine: BTreeMap<(String, i32), Option<i64>> = match committed.get(&group.name) {
            Some(Ok(o)) => o.clone(),
            Some(Err(e)) => {
                return Err(anyhow!("reading the offsets of group {}: {e}", group.name))
            }
            None => BTreeMap::new(),
        };
        let mine: BTreeMap<_, _> = mine
            .into_iter()
            .filter(|((t, _), _)| selection.wants_topic(t))
            .collect();
        partitions.extend(mine.keys().cloned());
        for m in &group.members {
            partitions.extend(
                m.partitions
                    .iter()
                    .filter(|(t, _)| selection.wants_topic(t))
                    .cloned(),
            );
        }
        offsets.insert(group.name.clone(), mine);
    }
    let partitions: Vec<(String, i32)> = partitions.into_iter().collect();
    let ends = admin.partition_ends(&partitions).map_err(kafka_error)?;
    let mut rows = Vec::new();
    for group in &groups {
        let mut group = group.clone();
        for m in &mut group.members {
            m.partitions.retain(|(t, _)| selection.wants_topic(t));
        }
        rows.extend(lag::rows(&group, &offsets[&group.name], &ends));
    }
    if let Some(consumer) = ages {
        add_ages(consumer, &mut rows, &ends)?;
    }
    let summaries = groups
        .iter()
        .map(|g| {
            let mine: Vec<PartitionLag> =
                rows.iter().filter(|r| r.group == g.name).cloned().collect();
            lag::summarize(g, &mine, thresholds)
        })
        .collect();
    Ok(Snapshot {
        rows,
        groups: summaries,
        taken: Some(Instant::now()),
    })
}

/// Reads the record at each lagging partition's next offset and ages it.
fn add_ages(
    consumer: &Consumer,
    rows: &mut [PartitionLag],
    ends: &BTreeMap<(String, i32), lag::Ends>,
) -> anyhow::Result<()> {
    let mut wanted: BTreeSet<(String, i32, i64)> = BTreeSet::new();
    for r in rows.iter().filter(|r| r.lag > 0) {
        let earliest = ends
            .get(&(r.topic.clone(), r.partition))
            .map_or(0, |e| e.earliest);
        wanted.insert((
            r.topic.clone(),
            r.partition,
            r.committed.unwrap_or(earliest).max(earliest),
        ));
    }
    let wanted: Vec<(String, i32, i64)> = wanted.into_iter().collect();
    let stamps = consumer.timestamps_at(&wanted).map_err(kafka_error)?;
    let now = super::dlq::now_ms();
    for r in rows.iter_mut() {
        r.age = if r.lag == 0 {
            Some(Duration::ZERO)
        } else {
            stamps
                .get(&(r.topic.clone(), r.partition))
                .map(|ts| Duration::from_millis(u64::try_from(now - ts).unwrap_or(0)))
        };
    }
    Ok(())
}

pub fn thresholds(
    settings: &Settings,
    max_lag: Option<u64>,
    max_age: Option<Duration>,
) -> Thresholds {
    Thresholds {
        max_lag,
        max_age,
        per_group: settings
            .file
            .as_ref()
            .map(|f| {
                f.lag
                    .iter()
                    .map(|l| Limit {
                        pattern: Glob::new(&l.pattern),
                        max_lag: l.max_lag,
                        max_age: l.max_age_ms.map(Duration::from_millis),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub async fn run(settings: &Settings, args: &LagArgs, out: &mut Output) -> anyhow::Result<Outcome> {
    super::require_format(
        out,
        "kop lag",
        &[Format::Table, Format::Json, Format::Prometheus],
    )?;
    let selection = Selection {
        groups: args.groups.clone(),
        topics: args.topics.clone(),
        pattern: args
            .pattern
            .as_deref()
            .map(|p| Regex::new(p).map_err(|e| anyhow!(UsageError(format!("--pattern: {e}")))))
            .transpose()?,
    };
    let thresholds = thresholds(settings, args.threshold, args.max_age);
    let admin = Admin::connect(settings, out.log_sink()).map_err(kafka_error)?;
    let wants_time = args.time
        || args.max_age.is_some()
        || thresholds.per_group.iter().any(|l| l.max_age.is_some());
    let ages = if wants_time {
        Some(Consumer::new(settings, out.log_sink(), None).map_err(kafka_error)?)
    } else {
        None
    };
    let interrupted = super::interrupt_flag();
    let mut previous: Option<Snapshot> = None;
    loop {
        let snapshot = tokio::task::block_in_place(|| {
            collect(&admin, &selection, &thresholds, ages.as_ref())
        })?;
        let trends = previous.as_ref().map(|p| trends(p, &snapshot));
        let view = LagView {
            snapshot: &snapshot,
            level: args.by,
            show_all: args.all,
            time: wants_time,
            trends: trends.as_ref(),
            redraw: args.watch.is_some() && out.progress,
        };
        render(out, &view)?;
        out.flush()?;
        let breach = snapshot.groups.iter().any(|g| g.breach.is_some());
        let Some(interval) = args.watch else {
            return Ok(Outcome::problems_if(breach));
        };
        let wake = Instant::now() + interval;
        while Instant::now() < wake {
            if interrupted.load(Ordering::SeqCst) {
                return Ok(Outcome::Interrupted);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        previous = Some(snapshot);
    }
}

/// Each group's trend between two snapshots.
fn trends(before: &Snapshot, after: &Snapshot) -> BTreeMap<String, Trend> {
    let totals = |s: &Snapshot, group: &str| -> (i64, i64) {
        s.rows
            .iter()
            .filter(|r| r.group == group)
            .fold((0, 0), |(c, e), r| {
                (c + r.committed.unwrap_or(0), e + r.end)
            })
    };
    let elapsed = match (before.taken, after.taken) {
        (Some(a), Some(b)) => b.duration_since(a),
        _ => Duration::from_secs(1),
    };
    after
        .groups
        .iter()
        .map(|g| {
            (
                g.group.clone(),
                trend(
                    totals(before, &g.group),
                    totals(after, &g.group),
                    g.lag,
                    elapsed,
                ),
            )
        })
        .collect()
}
