//! Separators typed at a shell: `-K '\t'` means a tab, as it does for kcat, since a tab is
//! awkward to type between quotes.

/// `\t`, `\n`, `\r`, `\0`, `\\` and `\xHH` turned into the characters they name; any
/// other text is kept as it is.
pub fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let byte = u8::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|b| b.is_ascii() && hex.len() == 2)
                    .ok_or_else(|| {
                        format!("`\\x{hex}` is not an ASCII character (\\x00 to \\x7f)")
                    })?;
                out.push(char::from(byte));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_escapes_name_their_characters() {
        assert_eq!(unescape(r"\t").unwrap(), "\t");
        assert_eq!(unescape(r"a\nb\\c").unwrap(), "a\nb\\c");
        assert_eq!(unescape(r"\x1f").unwrap(), "\u{1f}");
        assert_eq!(unescape(":").unwrap(), ":");
        assert_eq!(
            unescape(r"\q").unwrap(),
            r"\q",
            "unknown escapes stay as typed"
        );
        assert_eq!(unescape("\\").unwrap(), "\\");
        assert!(unescape(r"\xzz").is_err());
        assert!(unescape(r"\xff").is_err());
    }
}
