//! Waiting for something to happen: deadline-bounded polling, never a fixed sleep. A wait
//! that runs out panics naming what it waited for and what it saw last, so a slow machine
//! shows up as a clear failure instead of a flaky assertion further down.

use std::fmt::Display;
use std::time::{Duration, Instant};

/// How long to rest between two probes: short against the waits the tests need (tens of
/// milliseconds to seconds), long enough not to spin.
const STEP: Duration = Duration::from_millis(20);

/// Calls `probe` until it returns `Ok`, for at most `within`; the error is the last one the
/// probe gave (or why none was given).
pub fn poll<T, E: Display>(
    within: Duration,
    mut probe: impl FnMut() -> Result<T, E>,
) -> Result<T, String> {
    let deadline = Instant::now() + within;
    loop {
        let last = match probe() {
            Ok(value) => return Ok(value),
            Err(e) => e.to_string(),
        };
        let now = Instant::now();
        if now >= deadline {
            return Err(last);
        }
        std::thread::sleep(STEP.min(deadline - now));
    }
}

/// Like [`poll`], but panics when `within` passes: "timed out after 5s waiting for
/// `what`; last seen: ...".
pub fn wait_for<T, E: Display>(
    within: Duration,
    what: &str,
    probe: impl FnMut() -> Result<T, E>,
) -> T {
    poll(within, probe).unwrap_or_else(|last| {
        panic!("timed out after {within:?} waiting for {what}; last seen: {last}")
    })
}

/// Waits until `condition` holds, for at most `within`; panics naming `what` otherwise.
pub fn wait_until(within: Duration, what: &str, mut condition: impl FnMut() -> bool) {
    wait_for(within, what, || {
        if condition() {
            Ok(())
        } else {
            Err("the condition did not hold yet")
        }
    })
}
