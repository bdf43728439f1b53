//! The Prometheus text exposition format: gauges with HELP and TYPE lines and escaped
//! label values, as node_exporter's textfile collector and a scrape both read it.

use std::fmt::Write as _;

/// A label value, escaped as the format requires (backslash, quote, newline).
pub(crate) fn label(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// An exposition being written, gauge by gauge.
#[derive(Default)]
pub(crate) struct Exposition {
    text: String,
}

impl Exposition {
    /// One gauge: its HELP and TYPE lines, then a sample per `(labels, value)`; `labels`
    /// is the inside of the braces, already escaped, and may be empty.
    pub fn gauge(
        &mut self,
        name: &str,
        help: &str,
        samples: impl IntoIterator<Item = (String, String)>,
    ) {
        let _ = writeln!(self.text, "# HELP {name} {help}\n# TYPE {name} gauge");
        for (labels, value) in samples {
            if labels.is_empty() {
                let _ = writeln!(self.text, "{name} {value}");
            } else {
                let _ = writeln!(self.text, "{name}{{{labels}}} {value}");
            }
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauges_have_help_type_and_escaped_labels() {
        let mut e = Exposition::default();
        e.gauge(
            "kop_x",
            "An example",
            [
                (
                    format!("group=\"{}\"", label("a\"b\\c\nd")),
                    "1".to_string(),
                ),
                (String::new(), "2".to_string()),
            ],
        );
        assert_eq!(
            e.finish(),
            "# HELP kop_x An example\n# TYPE kop_x gauge\nkop_x{group=\"a\\\"b\\\\c\\nd\"} 1\nkop_x 2\n"
        );
    }
}
