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
    let mut failure = sent
        .and_then(|s| s.stopped.map_or(Ok(()), Err))
        .and(settled.map_err(CommandError::from))
        .err();
    if run.transactional {
        let commit = failure.is_none() && !interrupted && deliveries.complete();
        match commit.then(|| producer.commit()) {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                deliveries = deliveries.rolled_back();
                failure = Some(CommandError::from(e).context("the transaction did not commit"));
            }
            None => {
                // All or nothing: anything short of a full run is rolled back.
                let _ = producer.abort();
                deliveries = deliveries.rolled_back();
            }
        }
    }
    let summary = PublishSummary {
        topic: run.topic.to_string(),
        deliveries,
        seconds: run.start.elapsed().as_secs_f64(),
        transactional: run.transactional,
        interrupted,
    };
    render_summary(out, &summary)?;
    if interrupted {
        return Ok(Outcome::Interrupted);
    }
    let d = &summary.deliveries;
    if let Some(err) = failure {
        return Err(err.context(d.accounting()));
    }
    if !d.complete() {
        let why = d
            .first_error
            .clone()
            .unwrap_or_else(|| "not acknowledged".into());
        return Err(CommandError::failed(d.accounting()).context(why));
    }
    Ok(Outcome::Clean)
}
