//! `kop dlq stats DLQ_TOPIC`: read the whole queue once and count.

use super::{recogniser, DlqReader, Read};
use crate::cli::DlqStatsArgs;
use crate::commands::kafka_error;
use crate::context::Settings;
use crate::dlq::replay::Selection;
use crate::dlq::stats::Stats;
use crate::error::Outcome;
use crate::kafka::Consumer;
use crate::output::views::dlq::render_stats;
use crate::output::{Format, Output};

pub async fn run(
    settings: &Settings,
    args: &DlqStatsArgs,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    crate::commands::require_format(out, "kop dlq stats", &[Format::Table, Format::Json])?;
    let cursor = args
        .cursor
        .clone()
        .unwrap_or_else(|| Selection::default().cursor(&args.dlq, None));
    let recogniser = recogniser(settings.file.as_ref());
    let stats = tokio::task::block_in_place(|| -> anyhow::Result<Stats> {
        // The cursor's offsets say what is pending; the queue itself is read from the start
        // by a consumer that commits nothing.
        let cursor_reader =
            Consumer::new(settings, out.log_sink(), Some(&cursor)).map_err(kafka_error)?;
        let partitions: Vec<(String, i32)> = cursor_reader
            .partitions(&args.dlq)
            .map_err(kafka_error)?
            .into_iter()
            .map(|p| (args.dlq.clone(), p))
            .collect();
        let committed = cursor_reader.committed(&partitions).map_err(kafka_error)?;
        let scanner = Consumer::new(settings, out.log_sink(), None).map_err(kafka_error)?;
        let mut reader = DlqReader::open(&scanner, &args.dlq, false, settings.timeout)?;
        let mut stats = Stats::default();
        loop {
            match reader.read()? {
                Read::Letter(m) => {
                    let done = committed
                        .get(&(m.topic.clone(), m.partition))
                        .copied()
                        .flatten();
                    let pending = done.is_none_or(|next| m.offset >= next);
                    stats.add(&recogniser.recognise(&m), pending);
                }
                Read::Idle => {}
                Read::Done => break,
            }
        }
        Ok(stats)
    })?;
    render_stats(out, &args.dlq, &cursor, &stats)?;
    Ok(Outcome::Clean)
}
