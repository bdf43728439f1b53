//! The only part of kop that prints.
//!
//! Data goes to stdout, everything else (status, warnings, errors, progress, prompts) to
//! stderr, so that `kop ... -o json | jq` always receives clean data. Every line passes
//! through the [`Redactor`], so a secret cannot leak even from text kop did not write
//! (librdkafka's log lines). Tests build an `Output` over buffers.

mod log_sink;
mod progress;
pub(crate) mod prometheus;
mod prompt;
pub(crate) mod style;
pub(crate) mod table;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod views;

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Mutex};

use serde::Serialize;

pub(crate) use log_sink::{LogLevel, LogSink};
pub(crate) use progress::Progress;
pub(crate) use prompt::Answer;

use crate::error::CommandError;
use crate::secret::Redactor;
use table::Table;

/// How data is rendered on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables and text for people.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Prometheus text exposition format.
    Prometheus,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Prometheus => "prometheus",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
    Debug,
}

type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

/// How much stdout holds before writing, when it is not a terminal.
const STDOUT_BUFFER: usize = 64 * 1024;

/// Where everything kop prints goes, and how it looks there.
pub struct Output {
    /// Buffered when it is not a terminal (a reader writes hundreds of thousands of lines
    /// a second into a pipe); flushed by [`Output::flush`], before anything goes to stderr
    /// (so a log that takes both keeps their order) and when dropped.
    stdout: RefCell<Box<dyn Write + Send>>,
    stderr: SharedWriter,
    pub format: Format,
    pub verbosity: Verbosity,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_stderr: bool,
    /// A person can answer a prompt (stdin and stderr are terminals).
    pub interactive: bool,
    /// Progress bars may be drawn (stderr is a terminal).
    pub progress: bool,
    /// The terminal's width when stdout is one: tables are cut to it.
    pub width: Option<usize>,
    /// stdout is the process's own and not a terminal: a pipe whose reader may leave.
    watch_reader: bool,
    redactor: Redactor,
}

