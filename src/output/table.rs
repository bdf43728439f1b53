//! The one table style kop uses: no borders, a header, columns two spaces apart that line
//! up on a colour terminal, and no wrapping.
//!
//! Widths are measured on the visible text: colour is applied after padding, so escape
//! codes never count. Control characters from data are escaped, so a letter's error
//! message cannot move the cursor or ring the bell. On a terminal, rows fit its width: the
//! last column (where details and reasons are) wraps onto more lines first, then the
//! widest middle columns are cut (ending in `…`), and the first column, which names the
//! row, gives way last; piped, rows stay whole so `grep` and `awk` see everything.

use console::measure_text_width;

use super::style::{paint, Tone};

/// Columns are separated by this much space.
const GAP: usize = 2;
/// A column is not cut narrower than this (or its header, if shorter).
const MIN_WIDTH: usize = 8;
/// The last column wraps, but not narrower than this while others can give way.
const MIN_WRAP_WIDTH: usize = 24;
/// The first column names the row: it gives way only past this width.
const FIRST_KEEP: usize = 32;

/// One cell: its text and, optionally, its colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    text: String,
    tone: Option<Tone>,
}

impl Cell {
    pub fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone: Some(tone),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, tone: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The table's lines: header first, colour when asked, cut to `width` when given.
    pub fn render(&self, color: bool, width: Option<usize>) -> Vec<String> {
        let columns = self.headers.len();
        let header: Vec<Cell> = self
            .headers
            .iter()
            .map(|h| Cell::toned(h.clone(), Tone::Strong))
            .collect();
        let rows: Vec<Vec<Cell>> = std::iter::once(header)
            .chain(self.rows.iter().cloned())
            .map(|row| {
                (0..columns)
                    .map(|i| {
                        let cell = row.get(i).cloned().unwrap_or_else(|| Cell::from(""));
                        Cell {
                            text: escape_controls(&cell.text),
                            tone: cell.tone,
                        }
                    })
                    .collect()
            })
            .collect();
        let mut widths = vec![0; columns];
        for row in &rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(measure_text_width(&cell.text));
            }
        }
        let fitted = width.is_some();
        if let Some(width) = width {
            fit(&mut widths, &self.headers, width);
        }
        rows.iter()
            .flat_map(|row| render_row(row, &widths, color, fitted))
            .collect()
    }
}

