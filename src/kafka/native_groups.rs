//! DescribeConsumerGroups, AlterConsumerGroupOffsets and DeleteConsumerGroupOffsets (admin
//! API), which the `rdkafka` crate does not wrap.
//!
//! librdkafka describes each group with its coordinator (ConsumerGroupDescribe, falling
//! back to DescribeGroups for classic groups and older brokers), all groups of one call in
//! flight at once; it parses the members' assignments itself. Altering and deleting
//! offsets take one group a call, and send one request for all of its partitions, so a
//! reset is applied whole or refused whole by the coordinator.
//!
//! Invariants, as in `native_offsets`: every object is owned by an [`Owned`] guard from the
//! moment it exists, strings handed over are `CString`s that outlive the calls, every
//! pointer read from a result is copied into owned values before the result event is
//! destroyed, and waits are bounded by the timeout plus a second.

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::bindings as rdsys;
use rdkafka::client::{Client, ClientContext};
use rdkafka::types::RDKafkaErrorCode;

use super::native::{admin_options as options, await_event, cstring, text, NativeError, Owned};
use crate::core::cluster::BrokerInfo;
use crate::core::groups::{Group, Member};
use crate::core::record::TopicPartition;

/// A librdkafka error object copied, or `None` for no error.
///
/// # Safety
/// `error` is null or a valid error that outlives the call.
unsafe fn error_of(error: *const rdsys::rd_kafka_error_t) -> Option<NativeError> {
    if error.is_null() {
        return None;
    }
    // SAFETY: non-null and valid by the caller's guarantee; the string is copied.
    unsafe {
        Some(NativeError::new(
            rdsys::rd_kafka_error_code(error).into(),
            text(rdsys::rd_kafka_error_string(error)),
        ))
    }
}

/// The partitions of a list and each one's error.
///
/// # Safety
/// `list` is null or a valid list that outlives the call.
unsafe fn partitions_of(
    list: *const rdsys::rd_kafka_topic_partition_list_t,
) -> Vec<(TopicPartition, Option<NativeError>)> {
    // SAFETY: the caller guarantees `list`; `cnt` elements follow `elems`, each with a
    // NUL-terminated topic name.
    unsafe {
        if list.is_null() || (*list).elems.is_null() {
            return Vec::new();
        }
        let count = usize::try_from((*list).cnt).unwrap_or(0);
        std::slice::from_raw_parts((*list).elems, count)
            .iter()
            .map(|e| {
                let error = (e.err != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR)
                    .then(|| NativeError::new(e.err.into(), text(rdsys::rd_kafka_err2str(e.err))));
                (TopicPartition::new(text(e.topic), e.partition), error)
            })
            .collect()
    }
}

/// A new partition list holding `partitions` with their offsets (`None`: no offset).
fn partition_list(
    partitions: &[(TopicPartition, Option<i64>)],
) -> Result<Owned<rdsys::rd_kafka_topic_partition_list_t>, NativeError> {
    // SAFETY: the list is owned by the guard at once; librdkafka copies each topic name
    // before `rd_kafka_topic_partition_list_add` returns, and the element it returns
    // belongs to the live list.
    unsafe {
        let list = Owned::new(
            rdsys::rd_kafka_topic_partition_list_new(
                i32::try_from(partitions.len()).unwrap_or(i32::MAX),
            ),
            rdsys::rd_kafka_topic_partition_list_destroy,
        );
        for (tp, offset) in partitions {
            let name = cstring(&tp.topic)?;
            let element =
                rdsys::rd_kafka_topic_partition_list_add(list.ptr, name.as_ptr(), tp.partition);
            if let (false, Some(offset)) = (element.is_null(), offset) {
                (*element).offset = *offset;
            }
        }
        Ok(list)
    }
}

/// Kafka's name for a group state.
fn state_name(state: rdsys::rd_kafka_consumer_group_state_t) -> &'static str {
    use rdsys::rd_kafka_consumer_group_state_t as S;
    match state {
        S::RD_KAFKA_CONSUMER_GROUP_STATE_STABLE => "Stable",
        S::RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY => "Empty",
        S::RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE => "PreparingRebalance",
        S::RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE => "CompletingRebalance",
        S::RD_KAFKA_CONSUMER_GROUP_STATE_DEAD => "Dead",
        _ => "Unknown",
    }
}

fn type_name(kind: rdsys::rd_kafka_consumer_group_type_t) -> Option<String> {
    use rdsys::rd_kafka_consumer_group_type_t as T;
    match kind {
        T::RD_KAFKA_CONSUMER_GROUP_TYPE_CLASSIC => Some("classic".into()),
        T::RD_KAFKA_CONSUMER_GROUP_TYPE_CONSUMER => Some("consumer".into()),
        _ => None,
    }
}

