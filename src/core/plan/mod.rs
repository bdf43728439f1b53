//! `kop topics apply` decisions: desired state (the file) against actual state (the
//! cluster) gives a [`Plan`]. Pure: no I/O, every rule unit-tested in `tests.rs`.

mod desired;
mod diff;
pub mod results;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use desired::{desired_topics, DesiredTopic};
pub use diff::{diff, CompatibilityState, PlanInput, PlanOptions, SchemaState};

use crate::config::CompatibilityLevel;

/// One change to the cluster (or the registry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    CreateTopic {
        topic: String,
        /// `None`: the broker's default.
        partitions: Option<i32>,
        replication_factor: Option<i16>,
        configs: BTreeMap<String, String>,
    },
    AlterConfigs {
        topic: String,
        changes: Vec<ConfigChange>,
    },
    AddPartitions {
        topic: String,
        from: i32,
        to: i32,
    },
    DeleteTopic {
        topic: String,
    },
    RegisterSchema {
        subject: String,
        file: PathBuf,
        /// The subject has no version yet.
        new_subject: bool,
    },
    /// Gives a subject the compatibility level the file declares.
    SetCompatibility {
        subject: String,
        /// The level in force now.
        from: CompatibilityLevel,
        /// `from` is the registry's global level (the subject has none of its own).
        inherited: bool,
        to: CompatibilityLevel,
    },
}

impl Change {
    /// The topic (or subject) the change is about.
    pub fn target(&self) -> &str {
        match self {
            Change::CreateTopic { topic, .. }
            | Change::AlterConfigs { topic, .. }
            | Change::AddPartitions { topic, .. }
            | Change::DeleteTopic { topic } => topic,
            Change::RegisterSchema { subject, .. } | Change::SetCompatibility { subject, .. } => {
                subject
            }
        }
    }

    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::CreateTopic { .. } | Change::RegisterSchema { .. } => ChangeKind::Create,
            Change::AlterConfigs { .. }
            | Change::AddPartitions { .. }
            | Change::SetCompatibility { .. } => ChangeKind::Change,
            Change::DeleteTopic { .. } => ChangeKind::Delete,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Create,
    Change,
    Delete,
}

/// A config going from `old` to `new`; `new: None` removes it from the topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigChange {
    pub key: String,
    /// The value the cluster has now, when it reported one.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A request the plan cannot carry out, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impossible {
    pub topic: String,
    pub reason: String,
    pub remedy: String,
}

/// A config set on a cluster topic that the file does not mention: reported, kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmanagedConfig {
    pub topic: String,
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub impossible: Vec<Impossible>,
    pub warnings: Vec<String>,
    pub unmanaged_configs: Vec<UnmanagedConfig>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub create: usize,
    pub change: usize,
    pub delete: usize,
    pub impossible: usize,
}

impl Plan {
    /// Nothing to do and nothing impossible: the cluster matches the file.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.impossible.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let count = |kind| self.changes.iter().filter(|c| c.kind() == kind).count();
        Summary {
            create: count(ChangeKind::Create),
            change: count(ChangeKind::Change),
            delete: count(ChangeKind::Delete),
            impossible: self.impossible.len(),
        }
    }

    /// The topics that differ from the file, for `topics list`.
    pub fn drifted_topics(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for change in &self.changes {
            let n = match change {
                Change::AlterConfigs { changes, .. } => changes.len(),
                _ => 1,
            };
            *out.entry(change.target()).or_insert(0) += n;
        }
        for i in &self.impossible {
            *out.entry(i.topic.as_str()).or_insert(0) += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests;
