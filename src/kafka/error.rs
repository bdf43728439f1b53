//! Errors from talking to Kafka, typed by what they mean to the user, with the cause in
//! words and advice for the usual ones. librdkafka's codes and wording stop here.

use std::time::Duration;

use rdkafka::error::KafkaError as RdError;
use rdkafka::types::RDKafkaErrorCode;

use crate::error::{CommandError, ErrorKind};
use crate::util::units::format_duration_ms;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum KafkaError {
    /// No broker answered: every address refused or failed to resolve (`waited: None`,
    /// known at once), or none answered within the timeout.
    #[error("could not reach Kafka at {bootstrap}{}: {cause}", waited_for(.waited))]
    Unreachable {
        bootstrap: String,
        waited: Option<Duration>,
        cause: String,
    },
    /// librdkafka refused the configuration (a bad `-X` property, an unreadable CA file).
    #[error("invalid Kafka client configuration: {0}")]
    Config(String),
    /// The broker does not offer the API (librdkafka refuses before sending anything).
    #[error("the cluster does not support {api}{}", unsupported_detail(.api))]
    Unsupported { api: String },
    #[error("{what}: it already exists")]
    AlreadyExists { what: String },
    #[error("{what}: it does not exist")]
    NotFound { what: String },
    #[error("{what}: not authorized ({cause})")]
    Unauthorized { what: String, cause: String },
    #[error("{what}: the group has active members")]
    GroupNotEmpty { what: String },
    #[error("{what}: no answer within {}", format_duration_ms(.after.as_millis() as u64))]
    Timeout { what: String, after: Duration },
    /// A subscription got no partitions in time: the group's coordinator never finished
    /// the rebalance that would hand them out.
    #[error("joining consumer group {group}: no partitions were assigned within {}", format_duration_ms(.after.as_millis() as u64))]
    GroupJoin { group: String, after: Duration },
    /// A request reached the cluster and failed for another reason.
    #[error("{what} failed: {cause}")]
    Request { what: String, cause: String },
}

fn waited_for(waited: &Option<Duration>) -> String {
    waited.map_or_else(String::new, |w| {
        format!(" within {}", format_duration_ms(w.as_millis() as u64))
    })
}

fn unsupported_detail(api: &str) -> &'static str {
    match api {
        "CreatePartitions" => " (adding partitions to a topic)",
        "IncrementalAlterConfigs" => " (changing topic configs; brokers before Kafka 2.3 lack it)",
        "OffsetDelete" => {
            " (deleting a group's committed offsets; brokers before Kafka 2.4 lack it)"
        }
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

    /// The error a broker's (or librdkafka's) code means, for `what` was being done.
    pub fn from_code(code: RDKafkaErrorCode, what: impl Into<String>) -> KafkaError {
        use RDKafkaErrorCode as C;
        let what = what.into();
        match code {
            C::TopicAlreadyExists => KafkaError::AlreadyExists { what },
            C::UnknownTopicOrPartition
            | C::UnknownTopic
            | C::UnknownPartition
            | C::GroupIdNotFound => KafkaError::NotFound { what },
            C::TopicAuthorizationFailed
            | C::GroupAuthorizationFailed
            | C::ClusterAuthorizationFailed
            | C::TransactionalIdAuthorizationFailed
            | C::SaslAuthenticationFailed
            | C::Authentication => KafkaError::Unauthorized {
                what,
                cause: code_text(code),
            },
            C::NonEmptyGroup => KafkaError::GroupNotEmpty { what },
            C::UnsupportedFeature | C::UnsupportedVersion => KafkaError::Unsupported { api: what },
            other => KafkaError::Request {
                what,
                cause: code_text(other),
            },
        }
    }

    /// Advice for the causes operators meet most, or `None`.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            KafkaError::Unreachable { cause, .. } => hint_for(cause),
            KafkaError::Unauthorized { .. } => Some(
                "check the credentials (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD) and the ACLs of that user",
            ),
            KafkaError::Timeout { .. } => {
                Some("the cluster did not answer in time: check the network, or raise --timeout")
            }
            KafkaError::GroupJoin { .. } => Some(
                "other members may hold every partition (a group shares a partition with no more than one member), or a member that stopped without leaving holds it until its session times out (session.timeout.ms, 45 s by default): `kop groups describe` shows the members; wait and run again, or raise --timeout",
            ),
            KafkaError::GroupNotEmpty { .. } => {
                Some("stop the group's consumers first (Kafka refuses this while members are active)")
            }
            KafkaError::Config(text) => hint_for(text),
            _ => None,
        }
    }
}

impl From<KafkaError> for CommandError {
    fn from(err: KafkaError) -> CommandError {
        let hint = err.hint();
        let error = CommandError::new(ErrorKind::Failed, err.to_string());
        match hint {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    }
}

/// Codes that mean the cluster could not be reached (or talked to securely) or did not
/// answer, as opposed to a request the cluster answered with an error.
pub(super) fn is_transport(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::BrokerTransportFailure
            | RDKafkaErrorCode::AllBrokersDown
            | RDKafkaErrorCode::OperationTimedOut
            | RDKafkaErrorCode::RequestTimedOut
            | RDKafkaErrorCode::MessageTimedOut
            | RDKafkaErrorCode::Authentication
            | RDKafkaErrorCode::SSL
            | RDKafkaErrorCode::Resolve
    )
}

