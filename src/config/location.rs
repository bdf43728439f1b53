//! Byte spans from the TOML parser turned into what people read: `file:line:column` and
//! the offending line with a caret under the problem.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// An error at a place in a file. `Display` gives `path:line:col: message` and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    source_line: String,
    width: usize,
}

impl Located {
    pub fn new(path: &Path, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = span.start.min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let end = span.end.clamp(start, line_end);
        Located {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            source_line: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
            width: text[start..end].chars().count().max(1),
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )?;
        if !self.source_line.is_empty() {
            let gutter = self.line.to_string().len();
            let pad = " ".repeat(gutter);
            let indent: String = self
                .source_line
                .chars()
                .take(self.column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{} | {}\n{pad} | {indent}{}",
                self.line,
                self.source_line,
                "^".repeat(self.width)
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Located {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let text = "[topics.a]\npartitions = 0\n";
        let at = text.find('0').unwrap();
        let err = Located::new(Path::new("topics.toml"), text, at..at + 1, "too few");
        assert_eq!((err.line, err.column), (2, 14));
        assert_eq!(
            err.to_string(),
            "topics.toml:2:14: too few\n  |\n2 | partitions = 0\n  |              ^"
        );
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let err = Located::new(Path::new("t.toml"), "a = 1", 10..20, "eof");
        assert_eq!((err.line, err.column), (1, 6));
    }
}
