//! Registry failures in plain words. The registry answers errors as
//! `{"error_code": 40401, "message": "Subject 'x' not found."}`; users get a sentence, the
//! registry's own message after it, and a hint that says what to do.

use crate::error::{CommandError, ErrorKind};
use crate::secret::redact_url_userinfo;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("the Schema Registry at {url} could not be reached: {cause}")]
    Unreachable { url: String, cause: String },
    /// HTTP 401 (no or wrong credentials) or 403 / 40301 (credentials without permission).
    #[error("{}", refused(.url, *.status, .message))]
    Unauthorized {
        url: String,
        status: u16,
        message: String,
    },
    #[error("{}", plain_words(*.status, *.code, .message))]
    Api {
        status: u16,
        code: Option<u32>,
        message: String,
    },
    #[error("the Schema Registry sent an answer kop cannot read: {0}")]
    Malformed(String),
}

impl RegistryError {
    pub fn unreachable(url: &str, cause: impl std::fmt::Display) -> Self {
        RegistryError::Unreachable {
            url: redact_url_userinfo(url),
            cause: cause.to_string(),
        }
    }

    /// The registry's error code (`error_code`, else the HTTP status), when it answered.
    pub fn code(&self) -> Option<u32> {
        match self {
            RegistryError::Api { status, code, .. } => Some(code.unwrap_or(u32::from(*status))),
            RegistryError::Unauthorized { status, .. } => Some(u32::from(*status)),
            _ => None,
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            RegistryError::Unreachable { .. } => {
                "check --registry / SCHEMA_REGISTRY_URL and that the registry is running"
            }
            RegistryError::Unauthorized { status: 401, .. } => {
                "set SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD, or SCHEMA_REGISTRY_BEARER_TOKEN, in the environment (never on the command line)"
            }
            RegistryError::Unauthorized { .. } => {
                "the credentials are accepted but lack permission for this subject or operation: ask for the role that grants it"
            }
            RegistryError::Malformed(_) => {
                "is --registry the registry's own address (e.g. http://host:8081), not a proxy or a web page?"
            }
            RegistryError::Api { .. } => return self.code().and_then(code_hint),
        })
    }
}

fn code_hint(code: u32) -> Option<&'static str> {
    Some(match code {
        40401 => "`kop schemas list` shows the subjects (add --deleted for soft-deleted ones)",
        40402 => "`kop schemas show SUBJECT --versions` lists the subject's versions",
        40403 => "the schema may have been deleted permanently, or belong to another registry",
        40404 => "add --permanent to delete it for good, or register a schema under it to bring the subject back",
        40405 => "a permanent deletion needs a soft one first: run `kop schemas delete SUBJECT`, then again with --permanent",
        40406 => "add --permanent to delete the version for good",
        40407 => "a permanent deletion needs a soft one first: run `kop schemas delete SUBJECT --version N`, then again with --permanent",
        40408 => "the subject uses the registry's global level; `kop schemas compatibility SUBJECT --set LEVEL` gives it its own",
        409 | 40901 => "`kop schemas check FILE --subject SUBJECT` shows the registry's reasons and `kop schemas diff` what changed; or change the subject's level with `kop schemas compatibility`",
        42201 => "check that the file is a valid schema of the type kop sent (--type), and that its references are given (--reference)",
        42202 => "versions are numbers from 1 up, or `latest`",
        42203 => "use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE",
        42205 => "the registry's mode forbids it (READONLY or IMPORT); `kop health` shows the mode",
        42206 => "other schemas reference this one: delete or change them first",
        42208 => "the subject name is not valid for this registry",
        42209 => "the registry limits the size of a schema: split it with references",
        44302 => "Karapace takes no references for JSON Schema (Confluent's registry does): put the referenced definitions into the schema itself (`$defs`)",
        50001 => "the registry could not write to its Kafka topic: check its logs and its brokers, then try again",
        50002 => "the registry timed out talking to its Kafka cluster: try again",
        50003 => "the registry could not reach its leader: check the registry cluster, then try again",
        404 => "is --registry the registry's root (e.g. http://host:8081, without a path)?",
        500..=599 => "the registry failed; its logs say why",
        _ => return None,
    })
}

impl From<RegistryError> for CommandError {
    fn from(err: RegistryError) -> CommandError {
        let error = CommandError::new(ErrorKind::Failed, err.to_string());
        match err.hint() {
            Some(hint) => error.with_hint(hint),
            None => error,
        }
    }
}

