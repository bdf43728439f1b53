//! Reading consumer groups for `kop lag`: the groups and their members, committed
//! offsets, and partition ends, each in as few requests as the protocol allows.

use std::collections::BTreeMap;

use super::admin::Admin;
use super::error::KafkaError;
use super::native_offsets::{list_group_offsets, list_offsets, GroupOffsets, OffsetSpec};
use crate::lag::{parse_assignment, Ends, Group, Member};

impl Admin {
    /// Consumer groups with their state and members (ListGroups, then DescribeGroups).
    pub fn groups(&self) -> Result<Vec<Group>, KafkaError> {
        let list = self
            .client
            .inner()
            .fetch_group_list(None, self.timeout())
            .map_err(|e| self.failure(e))?;
        Ok(list
            .groups()
            .iter()
            .filter(|g| g.protocol_type().is_empty() || g.protocol_type() == "consumer")
            .map(|g| Group {
                name: g.name().to_string(),
                state: g.state().to_string(),
                members: g
                    .members()
                    .iter()
                    .map(|m| Member {
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

    /// Committed offsets of each group, fetched for all groups at once.
    pub fn group_offsets(
        &self,
        groups: &[String],
    ) -> Result<BTreeMap<String, Result<GroupOffsets, String>>, KafkaError> {
        list_group_offsets(self.client.inner(), groups, self.timeout())
            .map_err(|cause| KafkaError::request("reading committed offsets", cause))
    }

    /// Earliest and latest offsets of the partitions (one ListOffsets per broker each).
    pub fn partition_ends(
        &self,
        partitions: &[(String, i32)],
    ) -> Result<BTreeMap<(String, i32), Ends>, KafkaError> {
        let read = |spec| {
            list_offsets(self.client.inner(), partitions, spec, self.timeout())
                .map_err(|cause| KafkaError::request("reading partition offsets", cause))
        };
        let earliest = read(OffsetSpec::Earliest)?;
        let latest = read(OffsetSpec::Latest)?;
        Ok(latest
            .into_iter()
            .filter_map(|(tp, latest)| {
                let latest = latest.ok()?;
                let earliest = earliest
                    .get(&tp)
                    .and_then(|r| r.as_ref().ok())
                    .copied()
                    .unwrap_or(0);
                Some((tp, Ends { earliest, latest }))
            })
            .collect())
    }
}
