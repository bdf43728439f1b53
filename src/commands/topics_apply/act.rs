//! Applying a plan: one request per kind of change, in `apply::BATCH_ORDER`. After a batch
//! with a failure, later batches are not attempted, so a broker that lacks an API leaves
//! nothing half-done; re-running apply converges.

use std::collections::BTreeMap;

use super::super::schema_files::Registration;
use crate::core::plan::results::{
    changes_in, ChangeBatch, ChangeResult, ChangeStatus, BATCH_ORDER,
};
use crate::core::plan::{Change, Plan};
use crate::kafka::{Admin, AlterOp, KafkaError, TopicAlteration, TopicOutcomes, TopicToCreate};
use crate::output::Output;
use crate::registry::Registry;
use crate::settings::Settings;

pub(super) fn apply(
    admin: &Admin,
    settings: &Settings,
    plan: &Plan,
    out: &Output,
) -> Vec<ChangeResult> {
    let mut results = Vec::new();
    let mut failed = false;
    for batch in BATCH_ORDER {
        let changes = changes_in(&plan.changes, batch);
        if changes.is_empty() {
            continue;
        }
        if failed {
            results.extend(changes.into_iter().map(|c| ChangeResult {
                change: c.clone(),
                status: ChangeStatus::NotAttempted,
            }));
            continue;
        }
        out.status(&format!("applying: {}", batch_name(batch)));
        let outcome = run_batch(admin, settings, batch, &changes);
        for change in changes {
            let status = match &outcome {
                Err(whole) => ChangeStatus::Failed(whole.clone()),
                Ok(per_target) => match per_target.get(change.target()) {
                    Some(Ok(())) => ChangeStatus::Applied,
                    Some(Err(why)) => ChangeStatus::Failed(why.clone()),
                    None => ChangeStatus::Failed("the cluster sent no result for it".into()),
                },
            };
            failed |= matches!(status, ChangeStatus::Failed(_));
            results.push(ChangeResult {
                change: change.clone(),
                status,
            });
        }
    }
    results
}

fn batch_name(batch: ChangeBatch) -> &'static str {
    match batch {
        ChangeBatch::AddPartitions => "adding partitions",
        ChangeBatch::CreateTopics => "creating topics",
        ChangeBatch::AlterConfigs => "changing configs",
        ChangeBatch::SetCompatibility => "setting compatibility levels",
        ChangeBatch::RegisterSchemas => "registering schemas",
        ChangeBatch::DeleteTopics => "deleting topics",
    }
}

type BatchOutcome = Result<BTreeMap<String, Result<(), String>>, String>;

fn run_batch(
    admin: &Admin,
    settings: &Settings,
    batch: ChangeBatch,
    changes: &[&Change],
) -> BatchOutcome {
    let outcomes: Result<TopicOutcomes, KafkaError> = match batch {
        ChangeBatch::AddPartitions => {
            let grow: Vec<(String, i32)> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::AddPartitions { topic, to, .. } => Some((topic.clone(), *to)),
                    _ => None,
                })
                .collect();
            admin.add_partitions(&grow)
        }
        ChangeBatch::CreateTopics => {
            let create: Vec<TopicToCreate> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::CreateTopic {
                        topic,
                        partitions,
                        replication_factor,
                        configs,
                    } => Some(TopicToCreate {
                        name: topic.clone(),
                        partitions: *partitions,
                        replication_factor: *replication_factor,
                        configs: configs.clone().into_iter().collect(),
                    }),
                    _ => None,
                })
                .collect();
            admin.create_topics(&create)
        }
        ChangeBatch::AlterConfigs => {
            let alterations: Vec<TopicAlteration> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::AlterConfigs { topic, changes } => Some(TopicAlteration {
                        topic: topic.clone(),
                        changes: changes
                            .iter()
                            .map(|c| {
                                let op = c.new.clone().map_or(AlterOp::Delete, AlterOp::Set);
                                (c.key.clone(), op)
                            })
                            .collect(),
                    }),
                    _ => None,
                })
                .collect();
            admin.alter_configs(&alterations)
        }
        ChangeBatch::DeleteTopics => {
            let delete: Vec<String> = changes.iter().map(|c| c.target().to_string()).collect();
            admin.delete_topics(&delete)
        }
        ChangeBatch::RegisterSchemas => return Ok(register_schemas(settings, changes)),
        ChangeBatch::SetCompatibility => return Ok(set_levels(settings, changes)),
    };
    outcomes
        .map(|o| {
            o.into_iter()
                .map(|(topic, result)| (topic, result.map_err(|e| e.to_string())))
                .collect()
        })
        .map_err(|e| e.to_string())
}

fn set_levels(settings: &Settings, changes: &[&Change]) -> BTreeMap<String, Result<(), String>> {
    let Some(registry_settings) = &settings.registry else {
        return BTreeMap::new();
    };
    let registry = Registry::new(registry_settings, settings.timeout);
    changes
        .iter()
        .filter_map(|c| match c {
            Change::SetCompatibility { subject, to, .. } => {
                let result = registry
                    .set_level(Some(subject), *to)
                    .map(|_| ())
                    .map_err(|e| e.to_string());
                Some((subject.clone(), result))
            }
            _ => None,
        })
        .collect()
}

fn register_schemas(
    settings: &Settings,
    changes: &[&Change],
) -> BTreeMap<String, Result<(), String>> {
    let Some(registry_settings) = &settings.registry else {
        return BTreeMap::new();
    };
    let registry = Registry::new(registry_settings, settings.timeout);
    changes
        .iter()
        .filter_map(|c| match c {
            Change::RegisterSchema { subject, file, .. } => {
                let result = super::gather::schema_file(&registry, file, Registration::Register)
                    .map_err(|e| e.to_string())
                    .and_then(|prepared| {
                        registry
                            .register(subject, &prepared.schema)
                            .map(|_| ())
                            .map_err(|e| e.to_string())
                    });
                Some((subject.clone(), result))
            }
            _ => None,
        })
        .collect()
}