fn refused(url: &str, status: u16, message: &str) -> String {
    let what = if status == 401 {
        format!("the Schema Registry at {url} refused the credentials (HTTP 401)")
    } else {
        format!("the Schema Registry at {url} does not allow this with these credentials (HTTP {status})")
    };
    if message.is_empty() {
        what
    } else {
        format!("{what}: {message}")
    }
}

/// The registry's documented error codes, said plainly, with its own message after.
fn plain_words(status: u16, code: Option<u32>, message: &str) -> String {
    let sentence = match code.unwrap_or(u32::from(status)) {
        40401 => "the subject does not exist in the Schema Registry",
        40402 => "that version of the subject does not exist",
        40403 => "no schema with that id exists",
        40404 => "the subject is soft-deleted",
        40405 => "the subject is not soft-deleted yet",
        40406 => "that version is soft-deleted",
        40407 => "that version is not soft-deleted yet",
        40408 => "the subject has no compatibility level of its own",
        409 | 40901 => "the schema is incompatible with the subject's earlier versions",
        42201 => "the Schema Registry rejected the schema as invalid",
        42202 => "invalid schema version",
        42203 => "invalid compatibility level",
        42205 => "the operation is not permitted in the registry's current mode",
        42206 => "other schemas reference it",
        42208 => "invalid subject name",
        42209 => "the schema is too large",
        44302 => "this Schema Registry does not take references for this schema type",
        50001 => "the Schema Registry failed to store the change",
        50002 => "the Schema Registry timed out",
        50003 => "the Schema Registry could not forward the request to its leader",
        404 => "the Schema Registry has no such resource",
        422 => "the Schema Registry refused the request",
        500..=599 => "the Schema Registry failed",
        _ => "the Schema Registry returned an error",
    };
    if message.is_empty() {
        format!("{sentence} (HTTP {status})")
    } else {
        format!("{sentence}: {message} (HTTP {status})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, code: u32, message: &str) -> RegistryError {
        RegistryError::Api {
            status,
            code: Some(code),
            message: message.into(),
        }
    }

    #[test]
    fn codes_become_sentences_with_the_registrys_message() {
        assert_eq!(
            api(404, 40401, "Subject 'orders-value' not found.").to_string(),
            "the subject does not exist in the Schema Registry: Subject 'orders-value' not found. (HTTP 404)"
        );
        assert_eq!(
            api(409, 409, "").to_string(),
            "the schema is incompatible with the subject's earlier versions (HTTP 409)"
        );
    }

    /// Every code the issue names (and Karapace answers) has its own words and a hint.
    #[test]
    fn every_code_kop_can_meet_has_words_and_a_hint() {
        for (status, code) in [
            (404, 40401),
            (404, 40402),
            (404, 40403),
            (404, 40404),
            (404, 40405),
            (404, 40406),
            (404, 40407),
            (409, 409),
            (422, 42201),
            (422, 42202),
            (422, 42203),
            (422, 42205),
            (422, 42206),
            (500, 50001),
            (500, 50002),
            (500, 50003),
        ] {
            let err = api(status, code, "the registry's words");
            let text = err.to_string();
            assert!(
                !text.starts_with("the Schema Registry returned"),
                "{code}: {text}"
            );
            assert!(text.contains("the registry's words"), "{code}: {text}");
            assert!(err.hint().is_some(), "{code} has no hint");
        }
        let denied = RegistryError::Unauthorized {
            url: "http://sr:8081".into(),
            status: 403,
            message: "User is denied operation Write on Subject: orders-value".into(),
        };
        assert!(denied.to_string().contains("does not allow this"));
        assert!(denied.to_string().contains("denied operation Write"));
        assert!(denied.hint().unwrap().contains("permission"));
        let unauthorized = RegistryError::Unauthorized {
            url: "http://sr:8081".into(),
            status: 401,
            message: "Unauthorized".into(),
        };
        assert!(unauthorized
            .hint()
            .unwrap()
            .contains("SCHEMA_REGISTRY_BEARER_TOKEN"));
        let command: CommandError = unauthorized.into();
        assert_eq!(command.exit_code(), 1);
        assert_eq!(command.hints().len(), 1);
    }

    #[test]
    fn urls_lose_their_passwords() {
        let err = RegistryError::unreachable("http://u:secret@sr:8081", "refused");
        assert!(!err.to_string().contains("secret"));
    }
}
