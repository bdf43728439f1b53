//! librdkafka calls the `rdkafka` crate does not wrap, behind a safe API.
//!
//! Invariants every function here keeps:
//! - the client handle comes from a live rdkafka `Client`, borrowed for the whole call, so
//!   it cannot be destroyed while librdkafka uses it;
//! - every pointer librdkafka returns is copied into owned Rust values and then released
//!   with the matching librdkafka function, on every path;
//! - calls block for at most the given timeout.

use std::ffi::CStr;
use std::time::Duration;

use rdkafka::bindings as rdsys;
use rdkafka::client::{Client, ClientContext};
use rdkafka::types::RDKafkaErrorCode;

use crate::core::cluster::BrokerInfo;

/// A failed librdkafka call: its code (for the caller to type) and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NativeError {
    pub code: RDKafkaErrorCode,
    pub message: String,
}

impl NativeError {
    pub fn new(code: RDKafkaErrorCode, message: impl Into<String>) -> NativeError {
        NativeError {
            code,
            message: message.into(),
        }
    }
}

/// Destroys a librdkafka object when dropped.
pub(super) struct Owned<T> {
    pub ptr: *mut T,
    destroy: unsafe extern "C" fn(*mut T),
}

impl<T> Owned<T> {
    pub fn new(ptr: *mut T, destroy: unsafe extern "C" fn(*mut T)) -> Owned<T> {
        Owned { ptr, destroy }
    }
}

impl<T> Drop for Owned<T> {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: `ptr` came from the matching constructor and is destroyed once.
            unsafe { (self.destroy)(self.ptr) }
        }
    }
}

/// Waits at most `wait` for the next admin result on `queue`, and checks the event's own
/// error (an unsupported request, a timeout inside librdkafka).
///
/// # Safety
/// `queue` is a live queue of a live client.
pub(super) unsafe fn await_event(
    queue: *mut rdsys::rd_kafka_queue_t,
    wait: Duration,
    what: &str,
) -> Result<Owned<rdsys::rd_kafka_event_t>, NativeError> {
    // SAFETY: the caller guarantees the queue; the event is owned by the guard at once.
    let event = Owned::new(
        unsafe { rdsys::rd_kafka_queue_poll(queue, timeout_ms(wait)) },
        rdsys::rd_kafka_event_destroy,
    );
    if event.ptr.is_null() {
        return Err(NativeError::new(
            RDKafkaErrorCode::OperationTimedOut,
            format!("timed out waiting for {what}"),
        ));
    }
    // SAFETY: the event is live until the guard drops; its error string belongs to it and
    // is copied before that.
    let code = unsafe { rdsys::rd_kafka_event_error(event.ptr) };
    if code != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        // SAFETY: as above.
        let message = unsafe { text(rdsys::rd_kafka_event_error_string(event.ptr)) };
        return Err(NativeError::new(code.into(), message));
    }
    Ok(event)
}

pub(super) fn cstring(s: &str) -> Result<std::ffi::CString, NativeError> {
    std::ffi::CString::new(s).map_err(|_| {
        NativeError::new(
            RDKafkaErrorCode::InvalidArgument,
            format!("`{s}` contains a NUL byte"),
        )
    })
}

pub(super) fn timeout_ms(timeout: Duration) -> i32 {
    i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX)
}

/// Admin options for `op` with the request timeout set.
pub(super) fn admin_options(
    rk: *mut rdsys::rd_kafka_t,
    op: rdsys::rd_kafka_admin_op_t,
    timeout: Duration,
) -> Owned<rdsys::rd_kafka_AdminOptions_t> {
    // SAFETY: `rk` is a live handle; the options are owned by the guard at once and the
    // errstr buffer outlives the call.
    unsafe {
        let options = Owned::new(
            rdsys::rd_kafka_AdminOptions_new(rk, op),
            rdsys::rd_kafka_AdminOptions_destroy,
        );
        let mut errstr = [0 as std::ffi::c_char; 256];
        if !options.ptr.is_null() {
            rdsys::rd_kafka_AdminOptions_set_request_timeout(
                options.ptr,
                timeout_ms(timeout),
                errstr.as_mut_ptr(),
                errstr.len(),
            );
        }
        options
    }
}

