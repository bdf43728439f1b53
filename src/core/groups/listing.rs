//! `kop groups list`: which groups to show, and one row per group with its lag.

use regex::Regex;

use super::Group;
use crate::core::dlq::replay::{replay_cursor, ReplayCursor};
use crate::core::lag::{GroupSelection, Snapshot};

/// `--state`, `--topic` and `--pattern`.
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    /// Kafka's spelling of each wanted state (all when empty).
    pub states: Vec<&'static str>,
    /// Groups that committed offsets for, or are assigned, one of these topics.
    pub topics: Vec<String>,
    pub pattern: Option<Regex>,
}

impl GroupFilter {
    /// What can be decided before any offset is read: the state and the name.
    pub fn keeps(&self, group: &Group) -> bool {
        let state_ok = self.states.is_empty()
            || self
                .states
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&group.state));
        state_ok
            && self
                .pattern
                .as_ref()
                .is_none_or(|p| p.is_match(&group.name))
    }

    /// The offsets and ends to read for the kept groups.
    pub fn selection(&self) -> GroupSelection {
        GroupSelection {
            groups: Vec::new(),
            topics: self.topics.clone(),
            pattern: self.pattern.clone(),
            // `groups list` shows every group, marking kop's replay cursors as such.
            replay_cursors: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRow {
    pub name: String,
    pub state: String,
    pub protocol_type: String,
    pub members: usize,
    /// The topics it committed offsets for or is assigned (of `--topic`, when given).
    pub topics: Vec<String>,
    pub partitions: usize,
    /// Over those topics.
    pub lag: u64,
    /// Set when the group is one of kop's dead-letter replay cursors.
    pub replay: Option<ReplayCursor>,
}

/// One row per kept group, by name. With `--topic`, groups that neither committed nor are
/// assigned any of its partitions are left out.
pub fn rows(groups: &[Group], snapshot: &Snapshot, filter: &GroupFilter) -> Vec<GroupRow> {
    let mut rows: Vec<GroupRow> = groups
        .iter()
        .filter(|g| filter.keeps(g))
        .filter_map(|g| {
            let lag = snapshot.groups.iter().find(|l| l.group == g.name);
            let partitions = lag.map_or(0, |l| l.partitions);
            if !filter.topics.is_empty() && partitions == 0 {
                return None;
            }
            Some(GroupRow {
                name: g.name.clone(),
                state: g.state.clone(),
                protocol_type: g.protocol_type.clone(),
                members: g.members.len(),
                topics: lag
                    .map(|l| l.by_topic.keys().cloned().collect())
                    .unwrap_or_default(),
                partitions,
                lag: lag.map_or(0, |l| l.lag),
                replay: replay_cursor(&g.name),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    rows
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::time::Instant;

    use super::*;
    use crate::core::cluster::Ends;
    use crate::core::groups::Member;
    use crate::core::lag::{snapshot, LagInputs, Thresholds};
    use crate::core::record::TopicPartition;

    fn group(name: &str, state: &str, members: usize) -> Group {
        Group {
            name: name.into(),
            state: state.into(),
            protocol_type: "consumer".into(),
            members: (0..members).map(|_| Member::default()).collect(),
            ..Group::default()
        }
    }

    fn look(groups: &[Group], filter: &GroupFilter) -> Vec<GroupRow> {
        let tp = |t: &str| TopicPartition::new(t, 0);
        let inputs = LagInputs {
            groups: groups.to_vec(),
            committed: BTreeMap::from([
                (
                    "billing".to_string(),
                    BTreeMap::from([(tp("orders"), Some(40)), (tp("refunds"), Some(1))]),
                ),
                (
                    "kop-replay.dlq.failed-events".to_string(),
                    BTreeMap::from([(tp("dlq.failed-events"), Some(3))]),
                ),
            ]),
            ends: BTreeMap::from([
                (
                    tp("orders"),
                    Ends {
                        earliest: 0,
                        latest: 100,
                    },
                ),
                (
                    tp("refunds"),
                    Ends {
                        earliest: 0,
                        latest: 1,
                    },
                ),
                (
                    tp("dlq.failed-events"),
                    Ends {
                        earliest: 0,
                        latest: 5,
                    },
                ),
            ]),
        };
        let snap = snapshot(
            &inputs,
            &filter.selection(),
            &Thresholds::default(),
            None,
            Instant::now(),
        );
        rows(groups, &snap, filter)
    }

    #[test]
    fn rows_carry_topics_lag_members_and_replay_cursors() {
        let groups = [
            group("kop-replay.dlq.failed-events", "Empty", 0),
            group("billing", "Stable", 2),
            group("idle", "Empty", 0),
        ];
        let rows = look(&groups, &GroupFilter::default());
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["billing", "idle", "kop-replay.dlq.failed-events"]);
        assert_eq!(rows[0].topics, ["orders", "refunds"]);
        assert_eq!(
            (rows[0].lag, rows[0].members, rows[0].partitions),
            (60, 2, 2)
        );
        assert_eq!((rows[1].lag, rows[1].topics.len()), (0, 0));
        assert_eq!(
            rows[2].replay.as_ref().map(|r| r.dlq.as_str()),
            Some("dlq.failed-events")
        );
        assert_eq!(rows[0].replay, None);
    }

    #[test]
    fn state_topic_and_pattern_filters() {
        let groups = [group("billing", "Stable", 2), group("idle", "Empty", 0)];
        let by_state = GroupFilter {
            states: vec!["Empty"],
            ..GroupFilter::default()
        };
        assert_eq!(look(&groups, &by_state).len(), 1);
        let by_topic = GroupFilter {
            topics: vec!["refunds".into()],
            ..GroupFilter::default()
        };
        let rows = look(&groups, &by_topic);
        assert_eq!(rows.len(), 1, "idle reads nothing");
        assert_eq!(
            (rows[0].topics.as_slice(), rows[0].lag),
            (["refunds".to_string()].as_slice(), 0)
        );
        let by_name = GroupFilter {
            pattern: Some(Regex::new("^bil").unwrap()),
            ..GroupFilter::default()
        };
        assert_eq!(look(&groups, &by_name)[0].name, "billing");
    }
}
