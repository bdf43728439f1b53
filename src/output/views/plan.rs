//! `kop topics apply`: the plan for people (`+` create, `~` change, `-` delete, `!`
//! impossible, then a summary line) or as JSON, and the results of applying it.
//!
//! JSON shape (stable), documented in docs/topics.md: `{"cluster_id", "changes": [...],
//! "impossible": [...], "warnings": [...], "unmanaged_configs": [...], "summary": {...},
//! "results": null | [...]}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::catalogue::humane_value;
use crate::core::plan::results::{count_results, ChangeStatus, PlanReport};
use crate::core::plan::{Change, ConfigChange, Plan};
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};

pub(crate) fn render_plan(out: &mut Output, report: &PlanReport) -> std::io::Result<()> {
    if !out.wants_report() {
        return Ok(());
    }
    match out.format {
        Format::Json => out.json(&to_json(report)),
        _ => plan_text(out, &report.plan),
    }
}

/// Results after an apply; in JSON the whole report (plan and results) is one document.
pub(crate) fn render_results(out: &mut Output, report: &PlanReport) -> std::io::Result<()> {
    let Some(results) = &report.results else {
        return Ok(());
    };
    if !out.wants_report() {
        return Ok(());
    }
    if out.format == Format::Json {
        return out.json(&to_json(report));
    }
    out.line("")?;
    for result in results {
        let (word, tone, detail) = match &result.status {
            ChangeStatus::Applied => ("done", Tone::Good, String::new()),
            ChangeStatus::Failed(why) => ("failed", Tone::Bad, format!(": {why}")),
            ChangeStatus::NotAttempted => (
                "skipped",
                Tone::Dim,
                ": not attempted after an earlier failure".into(),
            ),
        };
        let word = paint(out.color, tone, &format!("{word:<7}"));
        out.text(&format!("{word} {}{detail}", headline(&result.change)))?;
    }
    let t = count_results(results);
    out.line("")?;
    out.text(&format!(
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
fn headline(change: &Change) -> String {
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
        out.text("No changes: the cluster matches the topics file.")?;
    }
    // Changes to one existing topic (configs, partitions) read best under one heading.
    let mut headed: Vec<&str> = Vec::new();
    for change in &plan.changes {
        let sym = symbol(out, change);
        // Opens a `~ topic` block once per topic.
        let mut heading = |out: &mut Output, topic: &'a str| -> std::io::Result<()> {
            if !headed.contains(&topic) {
                headed.push(topic);
                out.text(&format!("{sym} {topic}"))?;
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
                out.text(&format!("{sym} {topic}: create with {p}, {rf}"))?;
                for (key, value) in configs {
                    out.text(&format!("    {key} = {}", humane_value(key, value)))?;
                }
            }
            Change::AlterConfigs { topic, changes } => {
                heading(out, topic)?;
                for c in changes {
                    out.text(&format!("    {}", config_change_text(c)))?;
                }
            }
            Change::AddPartitions { topic, from, to } => {
                heading(out, topic)?;
                out.text(&format!("    partitions: {from} → {to}"))?;
            }
            Change::DeleteTopic { topic } => out.text(&format!("{sym} {topic}: delete"))?,
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
                out.text(&format!(
                    "{sym} schema {subject}: register {} ({what})",
                    file.display()
                ))?;
            }
        }
    }
    for i in &plan.impossible {
        let sym = paint(out.color, Tone::Bad, "!");
        out.text(&format!("{sym} {}: {}", i.topic, i.reason))?;
        out.text(&format!("    instead: {}", i.remedy))?;
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
        out.text(&format!(
            "{} {warning}",
            paint(out.color, Tone::Warn, "warning:")
        ))?;
    }
    for (topic, configs) in unmanaged {
        out.text(&format!(
            "note: {topic} has configs the file does not declare (kept; --prune-configs removes them): {}",
            configs.join(", ")
        ))?;
    }
    if !plan.is_empty() {
        let s = plan.summary();
        out.line("")?;
        out.text(&format!(
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

fn to_json(report: &PlanReport) -> PlanJson<'_> {
    let plan = &report.plan;
    let s = plan.summary();
    PlanJson {
        cluster_id: report.cluster_id.as_deref(),
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
        results: report.results.as_ref().map(|results| {
            results
                .iter()
                .map(|r| ResultJson {
                    change: change_json(&r.change),
                    status: match r.status {
                        ChangeStatus::Applied => "applied",
                        ChangeStatus::Failed(_) => "failed",
                        ChangeStatus::NotAttempted => "not_attempted",
                    },
                    error: match &r.status {
                        ChangeStatus::Failed(why) => Some(why),
                        _ => None,
                    },
                })
                .collect()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::results::ChangeResult;
    use crate::core::plan::{Impossible, UnmanagedConfig};
    use crate::output::test_support::assert_aligned;

    fn report() -> PlanReport {
        let plan = Plan {
            changes: vec![
                Change::CreateTopic {
                    topic: "conversation.started".into(),
                    partitions: Some(6),
                    replication_factor: Some(3),
                    configs: BTreeMap::from([(
                        "retention.ms".to_string(),
                        "604800000".to_string(),
                    )]),
                },
                Change::AlterConfigs {
                    topic: "child.registered".into(),
                    changes: vec![ConfigChange {
                        key: "retention.ms".into(),
                        old: Some("3600000".into()),
                        new: Some("2592000000".into()),
                    }],
                },
                Change::DeleteTopic {
                    topic: "legacy.one".into(),
                },
            ],
            impossible: vec![Impossible {
                topic: "emotion.detected".into(),
                reason: "the file asks for 2 partitions, the topic has 3: Kafka cannot remove partitions".into(),
                remedy: "declare 3 partitions, or create a new topic and move the consumers to it".into(),
            }],
            warnings: vec!["lowering retention.ms of child.registered deletes older records at once".into()],
            unmanaged_configs: vec![UnmanagedConfig {
                topic: "child.registered".into(),
                key: "segment.bytes".into(),
                value: "1073741824".into(),
            }],
        };
        PlanReport {
            plan,
            cluster_id: Some("prod-7".into()),
            results: None,
        }
    }

    #[test]
    fn the_plan_fits_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_plan(&mut out, &report()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            let lines: Vec<&str> = plain.lines().collect();
            // The symbol column and the indented details stay where they belong.
            assert!(lines.contains(&"~ child.registered"), "{plain}");
            assert!(lines.contains(&"    retention.ms: 1h → 30d"), "{plain}");
            assert!(lines.contains(&"- legacy.one: delete"), "{plain}");
            assert!(plain.contains("Plan: 1 to create, 1 to change, 1 to delete, 1 impossible."));
        }
    }

    #[test]
    fn the_json_carries_changes_results_and_summary() {
        let mut report = report();
        report.results = Some(vec![ChangeResult {
            change: report.plan.changes[0].clone(),
            status: ChangeStatus::Failed("broker said no".into()),
        }]);
        let (mut out, captured) = Output::buffered(Format::Json);
        render_results(&mut out, &report).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["cluster_id"], "prod-7");
        assert_eq!(json["changes"][0]["action"], "create_topic");
        assert_eq!(json["changes"][1]["configs"][0]["new"], "2592000000");
        assert_eq!(json["summary"]["impossible"], 1);
        assert_eq!(json["results"][0]["status"], "failed");
        assert_eq!(json["results"][0]["error"], "broker said no");
    }
}
