//! librdkafka's log lines, from its own threads, into kop's stderr.
//!
//! Without `-v` nothing is shown: librdkafka's connection errors are noise to a user, who
//! gets one clear error from kop instead. With `-v` warnings and errors are shown; with
//! `-vv` its debug lines too. Every line is redacted.

use std::io::Write;

use super::{style, SharedWriter, Verbosity};
use crate::secret::Redactor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Error,
    Warning,
    Info,
    Debug,
}

#[derive(Clone)]
pub struct LogSink {
    stderr: SharedWriter,
    redactor: Redactor,
    verbosity: Verbosity,
    color: bool,
}

impl LogSink {
    pub(super) fn new(
        stderr: SharedWriter,
        redactor: Redactor,
        verbosity: Verbosity,
        color: bool,
    ) -> Self {
        LogSink {
            stderr,
            redactor,
            verbosity,
            color,
        }
    }

    /// Whether a line at this level would be shown.
    pub fn wants(&self, level: LogLevel) -> bool {
        match self.verbosity {
            Verbosity::Quiet | Verbosity::Normal => false,
            Verbosity::Verbose => level <= LogLevel::Warning,
            Verbosity::Debug => true,
        }
    }

    /// A warning of kop's own from the Kafka edge (shown unless `-q`), worded as
    /// [`super::Output::warn`] words them.
    pub fn warn(&self, message: &str) {
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        let label = style::paint(self.color, style::Tone::Warn, "warning:");
        let line = format!("{label} {message}");
        let text = self.redactor.redact(&line);
        if let Ok(mut stderr) = self.stderr.lock() {
            let _ = writeln!(stderr, "{text}");
        }
    }

    pub fn log(&self, level: LogLevel, facility: &str, message: &str) {
        if !self.wants(level) {
            return;
        }
        let label = style::paint(
            self.color,
            style::Tone::Dim,
            &format!("librdkafka {facility}:"),
        );
        let line = format!("{label} {message}");
        let text = self.redactor.redact(&line);
        if let Ok(mut stderr) = self.stderr.lock() {
            let _ = writeln!(stderr, "{text}");
        }
    }

    pub fn verbosity(&self) -> Verbosity {
        self.verbosity
    }
}
