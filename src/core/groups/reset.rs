//! `kop groups reset`: where each partition's committed offset goes, how far it moves, and
//! what that means in events re-read or skipped. Pure: the group's offsets, the partitions'
//! ends and the looked-up offsets in, a plan out.

use std::collections::BTreeMap;

use crate::core::cluster::Ends;
use crate::core::record::TopicPartition;

/// Committed offsets of one group: partition → next offset (`None`: none committed).
pub type Offsets = BTreeMap<TopicPartition, Option<i64>>;

/// Where the offsets go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Earliest,
    Latest,
    Offset(i64),
    /// The first offset whose record is at or after this time (milliseconds since the
    /// epoch; `--to-datetime`, `--by-duration`).
    Time(i64),
    ShiftBy(i64),
    /// The positions another group has committed.
    Group(String),
    /// Offsets read from a file.
    File(Vec<(TopicPartition, i64)>),
}

impl Target {
    /// The target in words, for the plan's heading.
    pub fn describe(&self) -> String {
        match self {
            Target::Earliest => "the earliest offsets".into(),
            Target::Latest => "the latest offsets".into(),
            Target::Offset(n) => format!("offset {n}"),
            Target::Time(ms) => format!(
                "the first records at or after {}",
                crate::util::time::format_rfc3339(*ms, 1_000)
            ),
            Target::ShiftBy(n) if *n < 0 => format!("{} offsets back", -n),
            Target::ShiftBy(n) => format!("{n} offsets forward"),
            Target::Group(other) => format!("the positions of group {other}"),
            Target::File(_) => "the offsets in the file".into(),
        }
    }

