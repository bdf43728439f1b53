//! Errors from talking to Kafka, with the cause in words and advice for the usual ones.

use std::time::Duration;

use rdkafka::error::KafkaError as RdError;
use rdkafka::types::RDKafkaErrorCode;

use crate::config::units::format_duration_ms;

#[derive(Debug, thiserror::Error)]
pub enum KafkaError {
    /// No broker answered within the timeout.
    #[error("could not reach Kafka at {bootstrap} within {}: {cause}", format_duration_ms(.timeout.as_millis() as u64))]
    Unreachable {
        bootstrap: String,
        timeout: Duration,
        cause: String,
    },
    /// librdkafka refused the configuration (a bad `-X` property, an unreadable CA file).
    #[error("invalid Kafka client configuration: {0}")]
    Config(String),
    /// The broker does not offer the API (librdkafka refuses before sending anything).
    #[error("the cluster does not support {api}{}", unsupported_detail(.api))]
    Unsupported { api: &'static str },
    /// A request reached the cluster and failed.
    #[error("{what} failed: {cause}")]
    Request { what: String, cause: String },
}

fn unsupported_detail(api: &str) -> &'static str {
    match api {
        "CreatePartitions" => " (adding partitions to a topic)",
        "IncrementalAlterConfigs" => " (changing topic configs; brokers before Kafka 2.3 lack it)",
        _ => "",
    }
}

impl KafkaError {
    pub fn request(what: impl Into<String>, cause: impl std::fmt::Display) -> Self {
        KafkaError::Request {
            what: what.into(),
            cause: cause.to_string(),
        }
    }

    /// Advice for the causes operators meet most, or `None`.
    pub fn hint(&self) -> Option<&'static str> {
        let text = self.to_string();
        hint_for(&text)
    }
}

/// Errors that mean the cluster could not be reached (or talked to securely), as opposed
/// to a request the cluster answered with an error.
pub fn is_transport(err: &RdError) -> bool {
    matches!(
        err.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::BrokerTransportFailure
                | RDKafkaErrorCode::AllBrokersDown
                | RDKafkaErrorCode::OperationTimedOut
                | RDKafkaErrorCode::RequestTimedOut
                | RDKafkaErrorCode::MessageTimedOut
                | RDKafkaErrorCode::Authentication
                | RDKafkaErrorCode::SSL
        )
    )
}

/// Advice matched on librdkafka's wording of a cause.
pub fn hint_for(cause: &str) -> Option<&'static str> {
    let rules: &[(&[&str], &str)] = &[
        (
            &["certificate verify failed", "unable to get local issuer"],
            "the broker's TLS certificate is not signed by a CA kop trusts: point KAFKA_SSL_CAFILE at the CA that signed it",
        ),
        (
            &["wrong version number", "packet length too long", "unexpected eof while reading"],
            "the TLS handshake failed: the listener may not speak TLS (try KAFKA_SECURITY_PROTOCOL=PLAINTEXT or SASL_PLAINTEXT)",
        ),
        (
            &["SASL authentication", "Authentication failed", "SaslAuthenticate"],
            "check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM",
        ),
        (
            &["Disconnected while requesting ApiVersion", "Disconnected (after"],
            "the broker closed the connection during the handshake: it may expect TLS or SASL (KAFKA_SECURITY_PROTOCOL)",
        ),
        (
            &["Failed to resolve", "Name or service not known", "nodename nor servname"],
            "the broker's host name does not resolve from here: check --bootstrap / KAFKA_BOOTSTRAP_SERVERS",
        ),
        (
            &["Connection refused"],
            "nothing is listening at that address: check --bootstrap / KAFKA_BOOTSTRAP_SERVERS and that the broker is running",
        ),
        (
            &["timed out", "Timed out"],
            "the broker did not answer in time: check the address and the network, or raise --timeout",
        ),
    ];
    rules
        .iter()
        .find(|(needles, _)| needles.iter().any(|n| cause.contains(n)))
        .map(|(_, hint)| *hint)
}

/// librdkafka's sentence for an error, without rdkafka's enum names around it.
pub fn describe(err: &RdError) -> String {
    match err {
        RdError::ClientCreation(text) => text.clone(),
        RdError::AdminOp(code) => code_text(*code),
        other => match other.rdkafka_error_code() {
            Some(code) => code_text(code),
            None => other.to_string(),
        },
    }
}

/// rdkafka displays a code as `BrokerTransportFailure (Local: Broker transport failure)`;
/// the part in parentheses is librdkafka's own wording.
pub fn code_text(code: RDKafkaErrorCode) -> String {
    let text = code.to_string();
    match (text.find(" ("), text.ends_with(')')) {
        (Some(i), true) => text[i + 2..text.len() - 1].to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreachable_names_address_timeout_and_cause() {
        let err = KafkaError::Unreachable {
            bootstrap: "127.0.0.1:1".into(),
            timeout: Duration::from_secs(3),
            cause: "Connect to ipv4#127.0.0.1:1 failed: Connection refused".into(),
        };
        assert_eq!(
            err.to_string(),
            "could not reach Kafka at 127.0.0.1:1 within 3s: Connect to ipv4#127.0.0.1:1 failed: Connection refused"
        );
        assert!(err.hint().unwrap().contains("nothing is listening"));
    }

    #[test]
    fn tls_causes_get_tls_advice() {
        let cause = "SSL handshake failed: error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified";
        assert!(hint_for(cause).unwrap().contains("KAFKA_SSL_CAFILE"));
        assert_eq!(hint_for("something new"), None);
    }
}
