//! `kop dlq replay DLQ_TOPIC`: scan and confirm, then replay in batches, each batch's
//! letters and cursor commit in one transaction where the broker supports it.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use super::super::confirm::{confirm, Confirmation};
use crate::core::cluster::TopicInfo;
use crate::core::dlq::replay::{
    decide, replayed_headers, Decision, Policy, ReplayMode, ReplayReport, ReplayTally,
};
use crate::core::record::{Header, NewRecord, Record, TopicPartition};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{Admin, KafkaError, Producer, Read, TopicReader, TopicToCreate};
use crate::output::views::dlq::render_replay;
use crate::output::Output;
use crate::settings::{ReplaySettings, Settings};

/// Letters per flush and commit without transactions: also the most that an
/// at-least-once replay can duplicate after a crash.
const BATCH: u64 = 2_000;
/// Letters per transaction: larger, since a transaction cannot duplicate and each commit
/// costs a few round trips.
const TRANSACTION_BATCH: u64 = 10_000;
/// A batch is also closed after this long, so a slow trickle is committed promptly.
const BATCH_TIME: Duration = Duration::from_secs(1);
const POLL: Duration = Duration::from_millis(100);

pub(crate) fn run(
    settings: &Settings,
    replay: &ReplaySettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let admin = Admin::connect(settings, out.log_sink())?;
    let cluster = admin.metadata()?;
    let dlq_info = cluster.topic(&replay.dlq).ok_or_else(|| {
        CommandError::failed(format!(
            "the dead-letter topic {} does not exist",
            replay.dlq
        ))
    })?;
    let job = Job {
        settings,
        replay,
        policy: Policy {
            to: replay.to.clone(),
            max_retries: replay.max_retries,
            park_topic: replay.park_topic.clone(),
            existing: cluster
                .topics
                .iter()
                .map(|t| t.name.clone())
                .collect::<BTreeSet<_>>(),
        },
        admin: &admin,
    };
    // Without --yes, a dry pass first: the counts are what is shown and confirmed.
    if replay.dry_run || !replay.yes {
        let scanned = job.pass(None, out)?;
        let report = job.report(ReplayMode::DryRun, scanned);
        if replay.dry_run || report.tally.moved() == 0 {
            render_replay(out, &report, true)?;
            return Ok(job.outcome(&report.tally));
        }
        if out.interactive {
            render_replay(out, &report, true)?;
        }
        let moved = report.tally.moved();
        let question = format!("Replay {moved} letter(s) as shown?");
        let refusal = format!(
            "refusing to replay {moved} letter(s) without confirmation; nothing was changed"
        );
        confirm(
            out,
            false,
            true,
            &Confirmation {
                question: &question,
                refusal: &refusal,
                hint: "there is no terminal to ask on: add --yes (or look first with --dry-run)",
                declined: "not replayed: the answer was no",
            },
        )?;
    }
    if replay.max_retries.is_some() && !job.policy.existing.contains(&replay.park_topic) {
        ensure_topic(&admin, &replay.park_topic, dlq_info, out)?;
    }
    let (producer, mode) = job.producer(out)?;
    let tally = job.pass(Some((&producer, mode)), out)?;
    let report = job.report(mode, tally);
    render_replay(out, &report, false)?;
    if interrupt::requested() {
        return Ok(Outcome::Interrupted);
    }
    if let Some(err) = &report.tally.error {
        return Err(CommandError::failed(err.clone()).context(format!(
            "replay stopped; {} letter(s) were replayed and committed before it",
            report.tally.moved()
        )));
    }
    Ok(job.outcome(&report.tally))
}

/// Creates the parking topic like the dead-letter topic, when a replay may park letters.
fn ensure_topic(
    admin: &Admin,
    name: &str,
    like: &TopicInfo,
    out: &Output,
) -> Result<(), CommandError> {
    out.status(&format!(
        "creating the parking topic {name} (like {})",
        like.name
    ));
    let topic = TopicToCreate {
        name: name.to_string(),
        partitions: i32::try_from(like.partitions.len()).ok(),
        replication_factor: i16::try_from(like.replication_factor()).ok(),
        configs: vec![],
    };
    for (topic, result) in admin.create_topics(&[topic])? {
        match result {
            Ok(()) | Err(KafkaError::AlreadyExists { .. }) => {}
            Err(e) => {
                return Err(CommandError::from(e)
                    .context(format!("cannot create the parking topic {topic}")))
            }
        }
    }
    Ok(())
}

struct Job<'a> {
    settings: &'a Settings,
    replay: &'a ReplaySettings,
    policy: Policy,
    admin: &'a Admin,
}

