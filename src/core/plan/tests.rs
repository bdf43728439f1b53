//! Every planning rule, with cluster state in the shapes real brokers report.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::*;
use crate::core::cluster::{
    BrokerInfo, ClusterMetadata, ConfigOrigin, ConfigValue, TopicConfigs, TopicInfo,
};
use crate::util::glob::Glob;

/// Configs as Apache Kafka reported them (see the fixture's comment).
fn kafka_configs() -> TopicConfigs {
    let text = include_str!("fixtures/describe_configs_kafka.json");
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let origin = match e["source"].as_str().unwrap() {
                "DYNAMIC_TOPIC_CONFIG" => ConfigOrigin::Topic,
                "STATIC_BROKER_CONFIG" => ConfigOrigin::StaticBroker,
                "DYNAMIC_BROKER_CONFIG" | "DYNAMIC_DEFAULT_BROKER_CONFIG" => {
                    ConfigOrigin::DynamicBroker
                }
                "DEFAULT_CONFIG" => ConfigOrigin::Default,
                _ => ConfigOrigin::Unknown,
            };
            let value = ConfigValue {
                value: e["value"].as_str().map(str::to_string),
                origin,
                sensitive: false,
            };
            (e["name"].as_str().unwrap().to_string(), value)
        })
        .collect()
}

use crate::core::cluster::fixtures::topic as topic_info;

fn cluster(topics: Vec<TopicInfo>, brokers: i32) -> ClusterMetadata {
    ClusterMetadata {
        cluster_id: Some("c1".into()),
        controller_id: Some(1),
        brokers: (1..=brokers)
            .map(|id| BrokerInfo {
                id,
                host: format!("k{id}"),
                port: 9092,
            })
            .collect(),
        topics,
    }
}

fn desired(name: &str, partitions: i32, configs: &[(&str, &str)]) -> DesiredTopic {
    DesiredTopic {
        name: name.into(),
        partitions: Some(partitions),
        replication_factor: Some(1),
        configs: configs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        unset: vec![],
        keyed: true,
        key_schema: None,
        value_schema: None,
        key_compatibility: None,
        value_compatibility: None,
    }
}

struct Case {
    desired: Vec<DesiredTopic>,
    cluster: ClusterMetadata,
    configs: BTreeMap<String, TopicConfigs>,
    schemas: Vec<SchemaState>,
    compatibility: Vec<CompatibilityState>,
    options: PlanOptions,
}

impl Case {
    fn new(desired: Vec<DesiredTopic>, cluster: ClusterMetadata) -> Case {
        Case {
            desired,
            cluster,
            configs: BTreeMap::new(),
            schemas: vec![],
            compatibility: vec![],
            options: PlanOptions::default(),
        }
    }

    fn with_configs(mut self, topic: &str, configs: TopicConfigs) -> Case {
        self.configs.insert(topic.into(), configs);
        self
    }

    fn plan(&self) -> Plan {
        diff(&PlanInput {
            desired: &self.desired,
            cluster: &self.cluster,
            configs: &self.configs,
            schemas: &self.schemas,
            compatibility: &self.compatibility,
            options: &self.options,
        })
    }
}

fn alter_changes(plan: &Plan) -> Vec<(String, Option<String>, Option<String>)> {
    plan.changes
        .iter()
        .filter_map(|c| match c {
            Change::AlterConfigs { changes, .. } => Some(changes.clone()),
            _ => None,
        })
        .flatten()
        .map(|c| (c.key, c.old, c.new))
        .collect()
}

#[test]
fn missing_topics_are_created_with_partitions_replication_and_configs() {
    let plan = Case::new(
        vec![desired("orders", 3, &[("retention.ms", "604800000")])],
        cluster(vec![], 1),
    )
    .plan();
    assert_eq!(
        plan.changes,
        vec![Change::CreateTopic {
            topic: "orders".into(),
            partitions: Some(3),
            replication_factor: Some(1),
            configs: BTreeMap::from([("retention.ms".into(), "604800000".into())]),
        }]
    );
    assert_eq!(plan.summary().create, 1);
}

