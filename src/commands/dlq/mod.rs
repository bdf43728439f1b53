//! `kop dlq ...`: reading a dead-letter queue from a cursor, shared by replay and stats.

pub(crate) mod replay;
pub(crate) mod stats;

use crate::core::record::TopicPartition;
use crate::error::CommandError;
use crate::kafka::{Admin, GroupOffsets, KafkaError, ReaderOptions, TopicReader};
use crate::output::Output;
use crate::settings::Settings;

/// The queue's partitions and where the cursor (a consumer group) stands in each:
/// `None` where it has committed nothing.
fn cursor_positions(
    admin: &Admin,
    dlq: &str,
    cursor: &str,
) -> Result<Vec<(TopicPartition, Option<i64>)>, CommandError> {
    let topic = admin.topic(dlq).map_err(|e| match e {
        KafkaError::NotFound { .. } => {
            CommandError::failed(format!("the dead-letter topic {dlq} does not exist"))
        }
        other => other.into(),
    })?;
    let partitions: Vec<TopicPartition> = topic
        .partitions
        .iter()
        .map(|p| TopicPartition::new(dlq, p.id))
        .collect();
    let mut committed = admin.group_offsets(&[cursor.to_string()])?;
    let offsets: GroupOffsets = committed.remove(cursor).transpose()?.unwrap_or_default();
    Ok(partitions
        .into_iter()
        .map(|tp| {
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
