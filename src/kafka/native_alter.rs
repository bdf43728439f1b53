//! IncrementalAlterConfigs (KIP-339), which the `rdkafka` crate does not wrap.
//!
//! Invariants: every `rd_kafka_ConfigResource_t`, the options, the queue and the result
//! event are destroyed on every path (the [`Owned`] guards do it); strings handed to
//! librdkafka are `CString`s that outlive the call; the call blocks for at most the timeout
//! plus a small margin for the result to arrive.

use std::time::Duration;

use rdkafka::bindings as rdsys;
use rdkafka::client::{Client, ClientContext};

use super::native::{admin_options, await_event, cstring, text, NativeError, Owned};

/// One change to one config of a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AlterOp {
    Set(String),
    /// Back to the broker's default.
    Delete,
}

/// All changes for one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TopicAlteration {
    pub topic: String,
    pub changes: Vec<(String, AlterOp)>,
}

/// Each topic's result.
pub(super) type AlterOutcomes = Vec<(String, Result<(), NativeError>)>;

/// Applies the alterations in one request. The outer `Err` is a failure of the whole
/// request (unsupported by the broker, timed out); otherwise one result per topic.
pub(super) fn incremental_alter_configs<C: ClientContext>(
    client: &Client<C>,
    alterations: &[TopicAlteration],
    timeout: Duration,
) -> Result<AlterOutcomes, NativeError> {
    if alterations.is_empty() {
        return Ok(Vec::new());
    }
    let rk = client.native_ptr();
    let mut resources: Vec<Owned<rdsys::rd_kafka_ConfigResource_t>> = Vec::new();
    for alteration in alterations {
        resources.push(resource(alteration)?);
    }
    // SAFETY: `rk` is the handle of the borrowed client; every object created below is
    // owned by a guard from the moment it exists and outlives the calls that use it.
    unsafe {
        let options = admin_options(
            rk,
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,
            timeout,
        );
        let queue = Owned::new(rdsys::rd_kafka_queue_new(rk), rdsys::rd_kafka_queue_destroy);
        let mut raw: Vec<*mut rdsys::rd_kafka_ConfigResource_t> =
            resources.iter().map(|r| r.ptr).collect();
        rdsys::rd_kafka_IncrementalAlterConfigs(
            rk,
            raw.as_mut_ptr(),
            raw.len(),
            options.ptr,
            queue.ptr,
        );
        let event = await_event(
            queue.ptr,
            timeout + Duration::from_secs(1),
            "the IncrementalAlterConfigs result",
        )?;
        let result = rdsys::rd_kafka_event_IncrementalAlterConfigs_result(event.ptr);
        if result.is_null() {
            return Err(NativeError::new(
                rdkafka::types::RDKafkaErrorCode::Fail,
                "librdkafka returned no IncrementalAlterConfigs result",
            ));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_IncrementalAlterConfigs_result_resources(result, &mut count);
        let mut out = Vec::with_capacity(count);
        if !items.is_null() {
            for &item in std::slice::from_raw_parts(items, count) {
                let name = text(rdsys::rd_kafka_ConfigResource_name(item));
                let code = rdsys::rd_kafka_ConfigResource_error(item);
                let outcome = if code == rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                    Ok(())
                } else {
                    Err(NativeError::new(
                        code.into(),
                        text(rdsys::rd_kafka_ConfigResource_error_string(item)),
                    ))
                };
                out.push((name, outcome));
            }
        }
        Ok(out)
    }
}

/// The librdkafka resource for one topic's changes.
fn resource(
    alteration: &TopicAlteration,
) -> Result<Owned<rdsys::rd_kafka_ConfigResource_t>, NativeError> {
    let name = cstring(&alteration.topic)?;
    // SAFETY: `name` outlives the call; the resource is owned by the guard at once, and
    // every string handed to it is copied by librdkafka before the call returns.
    unsafe {
        let resource = Owned::new(
            rdsys::rd_kafka_ConfigResource_new(
                rdsys::rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC,
                name.as_ptr(),
            ),
            rdsys::rd_kafka_ConfigResource_destroy,
        );
        if resource.ptr.is_null() {
            return Err(NativeError::new(
                rdkafka::types::RDKafkaErrorCode::InvalidArgument,
                format!("cannot describe topic {} to librdkafka", alteration.topic),
            ));
        }
        for (key, op) in &alteration.changes {
            let key_c = cstring(key)?;
            let (op_type, value) = match op {
                AlterOp::Set(v) => (
                    rdsys::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET,
                    Some(cstring(v)?),
                ),
                AlterOp::Delete => (
                    rdsys::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE,
                    None,
                ),
            };
            let err = rdsys::rd_kafka_ConfigResource_add_incremental_config(
                resource.ptr,
                key_c.as_ptr(),
                op_type,
                value.as_ref().map_or(std::ptr::null(), |v| v.as_ptr()),
            );
            if !err.is_null() {
                let code = rdsys::rd_kafka_error_code(err);
                let message = text(rdsys::rd_kafka_error_string(err));
                rdsys::rd_kafka_error_destroy(err);
                return Err(NativeError::new(
                    code.into(),
                    format!("{}: {key}: {message}", alteration.topic),
                ));
            }
        }
        Ok(resource)
    }
}
