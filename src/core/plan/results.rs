//! Results of applying a plan: which change succeeded, failed, or was not attempted. Pure.

use crate::core::plan::{Change, Plan};

/// A plan with where it was made and, after an apply, what became of each change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReport {
    pub plan: Plan,
    pub cluster_id: Option<String>,
    pub results: Option<Vec<ChangeResult>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeStatus {
    Applied,
    Failed(String),
    /// Skipped because an earlier batch failed; re-running apply will do it.
    NotAttempted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeResult {
    pub change: Change,
    pub status: ChangeStatus,
}

/// The order batches run in. Adding partitions goes first: it is the change brokers most
/// often lack (librdkafka refuses it locally), and failing first leaves nothing half-done.
/// Deletions go last, after everything constructive succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeBatch {
    AddPartitions,
    CreateTopics,
    AlterConfigs,
    /// Before registering, so that a new schema is judged under the level the file wants.
    SetCompatibility,
    RegisterSchemas,
    DeleteTopics,
}

pub const BATCH_ORDER: [ChangeBatch; 6] = [
    ChangeBatch::AddPartitions,
    ChangeBatch::CreateTopics,
    ChangeBatch::AlterConfigs,
    ChangeBatch::SetCompatibility,
    ChangeBatch::RegisterSchemas,
    ChangeBatch::DeleteTopics,
];

pub fn batch_of(change: &Change) -> ChangeBatch {
    match change {
        Change::AddPartitions { .. } => ChangeBatch::AddPartitions,
        Change::CreateTopic { .. } => ChangeBatch::CreateTopics,
        Change::AlterConfigs { .. } => ChangeBatch::AlterConfigs,
        Change::RegisterSchema { .. } => ChangeBatch::RegisterSchemas,
        Change::SetCompatibility { .. } => ChangeBatch::SetCompatibility,
        Change::DeleteTopic { .. } => ChangeBatch::DeleteTopics,
    }
}

/// The changes of one batch, in plan order.
pub fn changes_in(changes: &[Change], batch: ChangeBatch) -> Vec<&Change> {
    changes.iter().filter(|c| batch_of(c) == batch).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultCounts {
    pub applied: usize,
    pub failed: usize,
    pub not_attempted: usize,
}

pub fn count_results(results: &[ChangeResult]) -> ResultCounts {
    let count = |f: fn(&ChangeStatus) -> bool| results.iter().filter(|r| f(&r.status)).count();
    ResultCounts {
        applied: count(|s| *s == ChangeStatus::Applied),
        failed: count(|s| matches!(s, ChangeStatus::Failed(_))),
        not_attempted: count(|s| *s == ChangeStatus::NotAttempted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_first_deletes_last() {
        let changes = vec![
            Change::DeleteTopic {
                topic: "old".into(),
            },
            Change::CreateTopic {
                topic: "new".into(),
                partitions: Some(1),
                replication_factor: None,
                configs: Default::default(),
            },
            Change::AddPartitions {
                topic: "grow".into(),
                from: 1,
                to: 2,
            },
        ];
        let order: Vec<&str> = BATCH_ORDER
            .iter()
            .flat_map(|b| changes_in(&changes, *b))
            .map(Change::target)
            .collect();
        assert_eq!(order, vec!["grow", "new", "old"]);
    }

    #[test]
    fn tally_counts_each_status() {
        let change = Change::DeleteTopic { topic: "t".into() };
        let results = vec![
            ChangeResult {
                change: change.clone(),
                status: ChangeStatus::Applied,
            },
            ChangeResult {
                change: change.clone(),
                status: ChangeStatus::Failed("x".into()),
            },
            ChangeResult {
                change,
                status: ChangeStatus::NotAttempted,
            },
        ];
        assert_eq!(
            count_results(&results),
            ResultCounts {
                applied: 1,
                failed: 1,
                not_attempted: 1
            }
        );
    }
}
