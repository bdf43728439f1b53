//! `kop tail` decisions: where to start, which events pass the filters, and which are the
//! last N. Pure.

use std::collections::VecDeque;
use std::time::Duration;

use regex::Regex;

use crate::config::units::parse_duration_ms;

/// `--from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Beginning,
    End,
    Offset(i64),
    /// Milliseconds since the epoch.
    Time(i64),
    /// This long before now.
    Ago(Duration),
}

pub fn parse_from(text: &str) -> Result<From, String> {
    let t = text.trim();
    match t.to_ascii_lowercase().as_str() {
        "beginning" | "earliest" | "start" => return Ok(From::Beginning),
        "end" | "latest" => return Ok(From::End),
        _ => {}
    }
    if let Some(ago) = t.strip_prefix('-') {
        return parse_duration_ms(ago)
            .map(|ms| From::Ago(Duration::from_millis(ms)))
            .map_err(|e| e.to_string());
    }
    if let Some(ms) = t.strip_prefix('@') {
        return ms
            .parse()
            .map(From::Time)
            .map_err(|_| format!("`{t}`: expected @ and milliseconds since the epoch"));
    }
    if let Ok(offset) = t.parse::<i64>() {
        return Ok(From::Offset(offset));
    }
    crate::codec::logical::parse_rfc3339(t, 1_000)
        .map(From::Time)
        .ok_or_else(|| {
            format!("`{t}` is not beginning, end, an offset, an RFC 3339 time, @epoch-millis or -DURATION (e.g. -15m)")
        })
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
            .map(|h| match h.split_once('=') {
                Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
                _ => Err(format!("--header `{h}`: expected KEY=VALUE")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Filter { grep, headers })
    }

    /// Headers are checked first: they are cheap and need no decoding.
    pub fn headers_match(&self, headers: &[(String, Option<Vec<u8>>)]) -> bool {
        self.headers.iter().all(|(k, v)| {
            headers
                .iter()
                .any(|(hk, hv)| hk == k && hv.as_deref() == Some(v.as_bytes()))
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

    #[test]
    fn from_specs() {
        assert_eq!(parse_from("beginning"), Ok(From::Beginning));
        assert_eq!(parse_from("end"), Ok(From::End));
        assert_eq!(parse_from("42"), Ok(From::Offset(42)));
        assert_eq!(parse_from("-15m"), Ok(From::Ago(Duration::from_secs(900))));
        assert_eq!(
            parse_from("@1736845923250"),
            Ok(From::Time(1_736_845_923_250))
        );
        assert_eq!(
            parse_from("2025-01-14T09:12:03.250Z"),
            Ok(From::Time(1_736_845_923_250))
        );
        assert!(parse_from("yesterday").is_err());
        assert!(parse_from("-15 fortnights").is_err());
    }

    #[test]
    fn filters() {
        let f = Filter::new(Some("child\\.registered"), &["source=app".into()]).unwrap();
        let headers = vec![
            ("source".to_string(), Some(b"app".to_vec())),
            ("x".into(), None),
        ];
        assert!(f.headers_match(&headers));
        assert!(!f.headers_match(&[("source".into(), Some(b"other".to_vec()))]));
        assert!(f.text_matches(&["k", r#"{"event":"child.registered"}"#]));
        assert!(!f.text_matches(&["k", "nothing"]));
        assert!(Filter::new(Some("("), &[]).is_err());
        assert!(Filter::new(None, &["novalue".into()]).is_err());
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
