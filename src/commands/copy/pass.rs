//! One pass over the source from the cursor: each record filtered, re-keyed and sent (or,
//! in a dry run, only counted), and the cursor committed batch by batch, never past a
//! record that was not delivered.

use std::time::{Duration, Instant};

use super::schemas::Rekeyer;
use crate::core::codec::{self, Decoded, Format as Codec, SchemaSource};
use crate::core::copy::{CopyMode, CopyTally};
use crate::core::record::{Forward, TopicPartition};
use crate::core::subject::Part;
use crate::error::CommandError;
use crate::interrupt;
use crate::kafka::{KafkaError, Producer, Queued, Read, RecordRef, TopicReader};
use crate::output::Output;
use crate::settings::CopySettings;
use crate::util::time::now_ms;

const POLL: Duration = Duration::from_millis(100);
/// A batch (a transaction, or the records acknowledged before a commit) closes after this
/// long or this many records, whichever comes first; an at-least-once copy repeats at most
/// one batch after a crash. Each close waits for the batch's acknowledgements, which
/// stops the flow for a round trip: a second's worth keeps that a small part of the time.
const BATCH_TIME: Duration = Duration::from_secs(1);
const BATCH: u64 = 100_000;
/// Delivery reports are served every so many records (each poll reads the clock).
const POLL_EVERY: u64 = 512;
/// How often, in records, a busy copy checks whether its batch is due by time.
const CLOCK_EVERY: u64 = 64;

/// The producer of a real pass, and how it commits.
pub(super) type Sending<'a> = Option<(&'a Producer, CopyMode)>;

pub(super) struct Pass<'a> {
    pub copy: &'a CopySettings,
    /// Writer schemas of the source, for `--grep` (which matches decoded text).
    pub schemas: &'a (dyn SchemaSource + Send + Sync),
}

/// A pass's counts, the batch since the last commit, and why it stopped.
struct State {
    tally: CopyTally,
    batch: CopyTally,
    opened: Instant,
    error: Option<CommandError>,
}

