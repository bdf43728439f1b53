//! Registry failures in plain words. The registry answers errors as
//! `{"error_code": 40401, "message": "Subject 'x' not found."}`; users get a sentence.

use crate::error::{CommandError, ErrorKind};
use crate::secret::redact_url_userinfo;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("the Schema Registry at {url} could not be reached: {cause}")]
    Unreachable { url: String, cause: String },
    #[error("the Schema Registry at {url} refused the credentials (HTTP {status}); check SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD")]
    Unauthorized { url: String, status: u16 },
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
}

impl From<RegistryError> for CommandError {
    fn from(err: RegistryError) -> CommandError {
        let error = CommandError::new(ErrorKind::Failed, err.to_string());
        match err {
            RegistryError::Unreachable { .. } => error.with_hint(
                "check --registry / SCHEMA_REGISTRY_URL and that the registry is running",
            ),
            _ => error,
        }
    }
}

/// The registry's documented error codes, said plainly, with its own message after.
fn plain_words(status: u16, code: Option<u32>, message: &str) -> String {
    let sentence = match code.unwrap_or(u32::from(status)) {
        40401 => "the subject does not exist in the Schema Registry",
        40402 => "that version of the subject does not exist",
        40403 => "no schema with that id exists",
        409 | 40901 => "the schema is incompatible with the subject's earlier versions",
        42201 => "the Schema Registry rejected the schema as invalid",
        42202 => "invalid schema version",
        42203 => "invalid compatibility level",
        42205 => "the operation is not permitted in the registry's current mode",
        50001 => "the Schema Registry failed to store the change",
        50002 => "the Schema Registry timed out",
        50003 => "the Schema Registry could not forward the request to its leader",
        404 => "the Schema Registry has no such resource",
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

    #[test]
    fn codes_become_sentences() {
        let err = RegistryError::Api {
            status: 404,
            code: Some(40401),
            message: "Subject 'orders-value' not found.".into(),
        };
        assert_eq!(
            err.to_string(),
            "the subject does not exist in the Schema Registry: Subject 'orders-value' not found. (HTTP 404)"
        );
        let err = RegistryError::Api {
            status: 409,
            code: Some(409),
            message: String::new(),
        };
        assert_eq!(
            err.to_string(),
            "the schema is incompatible with the subject's earlier versions (HTTP 409)"
        );
    }

    #[test]
    fn urls_lose_their_passwords() {
        let err = RegistryError::unreachable("http://u:secret@sr:8081", "refused");
        assert!(!err.to_string().contains("secret"));
    }
}
