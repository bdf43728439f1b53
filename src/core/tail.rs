//! `kop tail` decisions: where to start, which events pass the filters, which are the
//! last N, and the record as it is shown. Pure.

use std::borrow::Cow;
use std::collections::VecDeque;

use regex::Regex;

use crate::core::cluster::Ends;
use crate::core::codec::{text_or_base64, Decoded};
use crate::core::record::{Headers, TimestampType};
use crate::util::kv::parse_required_pair;
use crate::util::time::{parse_time, TimeSpec, TIME_FORMS};

/// `--from`: where reading starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    Beginning,
    End,
    Offset(i64),
    Time(TimeSpec),
}

/// `beginning` (or `earliest`), `end` (or `latest`), an OFFSET, or a TIME.
pub fn parse_start(text: &str) -> Result<StartAt, String> {
    let t = text.trim();
    match t.to_ascii_lowercase().as_str() {
        "beginning" | "earliest" | "start" => return Ok(StartAt::Beginning),
        "end" | "latest" => return Ok(StartAt::End),
        _ => {}
    }
    if let Ok(offset) = t.parse::<i64>() {
        return Ok(StartAt::Offset(offset));
    }
    parse_time(t)
        .map(StartAt::Time)
        .map_err(|_| format!("`{t}` is not beginning, end, an offset, or {TIME_FORMS}"))
}

/// The offset a partition starts at. `at_time`: the broker's first offset at the asked
/// time, `None` when nothing is that recent (then the partition starts at its end).
pub fn start_offset(start: StartAt, ends: Ends, at_time: Option<i64>) -> i64 {
    match start {
        StartAt::Beginning => ends.earliest,
        StartAt::End => ends.latest,
        StartAt::Offset(o) => o.max(ends.earliest),
        StartAt::Time(_) => at_time.unwrap_or(ends.latest),
    }
}

/// Where to start reading a partition for its last `n` records. Transaction markers take
/// offsets but are never delivered, so the last `n` offsets can hold fewer than `n`
/// records: a transaction holds at least one record before its marker, so `2n + 1`
/// offsets hold at least `n` of them (the reader keeps the last `n`).
pub fn last_n_offset(n: u64, ends: Ends) -> i64 {
    let window = i64::try_from(n)
        .unwrap_or(i64::MAX)
        .saturating_mul(2)
        .saturating_add(1);
    ends.latest.saturating_sub(window).max(ends.earliest)
}

/// A record as `kop tail` shows it: decoded key and value, headers as text.
#[derive(Debug, Clone, PartialEq)]
pub struct TailRecord {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub timestamp_type: TimestampType,
    pub key: Option<Decoded>,
    /// Header values as text when UTF-8, else base64.
    pub headers: Vec<ShownHeader>,
    /// `None` for a tombstone.
    pub value: Option<Shown>,
}

/// A value as `kop tail` shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Decoded(Decoded),
    /// A JSON payload already turned into the compact text serde_json prints for it
    /// (`core::compact_json`), with no value built: what one-line output (NDJSON, `--grep`)
    /// shows, at a fraction of the cost.
    CompactJson(String),
}

impl Shown {
    pub fn encoding(&self) -> &'static str {
        match self {
            Shown::Decoded(d) => d.encoding,
            Shown::CompactJson(_) => "json",
        }
    }

    pub fn schema_id(&self) -> Option<u32> {
        match self {
            Shown::Decoded(d) => d.schema_id,
            Shown::CompactJson(_) => None,
        }
    }

    /// The value as JSON on one line, as serde_json prints it.
    pub fn compact(&self) -> Cow<'_, str> {
        match self {
            Shown::Decoded(d) => Cow::Owned(d.value.to_string()),
            Shown::CompactJson(text) => Cow::Borrowed(text),
        }
    }

    /// The value as a JSON tree, for output that lays it out (pretty, `-o json`). Compact
    /// text is only made for one-line output, so reading it back here is a fallback.
    pub fn value(&self) -> Cow<'_, serde_json::Value> {
        match self {
            Shown::Decoded(d) => Cow::Borrowed(&d.value),
            Shown::CompactJson(text) => Cow::Owned(
                serde_json::from_str(text)
                    .unwrap_or_else(|_| serde_json::Value::String(text.clone())),
            ),
        }
    }
}

/// A header as it is printed: its value as text when UTF-8 (without control
/// characters), else base64, and which of the two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownHeader {
    pub key: String,
    /// `None` for a null value.
    pub value: Option<String>,
    /// `text` or `base64`; `None` with a null value.
    pub encoding: Option<&'static str>,
}

/// Header values as they are printed: text when UTF-8, else base64.
pub fn shown_headers(headers: &Headers) -> Vec<ShownHeader> {
    headers
        .iter()
        .map(|h| {
            let decoded = h.value.as_deref().map(text_or_base64);
            ShownHeader {
                key: h.key.clone(),
                encoding: decoded.as_ref().map(|d| d.encoding),
                value: decoded.map(|d| match d.value {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                }),
            }
        })
        .collect()
}

/// `--grep` and `--header` together: an event passes when it matches all of them.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub grep: Option<Regex>,
    pub headers: Vec<(String, String)>,
}

