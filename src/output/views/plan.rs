//! `kop topics apply`: the plan for people (`+` create, `~` change, `-` delete, `!`
//! impossible, then a summary line) or as JSON, and the results of applying it.
//!
//! JSON shape (stable), documented in docs/topics.md: `{"cluster_id", "changes": [...],
//! "impossible": [...], "warnings": [...], "unmanaged_configs": [...], "summary": {...},
//! "results": null | [...]}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::apply::{tally, ChangeResult, Status};
use crate::config::catalogue::humane_value;
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};
use crate::plan::{Change, ConfigChange, Plan};

pub struct PlanReport<'a> {
    pub plan: &'a Plan,
    pub cluster_id: Option<&'a str>,
    pub results: Option<&'a [ChangeResult]>,
}

pub fn render_plan(out: &mut Output, report: &PlanReport) -> std::io::Result<()> {
    match out.format {
        Format::Json => out.json(&to_json(report)),
        _ => plan_text(out, report.plan),
    }
}

/// Results after an apply; in JSON the whole report (plan and results) is one document.
pub fn render_results(out: &mut Output, report: &PlanReport) -> std::io::Result<()> {
    let Some(results) = report.results else {
        return Ok(());
    };
    if out.format == Format::Json {
        return out.json(&to_json(report));
    }
    out.line("")?;
    for result in results {
        let (word, tone, detail) = match &result.status {
            Status::Applied => ("done", Tone::Good, String::new()),
            Status::Failed(why) => ("failed", Tone::Bad, format!(": {why}")),
            Status::NotAttempted => (
                "skipped",
                Tone::Dim,
                ": not attempted after an earlier failure".into(),
            ),
        };
        let word = paint(out.color, tone, &format!("{word:<7}"));
        out.line(&format!("{word} {}{detail}", headline(&result.change)))?;
    }
    let t = tally(results);
    out.line("")?;
    out.line(&format!(
        "Applied {} of {} changes{}.",
        t.applied,
        results.len(),
        if t.failed + t.not_attempted > 0 {
            format!(" ({} failed, {} not attempted)", t.failed, t.not_attempted)
        } else {
            String::new()
        }
    ))
}

fn symbol(out: &Output, change: &Change) -> String {
    let (sym, tone) = match change {
        Change::CreateTopic { .. } | Change::RegisterSchema { .. } => ("+", Tone::Good),
        Change::AlterConfigs { .. } | Change::AddPartitions { .. } => ("~", Tone::Warn),
        Change::DeleteTopic { .. } => ("-", Tone::Bad),
    };
    paint(out.color, tone, sym)
}

/// One line naming a change, as in the results list.
pub fn headline(change: &Change) -> String {
    match change {
        Change::CreateTopic { topic, .. } => format!("create {topic}"),
        Change::AlterConfigs { topic, changes } => {
            let keys: Vec<&str> = changes.iter().map(|c| c.key.as_str()).collect();
            format!("configure {topic} ({})", keys.join(", "))
        }
        Change::AddPartitions { topic, from, to } => {
            format!("add partitions to {topic} ({from} → {to})")
        }
        Change::DeleteTopic { topic } => format!("delete {topic}"),
        Change::RegisterSchema { subject, .. } => format!("register schema {subject}"),
    }
}

fn plan_text<'a>(out: &mut Output, plan: &'a Plan) -> std::io::Result<()> {
    if plan.is_empty() {
        out.line("No changes: the cluster matches the topics file.")?;
    }
    // Changes to one existing topic (configs, partitions) read best under one heading.
    let mut headed: Vec<&str> = Vec::new();
    for change in &plan.changes {
        let sym = symbol(out, change);
        // Opens a `~ topic` block once per topic.
        let mut heading = |out: &mut Output, topic: &'a str| -> std::io::Result<()> {
            if !headed.contains(&topic) {
                headed.push(topic);
                out.line(&format!("{sym} {topic}"))?;
            }
            Ok(())
        };
        match change {
            Change::CreateTopic {
                topic,
                partitions,
                replication_factor,
                configs,
            } => {
                let p = match partitions {
                    Some(1) => "1 partition".to_string(),
                    Some(p) => format!("{p} partitions"),
                    None => "the broker's default partitions".to_string(),
                };
                let rf = match replication_factor {
                    Some(r) => format!("replication factor {r}"),
                    None => "the broker's default replication factor".to_string(),
                };
                out.line(&format!("{sym} {topic}: create with {p}, {rf}"))?;
                for (key, value) in configs {
                    out.line(&format!("    {key} = {}", humane_value(key, value)))?;
                }
            }
            Change::AlterConfigs { topic, changes } => {
                heading(out, topic)?;
                for c in changes {
                    out.line(&format!("    {}", config_change_text(c)))?;
                }
            }
            Change::AddPartitions { topic, from, to } => {
                heading(out, topic)?;
                out.line(&format!("    partitions: {from} → {to}"))?;
            }
            Change::DeleteTopic { topic } => out.line(&format!("{sym} {topic}: delete"))?,
            Change::RegisterSchema {
                subject,
                file,
                new_subject,
            } => {
                let what = if *new_subject {
                    "new subject"
                } else {
                    "new version"
                };
                out.line(&format!(
                    "{sym} schema {subject}: register {} ({what})",
                    file.display()
                ))?;
            }
        }
    }
    for i in &plan.impossible {
        let sym = paint(out.color, Tone::Bad, "!");
        out.line(&format!("{sym} {}: {}", i.topic, i.reason))?;
        out.line(&format!("    instead: {}", i.remedy))?;
    }
    let mut unmanaged: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for u in &plan.unmanaged_configs {
        unmanaged.entry(&u.topic).or_default().push(format!(
            "{} = {}",
            u.key,
            humane_value(&u.key, &u.value)
        ));
    }
    if !unmanaged.is_empty() || !plan.warnings.is_empty() {
        out.line("")?;
    }
    for warning in &plan.warnings {
        out.line(&format!(
            "{} {warning}",
            paint(out.color, Tone::Warn, "warning:")
        ))?;
    }
    for (topic, configs) in unmanaged {
        out.line(&format!(
            "note: {topic} has configs the file does not declare (kept; --prune-configs removes them): {}",
            configs.join(", ")
        ))?;
    }
    if !plan.is_empty() {
        let s = plan.summary();
        out.line("")?;
        out.line(&format!(
            "Plan: {} to create, {} to change, {} to delete, {} impossible.",
            s.create, s.change, s.delete, s.impossible
        ))?;
    }
    Ok(())
}

