//! `kop dlq replay DLQ_TOPIC`: scan and confirm, then replay in batches, each batch's
//! letters and cursor commit in one transaction where the broker supports it.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail};

use super::{parse_time, recogniser, DlqReader, Read};
use crate::cli::DlqReplayArgs;
use crate::commands::{interrupt_flag, kafka_error};
use crate::context::Settings;
use crate::dlq::replay::{decide, replayed_headers, Decision, Policy, Selection};
use crate::dlq::{DlqMessage, Recogniser};
use crate::error::{Hint, Outcome, UsageError};
use crate::event::Event;
use crate::kafka::{Admin, Consumer, Producer, TopicToCreate};
use crate::output::views::dlq::{render_replay, ReplayReport};
use crate::output::{Format, Output};

/// Letters per flush and commit without transactions: also the most that an
/// at-least-once replay can duplicate after a crash.
pub const BATCH: u64 = 2_000;
/// Letters per transaction: larger, since a transaction cannot duplicate and each commit
/// costs a few round trips.
pub const TRANSACTION_BATCH: u64 = 10_000;
/// A batch is also closed after this long, so a slow trickle is committed promptly.
const BATCH_TIME: Duration = Duration::from_secs(1);

pub async fn run(
    settings: &Settings,
    args: &DlqReplayArgs,
    yes: bool,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    crate::commands::require_format(out, "kop dlq replay", &[Format::Table, Format::Json])?;
    let selection = selection(args)?;
    let admin = Admin::connect(settings, out.log_sink()).map_err(kafka_error)?;
    let cluster = tokio::task::block_in_place(|| admin.metadata()).map_err(kafka_error)?;
    let dlq_info = cluster
        .topic(&args.dlq)
        .ok_or_else(|| anyhow!("the dead-letter topic {} does not exist", args.dlq))?;
    let park_topic = args
        .park_topic
        .clone()
        .unwrap_or_else(|| format!("{}.parked", args.dlq));
    let policy = Policy {
        to: args.to.clone(),
        max_retries: args.max_retries,
        park_topic: park_topic.clone(),
        existing: cluster
            .topics
            .iter()
            .map(|t| t.name.clone())
            .collect::<BTreeSet<_>>(),
    };
    let cursor = args
        .cursor
        .clone()
        .unwrap_or_else(|| selection.cursor(&args.dlq, args.to.as_deref()));
    let job = Job {
        args,
        settings,
        recogniser: recogniser(settings.file.as_ref()),
        selection,
        policy,
        cursor: cursor.clone(),
    };
    let interrupted = interrupt_flag();
    // Without --yes, a dry pass first: the counts are what is shown and confirmed.
    if args.dry_run || !yes {
        let scanned = tokio::task::block_in_place(|| job.pass(None, &interrupted, out))?;
        let report = ReplayReport::new(&args.dlq, &cursor, "dry-run", &scanned);
        if args.dry_run {
            render_replay(out, &report, true)?;
            return Ok(Outcome::Clean);
        }
        if scanned.selected() == 0 {
            render_replay(out, &report, true)?;
            return Ok(job.outcome(&scanned));
        }
        if !out.interactive {
            return Err(anyhow!(
                "refusing to replay {} letter(s) without confirmation; nothing was changed",
                scanned.selected()
            )
            .context(Hint::new(
                "there is no terminal to ask on: add --yes (or look first with --dry-run)",
            )));
        }
        render_replay(out, &report, true)?;
        if !out.confirm(&format!(
            "Replay {} letter(s) as shown?",
            scanned.selected()
        ))? {
            bail!("not replayed: the answer was no");
        }
    }
    if args.max_retries.is_some() && !job.policy.existing.contains(&park_topic) {
        ensure_topic(&admin, &park_topic, dlq_info, out).await?;
    }
    let producer = job.producer(out)?;
    let tally = tokio::task::block_in_place(|| job.pass(Some(&producer), &interrupted, out))?;
    let mode = if producer.1 {
        "transactional"
    } else {
        "at-least-once"
    };
    render_replay(
        out,
        &ReplayReport::new(&args.dlq, &cursor, mode, &tally),
        false,
    )?;
    if interrupted.load(Ordering::SeqCst) {
        return Ok(Outcome::Interrupted);
    }
    if let Some(err) = &tally.error {
        return Err(anyhow!("{err}").context(format!(
            "replay stopped; {} letter(s) were replayed and committed before it",
            tally.replayed + tally.parked
        )));
    }
    Ok(job.outcome(&tally))
}