/// The cluster id from the broker's metadata, or `None` when the broker reports none.
pub(super) fn cluster_id<C: ClientContext>(
    client: &Client<C>,
    timeout: Duration,
) -> Option<String> {
    // SAFETY: the handle is valid while `client` is borrowed; the returned string is
    // allocated by librdkafka, copied, then freed with rd_kafka_mem_free.
    unsafe {
        let ptr = rdsys::rd_kafka_clusterid(client.native_ptr(), timeout_ms(timeout));
        if ptr.is_null() {
            return None;
        }
        let id = CStr::from_ptr(ptr).to_string_lossy().into_owned();
        rdsys::rd_kafka_mem_free(client.native_ptr(), ptr.cast());
        Some(id)
    }
}

/// The controller's broker id, or `None` when it is unknown within the timeout.
pub(super) fn controller_id<C: ClientContext>(
    client: &Client<C>,
    timeout: Duration,
) -> Option<i32> {
    // SAFETY: plain call on a valid handle; no memory changes hands.
    let id = unsafe { rdsys::rd_kafka_controllerid(client.native_ptr(), timeout_ms(timeout)) };
    (id >= 0).then_some(id)
}

/// The broker list alone: a Metadata request for no topics, which stays small however
/// many topics the cluster has.
pub(super) fn brokers<C: ClientContext>(
    client: &Client<C>,
    timeout: Duration,
) -> Result<Vec<BrokerInfo>, RDKafkaErrorCode> {
    let mut metadata: *const rdsys::rd_kafka_metadata_t = std::ptr::null();
    // SAFETY: `metadata` is written only on success and destroyed below exactly once; the
    // broker array has `broker_cnt` valid elements with NUL-terminated host names.
    unsafe {
        let err = rdsys::rd_kafka_metadata(
            client.native_ptr(),
            0,
            std::ptr::null_mut(),
            &mut metadata,
            timeout_ms(timeout),
        );
        if err != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            return Err(err.into());
        }
        let md = &*metadata;
        let count = usize::try_from(md.broker_cnt).unwrap_or(0);
        let brokers = if count == 0 || md.brokers.is_null() {
            Vec::new()
        } else {
            std::slice::from_raw_parts(md.brokers, count)
                .iter()
                .map(|b| BrokerInfo {
                    id: b.id,
                    host: CStr::from_ptr(b.host).to_string_lossy().into_owned(),
                    port: b.port,
                })
                .collect()
        };
        rdsys::rd_kafka_metadata_destroy(metadata);
        Ok(brokers)
    }
}

/// A log line or global error waiting on a client's main queue.
pub(super) enum MainEvent {
    Log {
        level: i32,
        facility: String,
        message: String,
    },
    Error {
        reason: String,
    },
}

/// Takes the log lines and global errors waiting on the client's main queue.
///
/// rdkafka routes librdkafka's logs and errors to the main queue, which its producer and
/// consumer poll but its admin client does not: without this, a connection failure's cause
/// ("Connection refused") would never reach kop.
pub(super) fn drain_main_queue<C: ClientContext>(client: &Client<C>) -> Vec<MainEvent> {
    let mut events = Vec::new();
    // SAFETY: the queue reference is released with rd_kafka_queue_destroy; every event is
    // destroyed after its strings (owned by the event) are copied.
    unsafe {
        let queue = rdsys::rd_kafka_queue_get_main(client.native_ptr());
        if queue.is_null() {
            return events;
        }
        loop {
            let event = rdsys::rd_kafka_queue_poll(queue, 0);
            if event.is_null() {
                break;
            }
            match rdsys::rd_kafka_event_type(event) {
                rdsys::RD_KAFKA_EVENT_LOG => {
                    let mut facility = std::ptr::null();
                    let mut message = std::ptr::null();
                    let mut level = 0;
                    if rdsys::rd_kafka_event_log(event, &mut facility, &mut message, &mut level)
                        == 0
                    {
                        events.push(MainEvent::Log {
                            level,
                            facility: text(facility),
                            message: text(message),
                        });
                    }
                }
                rdsys::RD_KAFKA_EVENT_ERROR => {
                    events.push(MainEvent::Error {
                        reason: text(rdsys::rd_kafka_event_error_string(event)),
                    });
                }
                _ => {}
            }
            rdsys::rd_kafka_event_destroy(event);
        }
        rdsys::rd_kafka_queue_destroy(queue);
    }
    events
}

