//! Reaching the cluster before the first real request: every client waits here for a
//! broker to answer, so that an address that refuses or does not resolve fails at once
//! (with every address and its cause) instead of after the whole timeout, and a producer's
//! first request finds a broker connection up.

use std::time::{Duration, Instant};

use rdkafka::client::{Client, ClientContext};
use rdkafka::error::KafkaError as RdError;

use super::client_context::KopContext;
use super::error::KafkaError;
use super::native;

/// The first wait; each failed try waits twice as long, up to `LONGEST_TRY`.
const FIRST_TRY: Duration = Duration::from_millis(100);
const LONGEST_TRY: Duration = Duration::from_secs(2);

/// Waits until a broker answers a (small) Metadata request. `serve` hands librdkafka's
/// queued logs to `context` between tries, where the causes of failure are read.
pub(super) fn await_cluster<C: ClientContext>(
    client: &Client<C>,
    context: &KopContext,
    serve: impl Fn(),
) -> Result<(), KafkaError> {
    let deadline = Instant::now() + context.timeout();
    let mut wait = FIRST_TRY;
    loop {
        let started = Instant::now();
        let this_try = wait.min(deadline.saturating_duration_since(started));
        match native::brokers(client, this_try) {
            Ok(_) => return Ok(()),
            Err(code) => {
                serve();
                if let Some(cause) = context.final_failure() {
                    return Err(context.unreachable(None, cause));
                }
                if Instant::now() >= deadline {
                    return Err(
                        context.failure(&RdError::MetadataFetch(code), "reaching the cluster")
                    );
                }
                // librdkafka may give up at once (no broker up yet): never spin.
                if let Some(rest) = this_try.checked_sub(started.elapsed()) {
                    std::thread::sleep(rest);
                }
                wait = (wait * 2).min(LONGEST_TRY);
            }
        }
    }
}
