//! `kop topics describe`: metadata (one request), configs (one request), partition ends
//! (one ListOffsets per broker each), the consumer groups and their committed offsets
//! (one request per group, all in flight), the dead-letter queue's cursor, and the
//! registry's subjects; one description per topic.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::core::dlq::replay::LetterFilter;
use crate::core::lag::{snapshot, GroupSelection, LagInputs, Thresholds};
use crate::core::record::TopicPartition;
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
        return Err(
            CommandError::failed(format!("topic {missing} does not exist"))
                .with_hint("`kop topics list` shows the topics there are"),
        );
    }
    let configs = admin.topic_configs(&topics)?;
    let queues: BTreeMap<&str, (String, bool)> = topics
        .iter()
        .filter_map(|t| {
            dead_letter_queue(settings.file.as_ref(), &cluster, t).map(|q| (t.as_str(), q))
        })
        .collect();
    let partitions: Vec<TopicPartition> = topics
        .iter()
        .map(String::as_str)
        .chain(queues.values().map(|(q, _)| q.as_str()))
        .filter_map(|t| cluster.topic(t))
        .flat_map(|t| {
            t.partitions
                .iter()
                .map(|p| TopicPartition::new(t.name.clone(), p.id))
        })
        .collect();
    let ends = admin.partition_ends(&partitions)?;
    let groups = admin.groups()?;
    let cursors: Vec<String> = queues
        .values()
        .map(|(q, _)| LetterFilter::default().cursor(q, None))
        .collect();
    let mut wanted: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    wanted.extend(
        cursors
            .iter()
            .filter(|c| !wanted.contains(c))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let mut committed = BTreeMap::new();
    for (group, offsets) in admin.group_offsets(&wanted)? {
        committed.insert(group, offsets?);
    }
    let members: BTreeMap<String, usize> = groups
        .iter()
        .map(|g| (g.name.clone(), g.members.len()))
        .collect();
    let inputs = LagInputs {
        groups,
        committed,
        ends,
    };
    let registry = settings
        .registry
        .as_ref()
        .map(|r| Registry::new(r, settings.timeout));
    let descriptions = topics
        .iter()
        .filter_map(|name| cluster.topic(name))
        .map(|topic| {
            let empty = Default::default();
            let (configs_shown, partial) =
                config_rows(configs.get(&topic.name).unwrap_or(&empty), all_configs);
            let only_this = GroupSelection {
                topics: vec![topic.name.clone()],
                ..GroupSelection::default()
            };
            let snap = snapshot(
                &inputs,
                &only_this,
                &Thresholds::default(),
                None,
                Instant::now(),
            );
            TopicDescription {
                name: topic.name.clone(),
                partitions: partition_rows(topic, &inputs.ends),
                configs: configs_shown,
                configs_partial: partial,
                file_read: settings.file.is_some(),
                declared: settings.file.as_ref().and_then(|f| {
                    declared(
                        f,
                        settings.profile.as_ref(),
                        &cluster,
                        &configs,
                        &topic.name,
                    )
                }),
                groups: reading_groups(&snap, &members),
                dead_letter: queues.get(topic.name.as_str()).map(|(q, declared)| {
                    let cursor = inputs
                        .committed
                        .get(&LetterFilter::default().cursor(q, None))
                        .cloned()
                        .unwrap_or_default();
                    DeadLetterQueue {
                        topic: q.clone(),
                        declared: *declared,
                        depth: cluster
                            .topic(q)
                            .map(|_| queue_depth(q, &inputs.ends, &cursor)),
                    }
                }),
                subjects: registry.as_ref().map(|r| subjects(r, &topic.name)),
            }
        })
        .collect::<Vec<_>>();
    render(out, &descriptions)?;
    Ok(Outcome::Clean)
}

/// The topic's `-key` and `-value` subjects that exist, with their latest versions.
fn subjects(registry: &Registry, topic: &str) -> Result<Vec<Subject>, String> {
    let mut found = Vec::new();
    for part in ["key", "value"] {
        if let Some(s) = registry
            .latest_version(&format!("{topic}-{part}"))
            .map_err(|e| e.to_string())?
        {
            found.push(s);
        }
    }
    Ok(found)
}