/// Each group's description, or the broker's reason it has none; all groups in flight at
/// once. The outer `Err` is a failure of the whole call (timeout, unsupported).
pub(super) fn describe_consumer_groups<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<BTreeMap<String, Result<Group, NativeError>>, NativeError> {
    let mut out = BTreeMap::new();
    if groups.is_empty() {
        return Ok(out);
    }
    let rk = client.native_ptr();
    let options = options(
        rk,
        rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
        timeout,
    );
    let mut names = Vec::with_capacity(groups.len());
    for group in groups {
        names.push(cstring(group)?);
    }
    let mut pointers: Vec<*const std::ffi::c_char> = names.iter().map(|n| n.as_ptr()).collect();
    // SAFETY: see the module's invariants; `names` outlives the call (librdkafka copies
    // them), and the descriptions belong to the event, which outlives the loop.
    unsafe {
        let queue = Owned::new(rdsys::rd_kafka_queue_new(rk), rdsys::rd_kafka_queue_destroy);
        rdsys::rd_kafka_DescribeConsumerGroups(
            rk,
            pointers.as_mut_ptr(),
            pointers.len(),
            options.ptr,
            queue.ptr,
        );
        let event = await_event(
            queue.ptr,
            timeout + Duration::from_secs(1),
            "group descriptions",
        )?;
        let result = rdsys::rd_kafka_event_DescribeConsumerGroups_result(event.ptr);
        if result.is_null() {
            return Err(NativeError::new(
                RDKafkaErrorCode::Fail,
                "librdkafka returned no DescribeConsumerGroups result",
            ));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_DescribeConsumerGroups_result_groups(result, &mut count);
        if !items.is_null() {
            for &item in std::slice::from_raw_parts(items, count) {
                let name = text(rdsys::rd_kafka_ConsumerGroupDescription_group_id(item));
                let entry = match error_of(rdsys::rd_kafka_ConsumerGroupDescription_error(item)) {
                    Some(error) => Err(error),
                    None => Ok(description(item, &name)),
                };
                out.insert(name, entry);
            }
        }
    }
    Ok(out)
}

/// One group's description, copied.
///
/// # Safety
/// `item` is a valid description that outlives the call.
unsafe fn description(
    item: *const rdsys::rd_kafka_ConsumerGroupDescription_t,
    name: &str,
) -> Group {
    // SAFETY: by the caller's guarantee; every member, node and assignment read here
    // belongs to `item` and is copied.
    unsafe {
        let node = rdsys::rd_kafka_ConsumerGroupDescription_coordinator(item);
        let coordinator = (!node.is_null()).then(|| BrokerInfo {
            id: rdsys::rd_kafka_Node_id(node),
            host: text(rdsys::rd_kafka_Node_host(node)),
            port: i32::from(rdsys::rd_kafka_Node_port(node)),
        });
        let simple = rdsys::rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(item) != 0;
        let count = rdsys::rd_kafka_ConsumerGroupDescription_member_count(item);
        let members = (0..count)
            .filter_map(|i| {
                let m = rdsys::rd_kafka_ConsumerGroupDescription_member(item, i);
                (!m.is_null()).then(|| member(m))
            })
            .collect();
        Group {
            name: name.to_string(),
            state: state_name(rdsys::rd_kafka_ConsumerGroupDescription_state(item)).into(),
            protocol_type: if simple {
                String::new()
            } else {
                "consumer".into()
            },
            protocol: text(rdsys::rd_kafka_ConsumerGroupDescription_partition_assignor(
                item,
            )),
            group_type: type_name(rdsys::rd_kafka_ConsumerGroupDescription_type(item)),
            coordinator,
            members,
        }
    }
}

/// One member, copied.
///
/// # Safety
/// `m` is a valid member description that outlives the call.
unsafe fn member(m: *const rdsys::rd_kafka_MemberDescription_t) -> Member {
    // SAFETY: by the caller's guarantee; the assignment and its list belong to `m`.
    unsafe {
        let assignment = rdsys::rd_kafka_MemberDescription_assignment(m);
        let partitions = if assignment.is_null() {
            Vec::new()
        } else {
            partitions_of(rdsys::rd_kafka_MemberAssignment_partitions(assignment))
                .into_iter()
                .map(|(tp, _)| tp)
                .collect()
        };
        let instance = rdsys::rd_kafka_MemberDescription_group_instance_id(m);
        Member {
            member_id: text(rdsys::rd_kafka_MemberDescription_consumer_id(m)),
            instance_id: (!instance.is_null()).then(|| text(instance)),
            client_id: text(rdsys::rd_kafka_MemberDescription_client_id(m)),
            host: text(rdsys::rd_kafka_MemberDescription_host(m)),
            partitions,
        }
    }
}

/// Each partition's outcome of an offset change.
pub(super) type PartitionOutcomes = Vec<(TopicPartition, Result<(), NativeError>)>;

/// Which change to a group's offsets.
enum OffsetsChange<'a> {
    Alter(&'a [(TopicPartition, i64)]),
    Delete(&'a [TopicPartition]),
}

/// Commits `offsets` for the group in one request. The outer `Err` is a failure of the
/// whole request (the group's own error included); otherwise one result per partition.
pub(super) fn alter_consumer_group_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    offsets: &[(TopicPartition, i64)],
    timeout: Duration,
) -> Result<PartitionOutcomes, NativeError> {
    change_offsets(client, group, OffsetsChange::Alter(offsets), timeout)
}

/// Deletes the group's committed offsets of `partitions` in one request.
pub(super) fn delete_consumer_group_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    partitions: &[TopicPartition],
    timeout: Duration,
) -> Result<PartitionOutcomes, NativeError> {
    change_offsets(client, group, OffsetsChange::Delete(partitions), timeout)
}

