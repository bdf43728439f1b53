//! ListConsumerGroupOffsets and ListOffsets (admin API), which the `rdkafka` crate does
//! not wrap. librdkafka groups ListOffsets by partition leader itself, so one call sends
//! one request per broker; group offsets take one call per group (librdkafka accepts one
//! group a request), all issued at once on one queue.
//!
//! Invariants: as in `native_alter`: every object is owned by an `Owned` guard from the
//! moment it exists, strings handed over are `CString`s that outlive the calls, and waits
//! are bounded by the timeout.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::bindings as rdsys;
use rdkafka::client::{Client, ClientContext};
use rdkafka::types::RDKafkaErrorCode;

use super::native::{admin_options as options, await_event, cstring, text, NativeError, Owned};
use crate::core::record::TopicPartition;

/// Copies a partition list's elements: each partition and its offset.
///
/// # Safety
/// `list` is null or a valid list that outlives the call.
unsafe fn elements(
    list: *const rdsys::rd_kafka_topic_partition_list_t,
) -> Vec<(TopicPartition, i64)> {
    // SAFETY: the caller guarantees `list`; `cnt` elements follow `elems`, each with a
    // NUL-terminated topic name.
    unsafe {
        if list.is_null() || (*list).elems.is_null() {
            return Vec::new();
        }
        let count = usize::try_from((*list).cnt).unwrap_or(0);
        std::slice::from_raw_parts((*list).elems, count)
            .iter()
            .map(|e| (TopicPartition::new(text(e.topic), e.partition), e.offset))
            .collect()
    }
}

/// Committed offsets of one group: partition → next offset (`None`: none committed).
pub(crate) type GroupOffsets = BTreeMap<TopicPartition, Option<i64>>;

pub(super) fn list_group_offsets<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<BTreeMap<String, Result<GroupOffsets, NativeError>>, NativeError> {
    let mut out = BTreeMap::new();
    if groups.is_empty() {
        return Ok(out);
    }
    let rk = client.native_ptr();
    let options = options(
        rk,
        rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
        timeout,
    );
    // SAFETY: see the module's invariants.
    unsafe {
        let queue = Owned::new(rdsys::rd_kafka_queue_new(rk), rdsys::rd_kafka_queue_destroy);
        for group in groups {
            let name = cstring(group)?;
            let request = Owned::new(
                rdsys::rd_kafka_ListConsumerGroupOffsets_new(name.as_ptr(), std::ptr::null()),
                rdsys::rd_kafka_ListConsumerGroupOffsets_destroy,
            );
            let mut requests = [request.ptr];
            rdsys::rd_kafka_ListConsumerGroupOffsets(
                rk,
                requests.as_mut_ptr(),
                1,
                options.ptr,
                queue.ptr,
            );
        }
        let deadline = Instant::now() + timeout + Duration::from_secs(1);
        while out.len() < groups.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            let event = await_event(queue.ptr, left, "committed offsets")?;
            let result = rdsys::rd_kafka_event_ListConsumerGroupOffsets_result(event.ptr);
            if result.is_null() {
                continue;
            }
            let mut count = 0usize;
            let items = rdsys::rd_kafka_ListConsumerGroupOffsets_result_groups(result, &mut count);
            if items.is_null() {
                continue;
            }
            for &group in std::slice::from_raw_parts(items, count) {
                let name = text(rdsys::rd_kafka_group_result_name(group));
                let error = rdsys::rd_kafka_group_result_error(group);
                let entry = if error.is_null() {
                    Ok(elements(rdsys::rd_kafka_group_result_partitions(group))
                        .into_iter()
                        .map(|(tp, o)| (tp, (o >= 0).then_some(o)))
                        .collect())
                } else {
                    Err(NativeError::new(
                        rdsys::rd_kafka_error_code(error).into(),
                        text(rdsys::rd_kafka_error_string(error)),
                    ))
                };
                out.insert(name, entry);
            }
        }
    }
    Ok(out)
}

/// An offset per partition, or the broker's reason it has none.
pub(super) type PartitionOffsets = BTreeMap<TopicPartition, Result<i64, NativeError>>;

/// Which offset of each partition to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OffsetSpec {
    Earliest,
    Latest,
    /// The first offset whose record's timestamp is at or after this (milliseconds since
    /// the epoch); -1 when there is none.
    Timestamp(i64),
}

/// Offsets of many partitions, batched per leader by librdkafka.
pub(super) fn list_offsets<C: ClientContext>(
    client: &Client<C>,
    partitions: &[TopicPartition],
    spec: OffsetSpec,
    timeout: Duration,
) -> Result<PartitionOffsets, NativeError> {
    let mut out = BTreeMap::new();
    if partitions.is_empty() {
        return Ok(out);
    }
    let rk = client.native_ptr();
    let spec = match spec {
        OffsetSpec::Earliest => rdsys::rd_kafka_OffsetSpec_t::RD_KAFKA_OFFSET_SPEC_EARLIEST as i64,
        OffsetSpec::Latest => rdsys::rd_kafka_OffsetSpec_t::RD_KAFKA_OFFSET_SPEC_LATEST as i64,
        OffsetSpec::Timestamp(ms) => ms.max(0),
    };
    let options = options(
        rk,
        rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTOFFSETS,
        timeout,
    );
    // SAFETY: see the module's invariants.
    unsafe {
        let list = Owned::new(
            rdsys::rd_kafka_topic_partition_list_new(
                i32::try_from(partitions.len()).unwrap_or(i32::MAX),
            ),
            rdsys::rd_kafka_topic_partition_list_destroy,
        );
        for tp in partitions {
            let name = cstring(&tp.topic)?;
            let element =
                rdsys::rd_kafka_topic_partition_list_add(list.ptr, name.as_ptr(), tp.partition);
            if !element.is_null() {
                (*element).offset = spec;
            }
        }
        let queue = Owned::new(rdsys::rd_kafka_queue_new(rk), rdsys::rd_kafka_queue_destroy);
        rdsys::rd_kafka_ListOffsets(rk, list.ptr, options.ptr, queue.ptr);
        let event = await_event(
            queue.ptr,
            timeout + Duration::from_secs(1),
            "partition offsets",
        )?;
        let result = rdsys::rd_kafka_event_ListOffsets_result(event.ptr);
        if result.is_null() {
            return Err(NativeError::new(
                RDKafkaErrorCode::Fail,
                "librdkafka returned no ListOffsets result",
            ));
        }
        let mut count = 0usize;
        let infos = rdsys::rd_kafka_ListOffsets_result_infos(result, &mut count);
        if !infos.is_null() {
            for &info in std::slice::from_raw_parts(infos, count) {
                let tp = rdsys::rd_kafka_ListOffsetsResultInfo_topic_partition(info);
                if tp.is_null() {
                    continue;
                }
                let code = (*tp).err;
                let entry = if code == rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                    Ok((*tp).offset)
                } else {
                    Err(NativeError::new(
                        code.into(),
                        text(rdsys::rd_kafka_err2str(code)),
                    ))
                };
                out.insert(
                    TopicPartition::new(text((*tp).topic), (*tp).partition),
                    entry,
                );
            }
        }
    }
    Ok(out)
}
