//! Values that must never reach a terminal, a log line or an error message.
//!
//! `Secret` holds a password; its `Debug` and `Display` print `***`. Reading the value takes
//! an explicit `expose()`, which only the client builders call. `Redactor` is the last line
//! of defence: every line the output layer writes passes through it, and it masks every
//! secret value it was told about, wherever the text came from (librdkafka logs included).

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, RwLock};

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value itself, for handing to a client library. Never format it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Masks known secret values in any text. Shared between the output layer and the client
/// contexts that capture librdkafka's log lines.
#[derive(Clone, Default)]
pub struct Redactor {
    secrets: Arc<RwLock<Vec<String>>>,
}

const MASK: &str = "***";

impl Redactor {
    pub fn register(&self, secret: &Secret) {
        // Very short values would mask ordinary words; they are still never printed by kop
        // itself, this only guards text from other sources.
        if secret.0.len() < 3 {
            return;
        }
        if let Ok(mut secrets) = self.secrets.write() {
            if !secrets.contains(&secret.0) {
                secrets.push(secret.0.clone());
                // Longest first, so a secret containing another is masked whole.
                secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
            }
        }
    }

    /// The text with every registered secret and URL password masked; borrowed as it is
    /// when there is nothing to mask (the common case, checked without copying).
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut text = match text.contains("://") {
            true => Cow::Owned(redact_url_userinfo(text)),
            false => Cow::Borrowed(text),
        };
        if let Ok(secrets) = self.secrets.read() {
            for secret in secrets.iter() {
                if text.contains(secret.as_str()) {
                    text = Cow::Owned(text.replace(secret.as_str(), MASK));
                }
            }
        }
        text
    }
}

/// Masks the password of any `scheme://user:password@host` URL in the text.
pub fn redact_url_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (head, tail) = rest.split_at(pos + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => {
                out.push_str(&authority[..colon]);
                out.push(':');
                out.push_str(MASK);
                out.push_str(&authority[at..]);
            }
            _ => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// librdkafka properties whose values are secrets. kop refuses them on the command line
/// (`-X`) and in `topics.toml`: they come from the environment or a file.
pub const SECRET_PROPERTIES: &[&str] = &[
    "sasl.password",
    "sasl.oauthbearer.client.secret",
    "ssl.key.password",
    "ssl.key.pem",
    "ssl.keystore.password",
    "ssl_key",
];

/// A property whose value is (or may hold) a secret: listed, or named like one
/// (`password`, `secret`, `jaas`, `token`, `credential`, key material).
pub fn is_secret_property(name: &str) -> bool {
    let name = name.trim().to_ascii_lowercase();
    SECRET_PROPERTIES.contains(&name.as_str())
        || [
            "password",
            "secret",
            "jaas",
            "token",
            "credential",
            "oauthbearer.config",
            "key.pem",
            "keystore",
        ]
        .iter()
        .any(|part| name.contains(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("hunter2-long");
        assert_eq!(format!("{s}"), "***");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(s.expose(), "hunter2-long");
    }

    #[test]
    fn redactor_masks_registered_values_anywhere() {
        let r = Redactor::default();
        r.register(&Secret::new("s3cr3t-pass"));
        assert_eq!(
            r.redact("sasl.password=s3cr3t-pass failed"),
            "sasl.password=*** failed"
        );
    }

    #[test]
    fn secret_properties_are_recognised() {
        assert!(is_secret_property("sasl.password"));
        assert!(is_secret_property("SSL.KEY.PASSWORD"));
        assert!(is_secret_property("sasl.oauthbearer.client.secret"));
        assert!(!is_secret_property("sasl.username"));
        assert!(!is_secret_property("linger.ms"));
        for name in [
            "sasl.jaas.config",
            "sasl.oauthbearer.token.endpoint.url.secret",
            "sasl.oauthbearer.config",
            "ssl.keystore.location",
            "some.access.token",
            "aws.credentials",
        ] {
            assert!(is_secret_property(name), "{name}");
        }
        assert!(
            !is_secret_property("ssl.key.location"),
            "a path, not a secret"
        );
    }

    #[test]
    fn url_passwords_are_masked() {
        assert_eq!(
            redact_url_userinfo("GET https://bob:pw@registry:8081/subjects failed"),
            "GET https://bob:***@registry:8081/subjects failed"
        );
        assert_eq!(
            redact_url_userinfo("http://registry:8081/x"),
            "http://registry:8081/x"
        );
        assert_eq!(
            redact_url_userinfo("http://bob@registry"),
            "http://bob@registry"
        );
    }
}
