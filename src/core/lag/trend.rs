//! How groups move between two looks (`--watch`): consumption rates and catch-up times.

use std::collections::BTreeMap;
use std::time::Duration;

use super::Snapshot;

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
pub(super) fn trend(before: (i64, i64), after: (i64, i64), lag: u64, elapsed: Duration) -> Trend {
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

/// Each group's trend between two snapshots.
pub fn trends(before: &Snapshot, after: &Snapshot) -> BTreeMap<String, Trend> {
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