/// Whether stdout is a pipe whose reading end is closed: poll(2) reports POLLERR on the
/// writing end of such a pipe (files and open pipes report nothing of the kind).
fn reader_gone() -> bool {
    let mut stdout = libc::pollfd {
        fd: libc::STDOUT_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: poll(2) is given one pollfd that lives through the call and a zero timeout;
    // it only writes `revents` of that struct.
    let ready = unsafe { libc::poll(&mut stdout, 1, 0) };
    ready > 0 && stdout.revents & (libc::POLLERR | libc::POLLHUP) != 0
}

/// Terminal facts and user choices that decide how output looks.
#[derive(Debug, Clone, Copy)]
pub struct OutputOptions {
    pub format: Format,
    /// The format instead when stdout is not a terminal (and `-o` was not given).
    pub piped: Option<Format>,
    pub verbosity: Verbosity,
    pub no_color: bool,
}

impl Output {
    /// Output to the process's stdout and stderr.
    pub fn stdio(options: OutputOptions) -> Output {
        // NO_COLOR set to anything but the empty string turns colour off (no-color.org).
        let color_allowed = !options.no_color
            && std::env::var_os(crate::env::NO_COLOR).is_none_or(|v| v.is_empty());
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        let width = stdout_tty.then(terminal_width);
        let format = match (stdout_tty, options.piped) {
            (false, Some(piped)) => piped,
            _ => options.format,
        };
        let stdout: Box<dyn Write + Send> = match stdout_tty {
            true => Box::new(io::stdout()),
            false => Box::new(io::BufWriter::with_capacity(STDOUT_BUFFER, io::stdout())),
        };
        Output {
            stdout: RefCell::new(stdout),
            stderr: Arc::new(Mutex::new(Box::new(io::stderr()))),
            format,
            verbosity: options.verbosity,
            color: color_allowed && stdout_tty,
            color_stderr: color_allowed && stderr_tty,
            interactive: stderr_tty && io::stdin().is_terminal(),
            progress: stderr_tty && options.verbosity > Verbosity::Quiet,
            width,
            watch_reader: !stdout_tty,
            redactor: Redactor::default(),
        }
    }

    /// Output into in-memory buffers, for tests: no colour, no terminal.
    #[cfg(test)]
    pub fn buffered(format: Format) -> (Output, Captured) {
        let captured = Captured::default();
        let out = Output {
            stdout: RefCell::new(Box::new(captured.stdout.clone())),
            stderr: Arc::new(Mutex::new(Box::new(captured.stderr.clone()))),
            format,
            verbosity: Verbosity::Normal,
            color: false,
            color_stderr: false,
            interactive: false,
            progress: false,
            width: None,
            watch_reader: false,
            redactor: Redactor::default(),
        };
        (out, captured)
    }

    /// Buffered output as a colour terminal `width` columns wide would show it.
    #[cfg(test)]
    pub fn terminal(format: Format, width: usize) -> (Output, Captured) {
        let (mut out, captured) = Output::buffered(format);
        out.color = true;
        out.color_stderr = true;
        out.width = Some(width);
        (out, captured)
    }

    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// A thread-safe handle for librdkafka's log lines.
    pub fn log_sink(&self) -> LogSink {
        LogSink::new(
            self.stderr.clone(),
            self.redactor.clone(),
            self.verbosity,
            self.color_stderr,
        )
    }

    /// Data for stdout, as given (plus a newline). On a terminal, JSON has its
    /// bidirectional controls escaped (other views escape them as they render).
    pub fn line(&mut self, text: &str) -> io::Result<()> {
        let mut text = self.redactor.redact(text);
        let json = matches!(self.format, Format::Json | Format::Ndjson);
        if self.width.is_some() && json {
            if let Cow::Owned(escaped) = table::escape_bidi_in_json(&text) {
                text = Cow::Owned(escaped);
            }
        }
        let stdout = self.stdout.get_mut();
        stdout.write_all(text.as_bytes())?;
        stdout.write_all(b"\n")
    }

    /// A line of prose for people: control characters from data escaped, wrapped at
    /// the terminal's width (continuation lines indented like the first).
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        let plain = console::strip_ansi_codes(text);
        let safe = table::escape_controls(&plain);
        match self.width {
            Some(width) if console::measure_text_width(&safe) > width => {
                for line in table::wrap(&safe, width) {
                    self.line(&line)?;
                }
                Ok(())
            }
            // Unchanged text keeps its colour.
            _ if safe == plain => self.line(text),
            _ => self.line(&safe),
        }
    }

    /// A table, lined up, coloured on a colour terminal, cut to its width.
    pub(crate) fn table(&mut self, table: &Table) -> io::Result<()> {
        for line in table.render(self.color, self.width) {
            self.line(&line)?;
        }
        Ok(())
    }

    /// Writes and flushes, for streams that a reader waits on line by line. A pipe whose
    /// reader has gone (`kop tail -f | head -3` once head has its lines) is a broken pipe
    /// here too, so a follower with nothing to write ends at once instead of at its next
    /// record.
    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.get_mut().flush()?;
        if self.watch_reader && reader_gone() {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    }

    /// One JSON document, pretty-printed.
    pub fn json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.line(&text)
    }

    /// One JSON object on one line.
    pub fn ndjson<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string(value).map_err(io::Error::other)?;
        self.line(&text)
    }

    /// Progress and status for people, on stderr; silent with `-q`.
    pub fn status(&self, text: &str) {
        if self.verbosity > Verbosity::Quiet {
            self.to_stderr(text);
        }
    }

    /// A warning on stderr; silent with `-q`, which promises nothing but errors and data.
    pub fn warn(&self, text: &str) {
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        let label = style::paint(self.color_stderr, style::Tone::Warn, "warning:");
        self.to_stderr(&format!("{label} {text}"));
    }

    /// A report for people (a summary, a plan) is left out with `-q`; asked for as JSON it
    /// is data, and printed.
    pub fn wants_report(&self) -> bool {
        self.verbosity > Verbosity::Quiet || self.format != Format::Table
    }

    /// Details for `-v`.
    pub fn debug(&self, text: &str) {
        if self.verbosity >= Verbosity::Verbose {
            let label = style::paint(self.color_stderr, style::Tone::Dim, "debug:");
            self.to_stderr(&format!("{label} {text}"));
        }
    }

    /// A progress bar for `total` items, or nothing when stderr is not a terminal.
    pub(crate) fn progress(&self, total: u64, unit: &str) -> Progress {
        if self.progress {
            Progress::shown(total, unit)
        } else {
            Progress::hidden()
        }
    }

    /// Asks a yes/no question on the terminal and reads the answer, a line (`y` or `yes`
    /// for yes; anything else, an empty line or Ctrl-D for no). Without a terminal the
    /// answer is no (callers decide what that means, usually "refuse unless --yes"). The
    /// terminal stays in its ordinary line mode, so Ctrl-C, Ctrl-D and editing behave as
    /// everywhere else and nothing is left hidden or raw after it.
    pub fn confirm(&self, prompt: &str) -> io::Result<Answer> {
        if !self.interactive {
            return Ok(Answer::No);
        }
        // What the question is about (a plan on a piped stdout) is out before it is asked.
        if let Ok(mut stdout) = self.stdout.try_borrow_mut() {
            stdout.flush()?;
        }
        let question = style::paint(self.color_stderr, style::Tone::Warn, "?");
        if let Ok(mut stderr) = self.stderr.lock() {
            write!(stderr, "{question} {} [y/N] ", self.redactor.redact(prompt))?;
            stderr.flush()?;
        }
        let answer = prompt::read_line()?;
        let answer = match answer {
            prompt::Line::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "y" | "yes" => Answer::Yes,
                _ => Answer::No,
            },
            prompt::Line::End => Answer::No,
            prompt::Line::Interrupted => Answer::Interrupted,
        };
        if answer == Answer::Interrupted {
            // The terminal echoed `^C` without a newline.
            if let Ok(mut stderr) = self.stderr.lock() {
                writeln!(stderr)?;
            }
        }
        Ok(answer)
    }

    /// An error as `error: message`, then its causes and hints.
    pub fn error(&self, err: &CommandError) {
        let label = style::paint(self.color_stderr, style::Tone::Bad, "error:");
        let mut text = format!("{label} {}", err.message());
        for cause in err.causes() {
            text.push_str(&format!("\n  caused by: {cause}"));
        }
        for hint in err.hints() {
            let label = style::paint(self.color_stderr, style::Tone::Hint, "hint:");
            text.push_str(&format!("\n  {label} {hint}"));
        }
        self.to_stderr(&text);
    }

    fn to_stderr(&self, text: &str) {
        // Data written before this line comes before it; a failing stdout (a closed pipe)
        // is for the next data write to report.
        if let Ok(mut stdout) = self.stdout.try_borrow_mut() {
            let _ = stdout.flush();
        }
        let text = self.redactor.redact(text);
        if let Ok(mut stderr) = self.stderr.lock() {
            // Nothing useful can be done when stderr itself is gone.
            let _ = writeln!(stderr, "{text}");
        }
    }
}