/// Codes that mean "no answer in time".
pub(super) fn is_timeout(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::OperationTimedOut
            | RDKafkaErrorCode::RequestTimedOut
            | RDKafkaErrorCode::MessageTimedOut
    )
}

/// Advice matched on librdkafka's wording of a cause (which only it knows).
fn hint_for(cause: &str) -> Option<&'static str> {
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
            // 1213486160 is "HTTP" read as a Kafka frame's length; other huge sizes are
            // another protocol answering too.
            &["Invalid response size 1213486160", "Invalid response size"],
            "something that is not a Kafka listener answered (HTTP, or another service): check the port in --bootstrap / KAFKA_BOOTSTRAP_SERVERS",
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
            // librdkafka's words when -X asks for what an idempotent producer cannot do
            // (acks=1, max.in.flight above 5, retries=0).
            &["when `enable.idempotence` is true", "enable.idempotence"],
            "kop's producers are idempotent (acks=all), which is what makes \"nothing doubled\" true: to trade that away, add -X enable.idempotence=false",
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

/// librdkafka's sentence for an error, without rdkafka's enum names around it (and
/// without any configuration value it quotes: that may be a secret).
pub(super) fn describe(err: &RdError) -> String {
    match err {
        RdError::ClientCreation(text) => without_values(text),
        RdError::AdminOp(code) => code_text(*code),
        other => match other.rdkafka_error_code() {
            Some(code) => code_text(code),
            None => other.to_string(),
        },
    }
}

/// `Invalid value "hunter2" for configuration property "x"` → `Invalid value for
/// configuration property "x"`.
fn without_values(text: &str) -> String {
    match (text.find("value \""), text.find("\" for ")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}value{}", &text[..start], &text[end + 1..])
        }
        _ => text.to_string(),
    }
}

/// rdkafka displays a code as `BrokerTransportFailure (Local: Broker transport failure)`;
/// the part in parentheses is librdkafka's own wording.
pub(super) fn code_text(code: RDKafkaErrorCode) -> String {
    let text = code.to_string();
    match (text.find(" ("), text.ends_with(')')) {
        (Some(i), true) => text[i + 2..text.len() - 1].to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_listener_that_is_not_kafka_is_named_as_such() {
        let hint = hint_for(
            "Receive failed: Invalid response size 1213486160 (0..1000000000): increase receive.message.max.bytes",
        )
        .unwrap();
        assert!(hint.contains("not a Kafka listener"), "{hint}");
    }

    use super::*;

    #[test]
    fn unreachable_names_address_timeout_and_cause() {
        let err = KafkaError::Unreachable {
            bootstrap: "127.0.0.1:1".into(),
            waited: None,
            cause: "127.0.0.1:1: Connect to ipv4#127.0.0.1:1 failed: Connection refused".into(),
        };
        assert_eq!(
            err.to_string(),
            "could not reach Kafka at 127.0.0.1:1: 127.0.0.1:1: Connect to ipv4#127.0.0.1:1 failed: Connection refused"
        );
        let slow = KafkaError::Unreachable {
            bootstrap: "k:9092".into(),
            waited: Some(Duration::from_secs(3)),
            cause: "timed out".into(),
        };
        assert_eq!(
            slow.to_string(),
            "could not reach Kafka at k:9092 within 3s: timed out"
        );
        assert!(err.hint().unwrap().contains("nothing is listening"));
        let command: CommandError = err.into();
        assert_eq!(command.exit_code(), 1);
        assert_eq!(command.hints().len(), 1);
    }

    #[test]
    fn tls_causes_get_tls_advice() {
        let cause = "SSL handshake failed: error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified";
        assert!(hint_for(cause).unwrap().contains("KAFKA_SSL_CAFILE"));
        assert_eq!(hint_for("something new"), None);
    }

    #[test]
    fn an_override_an_idempotent_producer_refuses_says_how_to_trade_it_away() {
        let cause = "`acks` must be set to `all` when `enable.idempotence` is true";
        let hint = hint_for(cause).unwrap();
        assert!(hint.contains("-X enable.idempotence=false"), "{hint}");
    }

    #[test]
    fn broker_codes_become_kinds_the_commands_can_match() {
        assert_eq!(
            KafkaError::from_code(RDKafkaErrorCode::TopicAlreadyExists, "creating topic t"),
            KafkaError::AlreadyExists {
                what: "creating topic t".into()
            }
        );
        assert!(matches!(
            KafkaError::from_code(RDKafkaErrorCode::UnknownTopicOrPartition, "reading t"),
            KafkaError::NotFound { .. }
        ));
        assert!(matches!(
            KafkaError::from_code(RDKafkaErrorCode::GroupAuthorizationFailed, "reading g"),
            KafkaError::Unauthorized { .. }
        ));
        assert!(matches!(
            KafkaError::from_code(RDKafkaErrorCode::NonEmptyGroup, "resetting g"),
            KafkaError::GroupNotEmpty { .. }
        ));
    }

    #[test]
    fn configuration_errors_never_quote_the_value() {
        assert_eq!(
            without_values(r#"Invalid value "p4ss" for configuration property "sasl.mechanism""#),
            r#"Invalid value for configuration property "sasl.mechanism""#
        );
        assert_eq!(
            without_values("No such configuration property"),
            "No such configuration property"
        );
    }
}
