//! How groups move between two looks (`--watch`): consumption rates and catch-up times.
//!
//! The verdict follows the lag itself: lag that fell is catching up, at the rate it fell.
//! The consumption rate shown beside it counts only partitions whose committed offset is
//! known in both looks, so a group's first commit (from nothing to an offset) is not
//! mistaken for a burst of consumption.

use std::collections::BTreeMap;
use std::time::Duration;

use super::Snapshot;
use crate::core::record::TopicPartition;

/// How a group moved between two looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// Nothing to consume.
    CaughtUp,
    /// Lag fell: at this pace it is gone after `eta`.
    CatchingUp { consume_rate: f64, eta: Duration },
    /// Lag did not change.
    Stalled { consume_rate: f64 },
    /// Lag grew.
    FallingBehind { consume_rate: f64 },
}

/// One group's offsets at one look.
#[derive(Debug, Clone, Default, PartialEq)]
struct Look {
    committed: BTreeMap<TopicPartition, i64>,
    lag: u64,
}

fn look(snapshot: &Snapshot, group: &str) -> Look {
    let rows = snapshot.rows.iter().filter(|r| r.group == group);
    Look {
        committed: rows
            .clone()
            .filter_map(|r| {
                r.committed
                    .map(|c| (TopicPartition::new(r.topic.clone(), r.partition), c))
            })
            .collect(),
        lag: rows.map(|r| r.lag).sum(),
    }
}

fn trend(before: &Look, after: &Look, elapsed: Duration) -> Trend {
    let secs = elapsed.as_secs_f64().max(0.001);
    let consumed: i64 = after
        .committed
        .iter()
        .filter_map(|(tp, now)| before.committed.get(tp).map(|then| (now - then).max(0)))
        .sum();
    let consume_rate = consumed as f64 / secs;
    if after.lag == 0 {
        return Trend::CaughtUp;
    }
    match after.lag.cmp(&before.lag) {
        std::cmp::Ordering::Less => {
            let falling = (before.lag - after.lag) as f64 / secs;
            Trend::CatchingUp {
                consume_rate,
                eta: Duration::from_secs_f64(after.lag as f64 / falling),
            }
        }
        std::cmp::Ordering::Equal => Trend::Stalled { consume_rate },
        std::cmp::Ordering::Greater => Trend::FallingBehind { consume_rate },
    }
}

/// Each group's trend between two snapshots.
pub fn trends(before: &Snapshot, after: &Snapshot) -> BTreeMap<String, Trend> {
    let elapsed = match (before.taken, after.taken) {
        (Some(a), Some(b)) => b.duration_since(a),
        _ => Duration::from_secs(1),
    };
    after
        .groups
        .iter()
        .map(|g| {
            let t = trend(&look(before, &g.group), &look(after, &g.group), elapsed);
            (g.group.clone(), t)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::core::lag::{GroupLag, PartitionLag};

    /// A look at group `g`: (partition, committed, end) rows, `at` seconds in.
    fn snapshot(start: Instant, at: u64, rows: &[(i32, Option<i64>, i64)]) -> Snapshot {
        let rows: Vec<PartitionLag> = rows
            .iter()
            .map(|(partition, committed, end)| PartitionLag {
                group: "g".into(),
                topic: "t".into(),
                partition: *partition,
                committed: *committed,
                end: *end,
                lag: u64::try_from(end - committed.unwrap_or(0)).unwrap(),
                owner: None,
                age: None,
            })
            .collect();
        let lag = rows.iter().map(|r| r.lag).sum();
        Snapshot {
            groups: vec![GroupLag {
                group: "g".into(),
                state: "Stable".into(),
                lag,
                partitions: rows.len(),
                by_topic: BTreeMap::new(),
                worst_age: None,
                breach: None,
            }],
            rows,
            taken: Some(start + Duration::from_secs(at)),
        }
    }

    #[test]
    fn a_consumer_committing_while_lag_falls_from_8_to_1_is_catching_up() {
        let start = Instant::now();
        let looks = [
            snapshot(start, 0, &[(0, Some(2), 10)]),
            snapshot(start, 2, &[(0, Some(5), 10)]),
            snapshot(start, 4, &[(0, Some(9), 10)]),
        ];
        for pair in looks.windows(2) {
            match trends(&pair[0], &pair[1])["g"] {
                Trend::CatchingUp { consume_rate, eta } => {
                    assert!(consume_rate > 1.0, "{consume_rate}");
                    assert!(eta > Duration::ZERO);
                }
                other => panic!("{other:?}"),
            }
        }
        let t = trends(&looks[1], &looks[2])["g"];
        assert_eq!(
            t,
            Trend::CatchingUp {
                consume_rate: 2.0,
                eta: Duration::from_millis(500)
            }
        );
    }

    #[test]
    fn a_first_commit_is_not_a_burst_and_lag_decides_the_verdict() {
        let start = Instant::now();
        let before = snapshot(start, 0, &[(0, None, 100), (1, Some(10), 20)]);
        let after = snapshot(start, 10, &[(0, Some(95), 100), (1, Some(20), 30)]);
        match trends(&before, &after)["g"] {
            Trend::CatchingUp { consume_rate, .. } => {
                assert_eq!(
                    consume_rate, 1.0,
                    "only partition 1 was known in both looks"
                )
            }
            other => panic!("{other:?}"),
        }
        let stuck = snapshot(start, 20, &[(0, Some(95), 100), (1, Some(20), 30)]);
        assert_eq!(
            trends(&after, &stuck)["g"],
            Trend::Stalled { consume_rate: 0.0 }
        );
        let worse = snapshot(start, 30, &[(0, Some(95), 150), (1, Some(20), 30)]);
        assert_eq!(
            trends(&stuck, &worse)["g"],
            Trend::FallingBehind { consume_rate: 0.0 }
        );
        let done = snapshot(start, 40, &[(0, Some(150), 150), (1, Some(30), 30)]);
        assert_eq!(trends(&worse, &done)["g"], Trend::CaughtUp);
    }
}