impl Job<'_> {
    fn outcome(&self, tally: &ReplayTally) -> Outcome {
        let unroutable = tally.unroutable > 0 && !self.replay.skip_unroutable;
        Outcome::problems_if(tally.failed > 0 || unroutable)
    }

    fn report(&self, mode: ReplayMode, tally: ReplayTally) -> ReplayReport {
        ReplayReport {
            dlq: self.replay.dlq.clone(),
            cursor: self.replay.cursor.clone(),
            mode,
            tally,
        }
    }

    /// A transactional producer where the broker supports it.
    fn producer(&self, out: &Output) -> Result<(Producer, ReplayMode), CommandError> {
        if self.replay.transactions {
            let id = format!("kop-{}", self.replay.cursor);
            let producer = Producer::new(self.settings, out.log_sink(), Some(&id))?;
            match producer.begin() {
                Ok(()) => return Ok((producer, ReplayMode::Transactional)),
                Err(e) => out.warn(&format!(
                    "transactions unavailable ({e}); replaying at-least-once"
                )),
            }
        }
        let producer = Producer::new(self.settings, out.log_sink(), None)?;
        Ok((producer, ReplayMode::AtLeastOnce))
    }

    /// Reads the queue from the cursor. Without a producer it only counts (dry run);
    /// with one it replays, committing the cursor after each batch.
    fn pass(
        &self,
        producer: Option<(&Producer, ReplayMode)>,
        out: &Output,
    ) -> Result<ReplayTally, CommandError> {
        let starts = super::cursor_positions(self.admin, &self.replay.dlq, &self.replay.cursor)?;
        let follow = self.replay.follow && producer.is_some();
        let mut reader = super::open(
            self.settings,
            self.admin,
            &starts,
            Some(&self.replay.cursor),
            follow,
            out,
        )?;
        let start = Instant::now();
        let mut tally = ReplayTally::default();
        let mut batch = OpenBatch::default();
        let progress = out.progress(0, "letters");
        let limit = match producer {
            Some((_, ReplayMode::Transactional)) => TRANSACTION_BATCH,
            _ => BATCH,
        };
        loop {
            let done = tally.moved() + batch.len();
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
                self.handle(&letter, producer.map(|(p, _)| p), &mut batch, &mut tally);
                progress.inc(1);
                self.pace(start, tally.moved() + batch.len());
            }
            // The last batch is closed even when empty: letters the filters skipped move
            // the cursor too.
            let len = batch.len();
            let due = finished || len >= limit || (len > 0 && batch.opened.elapsed() >= BATCH_TIME);
            if let (Some((p, mode)), true) = (producer, due) {
                self.close_batch(p, mode, &reader, &mut batch, &mut tally);
            }
            if finished || tally.error.is_some() {
                break;
            }
        }
        progress.finish();
        tally.seconds = start.elapsed().as_secs_f64();
        Ok(tally)
    }

    fn handle(
        &self,
        message: &Record,
        producer: Option<&Producer>,
        batch: &mut OpenBatch,
        tally: &mut ReplayTally,
    ) {
        let letter = self.replay.recogniser.recognise(message);
        let (target, record, parked) = match decide(&letter, &self.replay.selection, &self.policy) {
            Decision::Skip => {
                tally.skipped += 1;
                return;
            }
            Decision::Unroutable { reason } => {
                tally.count_unroutable(reason);
                return;
            }
            Decision::Replay { target } => {
                let record = NewRecord {
                    key: letter.key.clone(),
                    value: letter.payload.clone(),
                    headers: replayed_headers(&letter, message),
                    partition: None,
                    timestamp: None,
                };
                (target, record, false)
            }
            Decision::Park { target } => {
                let mut headers = message.headers.clone();
                let reason = format!("retried {} times", letter.retry_count);
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
        // A dry run counts at once; a replay counts a letter when its batch commits.
        let counts = match producer {
            None => tally,
            Some(p) => {
                if let Err(e) = p.send(&target, &record) {
                    tally.error = Some(e.to_string());
                }
                p.poll();
                &mut batch.pending
            }
        };
        counts.count_sent(&target, parked);
    }

    /// Ends a batch: with a transaction, letters and cursor commit together; without, the
    /// cursor is committed once every letter of the batch is acknowledged.
    fn close_batch(
        &self,
        producer: &Producer,
        mode: ReplayMode,
        reader: &TopicReader,
        batch: &mut OpenBatch,
        tally: &mut ReplayTally,
    ) {
        let positions: Vec<(TopicPartition, i64)> = reader.positions();
        let result = if mode == ReplayMode::Transactional {
            producer.commit_with_offsets(reader, &positions)
        } else {
            producer.flush().and_then(|()| {
                let d = producer.deliveries();
                if d.failed > 0 {
                    return Err(KafkaError::request(
                        "replaying",
                        d.first_error
                            .unwrap_or_else(|| "a letter was not acknowledged".into()),
                    ));
                }
                reader.commit(&positions)
            })
        };
        let pending = std::mem::take(&mut batch.pending);
        match result {
            Ok(()) => tally.absorb(pending),
            Err(e) => {
                // Nothing of this batch is committed to the cursor: the next run replays it.
                tally.failed += pending.moved();
                tally.error = Some(e.to_string());
                if mode == ReplayMode::Transactional {
                    let _ = producer.abort();
                }
            }
        }
        batch.opened = Instant::now();
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

/// The letters sent since the last commit.
struct OpenBatch {
    pending: ReplayTally,
    opened: Instant,
}

impl Default for OpenBatch {
    fn default() -> Self {
        OpenBatch {
            pending: ReplayTally::default(),
            opened: Instant::now(),
        }
    }
}

impl OpenBatch {
    fn len(&self) -> u64 {
        self.pending.moved()
    }
}
