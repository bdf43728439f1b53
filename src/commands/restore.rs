//! `kop publish TOPIC --records DUMP`: check the topic and (from a file) every line of the
//! dump, then send each record back exactly as it was read, accounting for every one as
//! `kop publish` does.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use crate::commands::publish::settle::{settle, Handed, Run};
use crate::commands::publish::{begin, destination, open_producer};
use crate::core::publish::RecordLimit;
use crate::core::restore::{parse_line, Dumped, Refusal, DUMP_HINT};
use crate::error::{CommandError, Outcome, ResultExt};
use crate::interrupt;
use crate::kafka::{Producer, Queued};
use crate::output::{Output, Progress};
use crate::settings::{RecordsInput, RestoreSettings, Settings};
use crate::util::units::humane_size;

pub(crate) fn run(
    settings: &Settings,
    restore: &RestoreSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let target = check_topic(settings, restore, out)?;
    // From a file, every line is checked before the first record is sent.
    let total = match &restore.input {
        RecordsInput::File(path) => Some(validate(path, &target)?),
        RecordsInput::Stdin => None,
    };
    let producer = open_producer(
        settings,
        &restore.topic,
        restore.transactional,
        &restore.partitioner,
        out,
    )?;
    let progress = out.progress(total.unwrap_or(0), "records");
    let start = Instant::now();
    let begun = begin(&producer, restore.transactional);
    let sender = Sender {
        producer: &producer,
        target: &target,
        progress: &progress,
    };
    let sent = begun.and_then(|()| match &restore.input {
        RecordsInput::File(path) => {
            let file = read(File::open(path), path)?;
            sender.lines(BufReader::with_capacity(1 << 18, file), Some(path))
        }
        RecordsInput::Stdin => sender.lines(BufReader::new(std::io::stdin()), None),
    });
    progress.finish();
    let sent = sent.map(|s| Handed {
        unsent: s.unsent,
        stopped: s.stopped,
    });
    let run = Run {
        topic: &restore.topic,
        transactional: restore.transactional,
        total,
        start,
    };
    settle(&producer, sent, run, out)
}

/// What every record must fit on the target topic.
struct Target {
    topic: String,
    partitions: usize,
    keep_partition: bool,
    limit: RecordLimit,
}

impl Target {
    /// Why this record cannot go to the topic, if it cannot.
    fn refuse(&self, record: &Dumped) -> Option<String> {
        let partition = usize::try_from(record.partition).unwrap_or(usize::MAX);
        if self.keep_partition && partition >= self.partitions {
            return Some(format!(
                "the record is from partition {}, but {} has {} partition(s) (--keep-partition): add partitions to the topic, or restore without --keep-partition to place records by key",
                record.partition, self.topic, self.partitions
            ));
        }
        let size = record.size();
        (size > self.limit.bytes).then(|| {
            format!(
                "the record is {} (key, value and headers), over the {} of {}",
                humane_size(size as u64),
                self.limit.whose,
                humane_size(self.limit.bytes as u64)
            )
        })
    }
}

/// The topic exists; its partition count and the largest record it and the producer take.
fn check_topic(
    settings: &Settings,
    restore: &RestoreSettings,
    out: &Output,
) -> Result<Target, CommandError> {
    let found = destination(settings, &restore.topic, out)?;
    Ok(Target {
        topic: restore.topic.clone(),
        partitions: found.partitions,
        keep_partition: restore.keep_partition,
        limit: found.limit,
    })
}

/// Checks every line of the dump; returns how many records it holds. The first line that
/// cannot be restored exactly is the error.
fn validate(path: &Path, target: &Target) -> Result<u64, CommandError> {
    let file = read(File::open(path), path)?;
    let mut reader = BufReader::with_capacity(1 << 18, file);
    let mut line = String::new();
    let (mut number, mut records) = (0u64, 0u64);
    loop {
        line.clear();
        if read(reader.read_line(&mut line), path)? == 0 {
            return Ok(records);
        }
        number += 1;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let refusal = match parse_line(text) {
            Ok(record) => target.refuse(&record).map(Refusal::Malformed),
            Err(refusal) => Some(refusal),
        };
        if let Some(refusal) = refusal {
            return Err(
                line_error(&format!("{}:{number}", path.display()), &refusal)
                    .with_hint("nothing was published"),
            );
        }
        records += 1;
    }
}

/// `PLACE: why`, with the way to take a dump that restores when the line is not exact.
fn line_error(place: &str, refusal: &Refusal) -> CommandError {
    let error = CommandError::failed(format!("{place}: {refusal}"));
    match refusal {
        Refusal::NotExact(_) => error.with_hint(DUMP_HINT),
        Refusal::Malformed(_) => error,
    }
}

/// How a send loop ended.
#[derive(Default)]
struct Sent {
    /// Records read but never handed to the producer (Ctrl-C).
    unsent: u64,
    /// Why it stopped early: a line of stdin that cannot be restored.
    stopped: Option<CommandError>,
}

struct Sender<'a> {
    producer: &'a Producer,
    target: &'a Target,
    progress: &'a Progress,
}

impl Sender<'_> {
    /// Sends every record of the dump in order. A file was validated already; from stdin
    /// the first line that cannot be restored stops the sending, after what came before.
    fn lines<R: std::io::Read>(
        &self,
        mut reader: BufReader<R>,
        path: Option<&Path>,
    ) -> Result<Sent, CommandError> {
        let mut sent = Sent::default();
        let mut line = String::new();
        let (mut number, mut queued) = (0u64, 0u64);
        let place = |n: u64| match path {
            Some(p) => format!("{}:{n}", p.display()),
            None => format!("line {n} of stdin"),
        };
        while !interrupt::requested() {
            line.clear();
            let read = reader
                .read_line(&mut line)
                .with_context(|| format!("cannot read {}", place(number + 1)))?;
            if read == 0 {
                break;
            }
            number += 1;
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            let record = match parse_line(text) {
                Ok(record) => match self.target.refuse(&record) {
                    None => record,
                    Some(why) => {
                        sent.stopped =
                            Some(self.stop(&place(number), &Refusal::Malformed(why), queued));
                        break;
                    }
                },
                Err(refusal) => {
                    sent.stopped = Some(self.stop(&place(number), &refusal, queued));
                    break;
                }
            };
            let event = record.to_send(self.target.keep_partition);
            if self.producer.send_forward(&self.target.topic, &event)? == Queued::Interrupted {
                sent.unsent += 1;
                break;
            }
            queued += 1;
            self.progress.inc(1);
            // Delivery reports are served as the queue fills, and every so many records.
            if queued % 512 == 0 {
                self.producer.poll();
            }
        }
        Ok(sent)
    }

    /// The line that stopped a restore from stdin is the error's headline, as publish's.
    fn stop(&self, place: &str, refusal: &Refusal, queued: u64) -> CommandError {
        let stopped = refusal
            .clone()
            .map(|m| format!("{m}; stopped there, after sending {queued} record(s)"));
        line_error(place, &stopped)
    }
}

fn read<T>(result: std::io::Result<T>, path: &Path) -> Result<T, CommandError> {
    result
        .with_context(|| format!("cannot read {}", path.display()))
        .hint("check the path given to --records")
}
