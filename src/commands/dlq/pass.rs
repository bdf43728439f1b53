//! One pass over a queue from its cursor: each letter decided, sent (with its ledger
//! record) or only counted (a dry run), and the cursor committed batch by batch, never
//! past a letter that was neither delivered nor parked.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::{open, POLL};
use crate::core::codec::SchemaSource;
use crate::core::dlq::ledger::{ledger_record, ledger_topic, Entry, Ledger};
use crate::core::dlq::replay::{
    decide, replay_count, replayed_headers, Decision, Policy, ReplayMode, ReplayTally,
};
use crate::core::record::{Header, NewRecord, Record, TopicPartition};
use crate::error::CommandError;
use crate::interrupt;
use crate::kafka::{Admin, KafkaError, Producer, Queued, Read, TopicReader};
use crate::output::Output;
use crate::settings::{ReplaySettings, Settings};
use crate::util::time::now_ms;

/// Letters per flush and commit without transactions: also the most that an
/// at-least-once replay can duplicate after a crash.
const BATCH: u64 = 2_000;
/// Letters per transaction: larger, since a transaction cannot duplicate and each commit
/// costs a few round trips.
const TRANSACTION_BATCH: u64 = 10_000;
/// A batch is also closed after this long, so a slow trickle is committed promptly.
const BATCH_TIME: Duration = Duration::from_secs(1);

/// What a pass reads and decides with.
pub(super) struct Pass<'a> {
    pub settings: &'a Settings,
    pub replay: &'a ReplaySettings,
    pub policy: &'a Policy,
    pub admin: &'a Admin,
    pub ledger: &'a Ledger,
    /// Writer schemas, to decode payloads for `--where`.
    pub schemas: &'a (dyn SchemaSource + Send + Sync),
}

/// The producer of a real pass, and how it commits.
pub(super) type Sending<'a> = Option<(&'a Producer, ReplayMode)>;

impl Pass<'_> {
    /// Reads the queue from the cursor. Without a producer it only counts (dry run);
    /// with one it replays, committing the cursor after each batch.
    pub fn run(&self, sending: Sending<'_>, out: &Output) -> Result<ReplayTally, CommandError> {
        let starts = super::cursor_positions(self.admin, &self.replay.dlq, &self.replay.cursor)?;
        let follow = self.replay.follow && sending.is_some();
        let mut reader = open(
            self.settings,
            self.admin,
            &starts,
            Some(&self.replay.cursor),
            follow,
            out,
        )?;
        let start = Instant::now();
        let mut state = State::default();
        let progress = out.progress(0, "letters");
        let limit = match sending {
            Some((_, ReplayMode::Transactional)) => TRANSACTION_BATCH,
            _ => BATCH,
        };
        loop {
            let done = state.tally.moved() + state.batch.moved();
            let stop = interrupt::requested() || self.replay.limit.is_some_and(|l| done >= l);
            let (letter, finished) = if stop {
                (None, true)
            } else {
                match reader.read(POLL)? {
                    Read::Record(record) => (Some(record.to_record()), false),
                    Read::Idle => (None, false),
                    Read::End => (None, !follow),
                }
            };
            if let Some(letter) = letter {
                self.handle(&letter, sending, &mut state);
                progress.inc(1);
                self.pace(start, state.tally.moved() + state.batch.moved());
            }
            // The last batch is closed even when empty: letters the filters skipped move
            // the cursor too.
            let len = state.batch.moved();
            let due = finished || len >= limit || (len > 0 && state.opened.elapsed() >= BATCH_TIME);
            if let (Some((p, mode)), true) = (sending, due) {
                close_batch(p, mode, &self.replay.dlq, &reader, &mut state);
            }
            if finished || state.tally.error.is_some() {
                break;
            }
        }
        progress.finish();
        let mut tally = state.tally;
        tally.seconds = start.elapsed().as_secs_f64();
        Ok(tally)
    }

    fn handle(&self, message: &Record, sending: Sending<'_>, state: &mut State) {
        if state.stopped.contains_key(&message.partition) {
            // Behind an unroutable letter: the cursor cannot pass it, so neither may this.
            state.tally.held += 1;
            return;
        }
        let letter = self.replay.recogniser.recognise(message);
        let selection = &self.replay.selection;
        let decision = match selection.needs_event()
            && !selection.event_matches(super::fields_of(&super::decoded_event(
                &letter,
                self.schemas,
            ))) {
            true => Decision::Skip,
            false => decide(&letter, selection, self.policy),
        };
        let before = self.ledger.get(message.partition, message.offset);
        let (target, record, parked) = match decision {
            Decision::Skip => {
                state.tally.skipped += 1;
                return;
            }
            _ if before.is_some() && !self.replay.again => {
                state.tally.already_replayed += 1;
                return;
            }
            Decision::Unroutable { reason } => {
                state.tally.count_unroutable(reason);
                state.stopped.insert(message.partition, message.offset);
                return;
            }
            Decision::Replay { target, partition } => {
                let count = replay_count(&letter, before);
                let record = NewRecord {
                    key: letter.key.clone(),
                    value: letter.payload.clone(),
                    headers: replayed_headers(&letter, message, count),
                    partition,
                    timestamp: None,
                };
                (target, record, false)
            }
            Decision::Park { target, reason } => {
                let mut headers = message.headers.clone();
                headers.push(Header::text("kop.parked.reason", reason));
                let record = NewRecord {
                    key: message.key.clone(),
                    value: message.value.clone(),
                    headers,
                    partition: None,
                    timestamp: None,
                };
                (target, record, true)
            }
        };
        let Some((producer, mode)) = sending else {
            // A dry run counts at once.
            state.tally.count_sent(&target, parked);
            return;
        };
        let entry = Entry {
            cursor: self.replay.cursor.clone(),
            target: target.clone(),
            parked,
            count: replay_count(&letter, before),
            at: now_ms(),
        };
        let ledger = ledger_record(message.partition, message.offset, &entry);
        // In a transaction the ledger record commits with the letter. Without one it is
        // written only once the letter is acknowledged, so that a crash can duplicate a
        // letter but never mark one replayed that is not.
        let sent = producer
            .send(&target, &record)
            .and_then(|queued| match (queued, mode) {
                (Queued::Yes, ReplayMode::Transactional) => {
                    producer.send(&ledger_topic(&self.replay.dlq), &ledger)
                }
                (Queued::Yes, _) => {
                    state.ledger.push(ledger);
                    Ok(Queued::Yes)
                }
                (Queued::Interrupted, _) => Ok(Queued::Interrupted),
            });
        match sent {
            // A replay counts a letter when its batch commits.
            Ok(Queued::Yes) => state.batch.count_sent(&target, parked),
            Ok(Queued::Interrupted) => {
                state.stopped.insert(message.partition, message.offset);
            }
            Err(e) => {
                state.stopped.insert(message.partition, message.offset);
                state.tally.error = Some(e.to_string());
            }
        }
        producer.poll();
    }

    /// Sleeps to keep to `--rate`.
    fn pace(&self, start: Instant, done: u64) {
        if let Some(rate) = self.replay.rate {
            let due = Duration::from_secs_f64(done as f64 / rate);
            if let Some(wait) = due.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
        }
    }
}

