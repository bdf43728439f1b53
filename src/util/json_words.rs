//! serde_json's error for one line of input (an event, a dumped record): its words and the
//! column, without `at line 1`, since the caller names the line of the file.

pub fn in_one_line(e: &serde_json::Error) -> String {
    let words = e.to_string();
    let words = words
        .rsplit_once(" at line ")
        .map_or(words.as_str(), |(words, _)| words);
    match e.column() {
        0 => words.to_string(),
        column => format!("{words} at column {column}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_position_is_a_column_of_the_line() {
        let e = serde_json::from_str::<serde_json::Value>(r#"{"a": tru}"#).unwrap_err();
        assert_eq!(in_one_line(&e), "expected ident at column 10");
        let e = serde_json::from_str::<serde_json::Value>("").unwrap_err();
        assert_eq!(in_one_line(&e), "EOF while parsing a value");
    }
}
