//! The rules that turn desired and actual state into a plan.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::{Change, ConfigChange, DesiredTopic, Impossible, Plan, UnmanagedConfig};
use crate::config::catalogue::{canonicalise_broker_value, humane_value};
use crate::config::topic_name::is_internal;
use crate::config::CompatibilityLevel;
use crate::core::cluster::{ClusterMetadata, ConfigOrigin, TopicConfigs, TopicInfo};
use crate::util::glob::{any_matches, Glob};

#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// Delete cluster topics the file does not declare.
    pub delete_unmanaged: bool,
    /// Remove topic configs the file does not declare.
    pub prune_configs: bool,
    /// Limit the plan to matching topics (all when empty).
    pub only: Vec<Glob>,
    /// Never delete these.
    pub protect: Vec<Glob>,
}

/// What the registry said about one schema file, gathered before planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaState {
    pub topic: String,
    pub subject: String,
    pub file: PathBuf,
    /// This exact schema is already registered under the subject.
    pub registered: bool,
    /// The subject has no versions yet.
    pub new_subject: bool,
    /// Why the registry finds the schema incompatible with the subject, if it does.
    pub incompatible: Option<Vec<String>>,
}

/// What the registry said about a subject whose level the file declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompatibilityState {
    pub topic: String,
    pub subject: String,
    pub declared: CompatibilityLevel,
    /// The subject's own level, when it has one.
    pub own: Option<CompatibilityLevel>,
    /// The registry's global level.
    pub global: CompatibilityLevel,
}

pub struct PlanInput<'a> {
    pub desired: &'a [DesiredTopic],
    pub cluster: &'a ClusterMetadata,
    /// Topic configs by topic, for the cluster topics the plan covers.
    pub configs: &'a BTreeMap<String, TopicConfigs>,
    pub schemas: &'a [SchemaState],
    pub compatibility: &'a [CompatibilityState],
    pub options: &'a PlanOptions,
}

pub fn diff(input: &PlanInput) -> Plan {
    let mut plan = Plan::default();
    let options = input.options;
    let in_scope = |name: &str| {
        !is_internal(name) && (options.only.is_empty() || any_matches(&options.only, name))
    };
    let brokers = input.cluster.brokers.len();
    for desired in input.desired.iter().filter(|d| in_scope(&d.name)) {
        match input.cluster.topic(&desired.name) {
            None => create(&mut plan, desired, brokers),
            Some(actual) => {
                let empty = TopicConfigs::new();
                let configs = input.configs.get(&desired.name).unwrap_or(&empty);
                update(&mut plan, desired, actual, configs, options.prune_configs);
            }
        }
    }
    let declared: BTreeSet<&str> = input.desired.iter().map(|d| d.name.as_str()).collect();
    if options.delete_unmanaged {
        for topic in &input.cluster.topics {
            let name = topic.name.as_str();
            if declared.contains(name) || !in_scope(name) {
                continue;
            }
            if any_matches(&options.protect, name) {
                plan.warnings
                    .push(format!("{name} is not declared but protected: kept"));
            } else {
                plan.changes.push(Change::DeleteTopic {
                    topic: name.to_string(),
                });
            }
        }
    }
    let mut relevelled = BTreeSet::new();
    for state in input.compatibility.iter().filter(|s| in_scope(&s.topic)) {
        // A level equal to the one in force is no drift, as configs equal to the broker's
        // default are not.
        let (from, inherited) = match state.own {
            Some(own) => (own, false),
            None => (state.global, true),
        };
        if from != state.declared {
            relevelled.insert(state.subject.as_str());
            plan.changes.push(Change::SetCompatibility {
                subject: state.subject.clone(),
                from,
                inherited,
                to: state.declared,
            });
        }
    }
    for schema in input.schemas.iter().filter(|s| in_scope(&s.topic)) {
        plan_schema(
            &mut plan,
            schema,
            relevelled.contains(schema.subject.as_str()),
        );
    }
    plan
}

fn create(plan: &mut Plan, desired: &DesiredTopic, brokers: usize) {
    if let Some(rf) = desired.replication_factor {
        if brokers > 0 && rf as usize > brokers {
            plan.impossible.push(Impossible {
                topic: desired.name.clone(),
                reason: format!("replication factor {rf} needs {rf} brokers, and the cluster has {brokers}"),
                remedy: format!("set replication_factor to at most {brokers} for this cluster (a profile's [defaults] can)"),
            });
            return;
        }
    }
    if let Some(problem) = min_insync_problem(desired) {
        plan.impossible.push(problem);
        return;
    }
    plan.changes.push(Change::CreateTopic {
        topic: desired.name.clone(),
        partitions: desired.partitions,
        replication_factor: desired.replication_factor,
        configs: desired.configs.clone(),
    });
}

/// `min.insync.replicas` above the replication factor makes every `acks=all` write fail.
fn min_insync_problem(desired: &DesiredTopic) -> Option<Impossible> {
    let rf = desired.replication_factor?;
    let min: i16 = desired.configs.get("min.insync.replicas")?.parse().ok()?;
    (min > rf).then(|| Impossible {
        topic: desired.name.clone(),
        reason: format!("min.insync.replicas {min} is above the replication factor {rf}: every acks=all write would fail"),
        remedy: format!("set min_insync_replicas to at most {rf}"),
    })
}

