//! `kop lag`: a table at the chosen level, JSON per partition, or Prometheus text.
//!
//! JSON shape (stable), one object per partition: `{"group", "state", "topic", "partition",
//! "committed": int|null, "end", "lag", "client_id": str|null, "host": str|null,
//! "age_seconds": number|null (with --time), "breach": str|null}` (`breach` is the group's).
//!
//! Prometheus (the names kafka-exporter users alert on, label `consumergroup`):
//! `kafka_consumergroup_lag{consumergroup,topic,partition}`,
//! `kafka_consumergroup_lag_sum{consumergroup,topic}`,
//! `kafka_consumergroup_current_offset{consumergroup,topic,partition}`,
//! `kafka_consumergroup_members{consumergroup}`, `kop_consumergroup_lag_total{consumergroup}`,
//! and with --time `kop_consumergroup_lag_seconds{consumergroup,topic,partition}`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::json;

use super::table::{new_table, print_table};
use crate::cli::LagLevel;
use crate::commands::lag::Snapshot;
use crate::config::units::format_duration_ms;
use crate::lag::{GroupLag, Trend};
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};

pub struct LagView<'a> {
    pub snapshot: &'a Snapshot,
    pub level: LagLevel,
    pub show_all: bool,
    pub time: bool,
    pub trends: Option<&'a BTreeMap<String, Trend>>,
    /// Clear the terminal first (`--watch` on a terminal).
    pub redraw: bool,
}

impl LagView<'_> {
    fn shown(&self, group: &GroupLag) -> bool {
        self.show_all || group.lag > 0 || group.breach.is_some()
    }
}

pub fn render(out: &mut Output, view: &LagView) -> std::io::Result<()> {
    match out.format {
        Format::Json => out.json(&json_rows(view)),
        Format::Prometheus => out.line(prometheus(view).trim_end()),
        _ => table(out, view),
    }
}

fn age(d: Option<std::time::Duration>) -> String {
    d.map_or_else(
        || "-".into(),
        |d| format_duration_ms((d.as_millis() / 1000 * 1000) as u64),
    )
}

fn json_rows(view: &LagView) -> serde_json::Value {
    let groups: BTreeMap<&str, &GroupLag> = view
        .snapshot
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g))
        .collect();
    let rows: Vec<serde_json::Value> = view
        .snapshot
        .rows
        .iter()
        .filter(|r| groups.get(r.group.as_str()).is_some_and(|g| view.shown(g)))
        .map(|r| {
            let g = groups[r.group.as_str()];
            json!({
                "group": r.group,
                "state": g.state,
                "topic": r.topic,
                "partition": r.partition,
                "committed": r.committed,
                "end": r.end,
                "lag": r.lag,
                "client_id": r.owner.as_ref().map(|o| &o.0),
                "host": r.owner.as_ref().map(|o| &o.1),
                "age_seconds": if view.time { r.age.map(|a| a.as_secs_f64()) } else { None },
                "breach": g.breach,
            })
        })
        .collect();
    serde_json::Value::Array(rows)
}