fn config_change_text(c: &ConfigChange) -> String {
    let old = c.old.as_deref().map(|v| humane_value(&c.key, v));
    match (&old, &c.new) {
        (Some(old), Some(new)) => format!("{}: {old} → {}", c.key, humane_value(&c.key, new)),
        (None, Some(new)) => format!("{}: (not set) → {}", c.key, humane_value(&c.key, new)),
        (Some(old), None) => format!("{}: {old} → (broker default)", c.key),
        (None, None) => format!("{}: (broker default)", c.key),
    }
}

#[derive(Serialize)]
struct PlanJson<'a> {
    cluster_id: Option<&'a str>,
    changes: Vec<ChangeJson<'a>>,
    impossible: Vec<ImpossibleJson<'a>>,
    warnings: &'a [String],
    unmanaged_configs: Vec<UnmanagedJson<'a>>,
    summary: SummaryJson,
    results: Option<Vec<ResultJson<'a>>>,
}

#[derive(Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
enum ChangeJson<'a> {
    CreateTopic {
        topic: &'a str,
        partitions: Option<i32>,
        replication_factor: Option<i16>,
        configs: &'a BTreeMap<String, String>,
    },
    AlterConfigs {
        topic: &'a str,
        configs: Vec<ConfigChangeJson<'a>>,
    },
    AddPartitions {
        topic: &'a str,
        from: i32,
        to: i32,
    },
    DeleteTopic {
        topic: &'a str,
    },
    RegisterSchema {
        subject: &'a str,
        file: String,
        new_subject: bool,
    },
}

#[derive(Serialize)]
struct ConfigChangeJson<'a> {
    key: &'a str,
    old: Option<&'a str>,
    /// `null` removes the config (back to the broker's default).
    new: Option<&'a str>,
}

#[derive(Serialize)]
struct ImpossibleJson<'a> {
    topic: &'a str,
    reason: &'a str,
    remedy: &'a str,
}

#[derive(Serialize)]
struct UnmanagedJson<'a> {
    topic: &'a str,
    key: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    create: usize,
    change: usize,
    delete: usize,
    impossible: usize,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    #[serde(flatten)]
    change: ChangeJson<'a>,
    status: &'static str,
    error: Option<&'a str>,
}

fn change_json(change: &Change) -> ChangeJson<'_> {
    match change {
        Change::CreateTopic {
            topic,
            partitions,
            replication_factor,
            configs,
        } => ChangeJson::CreateTopic {
            topic,
            partitions: *partitions,
            replication_factor: *replication_factor,
            configs,
        },
        Change::AlterConfigs { topic, changes } => ChangeJson::AlterConfigs {
            topic,
            configs: changes
                .iter()
                .map(|c| ConfigChangeJson {
                    key: &c.key,
                    old: c.old.as_deref(),
                    new: c.new.as_deref(),
                })
                .collect(),
        },
        Change::AddPartitions { topic, from, to } => ChangeJson::AddPartitions {
            topic,
            from: *from,
            to: *to,
        },
        Change::DeleteTopic { topic } => ChangeJson::DeleteTopic { topic },
        Change::RegisterSchema {
            subject,
            file,
            new_subject,
        } => ChangeJson::RegisterSchema {
            subject,
            file: file.display().to_string(),
            new_subject: *new_subject,
        },
    }
}

fn to_json<'a>(report: &'a PlanReport<'a>) -> PlanJson<'a> {
    let plan = report.plan;
    let s = plan.summary();
    PlanJson {
        cluster_id: report.cluster_id,
        changes: plan.changes.iter().map(change_json).collect(),
        impossible: plan
            .impossible
            .iter()
            .map(|i| ImpossibleJson {
                topic: &i.topic,
                reason: &i.reason,
                remedy: &i.remedy,
            })
            .collect(),
        warnings: &plan.warnings,
        unmanaged_configs: plan
            .unmanaged_configs
            .iter()
            .map(|u| UnmanagedJson {
                topic: &u.topic,
                key: &u.key,
                value: &u.value,
            })
            .collect(),
        summary: SummaryJson {
            create: s.create,
            change: s.change,
            delete: s.delete,
            impossible: s.impossible,
        },
        results: report.results.map(|results| {
            results
                .iter()
                .map(|r| ResultJson {
                    change: change_json(&r.change),
                    status: match r.status {
                        Status::Applied => "applied",
                        Status::Failed(_) => "failed",
                        Status::NotAttempted => "not_attempted",
                    },
                    error: match &r.status {
                        Status::Failed(why) => Some(why),
                        _ => None,
                    },
                })
                .collect()
        }),
    }
}
