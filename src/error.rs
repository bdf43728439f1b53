//! How a run ends: an [`Outcome`], or a [`CommandError`] whose kind decides the exit code.
//!
//! "The command ran and found a problem" (drift, unhealthy, lag over a threshold) and
//! "interrupted" are outcomes, not errors. Errors come from the library's typed errors
//! (`KafkaError`, `RegistryError`, `ConfigError`, `SettingsError`, I/O) through `From`, so
//! `?` keeps their causes and advice; commands add context and hints on the way out.

use std::fmt;

/// What a command that did not fail reports back to `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything is as it should be.
    Clean,
    /// The command ran and found a problem (exit 3).
    Problems,
    /// Ctrl-C (exit 130) or SIGTERM (exit 143) after a clean shutdown.
    Interrupted,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Problems => 3,
            Outcome::Interrupted => crate::interrupt::exit_code(),
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

/// What kind of failure an error is; the kind alone decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Arguments that cannot work together, found after parsing (exit 2, like clap's own).
    Usage,
    /// Bad input, a refusal, or a cluster or registry that failed (exit 1).
    Failed,
    /// stdout was closed under us (`kop tail | head`): a quiet, clean end (exit 0).
    BrokenPipe,
    /// A bug in kop (exit 1, with a request to report it).
    Internal,
    /// Ctrl-C before anything was done, e.g. at a confirmation (exit 130).
    Interrupted,
}

/// An error on its way to the user: a message, what caused it, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandError {
    kind: ErrorKind,
    message: String,
    causes: Vec<String>,
    hints: Vec<String>,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> CommandError {
        CommandError {
            kind,
            message: message.into(),
            causes: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// A failure (exit 1).
    pub fn failed(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorKind::Failed, message)
    }

    /// Stopped by Ctrl-C (exit 130).
    pub fn interrupted(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorKind::Interrupted, message)
    }

    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorKind::Usage, message)
    }

    /// A bug: something kop itself got wrong.
    pub fn internal(message: impl Into<String>) -> CommandError {
        CommandError::new(ErrorKind::Internal, message)
            .with_hint("this is a bug in kop; please report it with the command you ran")
    }

    /// From any error, keeping its chain of causes.
    pub fn from_error(kind: ErrorKind, err: &(dyn std::error::Error + 'static)) -> CommandError {
        let mut error = CommandError::new(kind, err.to_string());
        let mut source = err.source();
        while let Some(cause) = source {
            error.push_cause(cause.to_string());
            source = cause.source();
        }
        error
    }

    /// Puts `message` in front; what was the message becomes the first cause.
    pub fn context(mut self, message: impl Into<String>) -> CommandError {
        let previous = std::mem::replace(&mut self.message, message.into());
        let rest = std::mem::take(&mut self.causes);
        for cause in std::iter::once(previous).chain(rest) {
            self.push_cause(cause);
        }
        self
    }

    /// Adds advice, shown after the causes.
    pub fn with_hint(mut self, hint: impl Into<String>) -> CommandError {
        let hint = hint.into();
        if !self.hints.contains(&hint) {
            self.hints.push(hint);
        }
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn causes(&self) -> &[String] {
        &self.causes
    }

    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    pub fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::Usage => 2,
            ErrorKind::Failed | ErrorKind::Internal => 1,
            ErrorKind::BrokenPipe => 0,
            ErrorKind::Interrupted => 130,
        }
    }

    /// Messages often repeat their cause inside their own text ("x failed: refused" caused
    /// by "refused"); such a cause is said once.
    fn push_cause(&mut self, cause: String) {
        let said = std::iter::once(&self.message)
            .chain(self.causes.iter())
            .any(|earlier| earlier.contains(&cause));
        if !said && !cause.is_empty() {
            self.causes.push(cause);
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        for cause in &self.causes {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl From<std::io::Error> for CommandError {
    fn from(err: std::io::Error) -> CommandError {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return CommandError::new(ErrorKind::BrokenPipe, "stdout was closed");
        }
        CommandError::from_error(ErrorKind::Failed, &err)
    }
}

/// Context and advice on any result whose error becomes a [`CommandError`].
pub trait ResultExt<T> {
    fn with_context(self, message: impl FnOnce() -> String) -> Result<T, CommandError>;
    fn hint(self, hint: impl Into<String>) -> Result<T, CommandError>;
}

impl<T, E: Into<CommandError>> ResultExt<T> for Result<T, E> {
    fn with_context(self, message: impl FnOnce() -> String) -> Result<T, CommandError> {
        self.map_err(|e| e.into().context(message()))
    }

    fn hint(self, hint: impl Into<String>) -> Result<T, CommandError> {
        self.map_err(|e| e.into().with_hint(hint))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_documented_table() {
        assert_eq!(Outcome::Clean.exit_code(), 0);
        assert_eq!(Outcome::Problems.exit_code(), 3);
        assert_eq!(Outcome::Interrupted.exit_code(), 130);
        assert_eq!(CommandError::failed("boom").exit_code(), 1);
        assert_eq!(CommandError::usage("bad").exit_code(), 2);
        assert_eq!(CommandError::internal("oops").exit_code(), 1);
        let pipe: CommandError = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(pipe.kind(), ErrorKind::BrokenPipe);
        assert_eq!(pipe.exit_code(), 0);
    }

    #[test]
    fn context_keeps_causes_and_hints_survive_question_marks() {
        fn inner() -> Result<(), CommandError> {
            Err(CommandError::failed("connection refused").with_hint("is the broker running?"))
        }
        fn outer() -> Result<(), CommandError> {
            inner().with_context(|| "could not reach 127.0.0.1:1".to_string())?;
            Ok(())
        }
        let err = outer().unwrap_err().context("health check failed");
        assert_eq!(err.message(), "health check failed");
        assert_eq!(
            err.causes(),
            ["could not reach 127.0.0.1:1", "connection refused"]
        );
        assert_eq!(err.hints(), ["is the broker running?"]);
        assert_eq!(err.kind(), ErrorKind::Failed);
    }

    #[test]
    fn a_cause_repeated_in_its_parent_is_said_once() {
        let err = CommandError::failed("refused").context("connecting failed: refused");
        assert!(err.causes().is_empty(), "{:?}", err.causes());
    }

    #[test]
    fn usage_errors_stay_usage_errors_under_context() {
        let err = CommandError::usage("--grep: bad regex").context("kop tail");
        assert_eq!(err.exit_code(), 2);
    }
}