#[test]
fn a_matching_topic_on_real_kafka_is_no_change() {
    // Declared values equal to what Kafka reports: retention.ms as a topic override,
    // segment.bytes from server.properties, compression.type and min.insync.replicas at
    // Kafka's defaults. None of it is drift.
    let case = Case::new(
        vec![desired(
            "orders",
            3,
            &[
                ("retention.ms", "86400000"),
                ("cleanup.policy", "delete"),
                ("segment.bytes", "536870912"),
                ("compression.type", "producer"),
                ("min.insync.replicas", "1"),
            ],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    let plan = case.plan();
    assert!(plan.is_empty(), "{plan:#?}");
    assert!(plan.unmanaged_configs.is_empty());
}

#[test]
fn a_changed_value_is_one_set_with_old_and_new() {
    let case = Case::new(
        vec![desired(
            "orders",
            3,
            &[("retention.ms", "604800000"), ("cleanup.policy", "delete")],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    assert_eq!(
        alter_changes(&case.plan()),
        vec![(
            "retention.ms".into(),
            Some("86400000".into()),
            Some("604800000".into())
        )]
    );
}

#[test]
fn values_compare_canonically() {
    let mut configs = kafka_configs();
    configs.get_mut("cleanup.policy").unwrap().value = Some("delete,compact".into());
    let case = Case::new(
        vec![desired(
            "orders",
            3,
            &[
                ("cleanup.policy", "compact,delete"),
                ("retention.ms", "86400000"),
            ],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", configs);
    assert!(case.plan().is_empty());
}

#[test]
fn a_declared_value_different_from_a_broker_default_is_set() {
    let case = Case::new(
        vec![desired(
            "orders",
            3,
            &[
                ("segment.bytes", "1073741824"),
                ("retention.ms", "86400000"),
            ],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    assert_eq!(
        alter_changes(&case.plan()),
        vec![(
            "segment.bytes".into(),
            Some("536870912".into()),
            Some("1073741824".into())
        )]
    );
}

#[test]
fn configs_set_on_the_cluster_but_not_in_the_file_are_reported_not_touched() {
    let case = Case::new(
        vec![desired("orders", 3, &[])],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    let plan = case.plan();
    assert!(plan.is_empty());
    let reported: Vec<&str> = plan
        .unmanaged_configs
        .iter()
        .map(|u| u.key.as_str())
        .collect();
    assert_eq!(
        reported,
        vec!["cleanup.policy", "retention.ms"],
        "only topic overrides, not defaults"
    );
}

#[test]
fn prune_removes_undeclared_overrides_only() {
    let mut case = Case::new(
        vec![desired("orders", 3, &[("cleanup.policy", "delete")])],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    case.options.prune_configs = true;
    assert_eq!(
        alter_changes(&case.plan()),
        vec![("retention.ms".into(), Some("86400000".into()), None)]
    );
}

#[test]
fn unset_removes_a_declared_removal() {
    let mut d = desired("orders", 3, &[("cleanup.policy", "delete")]);
    d.unset = vec!["retention.ms".into()];
    let case = Case::new(vec![d], cluster(vec![topic_info("orders", 3, 1)], 1))
        .with_configs("orders", kafka_configs());
    let plan = case.plan();
    assert_eq!(
        alter_changes(&plan),
        vec![("retention.ms".into(), Some("86400000".into()), None)]
    );
    assert!(plan.unmanaged_configs.is_empty());
}

#[test]
fn configs_the_broker_does_not_report_are_set() {
    // Brokers that list only explicitly set keys report nothing for the rest.
    let case = Case::new(
        vec![desired("orders", 3, &[("retention.ms", "604800000")])],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    );
    assert_eq!(
        alter_changes(&case.plan()),
        vec![("retention.ms".into(), None, Some("604800000".into()))]
    );
}

#[test]
fn more_partitions_are_added_with_a_warning_for_keyed_topics() {
    let case = Case::new(
        vec![desired("orders", 6, &[])],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    );
    let plan = case.plan();
    assert_eq!(
        plan.changes,
        vec![Change::AddPartitions {
            topic: "orders".into(),
            from: 3,
            to: 6
        }]
    );
    assert!(
        plan.warnings[0].contains("existing keys to other partitions"),
        "{:?}",
        plan.warnings
    );

    let mut unkeyed = desired("orders", 6, &[]);
    unkeyed.keyed = false;
    let plan = Case::new(vec![unkeyed], cluster(vec![topic_info("orders", 3, 1)], 1)).plan();
    assert!(plan.warnings.is_empty());
}

#[test]
fn fewer_partitions_is_impossible_and_never_a_recreate() {
    let plan = Case::new(
        vec![desired("orders", 2, &[])],
        cluster(vec![topic_info("orders", 6, 1)], 1),
    )
    .plan();
    assert!(
        plan.changes.is_empty(),
        "no delete-and-recreate: {:?}",
        plan.changes
    );
    assert_eq!(plan.impossible.len(), 1);
    let i = &plan.impossible[0];
    assert_eq!(i.topic, "orders");
    assert!(i.reason.contains("has 6 partitions"), "{}", i.reason);
    assert!(i.remedy.contains("partitions = 6"), "{}", i.remedy);
}

#[test]
fn another_replication_factor_is_impossible() {
    let mut d = desired("orders", 3, &[]);
    d.replication_factor = Some(3);
    let plan = Case::new(vec![d], cluster(vec![topic_info("orders", 3, 1)], 3)).plan();
    assert_eq!(plan.impossible.len(), 1);
    assert!(
        plan.impossible[0].reason.contains("reassignment"),
        "{:?}",
        plan.impossible
    );
}

#[test]
fn replication_beyond_the_broker_count_is_impossible_on_create() {
    let mut d = desired("orders", 3, &[]);
    d.replication_factor = Some(3);
    let plan = Case::new(vec![d], cluster(vec![], 1)).plan();
    assert!(plan.changes.is_empty());
    assert!(plan.impossible[0]
        .reason
        .contains("needs 3 brokers, and the cluster has 1"));
}

#[test]
fn min_insync_above_replication_is_impossible() {
    let plan = Case::new(
        vec![desired("orders", 3, &[("min.insync.replicas", "2")])],
        cluster(vec![], 1),
    )
    .plan();
    assert!(
        plan.impossible[0].reason.contains("min.insync.replicas 2"),
        "{:?}",
        plan.impossible
    );
}

#[test]
fn undeclared_topics_are_deleted_only_when_asked_never_internal_or_protected() {
    let topics = vec![
        topic_info("orders", 3, 1),
        topic_info("legacy", 1, 1),
        topic_info("dlq.old", 1, 1),
        topic_info("__consumer_offsets", 50, 1),
        topic_info("_schemas", 1, 1),
    ];
    let mut case = Case::new(vec![desired("orders", 3, &[])], cluster(topics, 1));
    assert!(case.plan().is_empty(), "deletion is off by default");
    case.options.delete_unmanaged = true;
    case.options.protect = vec![Glob::new("dlq.*")];
    let plan = case.plan();
    assert_eq!(
        plan.changes,
        vec![Change::DeleteTopic {
            topic: "legacy".into()
        }]
    );
    assert_eq!(plan.summary().delete, 1);
    assert!(plan
        .warnings
        .iter()
        .any(|w| w.contains("dlq.old is not declared but protected")));
}

#[test]
fn only_limits_the_plan() {
    let mut case = Case::new(
        vec![desired("task.created", 3, &[]), desired("orders", 3, &[])],
        cluster(vec![topic_info("legacy.task.x", 1, 1)], 1),
    );
    case.options.only = vec![Glob::new("task.*")];
    case.options.delete_unmanaged = true;
    let plan = case.plan();
    let targets: Vec<&str> = plan.changes.iter().map(|c| c.target()).collect();
    assert_eq!(targets, vec!["task.created"]);
}

#[test]
fn lowering_retention_warns_that_data_goes() {
    let case = Case::new(
        vec![desired(
            "orders",
            3,
            &[("retention.ms", "3600000"), ("cleanup.policy", "delete")],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    let plan = case.plan();
    assert_eq!(
        plan.warnings,
        vec!["orders: lowering retention.ms deletes records older than 1h at the next log cleanup"]
    );

    let raising = Case::new(
        vec![desired(
            "orders",
            3,
            &[("retention.ms", "-1"), ("cleanup.policy", "delete")],
        )],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    )
    .with_configs("orders", kafka_configs());
    assert!(raising.plan().warnings.is_empty());
}

#[test]
fn schemas_register_when_new_and_compatible_and_fail_the_plan_when_not() {
    let state = |registered, incompatible: Option<Vec<String>>| SchemaState {
        topic: "task.created".into(),
        subject: "task.created-value".into(),
        file: PathBuf::from("schemas/task_created.avsc"),
        registered,
        new_subject: false,
        incompatible,
    };
    let mut case = Case::new(vec![], cluster(vec![], 1));
    case.schemas = vec![state(true, None)];
    assert!(case.plan().is_empty());
    case.schemas = vec![state(false, None)];
    assert!(
        matches!(&case.plan().changes[..], [Change::RegisterSchema { subject, .. }] if subject == "task.created-value")
    );
    case.schemas = vec![state(
        false,
        Some(vec!["READER_FIELD_MISSING_DEFAULT_VALUE: priority".into()]),
    )];
    let plan = case.plan();
    assert!(plan.changes.is_empty());
    assert!(plan.impossible[0]
        .reason
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
}

#[test]
fn declared_levels_are_set_unless_already_in_force() {
    use crate::config::CompatibilityLevel as Level;
    let state = |own, global| CompatibilityState {
        topic: "task.created".into(),
        subject: "task.created-value".into(),
        declared: Level::FullTransitive,
        own,
        global,
    };
    let mut case = Case::new(vec![], cluster(vec![], 1));
    // The subject's own level, or the global one it inherits, already is the declared one.
    case.compatibility = vec![state(Some(Level::FullTransitive), Level::Backward)];
    assert!(case.plan().is_empty());
    case.compatibility = vec![state(None, Level::FullTransitive)];
    assert!(case.plan().is_empty());
    case.compatibility = vec![state(None, Level::Backward)];
    let plan = case.plan();
    assert_eq!(
        plan.changes,
        [Change::SetCompatibility {
            subject: "task.created-value".into(),
            from: Level::Backward,
            inherited: true,
            to: Level::FullTransitive
        }]
    );
    assert_eq!(plan.summary().change, 1);
    assert_eq!(
        results::batch_of(&plan.changes[0]),
        results::ChangeBatch::SetCompatibility
    );

    // A schema the registry refuses under the old level is registered after the new level
    // is set, with a warning, instead of being impossible.
    case.schemas = vec![SchemaState {
        topic: "task.created".into(),
        subject: "task.created-value".into(),
        file: PathBuf::from("schemas/task_created.avsc"),
        registered: false,
        new_subject: false,
        incompatible: Some(vec!["priority".into()]),
    }];
    let plan = case.plan();
    assert!(plan.impossible.is_empty(), "{plan:?}");
    assert_eq!(plan.changes.len(), 2);
    assert!(plan.warnings[0].contains("judges it again"));
}

#[test]
fn internal_topics_are_never_in_a_plan() {
    let mut case = Case::new(
        vec![],
        cluster(vec![topic_info("__consumer_offsets", 50, 1)], 1),
    );
    case.options.delete_unmanaged = true;
    assert!(case.plan().is_empty());
}

#[test]
fn desired_state_layers_topic_over_profile_over_file_defaults() {
    let file = crate::config::parse(
        std::path::Path::new("topics.toml"),
        r#"
[defaults]
partitions = 3
replication_factor = 1
config = { "compression.type" = "snappy", "min.insync.replicas" = 1 }
[clusters.prod.defaults]
replication_factor = 3
config = { "min.insync.replicas" = 2 }
[topics.a]
[topics.b]
partitions = 6
compression = "zstd"
unset = ["retention.bytes"]
"#,
    )
    .unwrap();
    let local = desired_topics(&file, None);
    assert_eq!(
        (local[0].partitions, local[0].replication_factor),
        (Some(3), Some(1))
    );
    let prod = desired_topics(&file, file.profile("prod"));
    let b = prod.iter().find(|d| d.name == "b").unwrap();
    assert_eq!((b.partitions, b.replication_factor), (Some(6), Some(3)));
    assert_eq!(b.configs["compression.type"], "zstd");
    assert_eq!(b.configs["min.insync.replicas"], "2");
    assert_eq!(b.unset, vec!["retention.bytes"]);
}

#[test]
fn drifted_topics_count_changes_per_topic() {
    let case = Case::new(
        vec![
            desired("orders", 6, &[("retention.ms", "1")]),
            desired("new", 1, &[]),
        ],
        cluster(vec![topic_info("orders", 3, 1)], 1),
    );
    let plan = case.plan();
    let drift = plan.drifted_topics();
    assert_eq!(drift.get("orders"), Some(&2));
    assert_eq!(drift.get("new"), Some(&1));
}
