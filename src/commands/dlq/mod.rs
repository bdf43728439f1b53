//! `kop dlq ...`: reading a dead-letter queue from a cursor, and its replay ledger, shared
//! by replay and stats.

mod pass;
pub(crate) mod replay;
pub(crate) mod stats;

use std::time::Duration;

use crate::core::codec::{self, Format, SchemaSource};
use crate::core::dlq::ledger::{ledger_topic, Ledger};
use crate::core::dlq::Letter;
use crate::core::record::TopicPartition;
use crate::error::CommandError;
use crate::kafka::{Admin, GroupOffsets, KafkaError, Read, ReaderOptions, TopicReader};
use crate::output::Output;
use crate::settings::Settings;

const POLL: Duration = Duration::from_millis(100);

/// A letter's original event decoded as tail decodes a value (the wire format by its
/// writer schema's type, else JSON, text or base64), and how it was encoded; `None` for a
/// letter without one.
fn decoded_event(
    letter: &Letter,
    schemas: &(dyn SchemaSource + Send + Sync),
) -> Option<(serde_json::Value, &'static str)> {
    let payload = letter.payload.as_deref()?;
    let decoded = codec::decode(payload, Format::Auto, schemas).ok()?;
    Some((decoded.value, decoded.encoding))
}

/// The event's fields for `--where`: only what decoded to structured data has them.
fn fields_of<'a>(
    decoded: &'a Option<(serde_json::Value, &'static str)>,
) -> Option<&'a serde_json::Value> {
    decoded.as_ref().and_then(|(value, encoding)| {
        matches!(*encoding, "avro" | "json-schema" | "protobuf" | "json").then_some(value)
    })
}

/// The queue's partitions and where the cursor (a consumer group) stands in each:
/// `None` where it has committed nothing.
fn cursor_positions(
    admin: &Admin,
    dlq: &str,
    cursor: &str,
) -> Result<Vec<(TopicPartition, Option<i64>)>, CommandError> {
    let topic = crate::commands::names::topic_or_closest(admin, dlq, || {
        format!("the dead-letter topic {dlq} does not exist")
    })?;
    let mut committed = admin.group_offsets(&[cursor.to_string()])?;
    let offsets: GroupOffsets = committed.remove(cursor).transpose()?.unwrap_or_default();
    Ok(topic
        .partitions
        .iter()
        .map(|p| {
            let tp = TopicPartition::new(dlq, p.id);
            let next = offsets.get(&tp).copied().flatten();
            (tp, next)
        })
        .collect())
}

/// A reader of the queue from `starts` (the earliest offset where a start is `None`),
/// committing as `group`.
fn open(
    settings: &Settings,
    admin: &Admin,
    starts: &[(TopicPartition, Option<i64>)],
    group: Option<&str>,
    follow: bool,
    out: &Output,
) -> Result<TopicReader, CommandError> {
    let partitions: Vec<TopicPartition> = starts.iter().map(|(tp, _)| tp.clone()).collect();
    let ends = admin.partition_ends(&partitions)?;
    let starts: Vec<(TopicPartition, i64)> = starts
        .iter()
        .map(|(tp, next)| {
            let earliest = ends.get(tp).map_or(0, |e| e.earliest);
            (tp.clone(), next.unwrap_or(earliest).max(earliest))
        })
        .collect();
    let options = ReaderOptions { group, follow };
    Ok(TopicReader::assign(
        settings,
        out.log_sink(),
        options,
        &starts,
    )?)
}

/// Every letter of the queue replayed or parked so far, by any cursor (empty before the
/// first replay).
fn read_ledger(
    settings: &Settings,
    admin: &Admin,
    dlq: &str,
    out: &Output,
) -> Result<Ledger, CommandError> {
    let name = ledger_topic(dlq);
    let topic = match admin.topic(&name) {
        Ok(topic) => topic,
        Err(KafkaError::NotFound { .. }) => return Ok(Ledger::default()),
        Err(e) => return Err(e.into()),
    };
    let starts: Vec<(TopicPartition, Option<i64>)> = topic
        .partitions
        .iter()
        .map(|p| (TopicPartition::new(name.clone(), p.id), None))
        .collect();
    let mut reader = open(settings, admin, &starts, None, false, out)?;
    let mut ledger = Ledger::default();
    loop {
        match reader.read(POLL)? {
            Read::Record(record) => ledger.absorb(&record.to_record()),
            Read::Idle => {}
            Read::End => return Ok(ledger),
        }
    }
}
