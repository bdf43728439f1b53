//! Where events come from: `--value`, a file (validated whole before sending), or stdin
//! (sent as read, stopping at the first bad line).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::anyhow;

use super::with_path;
use crate::cli::PublishArgs;
use crate::commands::kafka_error;
use crate::error::Hint;
use crate::kafka::Producer;
use crate::output::Progress;
use crate::publish::Template;

pub enum Input {
    Value(String),
    File(PathBuf),
    Stdin,
}

/// How a send loop ended.
pub struct Sent {
    /// Why it stopped early (a bad line from stdin).
    pub stopped: Option<String>,
}

impl Input {
    pub fn from_args(args: &PublishArgs) -> Input {
        match (&args.value, &args.file) {
            (Some(v), _) => Input::Value(v.clone()),
            (None, Some(p)) if p.as_os_str() == "-" => Input::Stdin,
            (None, Some(p)) => Input::File(p.clone()),
            (None, None) => Input::Stdin,
        }
    }

    pub fn send_all(
        &self,
        template: &Template,
        producer: &Producer,
        topic: &str,
        interrupted: &AtomicBool,
        progress: &Progress,
    ) -> anyhow::Result<Sent> {
        match self {
            Input::Value(text) => {
                let event = template.event(text).map_err(|e| anyhow!("--value: {e}"))?;
                producer.send(topic, &event).map_err(kafka_error)?;
                Ok(Sent { stopped: None })
            }
            Input::File(path) => {
                let file = with_path(File::open(path), path)?;
                send_lines(
                    BufReader::new(file),
                    template,
                    producer,
                    topic,
                    interrupted,
                    progress,
                )
            }
            Input::Stdin => {
                let stdin = std::io::stdin();
                send_lines(
                    stdin.lock(),
                    template,
                    producer,
                    topic,
                    interrupted,
                    progress,
                )
            }
        }
    }
}

/// Reads every line of the file and checks it; returns how many events it holds.
pub fn validate_file(path: &Path, template: &Template) -> anyhow::Result<u64> {
    let file = with_path(File::open(path), path)?;
    let mut count = 0;
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = with_path(line, path)?;
        if line.trim().is_empty() {
            continue;
        }
        if let Err(e) = template.check(&line) {
            return Err(
                anyhow!("{}:{}: {e}", path.display(), index + 1).context(Hint::new(
                    "nothing was published: fix the line and run again",
                )),
            );
        }
        count += 1;
    }
    Ok(count)
}

const POLL_EVERY: u64 = 1_000;

fn send_lines(
    reader: impl BufRead,
    template: &Template,
    producer: &Producer,
    topic: &str,
    interrupted: &AtomicBool,
    progress: &Progress,
) -> anyhow::Result<Sent> {
    let mut sent = 0;
    for (index, line) in reader.lines().enumerate() {
        if interrupted.load(Ordering::Relaxed) {
            break;
        }
        let line = line.map_err(|e| anyhow!("cannot read line {}: {e}", index + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let event = match template.event(&line) {
            Ok(event) => event,
            Err(e) => {
                return Ok(Sent {
                    stopped: Some(format!(
                        "line {}: {e}; stopped there, after sending {sent} event(s)",
                        index + 1
                    )),
                })
            }
        };
        producer.send(topic, &event).map_err(kafka_error)?;
        sent += 1;
        if sent % POLL_EVERY == 0 {
            producer.poll();
            progress.inc(POLL_EVERY);
        }
    }
    progress.inc(sent % POLL_EVERY);
    Ok(Sent { stopped: None })
}
