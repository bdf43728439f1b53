//! `kop dlq stats DLQ_TOPIC`: read the whole queue once and count.

use std::collections::BTreeMap;
use std::time::Duration;

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
    // The cursor's offsets say what is pending; the queue itself is read from the start by
    // a reader that commits nothing.
    let cursor = super::cursor_positions(&admin, &stats.dlq, &stats.cursor)?;
    let done: BTreeMap<TopicPartition, Option<i64>> = cursor.iter().cloned().collect();
    let from_start: Vec<(TopicPartition, Option<i64>)> =
        cursor.into_iter().map(|(tp, _)| (tp, None)).collect();
    let mut reader = super::open(settings, &admin, &from_start, None, false, out)?;
    let mut counts = Stats::default();
    loop {
        match reader.read(Duration::from_millis(100))? {
            Read::Record(r) => {
                let tp = TopicPartition::new(r.topic(), r.partition());
                let pending = done
                    .get(&tp)
                    .copied()
                    .flatten()
                    .is_none_or(|next| r.offset() >= next);
                let letter = stats.recogniser.recognise(&r.to_record());
                counts.add(&letter, pending);
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