impl Pass<'_> {
    /// Copies from `reader` until the end (or Ctrl-C, or `--until`); without a producer
    /// it only counts.
    pub fn run(
        &self,
        reader: &mut TopicReader,
        rekeyer: &mut Rekeyer,
        sending: Sending<'_>,
        out: &Output,
    ) -> Result<(CopyTally, Option<CommandError>), CommandError> {
        let start = Instant::now();
        let mut state = State {
            tally: CopyTally::default(),
            batch: CopyTally::default(),
            opened: Instant::now(),
            error: None,
        };
        let progress = out.progress(0, "events");
        let follow = self.copy.follow && sending.is_some();
        let until = self.copy.until;
        // Following: the backlog as of opening has been read.
        let mut caught_up = false;
        loop {
            let mut finished = interrupt::requested() || (until.is_some() && reader.all_stopped());
            let mut idle = false;
            if !finished {
                match reader.read(POLL)? {
                    Read::Record(record) => {
                        if until.is_some_and(|b| b.stops_at(record.offset(), record.timestamp())) {
                            let (topic, p, o) = (
                                record.topic().to_string(),
                                record.partition(),
                                record.offset(),
                            );
                            drop(record);
                            reader.stop_partition(&topic, p, o)?;
                        } else {
                            let stop = self.handle(&record, rekeyer, sending, &mut state);
                            let (topic, p, o) = (
                                record.topic().to_string(),
                                record.partition(),
                                record.offset(),
                            );
                            drop(record);
                            if stop {
                                // The cursor must not pass what was not delivered.
                                reader.stop_partition(&topic, p, o)?;
                                finished = true;
                            }
                            progress.inc(1);
                            self.pace(start, state.tally.copied + state.batch.copied);
                        }
                    }
                    // Following, once the backlog is read, a time bound the clock has passed
                    // ends the copy: what comes now was written after it.
                    Read::Idle => {
                        idle = true;
                        finished =
                            follow && caught_up && until.is_some_and(|b| b.passed_at(now_ms()));
                    }
                    Read::End => {
                        caught_up = true;
                        finished = !follow || until.is_some_and(|b| b.passed_at(now_ms()));
                    }
                }
            }
            let len = state.batch.copied + state.batch.skipped;
            // The clock is read when idle and every so many records, not for each one.
            let timed = len > 0 && (idle || len % CLOCK_EVERY == 0);
            let due = finished || len >= BATCH || (timed && state.opened.elapsed() >= BATCH_TIME);
            match (sending, due) {
                (Some((producer, mode)), true) => close_batch(producer, mode, reader, &mut state),
                // A dry run counts as it goes.
                (None, _) => state.tally.absorb(std::mem::take(&mut state.batch)),
                _ => {}
            }
            if finished || state.error.is_some() {
                break;
            }
        }
        progress.finish();
        state.tally.seconds = start.elapsed().as_secs_f64();
        if let Some(e) = &state.error {
            state.tally.error = Some(e.to_string());
        }
        Ok((state.tally, state.error))
    }

    /// Filters, re-keys and sends one record; `true` when the copy must stop before it.
    fn handle(
        &self,
        record: &RecordRef<'_>,
        rekeyer: &mut Rekeyer,
        sending: Sending<'_>,
        state: &mut State,
    ) -> bool {
        let headers = record.headers();
        let filter = &self.copy.filter;
        if !filter.headers_match(&headers) || (filter.needs_text() && !self.grep_matches(record)) {
            state.batch.skipped += 1;
            return false;
        }
        let place = || {
            format!(
                "{}/{} @{}",
                record.topic(),
                record.partition(),
                record.offset()
            )
        };
        let key = match record.key().map(|k| rekeyer.rekeyed(Part::Key, k, &place)) {
            Some(Err(e)) => {
                state.error = Some(e);
                return true;
            }
            other => other.and_then(Result::ok),
        };
        let value = match record
            .value()
            .map(|v| rekeyer.rekeyed(Part::Value, v, &place))
        {
            Some(Err(e)) => {
                state.error = Some(e);
                return true;
            }
            other => other.and_then(Result::ok),
        };
        let event = Forward {
            key: key.as_deref(),
            value: value.as_deref(),
            headers: &headers,
            partition: self.copy.keep_partition.then(|| record.partition()),
            timestamp: record.timestamp(),
        };
        let size = event.size();
        let Some((producer, _)) = sending else {
            state.batch.count(record.partition(), size);
            return false;
        };
        match producer.send_forward(&self.copy.target, &event) {
            Ok(Queued::Yes) => {
                state.batch.count(record.partition(), size);
                if state.batch.copied % POLL_EVERY == 0 {
                    producer.poll();
                }
                false
            }
            // Ctrl-C while waiting for room: this record was not sent.
            Ok(Queued::Interrupted) => true,
            Err(e) => {
                state.error =
                    Some(CommandError::from(e).context(format!("cannot copy {}", place())));
                true
            }
        }
    }

    /// `--grep` against the key and value as `kop tail` prints them.
    fn grep_matches(&self, record: &RecordRef<'_>) -> bool {
        let text = |bytes: Option<&[u8]>, format: Codec| {
            bytes
                .map(|b| {
                    let decoded: Decoded =
                        codec::decode(b, format, self.schemas).unwrap_or_else(|_| codec::base64(b));
                    match decoded.value {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    }
                })
                .unwrap_or_default()
        };
        let key = text(record.key(), Codec::AutoText);
        let value = text(record.value(), Codec::Auto);
        self.copy.filter.text_matches(&[&key, &value])
    }

    /// Sleeps to keep to `--rate`.
    fn pace(&self, start: Instant, done: u64) {
        if let Some(rate) = self.copy.rate {
            let due = Duration::from_secs_f64(done as f64 / rate);
            if let Some(wait) = due.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
        }
    }
}

/// Ends a batch: in a transaction, its records and the cursor commit land together; at
/// least once, the cursor is committed once every record of the batch is acknowledged.
fn close_batch(producer: &Producer, mode: CopyMode, reader: &TopicReader, state: &mut State) {
    let positions: Vec<(TopicPartition, i64)> = reader.positions();
    let pending = std::mem::take(&mut state.batch);
    state.opened = Instant::now();
    let interrupted = interrupt::requested();
    if interrupted && mode == CopyMode::Transactional && pending.copied > 0 {
        // Ctrl-C purges what is queued, so this transaction cannot commit whole: roll it
        // back and leave its records to the next run, which copies them once. Flushing
        // first serves the purged records' reports, which the abort would wait for.
        state.tally.uncommitted += pending.copied;
        let _ = producer.flush();
        let _ = producer.abort();
        return;
    }
    let result = match mode {
        CopyMode::Transactional => producer.commit_with_offsets(reader, &positions),
        _ => acknowledged(producer).and_then(|()| reader.commit(&positions)),
    };
    match result {
        Ok(()) => state.tally.absorb(pending),
        Err(e) => {
            // The cursor stays before the batch: the next run copies it again.
            state.tally.uncommitted += pending.copied;
            if mode == CopyMode::Transactional {
                let _ = producer.abort();
            }
            if !interrupted && state.error.is_none() {
                state.error = Some(CommandError::from(e).context("the batch was not committed"));
            }
        }
    }
}

/// Waits for every record sent so far; an error unless each was acknowledged.
fn acknowledged(producer: &Producer) -> Result<(), KafkaError> {
    producer.flush()?;
    let d = producer.deliveries();
    match d.complete() {
        true => Ok(()),
        false => Err(KafkaError::request(
            "copying",
            d.first_error
                .unwrap_or_else(|| "a record was not acknowledged".into()),
        )),
    }
}
