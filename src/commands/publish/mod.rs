//! `kop publish TOPIC`: resolve schemas, check the input, produce, report.

mod input;
mod schemas;

use std::sync::Arc;
use std::time::Instant;

use crate::core::publish::{PublishSummary, Template};
use crate::error::{CommandError, Outcome, ResultExt};
use crate::interrupt;
use crate::kafka::Producer;
use crate::output::views::publish::render_summary;
use crate::output::Output;
use crate::settings::{PublishInput, PublishSettings, Settings};
use crate::util::time::now_ms;

pub(crate) fn run(
    settings: &Settings,
    publish: &PublishSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let template: Arc<Template> = Arc::new(schemas::template(settings, publish)?);
    // From a file, every line is checked before anything is sent.
    let total = match &publish.input {
        PublishInput::File(path) => Some(input::validate_file(path, &template)?),
        _ => None,
    };
    let transactional_id = publish
        .transactional
        .then(|| format!("kop-publish-{}-{}", std::process::id(), now_ms()));
    let producer = Producer::new(settings, out.log_sink(), transactional_id.as_deref())?;
    producer
        .prepare(&publish.topic)
        .hint("kop publishes only to topics that exist: check the name, or create it with `kop topics apply`")?;
    let progress = out.progress(total.unwrap_or(0), "events");
    let start = Instant::now();
    let outcome = (|| {
        if publish.transactional {
            producer.begin()?;
        }
        let sent = input::send_all(
            &publish.input,
            &template,
            &producer,
            &publish.topic,
            &progress,
        );
        progress.finish();
        producer.flush()?;
        sent
    })();
    let mut deliveries = producer.deliveries();
    let interrupted = interrupt::requested();
    let failure = match (outcome, publish.transactional) {
        (Ok(sent), true) if deliveries.failed == 0 && !interrupted && sent.stopped.is_none() => {
            let committed = producer.commit();
            if committed.is_err() {
                // Acknowledged, but the transaction did not commit: readers never see them.
                deliveries.acknowledged = 0;
            }
            committed.err().map(CommandError::from)
        }
        (result, true) => {
            // All or nothing: anything short of a full run is rolled back.
            let _ = producer.abort();
            deliveries.acknowledged = 0;
            result.err().or_else(|| {
                Some(CommandError::failed(
                    "the transaction was aborted; nothing was published",
                ))
            })
        }
        (Ok(sent), false) => sent.stopped.map(CommandError::failed),
        (Err(e), false) => Some(e),
    };
    let published = deliveries.acknowledged;
    let summary = PublishSummary {
        topic: publish.topic.clone(),
        deliveries,
        seconds: start.elapsed().as_secs_f64(),
        transactional: publish.transactional,
    };
    render_summary(out, &summary)?;
    if interrupted {
        return Ok(Outcome::Interrupted);
    }
    if let Some(err) = failure {
        return Err(err.context(format!("{published} event(s) published")));
    }
    if summary.deliveries.failed > 0 {
        let why = summary.deliveries.first_error.clone().unwrap_or_default();
        return Err(CommandError::failed(format!(
            "{} event(s) were not acknowledged: {why}",
            summary.deliveries.failed
        ))
        .context(format!("{published} event(s) published")));
    }
    Ok(Outcome::Clean)
}

/// For errors about the input file.
fn with_path<T>(result: std::io::Result<T>, path: &std::path::Path) -> Result<T, CommandError> {
    result
        .with_context(|| format!("cannot read {}", path.display()))
        .hint("check the path given to --file")
}
