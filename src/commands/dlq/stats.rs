//! `kop dlq stats DLQ_TOPIC`: read the whole queue once and count, judging pending and
//! unroutable letters as a dry-run replay of everything would.

use std::collections::BTreeMap;

use super::{open, read_ledger, POLL};
use crate::core::dlq::replay::{decide, Decision, LetterFilter, Policy};
use crate::core::dlq::stats::{Stats, StatsReport};
use crate::core::record::TopicPartition;
use crate::error::{CommandError, Outcome};
use crate::kafka::{Admin, Read};
use crate::output::views::dlq::render_stats;
use crate::output::Output;
use crate::settings::{Settings, StatsSettings};

pub(crate) fn run(
    settings: &Settings,
    stats: &StatsSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    // The cursor's offsets and the ledger say what is pending; the queue itself is read
    // from the start by a reader that commits nothing.
    let cursor = super::cursor_positions(&admin, &stats.dlq, &stats.cursor)?;
    let done: BTreeMap<TopicPartition, Option<i64>> = cursor.iter().cloned().collect();
    let ledger = read_ledger(settings, &admin, &stats.dlq, out)?;
    let cluster = admin.metadata()?;
    let policy = Policy {
        topics: cluster
            .topics
            .iter()
            .map(|t| (t.name.clone(), t.partitions.len()))
            .collect(),
        ..Policy::default()
    };
    let from_start: Vec<(TopicPartition, Option<i64>)> =
        cursor.into_iter().map(|(tp, _)| (tp, None)).collect();
    let mut reader = open(settings, &admin, &from_start, None, false, out)?;
    let mut counts = Stats::default();
    let everything = LetterFilter::default();
    let schemas = super::super::schema_source(settings);
    loop {
        match reader.read(POLL)? {
            Read::Record(r) => {
                let tp = TopicPartition::new(r.topic(), r.partition());
                let after_cursor = done
                    .get(&tp)
                    .copied()
                    .flatten()
                    .is_none_or(|next| r.offset() >= next);
                let handled = ledger.get(r.partition(), r.offset()).is_some();
                let letter = stats.recogniser.recognise(&r.to_record());
                let decoded = super::decoded_event(&letter, schemas.as_ref());
                if !stats.selection.event_matches(super::fields_of(&decoded)) {
                    continue;
                }
                let unroutable = matches!(
                    decide(&letter, &everything, &policy),
                    Decision::Unroutable { .. }
                );
                let payload = Some(decoded.map_or("none", |(_, encoding)| encoding));
                counts.add_decoded(&letter, payload, after_cursor && !handled, unroutable);
            }
            Read::Idle => {}
            Read::End => break,
        }
    }
    let report = StatsReport {
        dlq: stats.dlq.clone(),
        cursor: stats.cursor.clone(),
        stats: counts,
    };
    render_stats(out, &report)?;
    Ok(Outcome::Clean)
}
