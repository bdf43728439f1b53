//! The TOML parser's and serde's messages, said as a person writing topics.toml needs them:
//! what was expected in plain words, the key that was probably meant, and why a dotted
//! topic name must be quoted.

use crate::util::names::closest;

/// A message for the error at `line` (the text of the line the error points at).
pub(super) fn humane(message: &str, line: &str) -> String {
    if let Some(unknown) = unknown_field(message) {
        return unknown;
    }
    if message.contains("expected a borrowed string") || dotted_topic_header(line).is_some() {
        if let Some(header) = dotted_topic_header(line) {
            return header;
        }
    }
    if let Some(plain) = invalid_type(message) {
        return plain;
    }
    message.to_string()
}

/// `unknown field `x`, expected one of `a`, `b`` → a suggestion, or what a secret-looking
/// key should be instead.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, rest) = rest.split_once('`')?;
    if ["password", "secret", "token"]
        .iter()
        .any(|s| name.contains(s))
    {
        return Some(format!(
            "`{name}`: secrets never go in this file; they come from the environment or a file (KAFKA_SASL_PASSWORD, or name them with sasl_password_env / sasl_password_file)"
        ));
    }
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some(match closest(name, expected.iter().copied()) {
        Some(candidate) => format!("unknown key `{name}`: did you mean `{candidate}`?"),
        None if expected.is_empty() => format!("unknown key `{name}`"),
        None => format!(
            "unknown key `{name}` (expected one of {})",
            expected.join(", ")
        ),
    })
}

/// `[topics.a.b]`: TOML reads a table `b` inside a topic `a`.
fn dotted_topic_header(line: &str) -> Option<String> {
    let header = line.trim().strip_prefix("[topics.")?.strip_suffix(']')?;
    if header.starts_with('"') || !header.contains('.') {
        return None;
    }
    Some(format!(
        "`[topics.{header}]` is read as a table inside topic `{}`: quote a topic name that has dots: `[topics.\"{header}\"]`",
        header.split('.').next().unwrap_or(header)
    ))
}

/// `invalid type: string "three", expected i64` → `expected an integer, found the string
/// "three"`.
fn invalid_type(message: &str) -> Option<String> {
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let expected = match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "an integer",
        "f32" | "f64" => "a number",
        "a boolean" | "bool" => "true or false",
        "a sequence" => "a list",
        "a map" | "struct" => "a table",
        "a string" | "a borrowed string" => "a string",
        other => other,
    };
    let found = match found.split_once(' ') {
        Some(("string", text)) => format!("the string {text}"),
        Some((kind, value)) => format!("the {kind} {}", value.trim_matches('`')),
        None => format!("a {found}"),
    };
    Some(format!("expected {expected}, found {found}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keys_get_their_likely_name() {
        assert_eq!(
            humane(
                "unknown field `retension`, expected one of `partitions`, `retention`",
                "retension = \"7d\""
            ),
            "unknown key `retension`: did you mean `retention`?"
        );
        assert_eq!(
            humane(
                "unknown field `colour`, expected one of `partitions`, `retention`",
                ""
            ),
            "unknown key `colour` (expected one of partitions, retention)"
        );
    }

    #[test]
    fn secrets_in_the_file_are_pointed_elsewhere() {
        let m = humane(
            "unknown field `sasl_password`, expected one of `bootstrap`",
            "",
        );
        assert!(m.contains("secrets never go in this file"), "{m}");
        assert!(m.contains("KAFKA_SASL_PASSWORD"), "{m}");
    }

    #[test]
    fn types_in_plain_words() {
        assert_eq!(
            humane(
                "invalid type: string \"three\", expected i64",
                "partitions = \"three\""
            ),
            "expected an integer, found the string \"three\""
        );
        assert_eq!(
            humane("invalid type: integer `3`, expected a string", ""),
            "expected a string, found the integer 3"
        );
    }

    #[test]
    fn a_dotted_topic_header_says_to_quote_it() {
        let m = humane(
            "invalid type: string \"b\", expected a borrowed string",
            "[topics.task.created]",
        );
        assert_eq!(
            m,
            "`[topics.task.created]` is read as a table inside topic `task`: quote a topic name that has dots: `[topics.\"task.created\"]`"
        );
        assert_eq!(humane("x", "[topics.\"a.b\"]"), "x");
    }
}