/// A pass's counts and the letters sent since the last commit.
struct State {
    tally: ReplayTally,
    /// Sent but not yet committed.
    batch: ReplayTally,
    opened: Instant,
    /// Partitions whose cursor must stop at an offset (an unroutable letter, or one that
    /// could not be sent).
    stopped: BTreeMap<i32, i64>,
    /// Without a transaction: ledger records waiting for their letters' acknowledgement.
    ledger: Vec<NewRecord>,
}

impl Default for State {
    fn default() -> Self {
        State {
            tally: ReplayTally::default(),
            batch: ReplayTally::default(),
            opened: Instant::now(),
            stopped: BTreeMap::new(),
            ledger: Vec::new(),
        }
    }
}

/// Ends a batch: with a transaction, letters, ledger records and cursor commit together;
/// without, once every letter of the batch is acknowledged its ledger records are
/// written and acknowledged, then the cursor is committed.
fn close_batch(
    producer: &Producer,
    mode: ReplayMode,
    dlq: &str,
    reader: &TopicReader,
    state: &mut State,
) {
    let positions: Vec<(TopicPartition, i64)> = reader
        .positions()
        .into_iter()
        .map(|(tp, next)| match state.stopped.get(&tp.partition) {
            Some(stop) => (tp, next.min(*stop)),
            None => (tp, next),
        })
        .collect();
    let interrupted = crate::interrupt::requested();
    if interrupted && mode == ReplayMode::Transactional && state.batch.moved() > 0 {
        // Ctrl-C purges what is queued, so this transaction cannot commit whole: roll it
        // back at once and leave its letters for the next run, which replays them once.
        let rolled_back = std::mem::take(&mut state.batch);
        state.tally.uncommitted += rolled_back.moved();
        // Flushing purges on Ctrl-C and serves the purged letters' reports, which the
        // abort would otherwise wait for until its timeout.
        let _ = producer.flush();
        let _ = producer.abort();
        state.opened = Instant::now();
        return;
    }
    let result = if mode == ReplayMode::Transactional {
        producer.commit_with_offsets(reader, &positions)
    } else {
        let acknowledged = || {
            producer.flush()?;
            let d = producer.deliveries();
            match d.complete() {
                true => Ok(()),
                false => Err(KafkaError::request(
                    "replaying",
                    d.first_error
                        .unwrap_or_else(|| "a letter was not acknowledged".into()),
                )),
            }
        };
        let ledger = ledger_topic(dlq);
        acknowledged()
            .and_then(|()| {
                for record in std::mem::take(&mut state.ledger) {
                    if producer.send(&ledger, &record)? == Queued::Interrupted {
                        return Err(KafkaError::request(
                            "writing the replay ledger",
                            "interrupted",
                        ));
                    }
                }
                acknowledged()
            })
            .and_then(|()| reader.commit(&positions))
    };
    let pending = std::mem::take(&mut state.batch);
    match result {
        Ok(()) => state.tally.absorb(pending),
        Err(_) if interrupted => {
            // Stopped while the batch was delivered: the cursor stays before it, and the
            // next run replays it (what was delivered arrives twice: at least once).
            state.tally.uncommitted += pending.moved();
        }
        Err(e) => {
            // Nothing of this batch is committed to the cursor: the next run replays it.
            state.tally.failed += pending.moved();
            state.tally.error = Some(e.to_string());
            if mode == ReplayMode::Transactional {
                let _ = producer.abort();
            }
        }
    }
    state.opened = Instant::now();
}
