//! Records as kop sees them, whatever client read or will write them: a topic-partition,
//! headers, a record read from a topic, and a record to send.

use std::fmt;

/// One partition of one topic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> TopicPartition {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }
}

/// `topic/partition`, as kop prints places (`orders/2 @41`).
impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.topic, self.partition)
    }
}

/// One header. Kafka allows a null value and repeated names; both are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub key: String,
    pub value: Option<Vec<u8>>,
}

impl Header {
    pub fn new(key: impl Into<String>, value: Option<Vec<u8>>) -> Header {
        Header {
            key: key.into(),
            value,
        }
    }

    /// A header with a text value.
    pub fn text(key: impl Into<String>, value: impl Into<String>) -> Header {
        Header::new(key, Some(value.into().into_bytes()))
    }
}

/// A record's headers, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<Header>);

impl Headers {
    pub fn new() -> Headers {
        Headers(Vec::new())
    }

    pub fn push(&mut self, header: Header) {
        self.0.push(header);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Header> {
        self.0.iter()
    }

    /// The last header of that name (later headers override earlier ones in most
    /// frameworks); `Some(None)` for a header with a null value.
    pub fn last(&self, key: &str) -> Option<Option<&[u8]>> {
        self.0
            .iter()
            .rev()
            .find(|h| h.key == key)
            .map(|h| h.value.as_deref())
    }

    /// The last header of that name as UTF-8 text.
    pub fn last_text(&self, key: &str) -> Option<&str> {
        self.last(key)
            .flatten()
            .and_then(|v| std::str::from_utf8(v).ok())
    }

    /// Keeps only the headers for which `keep` holds.
    pub fn retain(&mut self, keep: impl FnMut(&Header) -> bool) {
        self.0.retain(keep);
    }
}

impl FromIterator<Header> for Headers {
    fn from_iter<I: IntoIterator<Item = Header>>(iter: I) -> Headers {
        Headers(iter.into_iter().collect())
    }
}

impl IntoIterator for Headers {
    type Item = Header;
    type IntoIter = std::vec::IntoIter<Header>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Headers {
    type Item = &'a Header;
    type IntoIter = std::slice::Iter<'a, Header>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What a record's timestamp means.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TimestampType {
    /// Set by the producer (Kafka's `CreateTime`).
    #[default]
    Create,
    /// Set by the broker when it appended the record (`LogAppendTime`).
    LogAppend,
}

/// A record read from a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// Milliseconds since the epoch; `None` when the record has none.
    pub timestamp: Option<i64>,
    pub timestamp_type: TimestampType,
    pub key: Option<Vec<u8>>,
    /// `None` for a tombstone.
    pub value: Option<Vec<u8>>,
    pub headers: Headers,
}

/// A record to send. `None` partition lets the partitioner decide by key; `None`
/// timestamp is the time of sending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewRecord {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Headers,
    pub partition: Option<i32>,
    /// Milliseconds since the epoch.
    pub timestamp: Option<i64>,
}

impl NewRecord {
    /// The record, borrowed, as the producer takes it.
    pub fn forward(&self) -> Forward<'_> {
        Forward {
            key: self.key.as_deref(),
            value: self.value.as_deref(),
            headers: &self.headers,
            partition: self.partition,
            timestamp: self.timestamp,
        }
    }
}

/// A record to send that borrows its key, value and headers: a copy forwards what it read
/// without copying the bytes once more.
#[derive(Debug, Clone, Copy)]
pub struct Forward<'a> {
    pub key: Option<&'a [u8]>,
    /// `None` for a tombstone.
    pub value: Option<&'a [u8]>,
    pub headers: &'a Headers,
    pub partition: Option<i32>,
    /// Milliseconds since the epoch.
    pub timestamp: Option<i64>,
}

impl Forward<'_> {
    /// Key, value and header bytes, as a producer's limits count them.
    pub fn size(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|h| h.key.len() + h.value.as_ref().map_or(0, Vec::len))
            .sum();
        self.key.map_or(0, <[u8]>::len) + self.value.map_or(0, <[u8]>::len) + headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_keep_order_nulls_and_repeats() {
        let headers: Headers = [
            Header::text("a", "1"),
            Header::new("flag", None),
            Header::text("a", "2"),
        ]
        .into_iter()
        .collect();
        assert_eq!(headers.len(), 3);
        assert_eq!(headers.last_text("a"), Some("2"));
        assert_eq!(headers.last("flag"), Some(None));
        assert_eq!(headers.last("missing"), None);
        let keys: Vec<&str> = headers.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, ["a", "flag", "a"]);
    }

    #[test]
    fn places_print_as_topic_slash_partition() {
        assert_eq!(TopicPartition::new("orders", 2).to_string(), "orders/2");
    }
}
