//! `kop groups describe`: a group's members and, per partition, its committed offset, the
//! end, the lag, the age of the oldest unconsumed record and the member that owns it.

use std::time::Instant;

use super::Group;
use crate::core::lag::{snapshot, Ages, GroupSelection, LagInputs, PartitionLag, Thresholds};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetail {
    pub group: Group,
    /// Every partition the group committed offsets for or is assigned.
    pub partitions: Vec<PartitionLag>,
    pub lag: u64,
}

/// The groups of `inputs`, in order, each with its partitions.
pub fn details(inputs: &LagInputs, ages: Option<Ages<'_>>) -> Vec<GroupDetail> {
    let all = GroupSelection::default();
    let snap = snapshot(inputs, &all, &Thresholds::default(), ages, Instant::now());
    inputs
        .groups
        .iter()
        .map(|g| GroupDetail {
            group: g.clone(),
            partitions: snap
                .rows
                .iter()
                .filter(|r| r.group == g.name)
                .cloned()
                .collect(),
            lag: snap
                .groups
                .iter()
                .find(|l| l.group == g.name)
                .map_or(0, |l| l.lag),
        })
        .collect()
}

/// Recorded Apache Kafka answers, turned into kop's groups as `kafka/` does, for the unit
/// tests of the views. Assignments are the bytes Kafka returns (ConsumerProtocol), parsed
/// by the same code that parses a live answer.
#[cfg(test)]
pub mod fixtures {
    use serde_json::Value;

    use crate::core::cluster::BrokerInfo;
    use crate::core::groups::{Group, Member};
    use crate::core::lag::parse_assignment;
    use crate::core::record::TopicPartition;

    fn bytes(text: &str) -> Vec<u8> {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap()
    }

    /// A DescribeGroups v5 response of a classic group (see the fixture's comment).
    pub fn describe_groups() -> Group {
        let json: Value =
            serde_json::from_str(include_str!("fixtures/describe_groups_kafka.json")).unwrap();
        let g = &json["response"]["groups"][0];
        Group {
            name: g["groupId"].as_str().unwrap().into(),
            state: g["groupState"].as_str().unwrap().into(),
            protocol_type: g["protocolType"].as_str().unwrap().into(),
            protocol: g["protocolData"].as_str().unwrap().into(),
            group_type: Some("classic".into()),
            coordinator: Some(coordinator(&json["coordinator"])),
            members: g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| Member {
                    member_id: m["memberId"].as_str().unwrap().into(),
                    instance_id: m["groupInstanceId"].as_str().map(str::to_string),
                    client_id: m["clientId"].as_str().unwrap().into(),
                    host: m["clientHost"].as_str().unwrap().into(),
                    partitions: parse_assignment(&bytes(m["memberAssignment"].as_str().unwrap()))
                        .unwrap(),
                })
                .collect(),
        }
    }

    /// A ConsumerGroupDescribe v0 response of a KIP-848 group (see the fixture's comment).
    pub fn consumer_group_describe() -> Group {
        let json: Value =
            serde_json::from_str(include_str!("fixtures/consumer_group_describe_kafka.json"))
                .unwrap();
        let g = &json["response"]["groups"][0];
        Group {
            name: g["groupId"].as_str().unwrap().into(),
            state: "Stable".into(),
            protocol_type: "consumer".into(),
            protocol: g["assignorName"].as_str().unwrap().into(),
            group_type: Some("consumer".into()),
            coordinator: Some(coordinator(&json["coordinator"])),
            members: g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| Member {
                    member_id: m["memberId"].as_str().unwrap().into(),
                    instance_id: m["instanceId"].as_str().map(str::to_string),
                    client_id: m["clientId"].as_str().unwrap().into(),
                    host: m["clientHost"].as_str().unwrap().into(),
                    partitions: m["assignment"]["topicPartitions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .flat_map(|t| {
                            let topic = t["topicName"].as_str().unwrap().to_string();
                            t["partitions"].as_array().unwrap().iter().map(move |p| {
                                TopicPartition::new(topic.clone(), p.as_i64().unwrap() as i32)
                            })
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn coordinator(c: &Value) -> BrokerInfo {
        BrokerInfo {
            id: c["nodeId"].as_i64().unwrap() as i32,
            host: c["host"].as_str().unwrap().into(),
            port: c["port"].as_i64().unwrap() as i32,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::cluster::Ends;
    use crate::core::record::TopicPartition;

    #[test]
    fn recorded_kafka_members_own_their_partitions() {
        let group = fixtures::describe_groups();
        assert_eq!(group.members.len(), 2);
        assert_eq!(group.members[0].client_id, "billing-service-1");
        assert_eq!(group.members[0].host, "/10.20.0.14");
        let tp = |p| TopicPartition::new("orders", p);
        let inputs = LagInputs {
            groups: vec![group],
            committed: BTreeMap::from([(
                "billing".to_string(),
                BTreeMap::from([(tp(0), Some(40)), (tp(1), Some(10)), (tp(2), None)]),
            )]),
            ends: (0..3)
                .map(|p| {
                    (
                        tp(p),
                        Ends {
                            earliest: 0,
                            latest: 50,
                        },
                    )
                })
                .collect(),
        };
        let details = details(&inputs, None);
        let d = &details[0];
        assert_eq!(d.lag, 10 + 40 + 50);
        let owners: Vec<Option<&str>> = d
            .partitions
            .iter()
            .map(|r| r.owner.as_ref().map(|o| o.client_id.as_str()))
            .collect();
        assert_eq!(
            owners,
            [
                Some("billing-service-1"),
                Some("billing-service-1"),
                Some("billing-service-2")
            ]
        );
        assert!(d.partitions[2]
            .owner
            .as_ref()
            .unwrap()
            .member_id
            .starts_with("billing-service-2-"));
    }

    #[test]
    fn recorded_kip_848_members_own_their_partitions() {
        let group = fixtures::consumer_group_describe();
        assert_eq!(group.group_type.as_deref(), Some("consumer"));
        assert_eq!(group.protocol, "uniform");
        let owned: Vec<usize> = group.members.iter().map(|m| m.partitions.len()).collect();
        assert_eq!(owned, [2, 1]);
    }
}