/// Creates the parking topic like the dead-letter topic, when a replay may park letters.
async fn ensure_topic(
    admin: &Admin,
    name: &str,
    like: &crate::cluster::TopicInfo,
    out: &Output,
) -> anyhow::Result<()> {
    out.status(&format!(
        "creating the parking topic {name} (like {})",
        like.name
    ));
    let topic = TopicToCreate {
        name: name.to_string(),
        partitions: Some(like.partitions.len() as i32),
        replication_factor: Some(like.replication_factor() as i16),
        configs: vec![],
    };
    let results = admin.create_topics(&[topic]).await.map_err(kafka_error)?;
    for (topic, result) in results {
        if let Err(e) = result {
            if !e.contains("already exists") {
                bail!("cannot create the parking topic {topic}: {e}");
            }
        }
    }
    Ok(())
}

fn selection(args: &DlqReplayArgs) -> anyhow::Result<Selection> {
    let usage = |e: String| anyhow!(UsageError(e));
    Ok(Selection {
        topics: args.topics.clone(),
        error: args
            .error
            .as_deref()
            .map(|e| regex::Regex::new(e).map_err(|err| format!("--error: {err}")))
            .transpose()
            .map_err(usage)?,
        since: args
            .since
            .as_deref()
            .map(parse_time)
            .transpose()
            .map_err(usage)?,
        until: args
            .until
            .as_deref()
            .map(parse_time)
            .transpose()
            .map_err(usage)?,
    })
}

/// Counts of one pass.
#[derive(Debug, Default)]
pub struct Tally {
    pub replayed: u64,
    pub parked: u64,
    pub skipped: u64,
    pub unroutable: u64,
    pub failed: u64,
    pub by_target: super::Tally,
    pub unroutable_reasons: super::Tally,
    pub seconds: f64,
    /// Why the pass stopped early, when it did.
    pub error: Option<String>,
}

impl Tally {
    fn selected(&self) -> u64 {
        self.replayed + self.parked
    }
}

struct Job<'a> {
    args: &'a DlqReplayArgs,
    settings: &'a Settings,
    recogniser: Recogniser,
    selection: Selection,
    policy: Policy,
    cursor: String,
}

