//! `kop health` decisions: cluster facts in, checks with ok / warn / fail out. Pure.

use std::time::Duration;

use crate::core::cluster::{BrokerInfo, ClusterMetadata, PartitionInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    Ok,
    Warn,
    Fail,
    /// Not checked because an earlier check failed.
    Skipped,
}

impl CheckStatus {
    pub fn name(self) -> &'static str {
        match self {
            CheckStatus::Ok => "ok",
            CheckStatus::Warn => "warn",
            CheckStatus::Fail => "fail",
            CheckStatus::Skipped => "skip",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub status: CheckStatus,
    pub detail: String,
}

impl Check {
    fn new(name: &'static str, status: CheckStatus, detail: impl Into<String>) -> Check {
        Check {
            name,
            status,
            detail: detail.into(),
        }
    }
}

/// One broker as seen from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerHealth {
    pub id: i32,
    pub address: String,
    pub controller: bool,
    /// Round trip of a metadata request, or why the broker did not answer.
    pub answer: Result<Duration, String>,
}

/// What the Schema Registry probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryProbe {
    pub url: String,
    pub result: Result<RegistryAnswer, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryAnswer {
    pub latency: Duration,
    /// READWRITE, READONLY, IMPORT; `None` when the registry has no /mode endpoint.
    pub mode: Option<String>,
}

/// Everything the checks look at.
#[derive(Debug, Clone)]
pub struct HealthInput {
    /// The cluster's metadata, or why it could not be read.
    pub cluster: Result<ClusterMetadata, String>,
    /// Per-broker probes, by broker id.
    pub probes: Vec<(i32, Result<Duration, String>)>,
    /// Topics the file declares, when a file was read.
    pub declared_topics: Option<Vec<String>>,
    pub pinned_cluster_id: Option<String>,
    pub registry: Option<RegistryProbe>,
    /// `--max-lag`: the limit and each group's total lag.
    pub lag: Option<(u64, Measured)>,
    /// `--max-dlq`: the limit and each declared dead-letter queue's pending letters.
    pub dead_letters: Option<(u64, Measured)>,
}

/// A count per name (group, queue), or why it could not be read.
pub type Measured = Result<Vec<(String, u64)>, String>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthReport {
    pub checks: Vec<Check>,
    pub brokers: Vec<BrokerHealth>,
    pub cluster_id: Option<String>,
}

impl HealthReport {
    pub fn healthy(&self) -> bool {
        self.checks.iter().all(|c| c.status != CheckStatus::Fail)
    }
}

/// How many names a detail lists before it says "and N more".
const LISTED: usize = 5;

pub fn evaluate(input: &HealthInput) -> HealthReport {
    let mut checks = Vec::new();
    let mut brokers = Vec::new();
    match &input.cluster {
        Ok(cluster) => {
            brokers = broker_health(cluster, &input.probes);
            checks.push(brokers_check(&brokers));
            checks.push(controller_check(cluster));
            if let Some(pinned) = &input.pinned_cluster_id {
                checks.push(cluster_id_check(cluster, pinned));
            }
            checks.push(leader_check(cluster));
            checks.push(replication_check(cluster));
            if let Some(declared) = &input.declared_topics {
                checks.push(declared_check(cluster, declared));
            }
        }
        Err(cause) => {
            checks.push(Check::new("brokers", CheckStatus::Fail, cause.clone()));
            for name in ["controller", "partition leaders", "replication"] {
                checks.push(Check::new(
                    name,
                    CheckStatus::Skipped,
                    "cluster unreachable",
                ));
            }
            if input.declared_topics.is_some() {
                checks.push(Check::new(
                    "declared topics",
                    CheckStatus::Skipped,
                    "cluster unreachable",
                ));
            }
        }
    }
    if let Some(registry) = &input.registry {
        checks.push(registry_check(registry));
    }
    if let Some((max, groups)) = &input.lag {
        checks.push(limit_check("consumer lag", "group", "lag", *max, groups));
    }
    if let Some((max, queues)) = &input.dead_letters {
        checks.push(limit_check(
            "dead letters",
            "queue",
            "pending",
            *max,
            queues,
        ));
    }
    HealthReport {
        checks,
        brokers,
        cluster_id: input
            .cluster
            .as_ref()
            .ok()
            .and_then(|c| c.cluster_id.clone()),
    }
}

fn broker_health(
    cluster: &ClusterMetadata,
    probes: &[(i32, Result<Duration, String>)],
) -> Vec<BrokerHealth> {
    let mut brokers: Vec<&BrokerInfo> = cluster.brokers.iter().collect();
    brokers.sort_by_key(|b| b.id);
    brokers
        .into_iter()
        .map(|b| BrokerHealth {
            id: b.id,
            address: b.address(),
            controller: cluster.controller_id == Some(b.id),
            answer: probes
                .iter()
                .find(|(id, _)| *id == b.id)
                .map(|(_, r)| r.clone())
                .unwrap_or_else(|| Err("not probed".into())),
        })
        .collect()
}

fn brokers_check(brokers: &[BrokerHealth]) -> Check {
    let down: Vec<String> = brokers
        .iter()
        .filter_map(|b| {
            b.answer
                .as_ref()
                .err()
                .map(|e| format!("broker {} at {}: {e}", b.id, b.address))
        })
        .collect();
    if brokers.is_empty() {
        return Check::new(
            "brokers",
            CheckStatus::Fail,
            "the cluster reported no brokers",
        );
    }
    if down.is_empty() {
        let slowest = brokers
            .iter()
            .filter_map(|b| b.answer.as_ref().ok())
            .max()
            .copied()
            .unwrap_or_default();
        return Check::new(
            "brokers",
            CheckStatus::Ok,
            format!(
                "{n} of {n} answered (slowest {})",
                format_latency(slowest),
                n = brokers.len()
            ),
        );
    }
    Check::new(
        "brokers",
        CheckStatus::Fail,
        format!(
            "{} of {} did not answer: {}",
            down.len(),
            brokers.len(),
            down.join("; ")
        ),
    )
}

