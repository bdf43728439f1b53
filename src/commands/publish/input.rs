//! Where events come from: `--value`, a file (validated whole before sending), or stdin
//! (sent as read, stopping at the first bad line).
//!
//! Both passes use the machine's cores: a file is validated in parallel chunks, and while
//! the producer sends one batch of events an encoder thread prepares the next.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::with_path;
use crate::core::publish::{Encoding, Template};
use crate::core::record::NewRecord;
use crate::error::CommandError;
use crate::interrupt;
use crate::kafka::{Producer, Queued};
use crate::output::Progress;
use crate::settings::PublishInput;

/// How a send loop ended.
#[derive(Debug, Default)]
pub(super) struct Sent {
    /// Events handed to the producer.
    pub queued: u64,
    /// Events read but never handed over (Ctrl-C).
    pub unsent: u64,
    /// Why it stopped early (a bad line from stdin).
    pub stopped: Option<String>,
}

pub(super) fn send_all(
    input: &PublishInput,
    template: &Arc<Template>,
    producer: &Producer,
    topic: &str,
    progress: &Progress,
) -> Result<Sent, CommandError> {
    let send = Sender {
        template: template.clone(),
        producer,
        topic,
        progress,
    };
    match input {
        PublishInput::Value(_) | PublishInput::ValueFile(_) | PublishInput::Tombstone => {
            let event = single(input, template)?;
            Ok(match producer.send(topic, &event)? {
                Queued::Yes => Sent {
                    queued: 1,
                    ..Sent::default()
                },
                Queued::Interrupted => Sent {
                    unsent: 1,
                    ..Sent::default()
                },
            })
        }
        PublishInput::File(path) => {
            let file = with_path(File::open(path), path, "--file")?;
            send.lines(BufReader::with_capacity(1 << 18, file), false)
        }
        PublishInput::Stdin => send.lines(BufReader::new(std::io::stdin()), true),
    }
}

/// The one event of `--value`, `--value-file` or `--tombstone`, checked: called before
/// anything connects, so a value that is not JSON is said first.
pub(super) fn single(input: &PublishInput, template: &Template) -> Result<NewRecord, CommandError> {
    let (flag, result) = match input {
        PublishInput::Value(text) => ("--value", template.event(text)),
        PublishInput::Tombstone => ("--tombstone", template.tombstone()),
        PublishInput::ValueFile(path) => {
            let bytes = with_path(std::fs::read(path), path, "--value-file")?;
            let result = match (&template.value, String::from_utf8(bytes)) {
                (Encoding::Raw, Ok(text)) => template.raw_event(text.into_bytes()),
                (Encoding::Raw, Err(e)) => template.raw_event(e.into_bytes()),
                (_, Ok(text)) => template.event(text.trim_end_matches(['\n', '\r'])),
                (_, Err(_)) => Err("not UTF-8 text (use --format raw for binary)".into()),
            };
            ("--value-file", result)
        }
        PublishInput::File(_) | PublishInput::Stdin => {
            return Err(CommandError::internal("one event asked of a stream"))
        }
    };
    result.map_err(|e| match e.strip_prefix("not JSON: ") {
        Some(why) => CommandError::failed(why)
            .context(format!("{flag} is not JSON"))
            .with_hint("to send it as it is, add --format raw"),
        None => CommandError::failed(format!("{flag}: {e}")),
    })
}

/// Whether the file's first line is a record of `kop tail` (a dump given to --file).
pub(super) fn first_line_is_a_dumped_record(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut first = String::new();
    let read = BufReader::new(file).take(1 << 20).read_line(&mut first);
    read.is_ok() && crate::core::restore::looks_like_a_dumped_record(first.trim())
}

/// Below this size a file is validated on one thread.
const PARALLEL_FROM_BYTES: u64 = 4 << 20;

/// Checks every line of the file; returns how many events it holds. The first bad line
/// (the lowest line number) is the error.
pub(super) fn validate_file(path: &Path, template: &Template) -> Result<u64, CommandError> {
    let len = with_path(std::fs::metadata(path), path, "--file")?.len();
    let threads = if len < PARALLEL_FROM_BYTES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    };
    let bounds = chunk_bounds(path, len, threads)?;
    let results: Vec<Result<Chunk, CommandError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                scope.spawn(move || check_chunk(path, template, start, end))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(CommandError::internal("a validation thread stopped")))
            })
            .collect()
    });
    let mut line_base = 0;
    let mut events = 0;
    for chunk in results {
        let chunk = chunk?;
        if let Some((index, e)) = chunk.first_error {
            return Err(CommandError::failed(format!(
                "{}:{}: {e}",
                path.display(),
                line_base + index + 1
            ))
            .with_hint("nothing was published: fix the line and run again"));
        }
        line_base += chunk.lines;
        events += chunk.events;
    }
    Ok(events)
}

struct Chunk {
    lines: u64,
    events: u64,
    /// Index within the chunk and the problem.
    first_error: Option<(u64, String)>,
}

/// Byte offsets that split the file at line starts into about `n` equal chunks.
fn chunk_bounds(path: &Path, len: u64, n: usize) -> Result<Vec<u64>, CommandError> {
    let mut bounds = vec![0];
    let mut file = with_path(File::open(path), path, "--file")?;
    for i in 1..n {
        let guess = len * i as u64 / n as u64;
        with_path(file.seek(SeekFrom::Start(guess)), path, "--file")?;
        let mut rest = Vec::new();
        let mut reader = BufReader::new(&file);
        let skipped = with_path(reader.read_until(b'\n', &mut rest), path, "--file")? as u64;
        let bound = (guess + skipped).min(len);
        if bound > *bounds.last().unwrap_or(&0) {
            bounds.push(bound);
        }
    }
    if *bounds.last().unwrap_or(&0) < len || bounds.len() == 1 {
        bounds.push(len);
    }
    Ok(bounds)
}

