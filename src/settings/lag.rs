//! `kop lag` and `kop health`: which groups, which limits, how much detail.

use std::time::Duration;

use regex::Regex;

use crate::cli::{HealthArgs, LagArgs, LagBy};
use crate::core::lag::{GroupSelection, LagLevel, Limit, Thresholds};
use crate::error::CommandError;
use crate::util::glob::Glob;

use super::Settings;

/// `--watch` redraws no faster than this: each look costs the cluster a few requests.
const MIN_WATCH: Duration = Duration::from_secs(1);

#[derive(Debug, Clone)]
pub(crate) struct LagSettings {
    pub selection: GroupSelection,
    pub thresholds: Thresholds,
    pub level: LagLevel,
    /// Groups without lag too.
    pub show_all: bool,
    /// Read the age of each lagging partition's oldest unconsumed record.
    pub time: bool,
    /// Redraw every interval, until Ctrl-C.
    pub watch: Option<Duration>,
}

impl LagSettings {
    pub fn resolve(args: &LagArgs, global: &Settings) -> Result<LagSettings, CommandError> {
        let pattern = args
            .pattern
            .as_deref()
            .map(|p| Regex::new(p).map_err(|e| CommandError::usage(format!("--pattern: {e}"))))
            .transpose()?;
        if let Some(watch) = args.watch.filter(|w| *w < MIN_WATCH) {
            return Err(CommandError::usage(format!(
                "--watch {}: redraw at most once a second (--watch 1s or more)",
                crate::util::units::format_duration_ms(watch.as_millis() as u64)
            )));
        }
        let thresholds = thresholds(global, args.threshold, args.max_age);
        let time = args.time
            || args.max_age.is_some()
            || thresholds.per_group.iter().any(|l| l.max_age.is_some());
        Ok(LagSettings {
            selection: GroupSelection {
                groups: args.groups.clone(),
                topics: args.topics.clone(),
                pattern,
            },
            thresholds,
            level: match args.by {
                LagBy::Group => LagLevel::Group,
                LagBy::Topic => LagLevel::Topic,
                LagBy::Partition => LagLevel::Partition,
            },
            show_all: args.all,
            time,
            watch: args.watch,
        })
    }
}

/// The command line's limits and the file's per-group ones.
fn thresholds(settings: &Settings, max_lag: Option<u64>, max_age: Option<Duration>) -> Thresholds {
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

#[derive(Debug, Clone)]
pub(crate) struct HealthSettings {
    /// `--max-lag`: no group may lag more.
    pub max_lag: Option<u64>,
    /// `--max-dlq`: no declared dead-letter queue may hold more pending letters.
    pub max_dlq: Option<u64>,
    /// The queues `--max-dlq` looks at.
    pub dead_letter_queues: Vec<String>,
    /// Topics the file declares, when a file was read.
    pub declared_topics: Option<Vec<String>>,
}

impl HealthSettings {
    pub fn resolve(args: &HealthArgs, global: &Settings) -> Result<HealthSettings, CommandError> {
        Ok(HealthSettings {
            max_lag: args.max_lag,
            max_dlq: args.max_dlq,
            dead_letter_queues: global
                .file
                .as_ref()
                .map(|f| f.dead_letter_queues())
                .unwrap_or_default(),
            declared_topics: global
                .file
                .as_ref()
                .map(|f| f.topics.keys().cloned().collect()),
        })
    }
}
