//! `kop health`: probe the cluster and the registry, evaluate, report, exit 3 if unhealthy.

use std::thread;
use std::time::{Duration, Instant};

use crate::core::cluster::ClusterMetadata;
use crate::core::dlq::replay::LetterFilter;
use crate::core::health::{evaluate, HealthInput, RegistryAnswer, RegistryProbe};
use crate::core::lag::{self, partition_lag, GroupSelection, Thresholds};
use crate::core::record::TopicPartition;
use crate::error::{CommandError, Outcome};
use crate::kafka::{Admin, KafkaError};
use crate::output::views::health::render;
use crate::output::{LogSink, Output};
use crate::registry::Registry;
use crate::settings::{HealthSettings, RegistrySettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    health: &HealthSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let sink = out.log_sink();
    let mut input = gather(settings, health, &sink)?;
    if let (Ok(cluster), true) = (
        &input.cluster,
        health.max_lag.is_some() || health.max_dlq.is_some(),
    ) {
        let admin = Admin::connect(settings, out.log_sink())?;
        if let Some(max) = health.max_lag {
            input.lag = Some((max, group_lags(&admin)));
        }
        if let Some(max) = health.max_dlq {
            input.dead_letters = Some((
                max,
                pending_letters(&admin, cluster, &health.dead_letter_queues),
            ));
        }
    }
    let report = evaluate(&input);
    render(out, &report)?;
    Ok(Outcome::problems_if(!report.healthy()))
}

/// Reads everything the checks need. The registry is probed beside the cluster, and the
/// brokers beside each other, so the whole run stays within about one timeout.
fn gather(
    settings: &Settings,
    health: &HealthSettings,
    sink: &LogSink,
) -> Result<HealthInput, KafkaError> {
    let deadline = Instant::now() + settings.timeout;
    thread::scope(|scope| {
        let registry = settings
            .registry
            .as_ref()
            .map(|r| scope.spawn(move || probe_registry(r, settings.timeout)));
        let cluster = match Admin::connect(settings, sink.clone()).and_then(|a| a.metadata()) {
            Ok(md) => Ok(md),
            Err(e @ KafkaError::Config(_)) => return Err(e),
            Err(e) => Err(e.to_string()),
        };
        let probes = match &cluster {
            Ok(md) => probe_brokers(settings, md, sink, deadline),
            Err(_) => Vec::new(),
        };
        let registry = registry.map(|handle| {
            handle.join().unwrap_or_else(|_| RegistryProbe {
                url: String::new(),
                result: Err("the registry probe stopped unexpectedly".into()),
            })
        });
        Ok(HealthInput {
            cluster,
            probes,
            declared_topics: health.declared_topics.clone(),
            pinned_cluster_id: settings.pinned_cluster_id().map(str::to_string),
            registry,
            lag: None,
            dead_letters: None,
        })
    })
}

/// Asks every broker, each through its own connection, for the broker list; the second,
/// warm request is the round trip reported.
fn probe_brokers(
    settings: &Settings,
    cluster: &ClusterMetadata,
    sink: &LogSink,
    deadline: Instant,
) -> Vec<(i32, Result<Duration, String>)> {
    let mut probe_settings = settings.clone();
    probe_settings.timeout = deadline
        .saturating_duration_since(Instant::now())
        .max(Duration::from_secs(1));
    let probe_settings = &probe_settings;
    thread::scope(|scope| {
        let handles: Vec<_> = cluster
            .brokers
            .iter()
            .map(|broker| {
                let address = broker.address();
                let sink = sink.clone();
                let handle = scope.spawn(move || {
                    let admin = Admin::connect_to_broker(probe_settings, &address, sink)
                        .map_err(|e| e.to_string())?;
                    admin.probe().map_err(|e| e.to_string())
                });
                (broker.id, handle)
            })
            .collect();
        handles
            .into_iter()
            .map(|(id, handle)| {
                let result = handle
                    .join()
                    .unwrap_or_else(|_| Err("the probe stopped unexpectedly".to_string()));
                (id, result)
            })
            .collect()
    })
}

fn probe_registry(settings: &RegistrySettings, timeout: Duration) -> RegistryProbe {
    let registry = Registry::new(settings, timeout);
    RegistryProbe {
        url: registry.url().to_string(),
        result: registry
            .mode()
            .map(|(mode, latency)| RegistryAnswer { latency, mode })
            .map_err(|e| e.to_string()),
    }
}

/// Every consumer group's total lag.
fn group_lags(admin: &Admin) -> Result<Vec<(String, u64)>, String> {
    let all = GroupSelection::default();
    let inputs = admin
        .groups()
        .and_then(|groups| admin.lag_inputs(groups, &all))
        .map_err(|e| e.to_string())?;
    let snapshot = lag::snapshot(&inputs, &all, &Thresholds::default(), None, Instant::now());
    Ok(snapshot
        .groups
        .into_iter()
        .map(|g| (g.group, g.lag))
        .collect())
}

/// Letters after each queue's default replay cursor (all of them before any replay):
/// committed offsets and partition ends for every queue in one request each.
fn pending_letters(
    admin: &Admin,
    cluster: &ClusterMetadata,
    queues: &[String],
) -> Result<Vec<(String, u64)>, String> {
    let queues: Vec<&String> = queues
        .iter()
        .filter(|q| cluster.topic(q).is_some())
        .collect();
    let cursors: Vec<String> = queues
        .iter()
        .map(|q| LetterFilter::default().cursor(q, None))
        .collect();
    let partitions: Vec<TopicPartition> = queues
        .iter()
        .filter_map(|q| cluster.topic(q))
        .flat_map(|t| {
            t.partitions
                .iter()
                .map(|p| TopicPartition::new(t.name.clone(), p.id))
        })
        .collect();
    let committed = admin.group_offsets(&cursors).map_err(|e| e.to_string())?;
    let ends = admin
        .partition_ends(&partitions)
        .map_err(|e| e.to_string())?;
    Ok(queues
        .iter()
        .zip(&cursors)
        .map(|(queue, cursor)| {
            let offsets = committed.get(cursor).and_then(|r| r.as_ref().ok());
            let pending = ends
                .iter()
                .filter(|(tp, _)| &tp.topic == *queue)
                .map(|(tp, e)| {
                    partition_lag(offsets.and_then(|o| o.get(tp).copied().flatten()), *e)
                })
                .sum();
            ((*queue).clone(), pending)
        })
        .collect())
}