fn controller_check(cluster: &ClusterMetadata) -> Check {
    match cluster.controller_id {
        Some(id) => match cluster.brokers.iter().find(|b| b.id == id) {
            Some(b) => Check::new(
                "controller",
                CheckStatus::Ok,
                format!("broker {id} at {}", b.address()),
            ),
            None => Check::new(
                "controller",
                CheckStatus::Warn,
                format!("broker {id}, which is not in the broker list"),
            ),
        },
        None => Check::new(
            "controller",
            CheckStatus::Warn,
            "the cluster reported no controller",
        ),
    }
}

fn cluster_id_check(cluster: &ClusterMetadata, pinned: &str) -> Check {
    match cluster.cluster_id.as_deref() {
        Some(id) if id == pinned => Check::new("cluster id", CheckStatus::Ok, id.to_string()),
        Some(id) => Check::new(
            "cluster id",
            CheckStatus::Fail,
            format!("connected to cluster `{id}`, but the profile pins `{pinned}`"),
        ),
        None => Check::new(
            "cluster id",
            CheckStatus::Fail,
            format!("the cluster reports no id, but the profile pins `{pinned}`"),
        ),
    }
}

fn partitions_where(
    cluster: &ClusterMetadata,
    pred: impl Fn(&PartitionInfo) -> bool,
) -> (usize, Vec<String>) {
    let mut total = 0;
    let mut matching = Vec::new();
    for topic in &cluster.topics {
        for p in &topic.partitions {
            total += 1;
            if pred(p) {
                matching.push(format!("{}-{}", topic.name, p.id));
            }
        }
    }
    (total, matching)
}

fn listing(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(LISTED).map(String::as_str).collect();
    let more = names.len().saturating_sub(LISTED);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn leader_check(cluster: &ClusterMetadata) -> Check {
    let (total, leaderless) = partitions_where(cluster, |p| !p.has_leader());
    if leaderless.is_empty() {
        Check::new(
            "partition leaders",
            CheckStatus::Ok,
            format!("all {total} partitions have a leader"),
        )
    } else {
        Check::new(
            "partition leaders",
            CheckStatus::Fail,
            format!(
                "{} of {total} partitions have no leader: {}",
                leaderless.len(),
                listing(&leaderless)
            ),
        )
    }
}

/// Under-replication warns rather than fails: it is expected during a rolling restart,
/// and the partitions still serve reads and writes.
fn replication_check(cluster: &ClusterMetadata) -> Check {
    let (total, under) = partitions_where(cluster, PartitionInfo::is_under_replicated);
    if under.is_empty() {
        Check::new(
            "replication",
            CheckStatus::Ok,
            format!("all {total} partitions fully in sync"),
        )
    } else {
        Check::new(
            "replication",
            CheckStatus::Warn,
            format!(
                "{} of {total} partitions under-replicated: {}",
                under.len(),
                listing(&under)
            ),
        )
    }
}

fn declared_check(cluster: &ClusterMetadata, declared: &[String]) -> Check {
    let missing: Vec<String> = declared
        .iter()
        .filter(|t| cluster.topic(t).is_none())
        .cloned()
        .collect();
    if missing.is_empty() {
        Check::new(
            "declared topics",
            CheckStatus::Ok,
            format!("all {} declared topics exist", declared.len()),
        )
    } else {
        Check::new(
            "declared topics",
            CheckStatus::Warn,
            format!(
                "{} of {} missing on the cluster: {} (run `kop topics apply`)",
                missing.len(),
                declared.len(),
                listing(&missing)
            ),
        )
    }
}

fn registry_check(probe: &RegistryProbe) -> Check {
    match &probe.result {
        Ok(answer) => {
            let mode = answer.mode.as_deref().unwrap_or("mode unknown");
            let status = if answer.mode.as_deref().is_some_and(|m| m != "READWRITE") {
                CheckStatus::Warn
            } else {
                CheckStatus::Ok
            };
            Check::new(
                "schema registry",
                status,
                format!(
                    "{} answered in {}, {mode}",
                    probe.url,
                    format_latency(answer.latency)
                ),
            )
        }
        Err(cause) => Check::new(
            "schema registry",
            CheckStatus::Fail,
            format!("{}: {cause}", probe.url),
        ),
    }
}

/// Fails when any item is over the limit, naming the worst ones.
fn limit_check(name: &'static str, what: &str, measure: &str, max: u64, items: &Measured) -> Check {
    let items = match items {
        Ok(items) => items,
        Err(e) => return Check::new(name, CheckStatus::Fail, format!("could not be read: {e}")),
    };
    let mut over: Vec<&(String, u64)> = items.iter().filter(|(_, n)| *n > max).collect();
    over.sort_by_key(|item| std::cmp::Reverse(item.1));
    if over.is_empty() {
        let worst = items.iter().map(|(_, n)| *n).max().unwrap_or(0);
        return Check::new(
            name,
            CheckStatus::Ok,
            format!(
                "{} {what}s, highest {measure} {worst} (limit {max})",
                items.len()
            ),
        );
    }
    let named: Vec<String> = over.iter().map(|(n, v)| format!("{n} ({v})")).collect();
    Check::new(
        name,
        CheckStatus::Fail,
        format!(
            "{} of {} {what}s over {max}: {}",
            over.len(),
            items.len(),
            listing(&named)
        ),
    )
}

pub fn format_latency(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

#[cfg(test)]
mod tests;
