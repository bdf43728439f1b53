//! Offsets: committed offsets of groups, partition ends and offsets by time, each in as
//! few requests as the protocol allows.

use std::collections::BTreeMap;

use super::admin::Admin;
use super::error::KafkaError;
use super::native_offsets::{list_group_offsets, list_offsets, GroupOffsets, OffsetSpec};
use crate::core::cluster::Ends;
use crate::core::lag::{wanted_partitions, Group, GroupSelection, LagInputs};
use crate::core::record::TopicPartition;

impl Admin {
    /// What lag is computed from, for these groups: their committed offsets (one request
    /// per group, all in flight) and the ends of every partition involved (one ListOffsets
    /// per broker).
    pub fn lag_inputs(
        &self,
        groups: Vec<Group>,
        selection: &GroupSelection,
    ) -> Result<LagInputs, KafkaError> {
        let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
        let mut committed = BTreeMap::new();
        for (group, offsets) in self.group_offsets(&names)? {
            committed.insert(group, offsets?);
        }
        let partitions = wanted_partitions(&groups, &committed, selection);
        let ends = self.partition_ends(&partitions)?;
        Ok(LagInputs {
            groups,
            committed,
            ends,
        })
    }

    /// Committed offsets of each group, fetched for all groups at once.
    pub fn group_offsets(
        &self,
        groups: &[String],
    ) -> Result<BTreeMap<String, Result<GroupOffsets, KafkaError>>, KafkaError> {
        let what = "reading committed offsets";
        let results = list_group_offsets(&self.client, groups, self.timeout())
            .map_err(|e| self.native_failure(e, what))?;
        Ok(results
            .into_iter()
            .map(|(group, result)| {
                let result = result.map_err(|e| {
                    KafkaError::from_code(e.code, format!("reading the offsets of group {group}"))
                });
                (group, result)
            })
            .collect())
    }

    /// Earliest and latest offsets of the partitions (one ListOffsets per broker each).
    /// Partitions the broker gave no offsets for are left out.
    pub fn partition_ends(
        &self,
        partitions: &[TopicPartition],
    ) -> Result<BTreeMap<TopicPartition, Ends>, KafkaError> {
        let earliest = self.offsets(partitions, OffsetSpec::Earliest)?;
        let latest = self.offsets(partitions, OffsetSpec::Latest)?;
        Ok(latest
            .into_iter()
            .filter_map(|(tp, latest)| {
                let latest = latest?;
                let earliest = earliest.get(&tp).copied().flatten().unwrap_or(0);
                Some((tp, Ends { earliest, latest }))
            })
            .collect())
    }

    /// The first offset at or after `timestamp_ms` in each partition; `None` where no
    /// record is that recent.
    pub fn offsets_for_time(
        &self,
        partitions: &[TopicPartition],
        timestamp_ms: i64,
    ) -> Result<BTreeMap<TopicPartition, Option<i64>>, KafkaError> {
        self.offsets(partitions, OffsetSpec::Timestamp(timestamp_ms))
    }

    fn offsets(
        &self,
        partitions: &[TopicPartition],
        spec: OffsetSpec,
    ) -> Result<BTreeMap<TopicPartition, Option<i64>>, KafkaError> {
        let what = "reading partition offsets";
        let found = list_offsets(&self.client, partitions, spec, self.timeout())
            .map_err(|e| self.native_failure(e, what))?;
        Ok(found
            .into_iter()
            .map(|(tp, offset)| (tp, offset.ok().filter(|o| *o >= 0)))
            .collect())
    }
}
