//! Consumer groups: what the cluster says about a group, the rows of `groups list` and
//! `groups describe`, and the reset plan. Pure: cluster facts in, rows and plans out.

pub mod describe;
pub mod listing;
pub mod reset;
pub mod reset_file;
pub mod scope;

use crate::core::cluster::BrokerInfo;
use crate::core::record::TopicPartition;

/// One member of an active group and the partitions assigned to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Member {
    /// The id the coordinator gave the member (`<client id>-<uuid>` for librdkafka and
    /// the Java client).
    pub member_id: String,
    /// `group.instance.id` of a static member.
    pub instance_id: Option<String>,
    pub client_id: String,
    pub host: String,
    pub partitions: Vec<TopicPartition>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    /// As the broker says: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead,
    /// Unknown.
    pub state: String,
    /// `consumer` for consumer groups, `connect` for Kafka Connect workers, empty for a
    /// group that only ever committed offsets (no member ever joined).
    pub protocol_type: String,
    /// The assignor the members agreed on (`range`, `cooperative-sticky`, ...), when the
    /// broker says.
    pub protocol: String,
    /// `classic` or `consumer` (KIP-848), when the broker says.
    pub group_type: Option<String>,
    /// The broker that coordinates the group, when known.
    pub coordinator: Option<BrokerInfo>,
    pub members: Vec<Member>,
}

impl Group {
    /// Consumer groups proper, and groups that only hold committed offsets.
    pub fn is_consumer_group(&self) -> bool {
        self.protocol_type.is_empty() || self.protocol_type == "consumer"
    }

    /// The member a partition is assigned to.
    pub fn owner_of(&self, tp: &TopicPartition) -> Option<&Member> {
        self.members.iter().find(|m| m.partitions.contains(tp))
    }

    /// Consumers are connected, or the group is in a state only connected consumers put
    /// it in: Kafka refuses to change its offsets or delete it. (As
    /// `kafka-consumer-groups` decides: only an Empty or Dead group may be reset.)
    pub fn is_active(&self) -> bool {
        !self.members.is_empty()
            || matches!(
                self.state.as_str(),
                "Stable"
                    | "PreparingRebalance"
                    | "CompletingRebalance"
                    | "Assigning"
                    | "Reconciling"
            )
    }
}

/// The group states Kafka reports, as it spells them (`--state` matches them without
/// regard to case, `-` or `_`).
pub const STATES: &[&str] = &[
    "Stable",
    "Empty",
    "PreparingRebalance",
    "CompletingRebalance",
    "Assigning",
    "Reconciling",
    "Dead",
    "Unknown",
];

/// A state as Kafka spells it, from what a user typed (`stable`, `preparing-rebalance`).
pub fn parse_state(text: &str) -> Option<&'static str> {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let wanted = squash(text);
    STATES.iter().copied().find(|s| squash(s) == wanted)
}

/// Whether a group described by the broker exists: some brokers answer a describe of an
/// unknown group with `Dead` (Apache Kafka) or an `Empty` group with nothing in it.
pub fn exists(group: &Group, has_committed_offsets: bool) -> bool {
    !group.state.eq_ignore_ascii_case("dead") && (group.is_active() || has_committed_offsets)
}

/// `orders: 0,1,2; refunds: 0`: partitions grouped by topic, in order.
pub fn compact_partitions(partitions: &[TopicPartition]) -> String {
    let mut sorted = partitions.to_vec();
    sorted.sort();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for tp in sorted {
        match out.last_mut() {
            Some((topic, ids)) if *topic == tp.topic => ids.push(tp.partition.to_string()),
            _ => out.push((tp.topic.clone(), vec![tp.partition.to_string()])),
        }
    }
    out.into_iter()
        .map(|(topic, ids)| format!("{topic}: {}", ids.join(",")))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_match_without_regard_to_spelling() {
        assert_eq!(parse_state("stable"), Some("Stable"));
        assert_eq!(
            parse_state("PREPARING-REBALANCE"),
            Some("PreparingRebalance")
        );
        assert_eq!(
            parse_state("completing_rebalance"),
            Some("CompletingRebalance")
        );
        assert_eq!(parse_state("asleep"), None);
    }

    #[test]
    fn a_group_exists_when_it_has_members_or_offsets_and_is_not_dead() {
        let mut g = Group {
            name: "g".into(),
            state: "Empty".into(),
            ..Group::default()
        };
        assert!(!exists(&g, false), "an empty group with nothing in it");
        assert!(exists(&g, true));
        g.members.push(Member::default());
        assert!(exists(&g, false));
        g.state = "Dead".into();
        assert!(!exists(&g, true));
    }

    #[test]
    fn a_group_is_active_with_members_or_in_a_live_state() {
        let mut g = Group {
            state: "Empty".into(),
            ..Group::default()
        };
        assert!(!g.is_active());
        for state in ["Stable", "PreparingRebalance", "CompletingRebalance"] {
            g.state = state.into();
            assert!(
                g.is_active(),
                "{state}, even when the broker lists no member"
            );
        }
        g.state = "Dead".into();
        assert!(!g.is_active());
        g.members.push(Member::default());
        assert!(g.is_active());
    }

    #[test]
    fn partitions_are_grouped_by_topic() {
        let tps = [
            TopicPartition::new("refunds", 0),
            TopicPartition::new("orders", 2),
            TopicPartition::new("orders", 0),
        ];
        assert_eq!(compact_partitions(&tps), "orders: 0,2; refunds: 0");
        assert_eq!(compact_partitions(&[]), "");
    }
}
