//! `kop topics describe`: metadata (one request), configs (one request), partition ends
//! (one ListOffsets per broker each), the consumer groups and their committed offsets
//! (one request per group, all in flight), the dead-letter queue's cursor, and the
//! registry's subjects; one description per topic.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::core::cluster::{ClusterMetadata, TopicConfigs, TopicInfo};
use crate::core::dlq::replay::LetterFilter;
use crate::core::lag::{snapshot, GroupSelection, LagInputs, Thresholds};
use crate::core::record::TopicPartition;
use crate::core::schemas::VersionRef;
use crate::core::topic_describe::{
    config_rows, dead_letter_queue, declared, partition_rows, queue_depth, reading_groups,
    DeadLetterQueue, Subject, TopicDescription,
};
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::topic_describe::render;
use crate::output::Output;
use crate::registry::Registry;
use crate::settings::Settings;

/// Everything read for the topics, before each is described.
struct Gathered<'a> {
    settings: &'a Settings,
    cluster: ClusterMetadata,
    configs: BTreeMap<String, TopicConfigs>,
    /// Each topic's dead-letter queue and whether the file declares it.
    queues: BTreeMap<String, (String, bool)>,
    /// Every consumer group, the committed offsets of those and of the queues' replay
    /// cursors, and the ends of the topics' and the queues' partitions.
    inputs: LagInputs,
    members: BTreeMap<String, usize>,
    registry: Option<Registry>,
    all_configs: bool,
}

pub(crate) fn run(
    settings: &Settings,
    names: &[String],
    all_configs: bool,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let mut topics: Vec<String> = Vec::new();
    for name in names {
        if !topics.contains(name) {
            topics.push(name.clone());
        }
    }
    let admin = Admin::connect(settings, out.log_sink())?;
    let cluster = admin.metadata()?;
    if let Some(missing) = topics.iter().find(|t| cluster.topic(t).is_none()) {
        return Err(crate::commands::names::no_such_topic(
            format!("topic {missing} does not exist"),
            missing,
            &cluster,
        ));
    }
    let configs = admin.topic_configs(&topics)?;
    let queues: BTreeMap<String, (String, bool)> = topics
        .iter()
        .filter_map(|t| {
            dead_letter_queue(settings.file.as_ref(), &cluster, t).map(|q| (t.clone(), q))
        })
        .collect();
    let (inputs, members) = groups_and_offsets(&admin, &cluster, &topics, &queues)?;
    let gathered = Gathered {
        settings,
        configs,
        queues,
        inputs,
        members,
        registry: settings
            .registry
            .as_ref()
            .map(|r| Registry::new(r, settings.timeout)),
        all_configs,
        cluster,
    };
    let descriptions: Vec<TopicDescription> = topics
        .iter()
        .filter_map(|name| gathered.cluster.topic(name))
        .map(|topic| describe(&gathered, topic))
        .collect();
    render(out, &descriptions)?;
    Ok(Outcome::Clean)
}

/// The ends of the topics' and their queues' partitions, every consumer group, and the
/// committed offsets of those groups and of the queues' replay cursors.
fn groups_and_offsets(
    admin: &Admin,
    cluster: &ClusterMetadata,
    topics: &[String],
    queues: &BTreeMap<String, (String, bool)>,
) -> Result<(LagInputs, BTreeMap<String, usize>), CommandError> {
    let partitions: Vec<TopicPartition> = topics
        .iter()
        .chain(queues.values().map(|(q, _)| q))
        .filter_map(|t| cluster.topic(t))
        .flat_map(|t| {
            t.partitions
                .iter()
                .map(|p| TopicPartition::new(t.name.clone(), p.id))
        })
        .collect();
    let ends = admin.partition_ends(&partitions)?;
    let groups = admin.groups()?;
    let mut wanted: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    for (queue, _) in queues.values() {
        let cursor = LetterFilter::default().cursor(queue, None);
        if !wanted.contains(&cursor) {
            wanted.push(cursor);
        }
    }
    let mut committed = BTreeMap::new();
    for (group, offsets) in admin.group_offsets(&wanted)? {
        committed.insert(group, offsets?);
    }
    let members = groups
        .iter()
        .map(|g| (g.name.clone(), g.members.len()))
        .collect();
    Ok((
        LagInputs {
            groups,
            committed,
            ends,
        },
        members,
    ))
}

fn describe(g: &Gathered<'_>, topic: &TopicInfo) -> TopicDescription {
    let empty = TopicConfigs::new();
    let (configs, configs_partial) =
        config_rows(g.configs.get(&topic.name).unwrap_or(&empty), g.all_configs);
    let only_this = GroupSelection {
        topics: vec![topic.name.clone()],
        ..GroupSelection::default()
    };
    let snap = snapshot(
        &g.inputs,
        &only_this,
        &Thresholds::default(),
        None,
        Instant::now(),
    );
    let file = g.settings.file.as_ref();
    TopicDescription {
        name: topic.name.clone(),
        partitions: partition_rows(topic, &g.inputs.ends),
        configs,
        configs_partial,
        file_read: file.is_some(),
        declared: file.and_then(|f| {
            declared(
                f,
                g.settings.profile.as_ref(),
                &g.cluster,
                &g.configs,
                &topic.name,
            )
        }),
        groups: reading_groups(&snap, &g.members),
        dead_letter: g.queues.get(&topic.name).map(|(queue, declared)| {
            let cursor = g
                .inputs
                .committed
                .get(&LetterFilter::default().cursor(queue, None))
                .cloned()
                .unwrap_or_default();
            DeadLetterQueue {
                topic: queue.clone(),
                declared: *declared,
                depth: g
                    .cluster
                    .topic(queue)
                    .map(|_| queue_depth(queue, &g.inputs.ends, &cursor)),
            }
        }),
        subjects: g.registry.as_ref().map(|r| subjects(r, &topic.name)),
    }
}

/// The topic's `-key` and `-value` subjects that exist, with their latest versions.
fn subjects(registry: &Registry, topic: &str) -> Result<Vec<Subject>, String> {
    let mut found = Vec::new();
    for part in ["key", "value"] {
        let subject = format!("{topic}-{part}");
        match registry.version(&subject, VersionRef::Latest, false) {
            Ok(latest) => found.push(Subject {
                subject,
                version: latest.version,
                id: latest.id,
                schema_type: latest.schema_type.as_str().to_string(),
            }),
            // No such subject, or no live version of it.
            Err(e) if matches!(e.code(), Some(40401 | 40402)) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(found)
}
