//! The user's own config file (`~/.config/kop/config.toml`): `[clusters.NAME]` profiles in
//! the same shape, and with the same checks, as `topics.toml`'s, and `current = "NAME"`,
//! the profile kop uses when nothing else chooses one.
//!
//! `kop config use` changes `current` by editing the file's text ([`set_current`]), so the
//! rest of the file, comments and layout included, stays as the user wrote it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::model::ClusterProfile;
use super::raw::RawUserFile;
use super::{validate, ConfigError};

/// The user config, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserConfig {
    pub path: PathBuf,
    /// The profile in use when neither `--cluster` nor `KOP_CLUSTER` names one.
    pub current: Option<String>,
    pub clusters: BTreeMap<String, ClusterProfile>,
}

/// Reads and validates a user config.
pub fn load_user(path: &Path) -> Result<UserConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_user(path, &text)
}

/// Validates the text of a user config; `path` names it in errors and anchors relative
/// paths (`ssl_ca_file`, ...).
pub fn parse_user(path: &Path, text: &str) -> Result<UserConfig, ConfigError> {
    let raw = raw_user(path, text)?;
    validate::validate_user(path, text, raw).map_err(|at| ConfigError::At(Box::new(at)))
}

fn raw_user(path: &Path, text: &str) -> Result<RawUserFile, ConfigError> {
    toml::from_str(text).map_err(|err| super::syntax_error(path, text, &err))
}

/// The text of the user config with `current` set to `name`: the value replaced where the
/// file sets it, else a `current = "NAME"` line added before the first table (after a
/// leading comment block, which usually describes the whole file). Nothing else changes.
pub fn set_current(path: &Path, text: &str, name: &str) -> Result<String, ConfigError> {
    let raw = raw_user(path, text)?;
    let quoted = toml::Value::String(name.to_string()).to_string();
    if let Some(current) = raw.current {
        let span = current.span();
        return Ok(format!(
            "{}{quoted}{}",
            &text[..span.start],
            &text[span.end..]
        ));
    }
    let at = insertion_point(text);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut line = format!("current = {quoted}{newline}");
    // A blank line between the new key and whatever follows it.
    let rest = &text[at..];
    if !rest.is_empty() && !rest.starts_with(newline) {
        line.push_str(newline);
    }
    Ok(format!("{}{line}{}", &text[..at], &text[at..]))
}

/// Where a new top-level key goes: after the leading comment block when a blank line ends
/// it, else at the very start (top-level keys must come before the first table).
fn insertion_point(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return if offset == 0 { 0 } else { offset + line.len() };
        }
        if !trimmed.starts_with('#') {
            return 0;
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("/home/u/.config/kop/config.toml")
    }

    const FILE: &str = r#"# my clusters
current = "local"   # the laptop

[clusters.local]
bootstrap = "localhost:9092"

[clusters.staging]
bootstrap = "kafka.staging:9093"
security_protocol = "SASL_SSL"
sasl_mechanism = "SCRAM-SHA-512"
sasl_username = "ops"
sasl_password_env = "STAGING_KAFKA_PASSWORD"
ssl_ca_file = "certs/staging-ca.pem"
"#;

    #[test]
    fn profiles_and_current_are_read_with_paths_relative_to_the_file() {
        let user = parse_user(path(), FILE).unwrap();
        assert_eq!(user.current.as_deref(), Some("local"));
        assert_eq!(
            user.clusters.keys().collect::<Vec<_>>(),
            vec!["local", "staging"]
        );
        assert_eq!(
            user.clusters["staging"].ssl_ca_file,
            Some(PathBuf::from("/home/u/.config/kop/certs/staging-ca.pem"))
        );
        assert_eq!(user.clusters["staging"].name, "staging");
    }

    #[test]
    fn mistakes_name_the_file_line_and_column() {
        let cases = [
            (
                "topics = {}\n",
                "config.toml:1:1:",
                "unknown key `topics` (expected one of current, clusters)",
            ),
            (
                "[clusters.a]\nsecurity_protocol = \"TLS\"\n",
                "config.toml:2:21:",
                "unknown security_protocol `TLS`",
            ),
            (
                "[clusters.a]\nproperties = { \"sasl.password\" = \"x\" }\n",
                "config.toml:2:16:",
                "is a secret",
            ),
            ("current = \"\"\n", "config.toml:1:11:", "names no profile"),
            ("current = \n", "config.toml:1:", "invalid"),
        ];
        for (text, at, message) in cases {
            let err = parse_user(path(), text).unwrap_err().to_string();
            assert!(err.contains(at), "{text:?}: {err}");
            assert!(err.contains(message), "{text:?}: {err}");
        }
    }

    #[test]
    fn set_current_replaces_only_the_value_and_keeps_comments() {
        let edited = set_current(path(), FILE, "staging").unwrap();
        assert_eq!(
            edited,
            FILE.replace(r#"current = "local""#, r#"current = "staging""#)
        );
        let literal = "current = 'local' # here\n[clusters.x]\n";
        assert_eq!(
            set_current(path(), literal, "x").unwrap(),
            "current = \"x\" # here\n[clusters.x]\n"
        );
    }

    #[test]
    fn set_current_adds_the_key_before_the_first_table() {
        let cases = [
            ("", "current = \"a\"\n"),
            (
                "[clusters.a]\nbootstrap = \"h:1\"\n",
                "current = \"a\"\n\n[clusters.a]\nbootstrap = \"h:1\"\n",
            ),
            (
                "# kop contexts\n# (mine)\n\n# the laptop\n[clusters.a]\n",
                "# kop contexts\n# (mine)\n\ncurrent = \"a\"\n\n# the laptop\n[clusters.a]\n",
            ),
            (
                "# the laptop\n[clusters.a]\n",
                "current = \"a\"\n\n# the laptop\n[clusters.a]\n",
            ),
            (
                "[clusters.a]\r\n",
                "current = \"a\"\r\n\r\n[clusters.a]\r\n",
            ),
        ];
        for (text, expected) in cases {
            let edited = set_current(path(), text, "a").unwrap();
            assert_eq!(edited, expected, "{text:?}");
            assert_eq!(
                parse_user(path(), &edited).unwrap().current.as_deref(),
                Some("a")
            );
        }
    }

    #[test]
    fn set_current_quotes_any_name() {
        let edited = set_current(path(), "", "team \"a\"").unwrap();
        let user = parse_user(path(), &edited).unwrap();
        assert_eq!(user.current.as_deref(), Some("team \"a\""));
    }

    #[test]
    fn set_current_refuses_a_file_it_cannot_read() {
        let err = set_current(path(), "current = = 1\n", "a").unwrap_err();
        assert_eq!(err.location(), Some((1, 11)));
    }
}
