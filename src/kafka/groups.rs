//! Consumer groups: listing and describing them, changing and deleting their committed
//! offsets, deleting them.

use std::collections::BTreeMap;

use rdkafka::types::RDKafkaErrorCode;

use super::admin::Admin;
use super::error::KafkaError;
use super::native::NativeError;
use super::native_admin;
use super::native_groups::{
    alter_consumer_group_offsets, delete_consumer_group_offsets, describe_consumer_groups,
    PartitionOutcomes,
};
use crate::core::groups::{Group, Member};
use crate::core::lag::parse_assignment;
use crate::core::record::TopicPartition;
use crate::settings::Settings;

/// Each partition's outcome of a change to a group's offsets.
pub(crate) type OffsetOutcomes = Vec<(TopicPartition, Result<(), KafkaError>)>;

/// Each group's outcome of a deletion.
pub(crate) type GroupOutcomes = Vec<(String, Result<(), KafkaError>)>;

impl Admin {
    /// Every group the cluster knows, with its state, protocol and members: ListGroups
    /// and one DescribeGroups per broker, however many groups there are.
    pub fn all_groups(&self) -> Result<Vec<Group>, KafkaError> {
        let list = self
            .client
            .fetch_group_list(None, self.timeout())
            .map_err(|e| self.failure(e, "listing consumer groups"))?;
        Ok(list
            .groups()
            .iter()
            .map(|g| Group {
                name: g.name().to_string(),
                state: g.state().to_string(),
                protocol_type: g.protocol_type().to_string(),
                protocol: g.protocol().to_string(),
                group_type: None,
                coordinator: None,
                members: g
                    .members()
                    .iter()
                    .map(|m| Member {
                        member_id: m.id().to_string(),
                        instance_id: None,
                        client_id: m.client_id().to_string(),
                        host: m.client_host().to_string(),
                        partitions: m
                            .assignment()
                            .and_then(parse_assignment)
                            .unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect())
    }

    /// Consumer groups (and groups that only hold offsets), as [`Admin::all_groups`].
    pub fn groups(&self) -> Result<Vec<Group>, KafkaError> {
        let mut groups = self.all_groups()?;
        groups.retain(Group::is_consumer_group);
        Ok(groups)
    }

    /// The named groups described by their coordinators, with members and assignments
    /// (one request per group, all in flight).
    pub fn describe_groups(
        &self,
        groups: &[String],
    ) -> Result<BTreeMap<String, Result<Group, KafkaError>>, KafkaError> {
        let results = describe_consumer_groups(&self.client, groups, self.timeout())
            .map_err(|e| self.native_failure(e, "describing consumer groups"))?;
        Ok(results
            .into_iter()
            .map(|(name, result)| {
                let result = result
                    .map_err(|e| KafkaError::from_code(e.code, format!("describing group {name}")));
                (name, result)
            })
            .collect())
    }

    /// Commits new offsets for the group, all partitions in one request. A coordinator
    /// that refuses because members are connected gives `GroupNotEmpty`.
    pub fn alter_group_offsets(
        &self,
        group: &str,
        offsets: &[(TopicPartition, i64)],
    ) -> Result<OffsetOutcomes, KafkaError> {
        let what = format!("changing the offsets of group {group}");
        let results = alter_consumer_group_offsets(&self.client, group, offsets, self.timeout());
        self.offset_outcomes(results, &what)
    }

    /// Deletes the group's committed offsets of these partitions, in one request, after
    /// asking the group's coordinator whether it offers OffsetDelete (Kafka 2.4 and later
    /// do): librdkafka 2.12 releases its reply queue twice when a broker lacks the API,
    /// and the process then aborts (`rd_kafka_OffsetDeleteRequest` and the coordinator
    /// code both destroy it), so the request is never sent to such a broker.
    pub fn delete_group_offsets(
        &self,
        settings: &Settings,
        group: &Group,
        partitions: &[TopicPartition],
    ) -> Result<OffsetOutcomes, KafkaError> {
        if let Some(coordinator) = &group.coordinator {
            let probe =
                Admin::connect_listing_apis(settings, &coordinator.address(), self.context.sink())?;
            if probe.offers("OffsetDelete")? == Some(false) {
                return Err(KafkaError::Unsupported {
                    api: "OffsetDelete".into(),
                });
            }
        }
        let group = &group.name;
        let what = format!("deleting offsets of group {group}");
        let results =
            delete_consumer_group_offsets(&self.client, group, partitions, self.timeout());
        self.offset_outcomes(results, &what)
    }

    fn offset_outcomes(
        &self,
        results: Result<PartitionOutcomes, NativeError>,
        what: &str,
    ) -> Result<OffsetOutcomes, KafkaError> {
        let results = results.map_err(|e| match group_refusal(e.code) {
            Some(code) => KafkaError::from_code(code, what),
            None => self.native_failure(e, what),
        })?;
        Ok(results
            .into_iter()
            .map(|(tp, result)| {
                let result = result.map_err(|e| {
                    let code = group_refusal(e.code).unwrap_or(e.code);
                    KafkaError::from_code(code, format!("{what} on {tp}"))
                });
                (tp, result)
            })
            .collect())
    }

    /// Deletes the groups (one DeleteGroups request per coordinator).
    pub fn delete_groups(&self, groups: &[String]) -> Result<GroupOutcomes, KafkaError> {
        let results = native_admin::delete_groups(&self.client, groups, self.timeout())
            .map_err(|e| self.native_failure(e, "deleting consumer groups"))?;
        Ok(results
            .into_iter()
            .map(|(name, result)| match result {
                Ok(()) => (name, Ok(())),
                Err(code) => {
                    let error = KafkaError::from_code(code, format!("deleting group {name}"));
                    (name, Err(error))
                }
            })
            .collect())
    }
}

/// The codes a coordinator answers an admin's change to a group's offsets with when the
/// group's members are connected, as the one kop reports for that: a commit with no
/// member id is refused as an unknown member; deleting offsets of a topic the group
/// subscribes to, as subscribed.
fn group_refusal(code: RDKafkaErrorCode) -> Option<RDKafkaErrorCode> {
    matches!(
        code,
        RDKafkaErrorCode::UnknownMemberId
            | RDKafkaErrorCode::IllegalGeneration
            | RDKafkaErrorCode::RebalanceInProgress
            | RDKafkaErrorCode::GroupSubscribedToTopic
            | RDKafkaErrorCode::NonEmptyGroup
    )
    .then_some(RDKafkaErrorCode::NonEmptyGroup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coordinator_refusing_a_live_group_is_group_not_empty() {
        for code in [
            RDKafkaErrorCode::UnknownMemberId,
            RDKafkaErrorCode::GroupSubscribedToTopic,
            RDKafkaErrorCode::RebalanceInProgress,
        ] {
            let mapped = group_refusal(code).unwrap_or(code);
            assert!(
                matches!(
                    KafkaError::from_code(mapped, "resetting g"),
                    KafkaError::GroupNotEmpty { .. }
                ),
                "{code:?}"
            );
        }
        assert_eq!(group_refusal(RDKafkaErrorCode::OffsetOutOfRange), None);
    }
}