impl Job<'_> {
    fn outcome(&self, tally: &Tally) -> Outcome {
        let unroutable = tally.unroutable > 0 && !self.args.skip_unroutable;
        Outcome::problems_if(tally.failed > 0 || unroutable)
    }

    /// A transactional producer where the broker supports it; `(producer, transactional)`.
    fn producer(&self, out: &Output) -> anyhow::Result<(Producer, bool)> {
        if !self.args.no_transactions {
            let id = format!("kop-{}", self.cursor);
            let producer =
                Producer::new(self.settings, out.log_sink(), Some(&id)).map_err(kafka_error)?;
            match tokio::task::block_in_place(|| producer.begin()) {
                Ok(()) => return Ok((producer, true)),
                Err(e) => out.warn(&format!(
                    "transactions unavailable ({e}); replaying at-least-once"
                )),
            }
        }
        let producer = Producer::new(self.settings, out.log_sink(), None).map_err(kafka_error)?;
        Ok((producer, false))
    }

    /// Reads the queue from the cursor. Without a producer it only counts (dry run);
    /// with one it replays, committing the cursor after each batch.
    fn pass(
        &self,
        producer: Option<&(Producer, bool)>,
        interrupted: &AtomicBool,
        out: &Output,
    ) -> anyhow::Result<Tally> {
        let consumer = Consumer::new(self.settings, out.log_sink(), Some(&self.cursor))
            .map_err(kafka_error)?;
        let mut reader = DlqReader::open(
            &consumer,
            &self.args.dlq,
            self.args.follow && producer.is_some(),
            self.settings.timeout,
        )?;
        let start = Instant::now();
        let mut tally = Tally::default();
        let mut batch = Batch::default();
        let progress = out.progress(0, "letters");
        loop {
            let done = tally.selected() + batch.len();
            let stop =
                interrupted.load(Ordering::SeqCst) || self.args.limit.is_some_and(|l| done >= l);
            let read = if stop { Read::Done } else { reader.read()? };
            let message = match read {
                Read::Letter(m) => Some(m),
                Read::Idle => None,
                Read::Done => {
                    if let Some(p) = producer {
                        self.close_batch(p, &consumer, &reader, &mut batch, &mut tally);
                    }
                    break;
                }
            };
            if let Some(message) = message {
                self.handle(&message, producer, &mut batch, &mut tally);
                progress.inc(1);
                self.pace(start, tally.selected() + batch.len());
            }
            let len = batch.len();
            let limit = if producer.is_some_and(|(_, tx)| *tx) {
                TRANSACTION_BATCH
            } else {
                BATCH
            };
            let due = len >= limit || (len > 0 && batch.opened.elapsed() >= BATCH_TIME);
            if let (Some(p), true) = (producer, due) {
                self.close_batch(p, &consumer, &reader, &mut batch, &mut tally);
            }
            if tally.error.is_some() {
                break;
            }
        }
        progress.finish();
        tally.seconds = start.elapsed().as_secs_f64();
        Ok(tally)
    }

    fn handle(
        &self,
        message: &DlqMessage,
        producer: Option<&(Producer, bool)>,
        batch: &mut Batch,
        tally: &mut Tally,
    ) {
        let letter = self.recogniser.recognise(message);
        let (target, event, parked) = match decide(&letter, &self.selection, &self.policy) {
            Decision::Skip => {
                tally.skipped += 1;
                return;
            }
            Decision::Unroutable { reason } => {
                tally.unroutable += 1;
                *tally.unroutable_reasons.entry(reason).or_default() += 1;
                return;
            }
            Decision::Replay { target } => {
                let event = Event {
                    key: letter.key.clone(),
                    value: letter.payload.clone(),
                    headers: replayed_headers(&letter, message),
                    partition: None,
                    timestamp: None,
                };
                (target, event, false)
            }
            Decision::Park { target } => {
                let mut headers = message.headers.clone();
                let reason = format!("retried {} times", letter.retry_count);
                headers.push(("kop.parked.reason".into(), Some(reason.into_bytes())));
                let event = Event {
                    key: message.key.clone(),
                    value: message.value.clone(),
                    headers,
                    partition: None,
                    timestamp: None,
                };
                (target, event, true)
            }
        };
        // A dry run counts at once; a replay counts a letter when its batch commits.
        let counts = match producer {
            None => &mut *tally,
            Some((p, _)) => {
                if let Err(e) = p.send(&target, &event) {
                    tally.error = Some(e.to_string());
                }
                p.poll();
                &mut batch.pending
            }
        };
        if parked {
            counts.parked += 1;
            *counts
                .by_target
                .entry(format!("{target} (parked)"))
                .or_default() += 1;
        } else {
            counts.replayed += 1;
            *counts.by_target.entry(target).or_default() += 1;
        }
    }

    /// Ends a batch: with a transaction, letters and cursor commit together; without, the
    /// cursor is committed once every letter of the batch is acknowledged.
    fn close_batch(
        &self,
        producer: &(Producer, bool),
        consumer: &Consumer,
        reader: &DlqReader,
        batch: &mut Batch,
        tally: &mut Tally,
    ) {
        let (p, transactional) = producer;
        let positions = reader.positions();
        let result = if *transactional {
            p.commit_with_offsets(consumer, &positions)
        } else {
            p.flush().and_then(|()| {
                let d = p.deliveries();
                if d.failed > 0 {
                    return Err(crate::kafka::KafkaError::request(
                        "replaying",
                        d.first_error
                            .unwrap_or_else(|| "a letter was not acknowledged".into()),
                    ));
                }
                consumer.commit_offsets(&positions)
            })
        };
        let pending = std::mem::take(&mut batch.pending);
        match result {
            Ok(()) => {
                tally.replayed += pending.replayed;
                tally.parked += pending.parked;
                for (target, n) in pending.by_target {
                    *tally.by_target.entry(target).or_default() += n;
                }
            }
            Err(e) => {
                // Nothing of this batch is committed to the cursor: the next run replays it.
                tally.failed += pending.replayed + pending.parked;
                tally.error = Some(e.to_string());
                if *transactional {
                    let _ = p.abort();
                }
            }
        }
        batch.opened = Instant::now();
    }

    /// Sleeps to keep to `--rate`.
    fn pace(&self, start: Instant, done: u64) {
        if let Some(rate) = self.args.rate.filter(|r| *r > 0.0) {
            let due = Duration::from_secs_f64(done as f64 / rate);
            if let Some(wait) = due.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
        }
    }
}

/// The letters sent since the last commit.
struct Batch {
    pending: Tally,
    opened: Instant,
}

impl Default for Batch {
    fn default() -> Self {
        Batch {
            pending: Tally::default(),
            opened: Instant::now(),
        }
    }
}

impl Batch {
    fn len(&self) -> u64 {
        self.pending.replayed + self.pending.parked
    }
}
