//! What is in a dead-letter queue: counts by original topic and by error (similar
//! messages grouped), oldest and newest failure, retry spread, unroutable letters.

use std::collections::BTreeMap;

use super::Letter;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorGroup {
    /// The message with its variable parts (numbers, ids, quoted values) replaced.
    pub pattern: String,
    pub count: u64,
    /// One real message of the group.
    pub example: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub letters: u64,
    /// Letters neither replayed nor parked yet: after the cursor, and not in the replay
    /// ledger (which remembers what every cursor did).
    pub pending: u64,
    /// Pending letters with nowhere to go (no original topic, or it does not exist): a
    /// replay stops before them unless it parks them.
    pub unroutable: u64,
    pub by_topic: BTreeMap<String, u64>,
    pub by_shape: BTreeMap<&'static str, u64>,
    /// How the letters' original events are encoded: `avro`, `json-schema`, `protobuf`
    /// (through the registry), `json`, `text`, `base64`, or `none` (no payload).
    pub by_payload: BTreeMap<&'static str, u64>,
    pub errors: Vec<ErrorGroup>,
    pub oldest: Option<i64>,
    pub newest: Option<i64>,
    /// Retry count → letters.
    pub retries: BTreeMap<u32, u64>,
}

/// What `kop dlq stats` reports: the counts, and the queue and cursor they are of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsReport {
    pub dlq: String,
    pub cursor: String,
    pub stats: Stats,
}

impl Stats {
    /// Counts one letter; `pending` and `unroutable` as a dry-run replay of everything
    /// would judge them.
    #[cfg(test)]
    pub fn add(&mut self, letter: &Letter, pending: bool, unroutable: bool) {
        self.add_decoded(letter, None, pending, unroutable);
    }

    /// As [`Stats::add`], with how the letter's original event decoded.
    pub fn add_decoded(
        &mut self,
        letter: &Letter,
        payload: Option<&'static str>,
        pending: bool,
        unroutable: bool,
    ) {
        if let Some(encoding) = payload {
            *self.by_payload.entry(encoding).or_default() += 1;
        }
        self.letters += 1;
        self.pending += u64::from(pending);
        self.unroutable += u64::from(pending && unroutable);
        if let Some(o) = &letter.origin {
            *self.by_topic.entry(o.topic.clone()).or_default() += 1;
        }
        *self.by_shape.entry(letter.shape.name()).or_default() += 1;
        *self.retries.entry(letter.retry_count).or_default() += 1;
        if let Some(t) = letter.failed_at {
            self.oldest = Some(self.oldest.map_or(t, |o| o.min(t)));
            self.newest = Some(self.newest.map_or(t, |n| n.max(t)));
        }
        let message = letter
            .error
            .clone()
            .unwrap_or_else(|| "(no error message)".into());
        let pattern = error_pattern(&message);
        match self.errors.iter_mut().find(|g| g.pattern == pattern) {
            Some(group) => group.count += 1,
            None => self.errors.push(ErrorGroup {
                pattern,
                count: 1,
                example: message,
            }),
        }
    }

    /// Error groups, most frequent first.
    pub fn sorted_errors(&self) -> Vec<&ErrorGroup> {
        let mut groups: Vec<&ErrorGroup> = self.errors.iter().collect();
        groups.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.pattern.cmp(&b.pattern))
        });
        groups
    }
}

/// `Timeout after 3000ms for order 7f0c2a1e-...` and `Timeout after 5000ms for order
/// b1c2...` are one kind of failure: numbers, hex ids and quoted values become `#`, `<id>`
/// and `'…'`.
pub fn error_pattern(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let chars: Vec<char> = message.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' || c == '"' {
            if let Some(end) = chars[i + 1..].iter().position(|&d| d == c) {
                out.push(c);
                out.push('…');
                out.push(c);
                i += end + 2;
                continue;
            }
        }
        if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '-') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let digits = word.chars().filter(char::is_ascii_digit).count();
            let all_hex = word.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
            if word.chars().all(|c| c.is_ascii_digit()) {
                out.push('#');
            } else if digits > 0 && (all_hex && word.len() >= 8 || digits * 2 >= word.len()) {
                out.push_str("<id>");
            } else {
                out.push_str(&word);
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dlq::fixtures::letter;

    #[test]
    fn similar_errors_share_a_pattern() {
        assert_eq!(
            error_pattern("Timeout after 3000 ms for order 7f0c2a1e-0b7d-4c55-9d2c-3f4b1a2e9c10"),
            "Timeout after # ms for order <id>"
        );
        assert_eq!(
            error_pattern("Schema validation failed: missing field 'device_id'"),
            "Schema validation failed: missing field '…'"
        );
        assert_eq!(error_pattern("Handler timeout"), "Handler timeout");
        assert_eq!(error_pattern("HTTP 503 from svc-2"), "HTTP # from svc-2");
    }

    #[test]
    fn stats_count_by_topic_error_time_and_retries() {
        let mut stats = Stats::default();
        stats.add(
            &letter(Some("a"), "Timeout after 3000 ms", 5, 0),
            true,
            false,
        );
        stats.add(
            &letter(Some("a"), "Timeout after 5000 ms", 2, 1),
            true,
            false,
        );
        stats.add(&letter(Some("b"), "bad 'x'", 9, 1), false, false);
        stats.add(&letter(None, "bad 'y'", 7, 2), true, true);
        assert_eq!((stats.letters, stats.pending, stats.unroutable), (4, 3, 1));
        assert_eq!(
            stats.by_topic,
            BTreeMap::from([("a".to_string(), 2), ("b".to_string(), 1)])
        );
        assert_eq!((stats.oldest, stats.newest), (Some(2), Some(9)));
        assert_eq!(stats.retries, BTreeMap::from([(0, 1), (1, 2), (2, 1)]));
        let groups: Vec<(&str, u64)> = stats
            .sorted_errors()
            .iter()
            .map(|g| (g.pattern.as_str(), g.count))
            .collect();
        assert_eq!(groups, vec![("Timeout after # ms", 2), ("bad '…'", 2)]);
    }
}
