//! An event as kop sends it: bytes ready for the wire.

/// One event to produce. `None` partition lets the key decide; `None` timestamp is now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub partition: Option<i32>,
    /// Milliseconds since the epoch.
    pub timestamp: Option<i64>,
}
