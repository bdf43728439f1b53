//! Checks for rendered views, on the visible text (escape codes stripped).

use console::{measure_text_width, strip_ansi_codes};

/// Asserts that no line of `text` is wider than `width` and that in every table (a header
/// line in capitals, then rows up to a blank line) each column starts at the same visible
/// position on every row.
pub(crate) fn assert_aligned(text: &str, width: usize) {
    let plain = strip_ansi_codes(text).into_owned();
    for line in plain.lines() {
        assert!(
            measure_text_width(line) <= width,
            "a line is wider than {width} columns:\n{line}\nin:\n{plain}"
        );
    }
    for block in plain.split("\n\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(at) = lines.iter().position(|l| is_header(l)) else {
            continue;
        };
        let header = lines[at];
        let starts = column_starts(header);
        for row in &lines[at + 1..] {
            let chars: Vec<char> = row.chars().collect();
            for &p in starts.iter().skip(1) {
                if chars.len() <= p {
                    continue;
                }
                assert!(
                    chars[p - 1] == ' ' && chars[p - 2] == ' ',
                    "the column at {p} of\n{header}\ndoes not start at {p} in\n{row}\nin:\n{plain}"
                );
            }
        }
    }
}

fn is_header(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_uppercase())
        && line
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '-' | '_'))
}

/// Where each column of a header line starts: at 0, and after every gap of two spaces.
fn column_starts(header: &str) -> Vec<usize> {
    let chars: Vec<char> = header.chars().collect();
    let mut starts = vec![0];
    for i in 2..chars.len() {
        if chars[i] != ' ' && chars[i - 1] == ' ' && chars[i - 2] == ' ' {
            starts.push(i);
        }
    }
    starts
}
