//! `KEY=VALUE`, as `-X`, `-H` and `--header` take it: the first `=` splits, so values may
//! contain `=`; the key may not be empty.

/// `KEY=VALUE` → `(KEY, Some(VALUE))`; `KEY` alone → `(KEY, None)`.
pub fn parse_pair(text: &str) -> Result<(String, Option<String>), String> {
    let (key, value) = match text.split_once('=') {
        Some((k, v)) => (k.trim(), Some(v.to_string())),
        None => (text.trim(), None),
    };
    if key.is_empty() {
        return Err(format!("`{text}`: expected KEY=VALUE (the key is missing)"));
    }
    Ok((key.to_string(), value))
}

/// `KEY=VALUE`, the value required.
pub fn parse_required_pair(text: &str) -> Result<(String, String), String> {
    match parse_pair(text)? {
        (key, Some(value)) => Ok((key, value)),
        (_, None) => Err(format!("`{text}`: expected KEY=VALUE (no `=`)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_split_at_the_first_equals_sign() {
        assert_eq!(
            parse_pair("a.b=c=d"),
            Ok(("a.b".to_string(), Some("c=d".to_string())))
        );
        assert_eq!(parse_pair("a="), Ok(("a".to_string(), Some(String::new()))));
        assert_eq!(parse_pair("flag"), Ok(("flag".to_string(), None)));
        assert!(parse_pair("=x").is_err());
        assert!(parse_pair("").is_err());
    }

    #[test]
    fn required_pairs_need_the_equals_sign() {
        assert_eq!(
            parse_required_pair(" linger.ms =5"),
            Ok(("linger.ms".to_string(), "5".to_string()))
        );
        assert!(parse_required_pair("novalue").is_err());
    }
}
