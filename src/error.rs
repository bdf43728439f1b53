//! How a run ends, and how that maps to an exit code.
//!
//! "The command ran and found a problem" (drift, unhealthy, lag over threshold) is an
//! [`Outcome`], not an error. Errors are `anyhow` chains built at the command edge from the
//! library's typed errors; a [`Hint`] anywhere in the chain is shown as advice, and a
//! [`UsageError`] makes the exit code 2 like clap's own usage errors.

use std::fmt;

/// What a command that did not fail reports back to `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is as it should be.
    Clean,
    /// The command ran and found a problem (exit 3).
    Problems,
    /// Ctrl-C after a clean shutdown (exit 130).
    Interrupted,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Problems => 3,
            Outcome::Interrupted => 130,
        }
    }

    /// `Problems` when the condition holds, else `Clean`.
    pub fn problems_if(found: bool) -> Outcome {
        if found {
            Outcome::Problems
        } else {
            Outcome::Clean
        }
    }
}

/// Exit code for any error.
pub fn error_exit_code(err: &anyhow::Error) -> u8 {
    if err.chain().any(|e| e.is::<UsageError>()) {
        2
    } else {
        1
    }
}

/// An argument combination clap cannot express (for example `-o prometheus` on a command
/// that has no such view). Exits 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Advice attached to an error: what the user can do about it. Added with
/// `.context(Hint::new(...))`, rendered after the cause lines.
#[derive(Debug)]
pub struct Hint(pub String);

impl Hint {
    pub fn new(text: impl Into<String>) -> Self {
        Hint(text.into())
    }
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Hint {}

/// An error split into what the output layer prints: the message, the causes and the hints.
#[derive(Debug, PartialEq, Eq)]
pub struct ErrorReport {
    pub message: String,
    pub causes: Vec<String>,
    pub hints: Vec<String>,
}

impl ErrorReport {
    pub fn from_error(err: &anyhow::Error) -> ErrorReport {
        // anyhow finds a context value anywhere in the chain by type, but the chain itself
        // yields only text; the hint is recognised there by its text.
        let hints: Vec<String> = err
            .downcast_ref::<Hint>()
            .map(|h| h.0.clone())
            .into_iter()
            .collect();
        let mut lines: Vec<String> = Vec::new();
        for cause in err.chain() {
            let text = cause.to_string();
            if hints.contains(&text) {
                continue;
            }
            // librdkafka and anyhow repeat a cause inside its parent's text; say it once.
            if lines.last().is_some_and(|prev| prev.contains(&text)) {
                continue;
            }
            lines.push(text);
        }
        let message = if lines.is_empty() {
            String::from("failed")
        } else {
            lines.remove(0)
        };
        ErrorReport {
            message,
            causes: lines,
            hints,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn exit_codes_follow_the_documented_table() {
        assert_eq!(Outcome::Clean.exit_code(), 0);
        assert_eq!(Outcome::Problems.exit_code(), 3);
        assert_eq!(Outcome::Interrupted.exit_code(), 130);
        assert_eq!(error_exit_code(&anyhow::anyhow!("boom")), 1);
        let usage = anyhow::Error::new(UsageError("bad".into())).context("while parsing");
        assert_eq!(error_exit_code(&usage), 2);
    }

    #[test]
    fn report_separates_hints_and_causes() {
        let err = Err::<(), _>(std::io::Error::other("connection refused"))
            .context("could not reach 127.0.0.1:1")
            .context(Hint::new("is the broker running?"))
            .context("health check failed")
            .unwrap_err();
        let report = ErrorReport::from_error(&err);
        assert_eq!(report.message, "health check failed");
        assert_eq!(
            report.causes,
            vec!["could not reach 127.0.0.1:1", "connection refused"]
        );
        assert_eq!(report.hints, vec!["is the broker running?"]);
    }
}
