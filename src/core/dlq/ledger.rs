//! The replay ledger: which letters of a queue have been replayed (or parked), by any
//! cursor. Each replay cursor only remembers how far it got with its own filters, so
//! without a ledger a filtered replay and a later unfiltered one would both send the same
//! letter. The ledger is a compacted topic beside the queue, `_kop.replayed.<dlq>`, with
//! one record per handled letter (key `partition:offset`), written in the same
//! transaction as the letter itself where the broker supports transactions.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::record::{NewRecord, Record};

/// The ledger topic of a dead-letter queue. Names starting with `_` are internal: `topics
/// apply` never plans them, `topics list` shows them only with `--all`.
pub fn ledger_topic(dlq: &str) -> String {
    format!("_kop.replayed.{dlq}")
}

/// What the ledger says about one letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The cursor that handled it.
    pub cursor: String,
    pub target: String,
    pub parked: bool,
    /// How many times it has been replayed (or parked), across every cursor.
    pub count: u32,
    /// Milliseconds since the epoch.
    pub at: i64,
}

/// Every letter handled so far, by (partition, offset) in the queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    entries: HashMap<(i32, i64), Entry>,
}

impl Ledger {
    /// Adds a record read from the ledger topic; records kop cannot read are ignored (the
    /// ledger is kop's own, but a stray write must not stop a replay).
    pub fn absorb(&mut self, record: &Record) {
        let key = record
            .key
            .as_deref()
            .and_then(|k| std::str::from_utf8(k).ok())
            .and_then(parse_key);
        let entry = record
            .value
            .as_deref()
            .and_then(|v| serde_json::from_slice::<Entry>(v).ok());
        if let (Some(key), Some(entry)) = (key, entry) {
            self.entries.insert(key, entry);
        }
    }

    pub fn get(&self, partition: i32, offset: i64) -> Option<&Entry> {
        self.entries.get(&(partition, offset))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

fn parse_key(key: &str) -> Option<(i32, i64)> {
    let (p, o) = key.split_once(':')?;
    Some((p.parse().ok()?, o.parse().ok()?))
}

/// The ledger record for a letter at `partition:offset` of the queue.
pub fn ledger_record(partition: i32, offset: i64, entry: &Entry) -> NewRecord {
    NewRecord {
        key: Some(format!("{partition}:{offset}").into_bytes()),
        value: serde_json::to_vec(entry).ok(),
        ..NewRecord::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_entry_reads_back_by_partition_and_offset() {
        let entry = Entry {
            cursor: "kop-replay.dlq.0123".into(),
            target: "orders".into(),
            parked: false,
            count: 1,
            at: 1_736_845_953_000,
        };
        let written = ledger_record(2, 41, &entry);
        assert_eq!(written.key.as_deref(), Some(&b"2:41"[..]));
        let mut ledger = Ledger::default();
        ledger.absorb(&Record {
            key: written.key,
            value: written.value,
            ..Record::default()
        });
        assert_eq!(ledger.get(2, 41), Some(&entry));
        assert_eq!(ledger.get(2, 42), None);
        ledger.absorb(&Record {
            key: Some(b"garbage".to_vec()),
            value: Some(b"{}".to_vec()),
            ..Record::default()
        });
        assert_eq!(ledger.len(), 1, "stray records are ignored");
        assert_eq!(
            ledger_topic("dlq.failed-events"),
            "_kop.replayed.dlq.failed-events"
        );
    }
}