fn check_chunk(
    path: &Path,
    template: &Template,
    start: u64,
    end: u64,
) -> Result<Chunk, CommandError> {
    let mut file = with_path(File::open(path), path, "--file")?;
    with_path(file.seek(SeekFrom::Start(start)), path, "--file")?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::new();
    let (mut position, mut lines, mut events) = (start, 0, 0);
    while position < end {
        line.clear();
        let read = with_path(reader.read_until(b'\n', &mut line), path, "--file")?;
        if read == 0 {
            break;
        }
        let first = position == 0;
        position += read as u64;
        let checked = std::str::from_utf8(&line)
            .map_err(|_| "not UTF-8 text".to_string())
            .map(|text| text_of_line(text, first, template))
            .and_then(|text| match text.trim().is_empty() {
                true => Ok(false),
                false => template.check(text).map(|()| true),
            });
        match checked {
            Ok(true) => events += 1,
            Ok(false) => {}
            Err(e) => {
                return Ok(Chunk {
                    lines,
                    events,
                    first_error: Some((lines, e)),
                });
            }
        }
        lines += 1;
    }
    Ok(Chunk {
        lines,
        events,
        first_error: None,
    })
}

/// A line as an event's text: without its line end, and for the first line of JSON input
/// without a byte-order mark (editors on Windows write one; JSON readers may ignore it, and
/// it is never part of an event). Raw lines are bytes as they are.
fn text_of_line<'l>(line: &'l str, first: bool, template: &Template) -> &'l str {
    let text = line.trim_end_matches(['\n', '\r']);
    match first && !matches!(template.value, Encoding::Raw) {
        true => text.strip_prefix('\u{feff}').unwrap_or(text),
        false => text,
    }
}

const BATCH: usize = 1_000;

/// A batch of prepared events, or the line that stopped the encoder.
enum Prepared {
    Events(Vec<NewRecord>),
    Stop(String),
}

struct Sender<'a> {
    template: Arc<Template>,
    producer: &'a Producer,
    topic: &'a str,
    progress: &'a Progress,
}

impl Sender<'_> {
    /// Encodes on a thread of its own and sends on this one. The encoder is not joined:
    /// on Ctrl-C it may be blocked reading a stdin that never ends, and the process exits
    /// without it.
    /// `streaming`: the input may pause (stdin), so whatever is read goes out at once.
    fn lines<R: Read + Send + 'static>(
        &self,
        reader: BufReader<R>,
        streaming: bool,
    ) -> Result<Sent, CommandError> {
        let (tx, rx) = mpsc::sync_channel::<Result<Prepared, CommandError>>(4);
        let template = self.template.clone();
        std::thread::spawn(move || encode(reader, streaming, &template, &tx));
        let mut sent = Sent::default();
        while !interrupt::requested() {
            let prepared = match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(prepared) => prepared?,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.producer.poll();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(sent),
            };
            match prepared {
                Prepared::Events(events) => {
                    for (i, event) in events.iter().enumerate() {
                        if self.producer.send(self.topic, event)? == Queued::Interrupted {
                            sent.unsent += (events.len() - i) as u64;
                            break;
                        }
                        sent.queued += 1;
                        self.progress.inc(1);
                    }
                    self.producer.poll();
                }
                Prepared::Stop(why) => {
                    sent.stopped = Some(format!(
                        "{why}; stopped there, after sending {} event(s)",
                        sent.queued
                    ));
                    return Ok(sent);
                }
            }
        }
        // Ctrl-C: what the encoder had ready was read but never sent.
        while let Ok(Ok(Prepared::Events(events))) = rx.try_recv() {
            sent.unsent += events.len() as u64;
        }
        Ok(sent)
    }
}

/// Reads and encodes lines in batches. When streaming, a batch also goes out whenever the
/// input has nothing more buffered, so events piped in slowly are sent as they come.
fn encode<R: Read>(
    mut reader: BufReader<R>,
    streaming: bool,
    template: &Template,
    tx: &mpsc::SyncSender<Result<Prepared, CommandError>>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut line = Vec::new();
    let mut index = 0usize;
    // What was read before a bad line still goes out, then the reading stops.
    let stop = |batch: &mut Vec<NewRecord>, why: String| {
        let _ = tx.send(Ok(Prepared::Events(std::mem::take(batch))));
        let _ = tx.send(Ok(Prepared::Stop(why)));
    };
    loop {
        if interrupt::requested() {
            return;
        }
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return stop(&mut batch, format!("cannot read line {}: {e}", index + 1)),
        }
        index += 1;
        let Ok(text) = std::str::from_utf8(&line) else {
            return stop(&mut batch, format!("line {index}: not UTF-8 text"));
        };
        let text = text_of_line(text, index == 1, template);
        if !text.trim().is_empty() {
            match template.event(text) {
                Ok(event) => batch.push(event),
                Err(e) => return stop(&mut batch, format!("line {index}: {e}")),
            }
        }
        let stalled = streaming && reader.buffer().is_empty() && !batch.is_empty();
        if (batch.len() == BATCH || stalled)
            && tx
                .send(Ok(Prepared::Events(std::mem::take(&mut batch))))
                .is_err()
        {
            return;
        }
    }
    let _ = tx.send(Ok(Prepared::Events(batch)));
}