/// The width of the terminal stdout is on: `COLUMNS` when set, else what the terminal
/// says, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|c| *c > 0)
        .unwrap_or_else(|| usize::from(console::Term::stdout().size().1))
        .max(20)
}

/// What a buffered [`Output`] wrote.
#[cfg(test)]
#[derive(Clone, Default)]
pub struct Captured {
    stdout: Buffer,
    stderr: Buffer,
}

#[cfg(test)]
impl Captured {
    pub fn stdout(&self) -> String {
        self.stdout.text()
    }

    pub fn stderr(&self) -> String {
        self.stderr.text()
    }
}

#[cfg(test)]
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

#[cfg(test)]
impl Buffer {
    fn text(&self) -> String {
        self.0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("buffer poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn data_to_stdout_and_everything_else_to_stderr() {
        let (mut out, captured) = Output::buffered(Format::Table);
        out.line("data").unwrap();
        out.status("working");
        out.warn("careful");
        out.debug("not shown without -v");
        assert_eq!(captured.stdout(), "data\n");
        assert_eq!(captured.stderr(), "working\nwarning: careful\n");
    }

    #[test]
    fn json_on_a_terminal_cannot_reorder_the_screen_but_piped_json_is_untouched() {
        let record = serde_json::json!({"key": "a\u{202e}b"});
        let (mut out, captured) = Output::terminal(Format::Ndjson, 80);
        out.ndjson(&record).unwrap();
        assert_eq!(captured.stdout(), "{\"key\":\"a\\u202eb\"}\n");
        let (mut out, captured) = Output::buffered(Format::Ndjson);
        out.ndjson(&record).unwrap();
        assert_eq!(captured.stdout(), "{\"key\":\"a\u{202e}b\"}\n");
    }

    #[test]
    fn buffered_data_goes_out_before_anything_on_stderr() {
        let (mut out, captured) = Output::buffered(Format::Table);
        out.stdout = RefCell::new(Box::new(io::BufWriter::with_capacity(
            STDOUT_BUFFER,
            captured.stdout.clone(),
        )));
        out.line("data").unwrap();
        assert_eq!(captured.stdout(), "", "held in the buffer");
        out.warn("careful");
        assert_eq!(captured.stdout(), "data\n");
        out.line("more").unwrap();
        out.flush().unwrap();
        assert_eq!(captured.stdout(), "data\nmore\n");
    }

    #[test]
    fn secrets_are_masked_in_every_stream() {
        let (mut out, captured) = Output::buffered(Format::Table);
        out.verbosity = Verbosity::Debug;
        out.redactor().register(&Secret::new("pa55word"));
        out.line("x=pa55word").unwrap();
        out.warn("pa55word");
        out.log_sink().log(LogLevel::Error, "FAIL", "sasl pa55word");
        assert!(!captured.stdout().contains("pa55word"));
        assert!(
            !captured.stderr().contains("pa55word"),
            "{}",
            captured.stderr()
        );
    }

    #[test]
    fn errors_render_with_causes_and_hints() {
        let (out, captured) = Output::buffered(Format::Table);
        let err = CommandError::failed("Connection refused")
            .context("could not reach 127.0.0.1:1")
            .with_hint("is a broker running there?");
        out.error(&err);
        assert_eq!(
            captured.stderr(),
            "error: could not reach 127.0.0.1:1\n  caused by: Connection refused\n  hint: is a broker running there?\n"
        );
    }
}
