//! The admin requests kop once sent through the `rdkafka` crate's admin client
//! (CreateTopics, CreatePartitions, DeleteTopics, DeleteGroups, DescribeConfigs), sent
//! here on a queue of kop's own that the calling thread waits on.
//!
//! Why: the crate's admin client polls its queue from a thread of its own in 100 ms steps,
//! and dropping the client joins that thread, so every command that used one paid up to
//! 100 ms at exit. A plain client handle with a queue per request has no such thread.
//!
//! Invariants: as in `native_alter`: every librdkafka object (request objects, options,
//! queue, result event) is owned by an [`Owned`] guard from the moment it exists and is
//! destroyed on every path; strings handed to librdkafka are `CString`s that outlive the
//! calls (librdkafka copies them); each call waits at most the timeout plus a small margin
//! for the result to arrive.

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::bindings as rdsys;
use rdkafka::client::{Client, ClientContext};
use rdkafka::types::RDKafkaErrorCode;

use super::native::{await_event, cstring, text, timeout_ms, NativeError, Owned};

/// One result per named topic or group: librdkafka's code when it failed.
pub(super) type NameOutcomes = Vec<(String, Result<(), RDKafkaErrorCode>)>;

/// Where a config's value comes from, as librdkafka reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ConfigSource {
    DynamicTopic,
    DynamicBroker,
    DynamicDefaultBroker,
    StaticBroker,
    Default,
    Unknown,
}

/// One config of a described topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub source: ConfigSource,
    pub sensitive: bool,
}

/// A topic to create, as librdkafka takes it (`-1`: the broker's default).
pub(super) struct NewTopic<'a> {
    pub name: &'a str,
    pub partitions: i32,
    pub replication_factor: i32,
    pub configs: &'a [(String, String)],
}

/// Admin options with the request timeout and, for topic changes, the operation timeout
/// (how long the controller may take to apply them).
fn options(
    rk: *mut rdsys::rd_kafka_t,
    timeout: Duration,
    operation: bool,
) -> Result<Owned<rdsys::rd_kafka_AdminOptions_t>, NativeError> {
    // SAFETY: `rk` is a live handle; the options are owned by the guard at once and the
    // errstr buffer outlives the calls.
    unsafe {
        let options = Owned::new(
            rdsys::rd_kafka_AdminOptions_new(rk, rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ANY),
            rdsys::rd_kafka_AdminOptions_destroy,
        );
        if options.ptr.is_null() {
            return Err(NativeError::new(
                RDKafkaErrorCode::Fail,
                "librdkafka could not create admin options",
            ));
        }
        let mut errstr = [0 as std::ffi::c_char; 256];
        let ms = timeout_ms(timeout);
        let mut err = rdsys::rd_kafka_AdminOptions_set_request_timeout(
            options.ptr,
            ms,
            errstr.as_mut_ptr(),
            errstr.len(),
        );
        if operation && err == rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            err = rdsys::rd_kafka_AdminOptions_set_operation_timeout(
                options.ptr,
                ms,
                errstr.as_mut_ptr(),
                errstr.len(),
            );
        }
        if err != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            return Err(NativeError::new(err.into(), text(errstr.as_ptr())));
        }
        Ok(options)
    }
}

/// A fresh queue for one request's result.
fn queue(rk: *mut rdsys::rd_kafka_t) -> Owned<rdsys::rd_kafka_queue_t> {
    // SAFETY: `rk` is a live handle; the queue is owned by the guard at once.
    Owned::new(
        unsafe { rdsys::rd_kafka_queue_new(rk) },
        rdsys::rd_kafka_queue_destroy,
    )
}

/// The wait for a result: librdkafka answers by the request timeout itself.
fn wait(timeout: Duration) -> Duration {
    timeout + Duration::from_secs(1)
}

fn no_result(api: &str) -> NativeError {
    NativeError::new(
        RDKafkaErrorCode::Fail,
        format!("librdkafka returned no {api} result"),
    )
}

fn invalid(what: String) -> NativeError {
    NativeError::new(RDKafkaErrorCode::InvalidArgument, what)
}

