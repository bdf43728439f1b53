//! `kop copy` decisions and data: the cursor that remembers how far a copy got, the
//! counts of a run, and re-keying wire-format payloads to another registry. Pure.

pub mod rekey;

use std::collections::BTreeMap;

use crate::core::subject::Part;

/// Every copy cursor's consumer group starts with this.
pub const COPY_CURSOR_PREFIX: &str = "kop-copy.";

/// What a copy selects, as the user wrote it: each selection keeps its progress in a
/// consumer group of its own, so that another selection starts afresh.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopySelection {
    /// The target's profile, when the target is another cluster.
    pub to_cluster: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
    pub partitions: Vec<i32>,
    pub grep: Option<String>,
    pub headers: Vec<String>,
}

impl CopySelection {
    fn is_everything(&self) -> bool {
        *self == CopySelection::default()
    }

    /// The consumer group, on the source cluster, that records how far this copy got:
    /// `kop-copy.<source>.<target>` for a whole topic onto one of the same cluster,
    /// `kop-copy.<source>.<target>.<hash>` otherwise (the hash of the target cluster and
    /// the filters, as written, stable across kop versions).
    pub fn cursor(&self, source: &str, target: &str) -> String {
        let base = format!("{COPY_CURSOR_PREFIX}{source}.{target}");
        if self.is_everything() {
            return base;
        }
        let mut partitions = self.partitions.clone();
        partitions.sort_unstable();
        partitions.dedup();
        let mut headers = self.headers.clone();
        headers.sort();
        let canonical = format!(
            "to_cluster={:?};from={:?};until={:?};partitions={partitions:?};grep={:?};headers={headers:?}",
            self.to_cluster, self.from, self.until, self.grep
        );
        format!("{base}.{:016x}", fnv1a(canonical.as_bytes()))
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// How a copy runs, as its report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyMode {
    /// Nothing is written: the counts are what would be copied.
    DryRun,
    /// Within one cluster: each batch's records and the cursor commit are one transaction.
    Transactional,
    /// The cursor is committed after every record of a batch is acknowledged.
    AtLeastOnce,
}

impl CopyMode {
    pub fn name(self) -> &'static str {
        match self {
            CopyMode::DryRun => "dry-run",
            CopyMode::Transactional => "transactional",
            CopyMode::AtLeastOnce => "at-least-once",
        }
    }
}

/// The counts of one copy run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CopyTally {
    /// Written and committed with the cursor (in a dry run: would be copied).
    pub copied: u64,
    /// Left out by the filters (the cursor passes them).
    pub skipped: u64,
    /// Sent in the batch open when the copy stopped (Ctrl-C, or a failure), which the
    /// cursor does not pass: rolled back with its transaction, or possibly delivered
    /// without one. The next run copies them.
    pub uncommitted: u64,
    /// Key, value and header bytes of the copied records.
    pub bytes: u64,
    /// Copied records by source partition.
    pub per_partition: BTreeMap<i32, u64>,
    pub seconds: f64,
    /// Why the copy stopped early, when it did.
    pub error: Option<String>,
}

impl CopyTally {
    /// Takes in a committed batch.
    pub fn absorb(&mut self, batch: CopyTally) {
        self.copied += batch.copied;
        self.skipped += batch.skipped;
        self.bytes += batch.bytes;
        for (p, n) in batch.per_partition {
            *self.per_partition.entry(p).or_default() += n;
        }
    }

    /// Counts one record copied (or, in a dry run, that would be).
    pub fn count(&mut self, partition: i32, bytes: usize) {
        self.copied += 1;
        self.bytes += bytes as u64;
        *self.per_partition.entry(partition).or_default() += 1;
    }

    pub fn events_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.copied as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// A schema id of the source registry and the id of the same schema in the target's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaMove {
    pub part: Part,
    pub source_id: u32,
    /// `None` in a dry run: nothing is registered.
    pub target_id: Option<u32>,
    /// The subject it is (or would be) registered under; `None` when ids are kept.
    pub subject: Option<String>,
}

/// What a copy did, for its report.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyReport {
    pub source: String,
    pub target: String,
    /// The target's profile, when it is another cluster.
    pub target_cluster: Option<String>,
    pub cursor: String,
    /// The cursor had committed offsets: the run took up where an earlier one stopped.
    pub resumed: bool,
    pub mode: CopyMode,
    pub tally: CopyTally,
    pub schemas: Vec<SchemaMove>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_copy_has_a_readable_cursor_and_filters_get_their_own() {
        let all = CopySelection::default();
        assert_eq!(
            all.cursor("orders", "orders.v2"),
            "kop-copy.orders.orders.v2"
        );
        let other_cluster = CopySelection {
            to_cluster: Some("staging".into()),
            ..CopySelection::default()
        };
        let cursor = other_cluster.cursor("orders", "orders");
        assert!(cursor.starts_with("kop-copy.orders.orders."), "{cursor}");
        assert_eq!(cursor.len(), "kop-copy.orders.orders.".len() + 16);
        let filtered = CopySelection {
            grep: Some("x".into()),
            ..CopySelection::default()
        };
        assert_ne!(filtered.cursor("a", "b"), other_cluster.cursor("a", "b"));
        // The order of repeated flags does not make another cursor.
        let one = CopySelection {
            partitions: vec![2, 0],
            headers: vec!["b=1".into(), "a=1".into()],
            ..CopySelection::default()
        };
        let two = CopySelection {
            partitions: vec![0, 2],
            headers: vec!["a=1".into(), "b=1".into()],
            ..CopySelection::default()
        };
        assert_eq!(one.cursor("a", "b"), two.cursor("a", "b"));
        // Pinned: a cursor must survive kop upgrades, or a resumed copy starts over.
        assert_eq!(
            CopySelection {
                from: Some("-1h".into()),
                ..CopySelection::default()
            }
            .cursor("a", "b"),
            "kop-copy.a.b.d1d1862df383775e"
        );
    }

    #[test]
    fn tallies_add_committed_batches() {
        let mut total = CopyTally::default();
        let mut batch = CopyTally::default();
        batch.count(0, 10);
        batch.count(2, 5);
        batch.skipped = 1;
        total.absorb(batch.clone());
        total.absorb(batch);
        assert_eq!(total.copied, 4);
        assert_eq!(total.skipped, 2);
        assert_eq!(total.bytes, 30);
        assert_eq!(total.per_partition, BTreeMap::from([(0, 2), (2, 2)]));
        total.seconds = 2.0;
        assert_eq!(total.events_per_second(), 2.0);
    }
}