fn update(
    plan: &mut Plan,
    desired: &DesiredTopic,
    actual: &TopicInfo,
    configs: &TopicConfigs,
    prune: bool,
) {
    let name = &desired.name;
    let current_partitions = actual.partitions.len() as i32;
    if let Some(want) = desired.partitions {
        if want < current_partitions {
            plan.impossible.push(Impossible {
                topic: name.clone(),
                reason: format!("it has {current_partitions} partitions and Kafka cannot remove partitions (the file asks for {want})"),
                remedy: format!(
                    "set partitions = {current_partitions}, or create a new topic with {want} partitions and move consumers to it"
                ),
            });
        } else if want > current_partitions {
            plan.changes.push(Change::AddPartitions {
                topic: name.clone(),
                from: current_partitions,
                to: want,
            });
            if desired.keyed {
                plan.warnings.push(format!(
                    "{name}: going from {current_partitions} to {want} partitions sends existing keys to other partitions; per-key ordering breaks across the change (set keyed = false if producers do not key this topic)"
                ));
            }
        }
    }
    if let Some(want) = desired.replication_factor {
        let current = actual.replication_factor();
        if current > 0 && want as usize != current {
            plan.impossible.push(Impossible {
                topic: name.clone(),
                reason: format!("its replication factor is {current} (the file asks for {want}); changing it needs a partition reassignment, which kop does not do"),
                remedy: format!("set replication_factor = {current}, or reassign with kafka-reassign-partitions.sh"),
            });
        }
    }
    let changes = config_changes(desired, configs, prune);
    for change in &changes {
        if let Some(warning) = lowered_limit_warning(name, change) {
            plan.warnings.push(warning);
        }
    }
    if !changes.is_empty() {
        plan.changes.push(Change::AlterConfigs {
            topic: name.clone(),
            changes,
        });
    }
    if !prune {
        for (key, value) in configs {
            let overridden = value.origin == ConfigOrigin::Topic && !value.sensitive;
            if overridden && !desired.configs.contains_key(key) && !desired.unset.contains(key) {
                plan.unmanaged_configs.push(UnmanagedConfig {
                    topic: name.clone(),
                    key: key.clone(),
                    value: value.value.clone().unwrap_or_default(),
                });
            }
        }
    }
}

/// The config changes that bring a topic to the file's values.
///
/// A declared value equal to what the broker reports is no drift, whatever the source
/// (a value equal to the broker's default included). Configs set on the topic but absent
/// from the file are left alone unless `prune`; configs the file lists in `unset` go.
fn config_changes(
    desired: &DesiredTopic,
    configs: &TopicConfigs,
    prune: bool,
) -> Vec<ConfigChange> {
    let mut changes = Vec::new();
    for (key, want) in &desired.configs {
        let current = configs.get(key).and_then(|v| v.value.as_deref());
        let same = current.is_some_and(|c| canonicalise_broker_value(key, c) == *want);
        if !same {
            changes.push(ConfigChange {
                key: key.clone(),
                old: current.map(str::to_string),
                new: Some(want.clone()),
            });
        }
    }
    for (key, value) in configs {
        let on_topic = value.origin == ConfigOrigin::Topic;
        let declared = desired.configs.contains_key(key);
        let unwanted = desired.unset.contains(key) || (prune && !declared);
        if on_topic && unwanted && !value.sensitive {
            changes.push(ConfigChange {
                key: key.clone(),
                old: value.value.clone(),
                new: None,
            });
        }
    }
    changes
}

/// Lowering a retention limit deletes data at the next cleanup: say so in the plan.
fn lowered_limit_warning(topic: &str, change: &ConfigChange) -> Option<String> {
    const LIMITS: [&str; 4] = [
        "retention.ms",
        "retention.bytes",
        "local.retention.ms",
        "local.retention.bytes",
    ];
    if !LIMITS.contains(&change.key.as_str()) {
        return None;
    }
    let as_limit = |v: &str| -> Option<u64> {
        let n: i64 = canonicalise_broker_value(&change.key, v).parse().ok()?;
        Some(if n < 0 { u64::MAX } else { n as u64 })
    };
    let old = as_limit(change.old.as_deref()?)?;
    let new = as_limit(change.new.as_deref()?)?;
    (new < old).then(|| {
        let bound = humane_value(&change.key, change.new.as_deref().unwrap_or_default());
        let what = if change.key.ends_with(".ms") {
            format!("records older than {bound}")
        } else {
            format!("data beyond {bound} per partition")
        };
        format!(
            "{topic}: lowering {} deletes {what} at the next log cleanup",
            change.key
        )
    })
}

/// `relevelled`: the plan changes the subject's level first, so the registry's verdict
/// (given under the old level) is not the last word: it judges again when registering.
fn plan_schema(plan: &mut Plan, schema: &SchemaState, relevelled: bool) {
    if schema.registered {
        return;
    }
    if let (Some(_), true) = (&schema.incompatible, relevelled) {
        plan.warnings.push(format!(
            "{}: the registry finds {} incompatible under the subject's current level; it is registered after the level changes, and the registry judges it again then",
            schema.subject,
            schema.file.display()
        ));
    } else if let Some(reasons) = &schema.incompatible {
        let why = if reasons.is_empty() {
            "the registry finds it incompatible with the subject's latest version".to_string()
        } else {
            format!("the registry finds it incompatible: {}", reasons.join("; "))
        };
        plan.impossible.push(Impossible {
            topic: schema.subject.clone(),
            reason: format!("{} cannot be registered: {why}", schema.file.display()),
            remedy: "make the change compatible (e.g. give new fields defaults), or change the subject's compatibility level".into(),
        });
        return;
    }
    plan.changes.push(Change::RegisterSchema {
        subject: schema.subject.clone(),
        file: schema.file.clone(),
        new_subject: schema.new_subject,
    });
}