/// A C string copied into an owned one.
///
/// # Safety
/// `ptr` is null or a NUL-terminated string that outlives the call.
pub(super) unsafe fn text(ptr: *const std::ffi::c_char) -> String {
    if ptr.is_null() {
        String::new()
    } else {
        // SAFETY: non-null and NUL-terminated, by the caller's guarantee.
        unsafe { CStr::from_ptr(ptr) }
            .to_string_lossy()
            .into_owned()
    }
}

/// The high watermark of a partition as last seen in a Fetch response (cached by
/// librdkafka; no request is sent). `None` until a fetch for the partition has returned.
pub(super) fn cached_high_watermark<C: ClientContext>(
    client: &Client<C>,
    topic: &str,
    partition: i32,
) -> Option<i64> {
    cached_watermarks(client, topic, partition).map(|(_, high)| high)
}

/// The low and high watermarks from the latest Fetch response of a partition, without a
/// request; `None` before the first.
pub(super) fn cached_watermarks<C: ClientContext>(
    client: &Client<C>,
    topic: &str,
    partition: i32,
) -> Option<(i64, i64)> {
    let topic = std::ffi::CString::new(topic).ok()?;
    let (mut low, mut high) = (-1i64, -1i64);
    // SAFETY: the handle is valid while `client` is borrowed; `topic` outlives the call and
    // the out-parameters are plain integers.
    let err = unsafe {
        rdsys::rd_kafka_get_watermark_offsets(
            client.native_ptr(),
            topic.as_ptr(),
            partition,
            &mut low,
            &mut high,
        )
    };
    (err == rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR && high >= 0)
        .then_some((low.max(0), high))
}

/// Whether a message that got a delivery report may be in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Persistence {
    /// Certainly not written (never sent, or refused).
    No,
    /// Sent and unanswered: may have been written.
    Possibly,
    /// Written and acknowledged.
    Yes,
}

/// librdkafka's own verdict on a reported message (`rd_kafka_message_status`).
pub(super) fn persistence(message: &rdkafka::message::BorrowedMessage<'_>) -> Persistence {
    // SAFETY: the message is borrowed for the call, so its pointer is live; the call
    // only reads it.
    let status = unsafe { rdsys::rd_kafka_message_status(message.ptr()) };
    match status {
        rdsys::rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_NOT_PERSISTED => Persistence::No,
        rdsys::rd_kafka_msg_status_t::RD_KAFKA_MSG_STATUS_PERSISTED => Persistence::Yes,
        _ => Persistence::Possibly,
    }
}

/// Drops everything not yet acknowledged: the local queue, and (with `in_flight`) what
/// is already on its way. Each dropped message still gets its delivery report.
pub(super) fn purge<C: ClientContext>(client: &Client<C>, in_flight: bool) {
    let mut flags = rdsys::RD_KAFKA_PURGE_F_QUEUE | rdsys::RD_KAFKA_PURGE_F_NON_BLOCKING;
    if in_flight {
        flags |= rdsys::RD_KAFKA_PURGE_F_INFLIGHT;
    }
    // SAFETY: plain call on a live producer handle with valid flags; it can only fail on
    // a consumer handle or unknown flags, neither of which happens here, and a failure
    // would leave nothing to undo.
    unsafe {
        rdsys::rd_kafka_purge(client.native_ptr(), flags);
    }
}