/// Narrows columns until a row fits in `width`. The last column (details, reasons) wraps
/// first, down to a readable width. Then the column with the most room over its floor
/// gives way, one step at a time: a column keeps its header and at least `MIN_WIDTH`
/// (one narrower by nature is never cut), and the first, which names the row, keeps up to
/// `FIRST_KEEP`. Past all floors, the widest column gives way.
fn fit(widths: &mut [usize], headers: &[String], width: usize) {
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    let Some(last) = widths.len().checked_sub(1) else {
        return;
    };
    let natural = widths.to_vec();
    if last > 0 {
        let over = total(widths).saturating_sub(width);
        let floor = MIN_WRAP_WIDTH.max(measure_text_width(&headers[last]));
        widths[last] -= over.min(widths[last].saturating_sub(floor));
    }
    let floor = |i: usize| {
        let keep = if i == 0 {
            FIRST_KEEP
        } else {
            MIN_WIDTH.max(measure_text_width(&headers[i]))
        };
        natural[i].min(keep)
    };
    while total(widths) > width {
        let roomiest = (0..widths.len())
            .filter(|&i| widths[i] > floor(i))
            .max_by_key(|&i| widths[i] - floor(i));
        match roomiest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    while total(widths) > width {
        match (0..widths.len())
            .filter(|&i| widths[i] > 1)
            .max_by_key(|&i| widths[i])
        {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
}

/// One row as lines: cells cut to their widths, and the last one, when fitted to a
/// terminal, wrapped onto lines of its own that start where its column does.
fn render_row(row: &[Cell], widths: &[usize], color: bool, fitted: bool) -> Vec<String> {
    let mut line = String::new();
    let last = row.len().saturating_sub(1);
    let mut more = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let (text, rest) = if i == last && fitted && row.len() > 1 {
            let mut parts = fold(&cell.text, widths[i]).into_iter();
            let first = parts.next().unwrap_or_default();
            (first, parts.collect())
        } else if i == 0 {
            // Names that share a prefix (a topic and its dead-letter topic) stay apart
            // when cut in the middle.
            (cut_middle(&cell.text, widths[i]), Vec::new())
        } else {
            (cut(&cell.text, widths[i]), Vec::new())
        };
        let visible = measure_text_width(&text);
        let paint_cell = |text: String| match cell.tone {
            Some(tone) => paint(color, tone, &text),
            None => text,
        };
        line.push_str(&paint_cell(text));
        if i < last {
            line.push_str(&" ".repeat(widths[i] - visible.min(widths[i]) + GAP));
        } else {
            let indent: usize = widths[..i].iter().map(|w| w + GAP).sum();
            more = rest
                .into_iter()
                .map(|part| format!("{}{}", " ".repeat(indent), paint_cell(part)))
                .collect();
        }
    }
    std::iter::once(line.trim_end().to_string())
        .chain(more)
        .collect()
}

/// `text` in lines of at most `width` visible columns, broken at spaces where it can be
/// and inside a word longer than a line: nothing is left out.
fn fold(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed =
            measure_text_width(&line) + usize::from(!line.is_empty()) + measure_text_width(word);
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            let w = measure_text_width(c.encode_utf8(&mut [0; 4]));
            if measure_text_width(&line) + w > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
}

/// `text` cut to `width` visible columns by taking out its middle (`zamaz-de…ead-letter`):
/// both ends of a name say the most about it.
pub(crate) fn cut_middle(text: &str, width: usize) -> String {
    if measure_text_width(text) <= width || width < 5 {
        return cut(text, width);
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = width - 1;
    let (head, tail) = (keep.div_ceil(2), keep / 2);
    let mut out: String = chars[..head.min(chars.len())].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len().saturating_sub(tail)..]);
    if measure_text_width(&out) > width {
        return cut(text, width);
    }
    out
}

/// `text` cut to `width` visible columns, ending in `…` when cut.
pub(crate) fn cut(text: &str, width: usize) -> String {
    if measure_text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = measure_text_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Prose wrapped at spaces to `width` columns; continuation lines keep the first line's
/// indentation, and a word longer than a line is cut with `…`.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let mut lines = Vec::new();
    let mut line = indent.clone();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = measure_text_width(&line)
            + usize::from(line.len() > indent.len())
            + measure_text_width(word);
        if needed > width && line.len() > indent.len() {
            lines.push(std::mem::replace(&mut line, indent.clone()));
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
        if measure_text_width(&line) > width {
            line = cut(&line, width);
        }
    }
    lines.push(line);
    lines
}

/// Control characters as visible escapes (`\n`, `\t`, `\x1b`), so data cannot steer the
/// terminal.
pub(crate) fn escape_controls(text: &str) -> String {
    escape(text, |_| false)
}

/// The same for a multi-line value: new lines and tabs stay as they are.
pub(crate) fn escape_controls_but_lines(text: &str) -> String {
    escape(text, |c| matches!(c, '\n' | '\t'))
}

/// Bidirectional overrides and isolates reorder the text shown after them ("Trojan
/// Source"): data must not rearrange what an operator reads, so they are escaped too.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// JSON for a terminal: bidirectional controls inside strings written as JSON escapes
/// (`\u202e`), so the document reads the same to a parser and cannot reorder the screen.
/// serde_json already escapes the control characters.
pub(crate) fn escape_bidi_in_json(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.chars().any(is_bidi_control) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        match c {
            c if is_bidi_control(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> String {
    let escaped = |c: char| (c.is_control() || is_bidi_control(c)) && !keep(c);
    if !text.chars().any(escaped) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if keep(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if is_bidi_control(c) => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_support::assert_aligned;

    #[test]
    fn names_cut_to_fit_keep_both_ends() {
        assert_eq!(
            cut_middle("zamaz-debate.debate-events.dead-letter", 20),
            "zamaz-deba…ad-letter"
        );
        assert_eq!(
            measure_text_width(&cut_middle("zamaz-debate.debate-events.dead-letter", 20)),
            20
        );
        assert_eq!(cut_middle("short", 20), "short");
    }

    #[test]
    fn on_a_narrow_terminal_names_stay_whole_and_details_wrap() {
        let mut t = Table::new(&["TOPIC", "STATE", "OWNER", "DETAIL"]);
        t.row(vec![
            "zamaz-debate.debate-events.dead-letter".into(),
            "Stable".into(),
            "billing-service-1@/10.20.0.15".into(),
            "the Schema Registry at http://sr:8081 could not be reached: connection refused".into(),
        ]);
        let lines = t.render(false, Some(80));
        let text = lines.join("\n");
        assert_aligned(&text, 80);
        assert!(
            lines[1].starts_with("zamaz-debate.debate-events.dead-letter  Stable  "),
            "{text}"
        );
        let detail_at = lines[0].find("DETAIL").unwrap();
        assert!(lines.len() > 2, "the detail wraps: {text}");
        for line in &lines[2..] {
            assert!(line[..detail_at].trim().is_empty(), "{text}");
        }
        let joined: String = lines[1..]
            .iter()
            .map(|l| l[detail_at..].trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            joined.contains("connection refused"),
            "nothing of it is lost: {text}"
        );
        assert_eq!(t.render(false, None).len(), 2, "piped, rows stay whole");
    }

    #[test]
    fn json_for_a_terminal_escapes_bidirectional_overrides_and_stays_the_same_json() {
        let json =
            serde_json::to_string(&serde_json::json!({"name": "invoice\u{202e}fdp.exe"})).unwrap();
        let shown = escape_bidi_in_json(&json);
        assert_eq!(shown, r#"{"name":"invoice\u202efdp.exe"}"#);
        let parsed: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(parsed["name"], "invoice\u{202e}fdp.exe");
    }

    #[test]
    fn bidirectional_overrides_are_escaped_so_data_cannot_reorder_the_screen() {
        assert_eq!(
            escape_controls("invoice\u{202e}fdp.exe"),
            "invoice\\u{202e}fdp.exe"
        );
        assert_eq!(
            escape_controls("caf\u{e9}"),
            "caf\u{e9}",
            "ordinary text is kept"
        );
    }

    fn table() -> Table {
        let mut t = Table::new(&["TOPIC", "PARTITIONS", "STATE"]);
        t.row(vec![
            "orders".into(),
            "3".into(),
            Cell::toned("in sync", Tone::Good),
        ]);
        t.row(vec![
            "child.safety-violation".into(),
            "12".into(),
            Cell::toned("2 changes", Tone::Warn),
        ]);
        t
    }

    #[test]
    fn columns_line_up_with_colour_on() {
        let lines = table().render(true, None);
        assert!(lines[1].contains("\u{1b}["), "colour is on: {lines:?}");
        assert_aligned(&lines.join("\n"), 200);
        let plain = table().render(false, None);
        assert_eq!(
            plain,
            [
                "TOPIC                   PARTITIONS  STATE",
                "orders                  3           in sync",
                "child.safety-violation  12          2 changes",
            ]
        );
        let stripped: Vec<String> = lines
            .iter()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect();
        assert_eq!(stripped, plain, "colour adds no width");
    }

    #[test]
    fn rows_are_cut_to_the_terminal_with_an_ellipsis() {
        let mut t = Table::new(&["ERROR", "LETTERS"]);
        t.row(vec!["x".repeat(300).into(), "4".into()]);
        for width in [40, 80] {
            let lines = t.render(true, Some(width));
            for line in &lines {
                assert!(measure_text_width(line) <= width, "{line}");
            }
            assert!(lines[1].contains('…'));
            assert_aligned(&lines.join("\n"), width);
        }
        let piped = t.render(false, None);
        assert!(piped[1].len() > 300, "piped rows stay whole");
    }

    #[test]
    fn control_characters_from_data_are_escaped() {
        let mut t = Table::new(&["ERROR"]);
        t.row(vec!["boom\u{1b}[2J\u{7}\nnext".into()]);
        let lines = t.render(false, None);
        assert_eq!(lines[1], "boom\\x1b[2J\\x07\\nnext");
        assert!(!lines.concat().contains('\u{1b}'));
    }

    #[test]
    fn prose_wraps_at_spaces_keeping_its_indentation() {
        let lines = wrap("  one two three four five six", 12);
        assert_eq!(lines, ["  one two", "  three four", "  five six"]);
        for line in wrap(&"long ".repeat(40), 20) {
            assert!(measure_text_width(&line) <= 20, "{line}");
        }
        assert_eq!(wrap(&"x".repeat(30), 10), ["xxxxxxxxx…"]);
    }
}
