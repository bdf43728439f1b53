//! `kop publish TOPIC`: resolve schemas and limits, check the input, produce, account for
//! every event, report.

mod input;
mod schemas;
pub(crate) mod settle;

use std::sync::Arc;
use std::time::Instant;

use crate::core::publish::{record_limit, RecordLimit, Template};
use crate::error::{CommandError, Outcome, ResultExt};
use crate::interrupt;
use crate::kafka::{Admin, KafkaError, Producer};
use crate::output::Output;
use crate::output::Progress;
use crate::settings::{PublishInput, PublishSettings, Settings};
use crate::util::time::now_ms;

pub(crate) fn run(
    settings: &Settings,
    publish: &PublishSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let limit = check_topic(settings, publish, out)?;
    let template: Arc<Template> = Arc::new(schemas::template(settings, publish, limit)?);
    // From a file, every line is checked before anything is sent; one event too.
    let total = match &publish.input {
        PublishInput::File(path) => {
            let total = input::validate_file(path, &template)?;
            if input::first_line_is_a_dumped_record(path) {
                out.warn(&format!(
                    "{} holds records as `kop tail` prints them (topic, partition, offset, value_encoding): each line is sent as one JSON value; to restore the records as they were, use --records",
                    path.display()
                ));
            }
            Some(total)
        }
        PublishInput::Stdin => None,
        one => {
            input::single(one, &template)?;
            Some(1)
        }
    };
    let producer = open_producer(
        settings,
        &publish.topic,
        publish.transactional,
        &publish.partitioner,
        out,
    )?;
    // Someone typing events: a spinner would redraw over what they type.
    let typed = matches!(publish.input, PublishInput::Stdin) && out.interactive;
    let progress = if typed {
        out.status("reading events typed here, one per line; Ctrl-D sends the last and ends");
        Progress::hidden()
    } else {
        out.progress(total.unwrap_or(0), "events")
    };
    let start = Instant::now();
    let begun = begin(&producer, publish.transactional);
    let sent = begun.and_then(|()| {
        input::send_all(
            &publish.input,
            &template,
            &producer,
            &publish.topic,
            &progress,
        )
    });
    progress.finish();
    if typed && interrupt::requested() {
        // The terminal echoed `^C` after what was typed, with no newline: the summary
        // starts on a line of its own.
        out.status("");
    }
    let sent = sent.map(|s| settle::Handed {
        unsent: s.unsent,
        stopped: s.stopped.map(CommandError::failed),
    });
    let run = settle::Run {
        topic: &publish.topic,
        transactional: publish.transactional,
        total,
        start,
    };
    settle::settle(&producer, sent, run, out)
}

/// The producer of a publish (or a restore), ready for its topic: transactional with an id
/// of its own when asked.
pub(crate) fn open_producer(
    settings: &Settings,
    topic: &str,
    transactional: bool,
    partitioner: &str,
    out: &Output,
) -> Result<Producer, CommandError> {
    let transactional_id =
        transactional.then(|| format!("kop-publish-{}-{}", std::process::id(), now_ms()));
    let producer = Producer::new(
        settings,
        out.log_sink(),
        transactional_id.as_deref(),
        partitioner,
    )?;
    producer.prepare(topic)?;
    Ok(producer)
}

/// Opens the run's transaction when there is one.
pub(crate) fn begin(producer: &Producer, transactional: bool) -> Result<(), CommandError> {
    match transactional {
        true => producer.begin().map_err(CommandError::from),
        false => Ok(()),
    }
}

/// The topic exists, has the asked partition, and takes records up to the limit returned
/// (with this producer).
fn check_topic(
    settings: &Settings,
    publish: &PublishSettings,
    out: &Output,
) -> Result<RecordLimit, CommandError> {
    let found = destination(settings, &publish.topic, out)?;
    if let Some(p) = publish
        .partition
        .filter(|p| usize::try_from(*p).map_or(true, |p| p >= found.partitions))
    {
        return Err(CommandError::failed(format!(
            "{} has no partition {p} (it has {})",
            publish.topic, found.partitions
        )));
    }
    Ok(found.limit)
}

/// A topic to write to, as the cluster has it.
pub(crate) struct Destination {
    pub partitions: usize,
    /// The largest record the topic and this producer take.
    pub limit: RecordLimit,
}

/// The topic exists (else the error names the closest one); its partition count and record
/// limit.
pub(crate) fn destination(
    settings: &Settings,
    topic: &str,
    out: &Output,
) -> Result<Destination, CommandError> {
    let property = |key: &str| {
        settings
            .properties
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let admin = Admin::connect(settings, out.log_sink())?;
    let info = match admin.topic(topic) {
        Err(KafkaError::NotFound { .. }) => {
            let cluster = admin.metadata()?;
            return Err(crate::commands::names::no_such_topic(
                format!("topic {topic} does not exist"),
                topic,
                &cluster,
            )
            .with_hint(
                "kop publishes only to topics that exist: create it with `kop topics apply`",
            ));
        }
        other => other?,
    };
    let configs = admin.topic_configs(&[topic.to_string()])?;
    let topic_max = configs
        .get(topic)
        .and_then(|c| c.get("max.message.bytes"))
        .and_then(|v| v.value.as_deref());
    // kop's producers compress unless told otherwise: the broker then judges the
    // compressed batch against the topic's limit, not each record.
    let compression = property("compression.type")
        .or_else(|| property("compression.codec"))
        .or(Some(crate::kafka::PRODUCER_COMPRESSION));
    Ok(Destination {
        partitions: info.partitions.len(),
        limit: record_limit(property("message.max.bytes"), compression, topic_max),
    })
}

/// For errors about the input file given to `flag`.
fn with_path<T>(
    result: std::io::Result<T>,
    path: &std::path::Path,
    flag: &str,
) -> Result<T, CommandError> {
    result
        .with_context(|| format!("cannot read {}", path.display()))
        .hint(format!("check the path given to {flag}"))
}