fn label(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn prometheus(view: &LagView) -> String {
    let mut s = String::new();
    let snapshot = view.snapshot;
    let mut metric = |name: &str, help: &str, samples: Vec<(String, String)>| {
        let _ = writeln!(s, "# HELP {name} {help}\n# TYPE {name} gauge");
        for (labels, value) in samples {
            let _ = writeln!(s, "{name}{{{labels}}} {value}");
        }
    };
    let partition_labels = |g: &str, t: &str, p: i32| {
        format!(
            "consumergroup=\"{}\",topic=\"{}\",partition=\"{p}\"",
            label(g),
            label(t)
        )
    };
    metric(
        "kafka_consumergroup_lag",
        "Current approximate lag of a consumer group at topic/partition",
        snapshot
            .rows
            .iter()
            .map(|r| {
                (
                    partition_labels(&r.group, &r.topic, r.partition),
                    r.lag.to_string(),
                )
            })
            .collect(),
    );
    metric(
        "kafka_consumergroup_current_offset",
        "Current offset of a consumer group at topic/partition",
        snapshot
            .rows
            .iter()
            .filter_map(|r| {
                r.committed.map(|c| {
                    (
                        partition_labels(&r.group, &r.topic, r.partition),
                        c.to_string(),
                    )
                })
            })
            .collect(),
    );
    metric(
        "kafka_consumergroup_lag_sum",
        "Current approximate lag of a consumer group at topic for all partitions",
        snapshot
            .groups
            .iter()
            .flat_map(|g| {
                g.by_topic.iter().map(move |(t, lag)| {
                    (
                        format!(
                            "consumergroup=\"{}\",topic=\"{}\"",
                            label(&g.group),
                            label(t)
                        ),
                        lag.to_string(),
                    )
                })
            })
            .collect(),
    );
    metric(
        "kop_consumergroup_lag_total",
        "Lag of a consumer group over all its topics",
        snapshot
            .groups
            .iter()
            .map(|g| {
                (
                    format!("consumergroup=\"{}\"", label(&g.group)),
                    g.lag.to_string(),
                )
            })
            .collect(),
    );
    if view.time {
        metric(
            "kop_consumergroup_lag_seconds",
            "Age of the oldest unconsumed record of a consumer group at topic/partition",
            snapshot
                .rows
                .iter()
                .filter_map(|r| {
                    r.age.map(|a| {
                        (
                            partition_labels(&r.group, &r.topic, r.partition),
                            format!("{:.3}", a.as_secs_f64()),
                        )
                    })
                })
                .collect(),
        );
    }
    s
}

fn trend_text(trend: Option<&Trend>) -> (String, String) {
    match trend {
        None => ("-".into(), "-".into()),
        Some(Trend::CaughtUp) => ("-".into(), "caught up".into()),
        Some(Trend::CatchingUp { consume_rate, eta }) => (
            format!("{consume_rate:.0}/s"),
            format!("in {}", format_duration_ms((eta.as_secs().max(1)) * 1000)),
        ),
        Some(Trend::FallingBehind { consume_rate }) => {
            (format!("{consume_rate:.0}/s"), "falling behind".into())
        }
    }
}

fn table(out: &mut Output, view: &LagView) -> std::io::Result<()> {
    if view.redraw {
        out.line("\x1b[2J\x1b[H")?;
    }
    let groups: Vec<&GroupLag> = view
        .snapshot
        .groups
        .iter()
        .filter(|g| view.shown(g))
        .collect();
    if groups.is_empty() {
        out.line(if view.snapshot.groups.is_empty() {
            "No consumer groups."
        } else {
            "No lag (--all shows every group)."
        })?;
        return Ok(());
    }
    let mut headers = match view.level {
        LagLevel::Group => vec!["GROUP", "STATE", "PARTITIONS", "LAG"],
        LagLevel::Topic => vec!["GROUP", "TOPIC", "LAG"],
        LagLevel::Partition => vec![
            "GROUP",
            "TOPIC",
            "PARTITION",
            "COMMITTED",
            "END",
            "LAG",
            "OWNER",
        ],
    };
    if view.time {
        headers.push("AGE");
    }
    if view.trends.is_some() && view.level == LagLevel::Group {
        headers.extend(["RATE", "CATCH-UP"]);
    }
    headers.push("");
    let mut t = new_table(out, &headers);
    for g in &groups {
        let breach = g
            .breach
            .as_deref()
            .map(|b| paint(out.color, Tone::Bad, &format!("over: {b}")))
            .unwrap_or_default();
        match view.level {
            LagLevel::Group => {
                let mut row = vec![
                    g.group.clone(),
                    g.state.clone(),
                    g.partitions.to_string(),
                    g.lag.to_string(),
                ];
                if view.time {
                    row.push(age(g.worst_age));
                }
                if let Some(trends) = view.trends {
                    let (rate, eta) = trend_text(trends.get(&g.group));
                    row.extend([rate, eta]);
                }
                row.push(breach);
                t.add_row(row);
            }
            LagLevel::Topic => {
                for (topic, lag) in &g.by_topic {
                    let mut row = vec![g.group.clone(), topic.clone(), lag.to_string()];
                    if view.time {
                        let worst = view
                            .snapshot
                            .rows
                            .iter()
                            .filter(|r| r.group == g.group && &r.topic == topic)
                            .filter_map(|r| r.age)
                            .max();
                        row.push(age(worst));
                    }
                    row.push(breach.clone());
                    t.add_row(row);
                }
            }
            LagLevel::Partition => {
                for r in view.snapshot.rows.iter().filter(|r| r.group == g.group) {
                    let owner = r
                        .owner
                        .as_ref()
                        .map_or("-".to_string(), |(c, h)| format!("{c}@{h}"));
                    let committed = r.committed.map_or("-".to_string(), |c| c.to_string());
                    let mut row = vec![
                        r.group.clone(),
                        r.topic.clone(),
                        r.partition.to_string(),
                        committed,
                        r.end.to_string(),
                        r.lag.to_string(),
                        owner,
                    ];
                    if view.time {
                        row.push(age(r.age));
                    }
                    row.push(breach.clone());
                    t.add_row(row);
                }
            }
        }
    }
    print_table(out, &t)
}