/// The per-topic results of a CreateTopics, CreatePartitions or DeleteTopics event.
///
/// # Safety
/// `items` is null or points to `count` valid topic results that outlive the call.
unsafe fn topic_outcomes(
    items: *mut *const rdsys::rd_kafka_topic_result_t,
    count: usize,
) -> NameOutcomes {
    if items.is_null() {
        return Vec::new();
    }
    // SAFETY: by the caller's guarantee; names are NUL-terminated and copied.
    unsafe {
        std::slice::from_raw_parts(items, count)
            .iter()
            .map(|&topic| {
                let name = text(rdsys::rd_kafka_topic_result_name(topic));
                let code = rdsys::rd_kafka_topic_result_error(topic);
                let outcome = match code {
                    rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR => Ok(()),
                    code => Err(code.into()),
                };
                (name, outcome)
            })
            .collect()
    }
}

/// One CreateTopics request for every topic.
pub(super) fn create_topics<C: ClientContext>(
    client: &Client<C>,
    topics: &[NewTopic<'_>],
    timeout: Duration,
) -> Result<NameOutcomes, NativeError> {
    let rk = client.native_ptr();
    let mut requests = Vec::with_capacity(topics.len());
    for topic in topics {
        let name = cstring(topic.name)?;
        let mut errstr = [0 as std::ffi::c_char; 256];
        // SAFETY: `name` and `errstr` outlive the call; the object is owned at once.
        let request = Owned::new(
            unsafe {
                rdsys::rd_kafka_NewTopic_new(
                    name.as_ptr(),
                    topic.partitions,
                    topic.replication_factor,
                    errstr.as_mut_ptr(),
                    errstr.len(),
                )
            },
            rdsys::rd_kafka_NewTopic_destroy,
        );
        if request.ptr.is_null() {
            // SAFETY: librdkafka wrote a NUL-terminated message into the buffer.
            let why = unsafe { text(errstr.as_ptr()) };
            return Err(invalid(format!("topic {}: {why}", topic.name)));
        }
        for (key, value) in topic.configs {
            let (key_c, value_c) = (cstring(key)?, cstring(value)?);
            // SAFETY: the request is live; both strings outlive the call and are copied.
            let err = unsafe {
                rdsys::rd_kafka_NewTopic_set_config(request.ptr, key_c.as_ptr(), value_c.as_ptr())
            };
            if err != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                return Err(NativeError::new(
                    err.into(),
                    format!("topic {}: config {key}", topic.name),
                ));
            }
        }
        requests.push(request);
    }
    let options = options(rk, timeout, true)?;
    let queue = queue(rk);
    let mut raw: Vec<*mut rdsys::rd_kafka_NewTopic_t> = requests.iter().map(|r| r.ptr).collect();
    // SAFETY: every object passed is live and owned above; librdkafka copies the requests
    // before returning, and the event is owned by its guard until its results are copied.
    unsafe {
        rdsys::rd_kafka_CreateTopics(rk, raw.as_mut_ptr(), raw.len(), options.ptr, queue.ptr);
        let event = await_event(queue.ptr, wait(timeout), "the CreateTopics result")?;
        let result = rdsys::rd_kafka_event_CreateTopics_result(event.ptr);
        if result.is_null() {
            return Err(no_result("CreateTopics"));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_CreateTopics_result_topics(result, &mut count);
        Ok(topic_outcomes(items, count))
    }
}

/// One CreatePartitions request: each topic grows to the given total.
pub(super) fn create_partitions<C: ClientContext>(
    client: &Client<C>,
    topics: &[(String, i32)],
    timeout: Duration,
) -> Result<NameOutcomes, NativeError> {
    let rk = client.native_ptr();
    let mut requests = Vec::with_capacity(topics.len());
    for (topic, total) in topics {
        let name = cstring(topic)?;
        let total = usize::try_from(*total)
            .map_err(|_| invalid(format!("topic {topic}: {total} partitions")))?;
        let mut errstr = [0 as std::ffi::c_char; 256];
        // SAFETY: `name` and `errstr` outlive the call; the object is owned at once.
        let request = Owned::new(
            unsafe {
                rdsys::rd_kafka_NewPartitions_new(
                    name.as_ptr(),
                    total,
                    errstr.as_mut_ptr(),
                    errstr.len(),
                )
            },
            rdsys::rd_kafka_NewPartitions_destroy,
        );
        if request.ptr.is_null() {
            // SAFETY: librdkafka wrote a NUL-terminated message into the buffer.
            let why = unsafe { text(errstr.as_ptr()) };
            return Err(invalid(format!("topic {topic}: {why}")));
        }
        requests.push(request);
    }
    let options = options(rk, timeout, true)?;
    let queue = queue(rk);
    let mut raw: Vec<*mut rdsys::rd_kafka_NewPartitions_t> =
        requests.iter().map(|r| r.ptr).collect();
    // SAFETY: as in `create_topics`.
    unsafe {
        rdsys::rd_kafka_CreatePartitions(rk, raw.as_mut_ptr(), raw.len(), options.ptr, queue.ptr);
        let event = await_event(queue.ptr, wait(timeout), "the CreatePartitions result")?;
        let result = rdsys::rd_kafka_event_CreatePartitions_result(event.ptr);
        if result.is_null() {
            return Err(no_result("CreatePartitions"));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_CreatePartitions_result_topics(result, &mut count);
        Ok(topic_outcomes(items, count))
    }
}

/// One DeleteTopics request.
pub(super) fn delete_topics<C: ClientContext>(
    client: &Client<C>,
    topics: &[String],
    timeout: Duration,
) -> Result<NameOutcomes, NativeError> {
    let rk = client.native_ptr();
    let mut requests = Vec::with_capacity(topics.len());
    for topic in topics {
        let name = cstring(topic)?;
        // SAFETY: `name` outlives the call (it is copied); the object is owned at once.
        let request = Owned::new(
            unsafe { rdsys::rd_kafka_DeleteTopic_new(name.as_ptr()) },
            rdsys::rd_kafka_DeleteTopic_destroy,
        );
        requests.push(request);
    }
    let options = options(rk, timeout, true)?;
    let queue = queue(rk);
    let mut raw: Vec<*mut rdsys::rd_kafka_DeleteTopic_t> = requests.iter().map(|r| r.ptr).collect();
    // SAFETY: as in `create_topics`.
    unsafe {
        rdsys::rd_kafka_DeleteTopics(rk, raw.as_mut_ptr(), raw.len(), options.ptr, queue.ptr);
        let event = await_event(queue.ptr, wait(timeout), "the DeleteTopics result")?;
        let result = rdsys::rd_kafka_event_DeleteTopics_result(event.ptr);
        if result.is_null() {
            return Err(no_result("DeleteTopics"));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_DeleteTopics_result_topics(result, &mut count);
        Ok(topic_outcomes(items, count))
    }
}

/// Deletes the groups (librdkafka sends one DeleteGroups request per coordinator and
/// answers once for all).
pub(super) fn delete_groups<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<NameOutcomes, NativeError> {
    let rk = client.native_ptr();
    let mut requests = Vec::with_capacity(groups.len());
    for group in groups {
        let name = cstring(group)?;
        // SAFETY: `name` outlives the call (it is copied); the object is owned at once.
        let request = Owned::new(
            unsafe { rdsys::rd_kafka_DeleteGroup_new(name.as_ptr()) },
            rdsys::rd_kafka_DeleteGroup_destroy,
        );
        requests.push(request);
    }
    let options = options(rk, timeout, false)?;
    let queue = queue(rk);
    let mut raw: Vec<*mut rdsys::rd_kafka_DeleteGroup_t> = requests.iter().map(|r| r.ptr).collect();
    // SAFETY: as in `create_topics`; a group result's error is owned by the result (never
    // destroyed here), and `rd_kafka_error_code` answers NO_ERROR for a null error.
    unsafe {
        rdsys::rd_kafka_DeleteGroups(rk, raw.as_mut_ptr(), raw.len(), options.ptr, queue.ptr);
        let event = await_event(queue.ptr, wait(timeout), "the DeleteGroups result")?;
        let result = rdsys::rd_kafka_event_DeleteGroups_result(event.ptr);
        if result.is_null() {
            return Err(no_result("DeleteGroups"));
        }
        let mut count = 0usize;
        let items = rdsys::rd_kafka_DeleteGroups_result_groups(result, &mut count);
        if items.is_null() {
            return Ok(Vec::new());
        }
        Ok(std::slice::from_raw_parts(items, count)
            .iter()
            .map(|&group| {
                let name = text(rdsys::rd_kafka_group_result_name(group));
                let code = rdsys::rd_kafka_error_code(rdsys::rd_kafka_group_result_error(group));
                let outcome = match code {
                    rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR => Ok(()),
                    code => Err(code.into()),
                };
                (name, outcome)
            })
            .collect())
    }
}

/// The configs of many topics in one DescribeConfigs request, by topic name.
pub(super) fn describe_topic_configs<C: ClientContext>(
    client: &Client<C>,
    topics: &[String],
    timeout: Duration,
) -> Result<BTreeMap<String, Vec<ConfigEntry>>, NativeError> {
    let rk = client.native_ptr();
    let mut requests = Vec::with_capacity(topics.len());
    for topic in topics {
        let name = cstring(topic)?;
        // SAFETY: `name` outlives the call (it is copied); the object is owned at once.
        let request = Owned::new(
            unsafe {
                rdsys::rd_kafka_ConfigResource_new(
                    rdsys::rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC,
                    name.as_ptr(),
                )
            },
            rdsys::rd_kafka_ConfigResource_destroy,
        );
        if request.ptr.is_null() {
            return Err(invalid(format!(
                "cannot describe topic {topic} to librdkafka"
            )));
        }
        requests.push(request);
    }
    let options = options(rk, timeout, false)?;
    let queue = queue(rk);
    let mut raw: Vec<*mut rdsys::rd_kafka_ConfigResource_t> =
        requests.iter().map(|r| r.ptr).collect();
    // SAFETY: as in `create_topics`; every entry belongs to the event and its strings are
    // copied before the event's guard drops.
    unsafe {
        rdsys::rd_kafka_DescribeConfigs(rk, raw.as_mut_ptr(), raw.len(), options.ptr, queue.ptr);
        let event = await_event(queue.ptr, wait(timeout), "the DescribeConfigs result")?;
        let result = rdsys::rd_kafka_event_DescribeConfigs_result(event.ptr);
        if result.is_null() {
            return Err(no_result("DescribeConfigs"));
        }
        let mut count = 0usize;
        let resources = rdsys::rd_kafka_DescribeConfigs_result_resources(result, &mut count);
        let mut out = BTreeMap::new();
        if resources.is_null() {
            return Ok(out);
        }
        for &resource in std::slice::from_raw_parts(resources, count) {
            let name = text(rdsys::rd_kafka_ConfigResource_name(resource));
            let mut n = 0usize;
            let entries = rdsys::rd_kafka_ConfigResource_configs(resource, &mut n);
            let configs = if entries.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(entries, n)
                    .iter()
                    .map(|&entry| {
                        let value = rdsys::rd_kafka_ConfigEntry_value(entry);
                        ConfigEntry {
                            name: text(rdsys::rd_kafka_ConfigEntry_name(entry)),
                            value: (!value.is_null()).then(|| text(value)),
                            source: source(rdsys::rd_kafka_ConfigEntry_source(entry)),
                            sensitive: rdsys::rd_kafka_ConfigEntry_is_sensitive(entry) != 0,
                        }
                    })
                    .collect()
            };
            out.insert(name, configs);
        }
        Ok(out)
    }
}

fn source(source: rdsys::rd_kafka_ConfigSource_t) -> ConfigSource {
    use rdsys::rd_kafka_ConfigSource_t as S;
    match source {
        S::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG => ConfigSource::DynamicTopic,
        S::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG => ConfigSource::DynamicBroker,
        S::RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG => {
            ConfigSource::DynamicDefaultBroker
        }
        S::RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG => ConfigSource::StaticBroker,
        S::RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG => ConfigSource::Default,
        _ => ConfigSource::Unknown,
    }
}
