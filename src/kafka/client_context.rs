//! The librdkafka client context: where its log lines and global errors go.
//!
//! librdkafka reports a connection failure only through these callbacks; the request
//! itself just times out. Keeping the last errors lets kop say *why* a broker could not be
//! reached ("Connection refused", "certificate verify failed") instead of "timed out".

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::KafkaError as RdError;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::ClientContext;

use super::error::{describe, is_timeout, is_transport, KafkaError};
use super::native::{MainEvent, NativeError};
use crate::output::{LogLevel, LogSink};

/// How many recent errors are kept for the final message.
const KEPT_ERRORS: usize = 16;

/// Where a client's logs go, what it was asked to reach, and the causes it met.
#[derive(Clone)]
pub(super) struct KopContext {
    sink: LogSink,
    errors: Arc<Mutex<Vec<String>>>,
    bootstrap: String,
    timeout: Duration,
}

impl KopContext {
    pub fn new(sink: LogSink, bootstrap: &str, timeout: Duration) -> Self {
        KopContext {
            sink,
            errors: Arc::default(),
            bootstrap: bootstrap.to_string(),
            timeout,
        }
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Where this client's logs go, for another client of the same command.
    pub fn sink(&self) -> LogSink {
        self.sink.clone()
    }

    /// The most telling recent error: a specific cause rather than librdkafka's
    /// "all brokers are down" summary, which follows every specific one.
    pub fn last_cause(&self) -> Option<String> {
        let errors = self.errors.lock().ok()?;
        errors
            .iter()
            .rev()
            .find(|e| !is_summary(e))
            .or_else(|| errors.last())
            .cloned()
    }

    /// Feeds events taken from a client's main queue (see `native::drain_main_queue`).
    pub fn take_events(&self, events: Vec<MainEvent>) {
        for event in events {
            match event {
                MainEvent::Log {
                    level,
                    facility,
                    message,
                } => self.log(syslog_level(level), &facility, &message),
                MainEvent::Error { reason } => {
                    self.sink.log(LogLevel::Error, "ERROR", &reason);
                    self.remember(clean(&reason));
                }
            }
        }
    }

    /// kop's error for an rdkafka error met while doing `what`.
    pub fn failure(&self, err: &RdError, what: &str) -> KafkaError {
        match err.rdkafka_error_code() {
            Some(code) => self.code_failure(code, describe(err), what),
            None => KafkaError::request(what, describe(err)),
        }
    }

    /// kop's error for a failed librdkafka call made directly.
    pub fn native_failure(&self, err: NativeError, what: &str) -> KafkaError {
        self.code_failure(err.code, err.message, what)
    }

    /// A transport failure names the cause librdkafka reported on the side ("Connection
    /// refused"); a silent cluster is a timeout; anything else is typed by its code.
    fn code_failure(&self, code: RDKafkaErrorCode, message: String, what: &str) -> KafkaError {
        if !is_transport(code) {
            return KafkaError::from_code(code, what);
        }
        match self.last_cause() {
            Some(cause) => KafkaError::Unreachable {
                bootstrap: self.bootstrap.clone(),
                timeout: self.timeout,
                cause,
            },
            None if is_timeout(code) => KafkaError::Timeout {
                what: what.to_string(),
                after: self.timeout,
            },
            None => KafkaError::Unreachable {
                bootstrap: self.bootstrap.clone(),
                timeout: self.timeout,
                cause: message,
            },
        }
    }

    fn remember(&self, text: String) {
        if let Ok(mut errors) = self.errors.lock() {
            if errors.len() == KEPT_ERRORS {
                errors.remove(0);
            }
            errors.push(text);
        }
    }
}

fn syslog_level(level: i32) -> RDKafkaLogLevel {
    match level {
        0 => RDKafkaLogLevel::Emerg,
        1 => RDKafkaLogLevel::Alert,
        2 => RDKafkaLogLevel::Critical,
        3 => RDKafkaLogLevel::Error,
        4 => RDKafkaLogLevel::Warning,
        5 => RDKafkaLogLevel::Notice,
        6 => RDKafkaLogLevel::Info,
        _ => RDKafkaLogLevel::Debug,
    }
}

fn is_summary(error: &str) -> bool {
    error.contains("brokers are down") || error.contains("Local: All broker connections are down")
}

impl ClientContext for KopContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        let level = match level {
            RDKafkaLogLevel::Emerg
            | RDKafkaLogLevel::Alert
            | RDKafkaLogLevel::Critical
            | RDKafkaLogLevel::Error => LogLevel::Error,
            RDKafkaLogLevel::Warning => LogLevel::Warning,
            RDKafkaLogLevel::Notice | RDKafkaLogLevel::Info => LogLevel::Info,
            RDKafkaLogLevel::Debug => LogLevel::Debug,
        };
        if level <= LogLevel::Warning {
            self.remember(clean(log_message));
        }
        self.sink.log(level, fac, log_message);
    }

    fn error(&self, error: RdError, reason: &str) {
        let text = if reason.is_empty() {
            error.to_string()
        } else {
            clean(reason)
        };
        self.sink.log(LogLevel::Error, "ERROR", &text);
        self.remember(text);
    }
}

/// librdkafka prefixes causes with the broker's name ("127.0.0.1:1/bootstrap: ") and
/// suffixes a state ("(after 0ms in state CONNECT)"); kop names the broker itself.
fn clean(message: &str) -> String {
    let message = message.trim();
    let without_prefix = match message.split_once(": ") {
        Some((head, rest)) if head.contains('/') && !head.contains(' ') => rest,
        _ => message,
    };
    let without_state = match without_prefix.rfind(" (after ") {
        Some(i) if without_prefix.ends_with(')') => &without_prefix[..i],
        _ => without_prefix,
    };
    without_state.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_cleaned_of_broker_prefix_and_state() {
        assert_eq!(
            clean("127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused (after 0ms in state CONNECT)"),
            "Connect to ipv4#127.0.0.1:1 failed: Connection refused"
        );
        assert_eq!(clean("plain message"), "plain message");
    }
}
