//! The end of every publish, of events or of a restored dump: wait for every report,
//! commit or roll back the transaction, print the summary, and decide the exit.

use std::time::Instant;

use crate::core::publish::PublishSummary;
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::Producer;
use crate::output::views::publish::render_summary;
use crate::output::Output;

/// What the sending loop handed to the producer.
pub(crate) struct Handed {
    /// Records read but never handed over (Ctrl-C).
    pub unsent: u64,
    /// Why it stopped early (a line of stdin that cannot be sent).
    pub stopped: Option<CommandError>,
}

/// The publish being settled.
pub(crate) struct Run<'a> {
    pub topic: &'a str,
    pub transactional: bool,
    /// Known when the input was a file (or one event) checked before sending.
    pub total: Option<u64>,
    pub start: Instant,
}

pub(crate) fn settle(
    producer: &Producer,
    sent: Result<Handed, CommandError>,
    run: Run<'_>,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    // Every record gets its report before the count: waited for (purged at the timeout,
    // or at once on Ctrl-C, which only waits for what is in flight).
    let settled = producer.flush();
    let interrupted = interrupt::requested();
    let mut deliveries = producer.deliveries();
    match (&sent, run.total) {
        (Ok(s), None) => deliveries.not_sent += s.unsent,
        // The file's count is known: whatever was not reported was never sent.
        (_, Some(total)) => deliveries.not_sent += total.saturating_sub(deliveries.total()),
        (Err(_), None) => {}
    }
    // A line of input that stopped the run is the error itself: the summary printed
    // first holds the counts.
    let (stopped, sent_error) = match sent {
        Ok(s) => (s.stopped, None),
        Err(e) => (None, Some(e)),
    };
    let mut failure = sent_error
        .map(|e| (e, false))
        .or(stopped.map(|e| (e, true)))
        .or(settled.err().map(|e| (CommandError::from(e), false)));
    if run.transactional {
        let commit = failure.is_none() && !interrupted && deliveries.complete();
        match commit.then(|| producer.commit()) {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                deliveries = deliveries.rolled_back();
                let e = CommandError::from(e).context("the transaction did not commit");
                failure = Some((e, false));
            }
            None => {
                // All or nothing: anything short of a full run is rolled back.
                let _ = producer.abort();
                deliveries = deliveries.rolled_back();
            }
        }
    }
    let error = match failure {
        _ if interrupted => None,
        Some((err, true)) if run.transactional => Some(
            err.with_hint("nothing of this run is on the topic: the transaction was rolled back"),
        ),
        Some((err, true)) => Some(err),
        Some((err, false)) => Some(err.context(deliveries.accounting())),
        None if !deliveries.complete() => {
            let why = deliveries
                .first_error
                .clone()
                .unwrap_or_else(|| "not acknowledged".into());
            Some(CommandError::failed(deliveries.accounting()).context(why))
        }
        None => None,
    };
    let summary = PublishSummary {
        topic: run.topic.to_string(),
        deliveries,
        seconds: run.start.elapsed().as_secs_f64(),
        transactional: run.transactional,
        interrupted,
        error: error.as_ref().map(ToString::to_string),
    };
    render_summary(out, &summary)?;
    match (interrupted, error) {
        (true, _) => Ok(Outcome::Interrupted),
        (false, Some(err)) => Err(err),
        (false, None) => Ok(Outcome::Clean),
    }
}