impl Filter {
    pub fn new(grep: Option<&str>, headers: &[String]) -> Result<Filter, String> {
        let grep = grep
            .map(|g| Regex::new(g).map_err(|e| format!("--grep: {e}")))
            .transpose()?;
        let headers = headers
            .iter()
            .map(|h| parse_required_pair(h).map_err(|e| format!("--header {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Filter { grep, headers })
    }

    /// Headers are checked first: they are cheap and need no decoding.
    pub fn headers_match(&self, headers: &Headers) -> bool {
        self.headers.iter().all(|(k, v)| {
            headers
                .iter()
                .any(|h| &h.key == k && h.value.as_deref() == Some(v.as_bytes()))
        })
    }

    /// `texts`: the decoded key and value as printed.
    pub fn text_matches(&self, texts: &[&str]) -> bool {
        match &self.grep {
            Some(re) => texts.iter().any(|t| re.is_match(t)),
            None => true,
        }
    }

    pub fn needs_text(&self) -> bool {
        self.grep.is_some()
    }
}

/// Keeps the last `n` items seen; for "the last N events across partitions".
#[derive(Debug)]
pub struct LastN<T> {
    n: usize,
    items: VecDeque<(i64, T)>,
}

impl<T> LastN<T> {
    pub fn new(n: usize) -> Self {
        LastN {
            n,
            items: VecDeque::new(),
        }
    }

    /// Adds an item with its timestamp; keeps at most `n` per call site's partition by
    /// dropping the oldest when full (callers keep one `LastN` per partition).
    pub fn push(&mut self, timestamp: i64, item: T) {
        if self.n == 0 {
            return;
        }
        if self.items.len() == self.n {
            self.items.pop_front();
        }
        self.items.push_back((timestamp, item));
    }

    pub fn into_items(self) -> impl Iterator<Item = (i64, T)> {
        self.items.into_iter()
    }
}

/// The last `n` of several partitions' last items, oldest first (by timestamp, stable).
pub fn merge_last<T>(parts: Vec<LastN<T>>, n: usize) -> Vec<T> {
    let mut all: Vec<(i64, usize, T)> = parts
        .into_iter()
        .enumerate()
        .flat_map(|(i, p)| p.into_items().map(move |(ts, item)| (ts, i, item)))
        .collect();
    all.sort_by_key(|(ts, i, _)| (*ts, *i));
    let skip = all.len().saturating_sub(n);
    all.into_iter()
        .skip(skip)
        .map(|(_, _, item)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::record::Header;

    #[test]
    fn start_specs() {
        assert_eq!(parse_start("beginning"), Ok(StartAt::Beginning));
        assert_eq!(parse_start("end"), Ok(StartAt::End));
        assert_eq!(parse_start("42"), Ok(StartAt::Offset(42)));
        assert_eq!(
            parse_start("-15m"),
            Ok(StartAt::Time(TimeSpec::Ago(
                std::time::Duration::from_secs(900)
            )))
        );
        assert_eq!(
            parse_start("@1736845923250"),
            Ok(StartAt::Time(TimeSpec::At(1_736_845_923_250)))
        );
        assert_eq!(
            parse_start("2025-01-14T09:12:03.250Z"),
            Ok(StartAt::Time(TimeSpec::At(1_736_845_923_250)))
        );
        assert!(parse_start("yesterday").is_err());
        assert!(parse_start("-15 fortnights").is_err());
    }

    #[test]
    fn starts_are_clamped_to_what_the_partition_holds() {
        let ends = Ends {
            earliest: 5,
            latest: 20,
        };
        assert_eq!(start_offset(StartAt::Beginning, ends, None), 5);
        assert_eq!(start_offset(StartAt::End, ends, None), 20);
        assert_eq!(start_offset(StartAt::Offset(2), ends, None), 5);
        assert_eq!(start_offset(StartAt::Offset(9), ends, None), 9);
        let at = StartAt::Time(TimeSpec::At(0));
        assert_eq!(start_offset(at, ends, Some(12)), 12);
        assert_eq!(start_offset(at, ends, None), 20, "nothing that recent");
        // Room for a transaction marker after every record.
        assert_eq!(last_n_offset(3, ends), 13);
        assert_eq!(last_n_offset(10, ends), 5);
        assert_eq!(last_n_offset(100, ends), 5);
        assert_eq!(last_n_offset(u64::MAX, ends), 5);
    }

    #[test]
    fn filters() {
        let f = Filter::new(Some("child\\.registered"), &["source=app".into()]).unwrap();
        let headers: Headers = [Header::text("source", "app"), Header::new("x", None)]
            .into_iter()
            .collect();
        assert!(f.headers_match(&headers));
        let other: Headers = [Header::text("source", "other")].into_iter().collect();
        assert!(!f.headers_match(&other));
        assert!(f.text_matches(&["k", r#"{"event":"child.registered"}"#]));
        assert!(!f.text_matches(&["k", "nothing"]));
        assert!(Filter::new(Some("("), &[]).is_err());
        assert!(Filter::new(None, &["novalue".into()]).is_err());
    }

    #[test]
    fn header_values_say_how_they_are_written() {
        let headers: Headers = [
            Header::text("a", "1"),
            Header::new("flag", None),
            Header::new("bin", Some(vec![0, 255])),
            Header::text("a", "2"),
        ]
        .into_iter()
        .collect();
        let shown = shown_headers(&headers);
        let triples: Vec<(&str, Option<&str>, Option<&str>)> = shown
            .iter()
            .map(|h| (h.key.as_str(), h.value.as_deref(), h.encoding))
            .collect();
        assert_eq!(
            triples,
            [
                ("a", Some("1"), Some("text")),
                ("flag", None, None),
                ("bin", Some("AP8="), Some("base64")),
                ("a", Some("2"), Some("text")),
            ]
        );
    }

    #[test]
    fn last_n_across_partitions_oldest_first() {
        let mut p0 = LastN::new(2);
        let mut p1 = LastN::new(2);
        for (ts, name) in [(1, "a"), (4, "d"), (6, "f")] {
            p0.push(ts, name);
        }
        for (ts, name) in [(2, "b"), (5, "e")] {
            p1.push(ts, name);
        }
        assert_eq!(merge_last(vec![p0, p1], 3), vec!["d", "e", "f"]);
    }
}
