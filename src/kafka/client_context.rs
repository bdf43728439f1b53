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
    /// Recent specific errors, as librdkafka worded them (broker name first).
    errors: Arc<Mutex<Vec<String>>>,
    /// The latest "N/M brokers are down" summary: kept apart, since every failed request
    /// repeats it and would push the specific causes out.
    summary: Arc<Mutex<Option<String>>>,
    bootstrap: String,
    timeout: Duration,
}

impl KopContext {
    pub fn new(sink: LogSink, bootstrap: &str, timeout: Duration) -> Self {
        KopContext {
            sink,
            errors: Arc::default(),
            summary: Arc::default(),
            bootstrap: bootstrap.to_string(),
            timeout,
        }
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    pub fn warn(&self, message: &str) {
        self.sink.warn(message);
    }

    /// Where this client's logs go, for another client of the same command.
    pub fn sink(&self) -> LogSink {
        self.sink.clone()
    }

    /// The most telling recent error: a specific cause rather than librdkafka's
    /// "0/1 brokers are down" summary, which follows every specific one.
    pub fn last_cause(&self) -> Option<String> {
        let specific = self.errors.lock().ok()?.last().map(|e| clean(e));
        specific.or_else(|| self.summary.lock().ok()?.clone())
    }

    /// When every bootstrap address has refused the connection or failed to resolve,
    /// waiting longer cannot help: each address with its cause.
    pub fn final_failure(&self) -> Option<String> {
        let errors = self.errors.lock().ok()?;
        let addresses = bootstrap_addresses(&self.bootstrap);
        let mut causes = Vec::new();
        for address in &addresses {
            let prefix = format!("{address}/");
            let failure = errors
                .iter()
                .rev()
                .find(|e| without_scheme(e).starts_with(&prefix) && is_final(e))?;
            causes.push(match addresses.len() {
                1 => clean(failure),
                _ => format!("{address}: {}", clean(failure)),
            });
        }
        (!causes.is_empty()).then(|| causes.join("; "))
    }

    /// The error for a cluster that cannot be reached, said the same way by every client.
    pub fn unreachable(&self, waited: Option<Duration>, cause: String) -> KafkaError {
        KafkaError::Unreachable {
            bootstrap: self.bootstrap.clone(),
            waited,
            cause,
        }
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
                    self.remember(reason);
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
        if let Some(cause) = self.final_failure() {
            return self.unreachable(None, cause);
        }
        match self.last_cause() {
            Some(cause) => self.unreachable(Some(self.timeout), cause),
            None if is_timeout(code) => KafkaError::Timeout {
                what: what.to_string(),
                after: self.timeout,
            },
            None => self.unreachable(Some(self.timeout), message),
        }
    }

    fn remember(&self, text: String) {
        if is_summary(&text) {
            if let Ok(mut summary) = self.summary.lock() {
                *summary = Some(text);
            }
            return;
        }
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

/// The bootstrap list as librdkafka names its brokers in logs (`host:port`).
fn bootstrap_addresses(bootstrap: &str) -> Vec<String> {
    bootstrap
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| a.split_once("://").map_or(a, |(_, rest)| rest).to_string())
        .collect()
}

/// A failure no retry within the timeout will change.
fn is_final(error: &str) -> bool {
    [
        "Connection refused",
        "Failed to resolve",
        "SSL handshake failed",
        "Authentication failed",
    ]
    .iter()
    .any(|f| error.contains(f))
}

/// `ssl://host:port/bootstrap: ...` → `host:port/bootstrap: ...`.
fn without_scheme(error: &str) -> &str {
    match error.split_once("://") {
        Some((scheme, rest)) if !scheme.contains(' ') => rest,
        _ => error,
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
            self.remember(log_message.trim().to_string());
        }
        self.sink.log(level, fac, log_message);
    }

    fn error(&self, error: RdError, reason: &str) {
        // Reaching the end of a partition is news a reader asked for, not an error.
        if matches!(error, RdError::PartitionEOF(_))
            || error.rdkafka_error_code() == Some(rdkafka::types::RDKafkaErrorCode::PartitionEOF)
        {
            return;
        }
        let text = if reason.is_empty() {
            error.to_string()
        } else {
            reason.trim().to_string()
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

    #[test]
    fn the_failure_is_final_when_every_bootstrap_address_refuses_or_does_not_resolve() {
        let (out, _) = crate::output::Output::buffered(crate::output::Format::Table);
        let context = KopContext::new(
            out.log_sink(),
            "127.0.0.1:1,nonexistent.invalid:9092",
            Duration::from_secs(10),
        );
        context.remember("127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused (after 0ms in state CONNECT)".into());
        context.remember("0/2 brokers are down".into());
        assert_eq!(context.final_failure(), None, "one address still unknown");
        context.remember("nonexistent.invalid:9092/bootstrap: Failed to resolve 'nonexistent.invalid:9092': Name or service not known (after 0ms in state CONNECT)".into());
        assert_eq!(
            context.final_failure().as_deref(),
            Some("127.0.0.1:1: Connect to ipv4#127.0.0.1:1 failed: Connection refused; nonexistent.invalid:9092: Failed to resolve 'nonexistent.invalid:9092': Name or service not known")
        );
        assert_eq!(
            context.last_cause().as_deref(),
            Some("Failed to resolve 'nonexistent.invalid:9092': Name or service not known"),
            "a specific cause, never the brokers-down summary"
        );
    }
}
