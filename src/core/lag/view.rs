//! What a lag view shows: a snapshot, at a level of detail, with trends when watching.

use std::collections::BTreeMap;

use super::{GroupLag, LagLevel, Snapshot, Trend};

#[derive(Debug, Clone)]
pub struct LagView {
    pub snapshot: Snapshot,
    pub level: LagLevel,
    /// Groups without lag too.
    pub show_all: bool,
    /// Ages were read (`--time`).
    pub time: bool,
    /// Each group's trend since the previous look (`--watch`).
    pub trends: Option<BTreeMap<String, Trend>>,
    /// Clear the terminal first (`--watch` on a terminal).
    pub redraw: bool,
}

impl LagView {
    /// Whether a group is shown: lagging, over a limit, or asked for with `--all`.
    pub fn shown(&self, group: &GroupLag) -> bool {
        self.show_all || group.lag > 0 || group.breach.is_some()
    }
}
