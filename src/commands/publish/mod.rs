//! `kop publish TOPIC`: resolve schemas, read input, validate, produce, report.

mod input;
mod schemas;

use std::sync::atomic::Ordering;
use std::time::Instant;

use anyhow::{anyhow, Context as _};

use crate::cli::PublishArgs;
use crate::context::Settings;
use crate::error::{Hint, Outcome};
use crate::kafka::Producer;
use crate::output::views::publish::{render_summary, Summary};
use crate::output::{Format, Output};
use crate::publish::{parse_header, parse_timestamp, KeySource, Template};

use input::Input;

pub async fn run(
    settings: &Settings,
    args: &PublishArgs,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    super::require_format(out, "kop publish", &[Format::Table, Format::Json])?;
    let template = std::sync::Arc::new(template(settings, args)?);
    let input = Input::from_args(args);
    // From a file, every line is checked before anything is sent.
    let total = match &input {
        Input::File(path) => Some(input::validate_file(path, &template)?),
        _ => None,
    };
    let transactional_id = args
        .transactional
        .then(|| format!("kop-publish-{}-{}", std::process::id(), now_ms()));
    let producer = Producer::new(settings, out.log_sink(), transactional_id.as_deref())
        .map_err(super::kafka_error)?;
    let interrupted = super::interrupt_flag();
    let progress = out.progress(total.unwrap_or(0), "events");
    let start = Instant::now();
    let outcome = tokio::task::block_in_place(|| {
        if args.transactional {
            producer.begin().map_err(super::kafka_error)?;
        }
        let sent = input.send_all(&template, &producer, &args.topic, &interrupted, &progress);
        progress.finish();
        producer.flush().map_err(super::kafka_error).and(sent)
    });
    let mut deliveries = producer.deliveries();
    let mut published = deliveries.acknowledged;
    let failure = match (outcome, args.transactional) {
        (Ok(sent), true)
            if deliveries.failed == 0
                && !interrupted.load(Ordering::SeqCst)
                && sent.stopped.is_none() =>
        {
            let committed = tokio::task::block_in_place(|| producer.commit());
            if committed.is_err() {
                // Acknowledged, but the transaction did not commit: readers never see them.
                published = 0;
            }
            committed.map_err(super::kafka_error).err()
        }
        (result, true) => {
            // All or nothing: anything short of a full run is rolled back.
            let _ = tokio::task::block_in_place(|| producer.abort());
            published = 0;
            result.err().or_else(|| {
                Some(anyhow!(
                    "the transaction was aborted; nothing was published"
                ))
            })
        }
        (Ok(sent), false) => sent.stopped.map(|e| anyhow!(e)),
        (Err(e), false) => Some(e),
    };
    deliveries.acknowledged = published;
    let summary = Summary {
        topic: &args.topic,
        deliveries: &deliveries,
        seconds: start.elapsed().as_secs_f64(),
        transactional: args.transactional,
    };
    render_summary(out, &summary)?;
    if interrupted.load(Ordering::SeqCst) {
        return Ok(Outcome::Interrupted);
    }
    if let Some(err) = failure {
        return Err(err.context(format!("{published} event(s) published")));
    }
    if deliveries.failed > 0 {
        let why = deliveries.first_error.clone().unwrap_or_default();
        return Err(anyhow!(
            "{} event(s) were not acknowledged: {why}",
            deliveries.failed
        )
        .context(format!("{published} event(s) published")));
    }
    Ok(Outcome::Clean)
}

fn template(settings: &Settings, args: &PublishArgs) -> anyhow::Result<Template> {
    let headers = args
        .headers
        .iter()
        .map(|h| parse_header(h).map_err(|e| anyhow!(crate::error::UsageError(e))))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let timestamp = args
        .timestamp
        .as_deref()
        .map(parse_timestamp)
        .transpose()
        .map_err(|e| anyhow!(crate::error::UsageError(e)))?;
    let key = match (&args.key, &args.key_field) {
        (Some(k), _) => KeySource::Fixed(k.clone()),
        (None, Some(path)) => KeySource::field(path),
        (None, None) => KeySource::None,
    };
    let (value, key_encoding) = schemas::encodings(settings, args)?;
    Ok(Template {
        value,
        key,
        key_encoding,
        headers,
        partition: args.partition,
        timestamp,
    })
}

fn now_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default()
}

/// For errors about the input file.
fn with_path<T>(result: std::io::Result<T>, path: &std::path::Path) -> anyhow::Result<T> {
    result
        .with_context(|| format!("cannot read {}", path.display()))
        .map_err(|e| e.context(Hint::new("check the path given to --file")))
}