    /// The partitions the target itself names (a file, another group), if it does.
    pub fn named_partitions(&self, other: &Offsets) -> Option<Vec<TopicPartition>> {
        match self {
            Target::File(entries) => Some(entries.iter().map(|(tp, _)| tp.clone()).collect()),
            Target::Group(_) => Some(
                other
                    .iter()
                    .filter(|(_, o)| o.is_some())
                    .map(|(tp, _)| tp.clone())
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// What the plan is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ResetInputs<'a> {
    pub group: &'a str,
    pub partitions: &'a [TopicPartition],
    pub committed: &'a Offsets,
    pub ends: &'a BTreeMap<TopicPartition, Ends>,
    /// For [`Target::Time`]: the offset found in each partition (`None`: no record is that
    /// recent).
    pub by_time: &'a BTreeMap<TopicPartition, Option<i64>>,
    /// For [`Target::Group`]: the other group's committed offsets.
    pub other: &'a Offsets,
}

/// The asked offset was outside what the partition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clamp {
    ToEarliest { asked: i64 },
    ToLatest { asked: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetRow {
    pub tp: TopicPartition,
    /// The committed offset now (`None`: nothing committed).
    pub current: Option<i64>,
    pub new: i64,
    pub ends: Ends,
    pub clamped: Option<Clamp>,
}

impl ResetRow {
    /// Events the group will read again (`new` before `current`).
    pub fn reread(&self) -> u64 {
        self.current
            .map_or(0, |c| u64::try_from(c - self.new).unwrap_or(0))
    }

    /// Events the group will never read (`new` after `current`).
    pub fn skipped(&self) -> u64 {
        self.current
            .map_or(0, |c| u64::try_from(self.new - c).unwrap_or(0))
    }
}

/// A partition in scope that the reset leaves as it is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftAlone {
    pub tp: TopicPartition,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetPlan {
    pub group: String,
    /// The target in words.
    pub target: String,
    pub rows: Vec<ResetRow>,
    pub left_alone: Vec<LeftAlone>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub partitions: usize,
    /// Partitions whose offset moves.
    pub moved: usize,
    pub reread: u64,
    pub skipped: u64,
    /// Partitions with nothing committed before.
    pub first_commit: usize,
}

impl ResetPlan {
    pub fn totals(&self) -> Totals {
        Totals {
            partitions: self.rows.len(),
            moved: self
                .rows
                .iter()
                .filter(|r| r.current != Some(r.new))
                .count(),
            reread: self.rows.iter().map(ResetRow::reread).sum(),
            skipped: self.rows.iter().map(ResetRow::skipped).sum(),
            first_commit: self.rows.iter().filter(|r| r.current.is_none()).count(),
        }
    }

    /// The offsets to commit.
    pub fn offsets(&self) -> Vec<(TopicPartition, i64)> {
        self.rows.iter().map(|r| (r.tp.clone(), r.new)).collect()
    }
}

/// The plan: each partition's new offset, clamped to what it holds (with a warning).
pub fn plan(target: &Target, inputs: &ResetInputs<'_>) -> Result<ResetPlan, String> {
    let file: BTreeMap<&TopicPartition, i64> = match target {
        Target::File(entries) => entries.iter().map(|(tp, o)| (tp, *o)).collect(),
        _ => BTreeMap::new(),
    };
    let mut plan = ResetPlan {
        group: inputs.group.to_string(),
        target: target.describe(),
        rows: Vec::new(),
        left_alone: Vec::new(),
        warnings: Vec::new(),
    };
    for tp in inputs.partitions {
        let ends = *inputs
            .ends
            .get(tp)
            .ok_or_else(|| format!("the broker gave no offsets for {tp}"))?;
        let current = inputs.committed.get(tp).copied().flatten();
        let asked = match target {
            Target::Earliest => ends.earliest,
            Target::Latest => ends.latest,
            Target::Offset(n) => *n,
            Target::Time(_) => inputs
                .by_time
                .get(tp)
                .copied()
                .flatten()
                .unwrap_or(ends.latest),
            Target::ShiftBy(n) => match current {
                Some(c) => c.saturating_add(*n),
                None => {
                    plan.left_alone.push(LeftAlone {
                        tp: tp.clone(),
                        reason: "no committed offset to shift from".into(),
                    });
                    continue;
                }
            },
            Target::Group(other) => match inputs.other.get(tp).copied().flatten() {
                Some(o) => o,
                None => {
                    plan.left_alone.push(LeftAlone {
                        tp: tp.clone(),
                        reason: format!("group {other} has no committed offset here"),
                    });
                    continue;
                }
            },
            Target::File(_) => file
                .get(tp)
                .copied()
                .ok_or_else(|| format!("the file has no offset for {tp}"))?,
        };
        let (new, clamped) = if asked < ends.earliest {
            (ends.earliest, Some(Clamp::ToEarliest { asked }))
        } else if asked > ends.latest {
            (ends.latest, Some(Clamp::ToLatest { asked }))
        } else {
            (asked, None)
        };
        match clamped {
            Some(Clamp::ToEarliest { asked }) => plan.warnings.push(format!(
                "{tp}: offset {asked} is before the earliest offset still in the log ({}): using {}",
                ends.earliest, ends.earliest
            )),
            Some(Clamp::ToLatest { asked }) => plan.warnings.push(format!(
                "{tp}: offset {asked} is past the end of the log ({}): using {}",
                ends.latest, ends.latest
            )),
            None => {}
        }
        plan.rows.push(ResetRow {
            tp: tp.clone(),
            current,
            new,
            ends,
            clamped,
        });
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(p: i32) -> TopicPartition {
        TopicPartition::new("orders", p)
    }

    struct Case {
        committed: Offsets,
        ends: BTreeMap<TopicPartition, Ends>,
        by_time: BTreeMap<TopicPartition, Option<i64>>,
        other: Offsets,
    }

    impl Case {
        /// Three partitions holding 5..40, committed at 10, 20 and nothing.
        fn new() -> Case {
            Case {
                committed: BTreeMap::from([(tp(0), Some(10)), (tp(1), Some(20)), (tp(2), None)]),
                ends: (0..3)
                    .map(|p| {
                        (
                            tp(p),
                            Ends {
                                earliest: 5,
                                latest: 40,
                            },
                        )
                    })
                    .collect(),
                by_time: BTreeMap::new(),
                other: BTreeMap::new(),
            }
        }

        fn plan(&self, target: Target) -> ResetPlan {
            let partitions: Vec<TopicPartition> = (0..3).map(tp).collect();
            plan(
                &target,
                &ResetInputs {
                    group: "billing",
                    partitions: &partitions,
                    committed: &self.committed,
                    ends: &self.ends,
                    by_time: &self.by_time,
                    other: &self.other,
                },
            )
            .unwrap()
        }
    }

    fn news(plan: &ResetPlan) -> Vec<(i32, i64)> {
        plan.rows.iter().map(|r| (r.tp.partition, r.new)).collect()
    }

    #[test]
    fn earliest_rereads_and_latest_skips() {
        let case = Case::new();
        let back = case.plan(Target::Earliest);
        assert_eq!(news(&back), [(0, 5), (1, 5), (2, 5)]);
        let t = back.totals();
        assert_eq!(
            (t.partitions, t.moved, t.reread, t.skipped, t.first_commit),
            (3, 3, 20, 0, 1)
        );
        let ahead = case.plan(Target::Latest).totals();
        assert_eq!((ahead.reread, ahead.skipped), (0, 30 + 20));
    }

    #[test]
    fn offsets_outside_the_log_are_clamped_with_a_warning() {
        let case = Case::new();
        let plan = case.plan(Target::Offset(100));
        assert_eq!(news(&plan), [(0, 40), (1, 40), (2, 40)]);
        assert_eq!(plan.rows[0].clamped, Some(Clamp::ToLatest { asked: 100 }));
        assert_eq!(plan.warnings.len(), 3);
        assert!(
            plan.warnings[0].contains("past the end of the log (40): using 40"),
            "{:?}",
            plan.warnings
        );
        let low = case.plan(Target::Offset(1));
        assert_eq!(low.rows[0].clamped, Some(Clamp::ToEarliest { asked: 1 }));
        assert!(case.plan(Target::Offset(7)).warnings.is_empty());
    }

    #[test]
    fn shifting_moves_from_the_committed_offset_and_clamps() {
        let case = Case::new();
        let plan = case.plan(Target::ShiftBy(-8));
        assert_eq!(news(&plan), [(0, 5), (1, 12)]);
        assert_eq!(plan.rows[0].clamped, Some(Clamp::ToEarliest { asked: 2 }));
        assert_eq!(plan.left_alone.len(), 1);
        assert_eq!(
            plan.left_alone[0].reason,
            "no committed offset to shift from"
        );
        assert_eq!(plan.totals().reread, 5 + 8);
    }

    #[test]
    fn a_time_moves_to_the_offset_found_or_to_the_end() {
        let mut case = Case::new();
        case.by_time = BTreeMap::from([(tp(0), Some(30)), (tp(1), None)]);
        assert_eq!(
            news(&case.plan(Target::Time(1))),
            [(0, 30), (1, 40), (2, 40)]
        );
    }

    #[test]
    fn another_groups_positions_and_a_file_are_copied() {
        let mut case = Case::new();
        case.other = BTreeMap::from([(tp(0), Some(33)), (tp(1), None)]);
        let plan = case.plan(Target::Group("audit".into()));
        assert_eq!(news(&plan), [(0, 33)]);
        assert_eq!(plan.left_alone.len(), 2);
        let file = Target::File((0..3).map(|p| (tp(p), 12 + i64::from(p))).collect());
        assert_eq!(news(&case.plan(file)), [(0, 12), (1, 13), (2, 14)]);
    }
}
