//! Kafka's rules for topic names, checked before a name reaches a broker.

pub const MAX_TOPIC_NAME_LEN: usize = 249;

/// `Err` says what is wrong with the name, in words.
pub fn validate_topic_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a topic name cannot be empty".into());
    }
    if name == "." || name == ".." {
        return Err(format!("`{name}` is not a valid topic name"));
    }
    if name.len() > MAX_TOPIC_NAME_LEN {
        return Err(format!(
            "topic name is {} characters long; Kafka allows at most {MAX_TOPIC_NAME_LEN}",
            name.len()
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "topic name `{name}` contains {bad:?}; Kafka allows only letters, digits, '.', '_' and '-'"
        ));
    }
    Ok(())
}

/// Topics whose names start with `_` belong to Kafka or its tools (`__consumer_offsets`,
/// `_schemas`, `__transaction_state`): kop lists them only on request and never changes them.
pub fn is_internal(name: &str) -> bool {
    name.starts_with('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_rules() {
        for ok in [
            "child.registered",
            "task.created-v2",
            "a_b",
            &"x".repeat(249),
        ] {
            assert_eq!(validate_topic_name(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "has space",
            "slash/name",
            "ünicode",
            &"x".repeat(250),
        ] {
            assert!(validate_topic_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn internal_topics_start_with_underscore() {
        assert!(is_internal("__consumer_offsets"));
        assert!(is_internal("_schemas"));
        assert!(!is_internal("task.created"));
    }
}