fn change_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    change: OffsetsChange<'_>,
    timeout: Duration,
) -> Result<PartitionOutcomes, NativeError> {
    let rk = client.native_ptr();
    let name = cstring(group)?;
    let (items, op): (Vec<(TopicPartition, Option<i64>)>, _) = match change {
        OffsetsChange::Alter(offsets) => (
            offsets
                .iter()
                .map(|(tp, o)| (tp.clone(), Some(*o)))
                .collect(),
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
        ),
        OffsetsChange::Delete(partitions) => (
            partitions.iter().map(|tp| (tp.clone(), None)).collect(),
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
        ),
    };
    let alter = op == rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS;
    let list = partition_list(&items)?;
    let options = options(rk, op, timeout);
    // SAFETY: see the module's invariants; librdkafka copies the name and the list into
    // its request, which the guard destroys once the call has returned.
    unsafe {
        let queue = Owned::new(rdsys::rd_kafka_queue_new(rk), rdsys::rd_kafka_queue_destroy);
        if alter {
            let request = Owned::new(
                rdsys::rd_kafka_AlterConsumerGroupOffsets_new(name.as_ptr(), list.ptr),
                rdsys::rd_kafka_AlterConsumerGroupOffsets_destroy,
            );
            let mut requests = [request.ptr];
            rdsys::rd_kafka_AlterConsumerGroupOffsets(
                rk,
                requests.as_mut_ptr(),
                1,
                options.ptr,
                queue.ptr,
            );
        } else {
            let request = Owned::new(
                rdsys::rd_kafka_DeleteConsumerGroupOffsets_new(name.as_ptr(), list.ptr),
                rdsys::rd_kafka_DeleteConsumerGroupOffsets_destroy,
            );
            let mut requests = [request.ptr];
            rdsys::rd_kafka_DeleteConsumerGroupOffsets(
                rk,
                requests.as_mut_ptr(),
                1,
                options.ptr,
                queue.ptr,
            );
        }
        let event = await_event(
            queue.ptr,
            timeout + Duration::from_secs(1),
            "the group's offsets to change",
        )?;
        let mut count = 0usize;
        let items = if alter {
            let result = rdsys::rd_kafka_event_AlterConsumerGroupOffsets_result(event.ptr);
            if result.is_null() {
                std::ptr::null()
            } else {
                rdsys::rd_kafka_AlterConsumerGroupOffsets_result_groups(result, &mut count)
            }
        } else {
            let result = rdsys::rd_kafka_event_DeleteConsumerGroupOffsets_result(event.ptr);
            if result.is_null() {
                std::ptr::null()
            } else {
                rdsys::rd_kafka_DeleteConsumerGroupOffsets_result_groups(result, &mut count)
            }
        };
        if items.is_null() || count == 0 {
            return Err(NativeError::new(
                RDKafkaErrorCode::Fail,
                "librdkafka returned no result for the group",
            ));
        }
        let item = *items;
        if let Some(error) = error_of(rdsys::rd_kafka_group_result_error(item)) {
            return Err(error);
        }
        Ok(partitions_of(rdsys::rd_kafka_group_result_partitions(item))
            .into_iter()
            .map(|(tp, error)| (tp, error.map_or(Ok(()), Err)))
            .collect())
    }
}
