//! `kop lag`: a table at the chosen level, JSON per partition, or Prometheus text.
//!
//! JSON shape (stable), one object per partition: `{"group", "state", "topic", "partition",
//! "committed": int|null, "end", "lag", "client_id": str|null, "host": str|null,
//! "age_seconds": number|null (with --time), "breach": str|null, "partition_breach": str|null}`:
//! `breach` says why the group is over its limit (on every row of the group, as it always
//! has), `partition_breach` why this partition by itself is (its own lag or oldest
//! record), so `select(.partition_breach)` finds the partitions to look at.
//!
//! Prometheus (the names kafka-exporter users alert on, label `consumergroup`):
//! `kafka_consumergroup_lag{consumergroup,topic,partition}`,
//! `kafka_consumergroup_lag_sum{consumergroup,topic}`,
//! `kafka_consumergroup_current_offset{consumergroup,topic,partition}`,
//! `kafka_consumergroup_members{consumergroup}`, `kop_consumergroup_lag_total{consumergroup}`,
//! and with --time `kop_consumergroup_lag_seconds{consumergroup,topic,partition}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::lag::{GroupLag, LagLevel, LagView, PartitionLag, Trend};
use crate::output::prometheus::{label, Exposition};
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};
use crate::util::units::humane_age;

#[derive(Serialize)]
struct PartitionJson<'a> {
    group: &'a str,
    state: &'a str,
    topic: &'a str,
    partition: i32,
    committed: Option<i64>,
    end: i64,
    lag: u64,
    client_id: Option<&'a str>,
    host: Option<&'a str>,
    age_seconds: Option<f64>,
    breach: Option<&'a str>,
    partition_breach: Option<&'a str>,
}

pub(crate) fn render(out: &mut Output, view: &LagView) -> std::io::Result<()> {
    match out.format {
        Format::Json => out.json(&json_rows(view)),
        Format::Prometheus => out.line(prometheus(view).trim_end()),
        _ => table(out, view),
    }
}

fn age(d: Option<std::time::Duration>) -> String {
    d.map_or_else(|| "-".into(), humane_age)
}

fn json_rows(view: &LagView) -> Vec<PartitionJson<'_>> {
    let groups: BTreeMap<&str, &GroupLag> = view
        .snapshot
        .groups
        .iter()
        .map(|g| (g.group.as_str(), g))
        .collect();
    view.snapshot
        .rows
        .iter()
        .filter_map(|r| {
            let g = groups.get(r.group.as_str()).filter(|g| view.shown(g))?;
            Some(PartitionJson {
                group: &r.group,
                state: &g.state,
                topic: &r.topic,
                partition: r.partition,
                committed: r.committed,
                end: r.end,
                lag: r.lag,
                client_id: r.owner.as_ref().map(|o| o.client_id.as_str()),
                host: r.owner.as_ref().map(|o| o.host.as_str()),
                age_seconds: if view.time {
                    r.age.map(|a| a.as_secs_f64())
                } else {
                    None
                },
                breach: g.breach.as_deref(),
                partition_breach: r.breach.as_deref(),
            })
        })
        .collect()
}

fn prometheus(view: &LagView) -> String {
    let mut exposition = Exposition::default();
    let snapshot = &view.snapshot;
    let mut metric = |name: &str, help: &str, samples: Vec<(String, String)>| {
        exposition.gauge(name, help, samples);
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
    exposition.finish()
}

fn trend_text(trend: Option<&Trend>) -> (String, String) {
    let rate = |r: f64| match r {
        r if r >= 10.0 => format!("{r:.0}/s"),
        r => format!("{r:.1}/s"),
    };
    match trend {
        None => ("-".into(), "-".into()),
        Some(Trend::CaughtUp) => ("-".into(), "caught up".into()),
        Some(Trend::CatchingUp { consume_rate, eta }) => (
            rate(*consume_rate),
            format!(
                "in {}",
                humane_age((*eta).max(std::time::Duration::from_secs(1)))
            ),
        ),
        Some(Trend::Stalled { consume_rate }) => (rate(*consume_rate), "no progress".into()),
        Some(Trend::FallingBehind { consume_rate }) => {
            (rate(*consume_rate), "falling behind".into())
        }
    }
}

fn table(out: &mut Output, view: &LagView) -> std::io::Result<()> {
    if view.redraw {
        // Home, then clear to the end: unlike clearing the whole screen, this redraws in
        // place without pushing every frame into the terminal's scrollback.
        out.line("\x1b[H\x1b[J")?;
    }
    let groups: Vec<&GroupLag> = view
        .snapshot
        .groups
        .iter()
        .filter(|g| view.shown(g))
        .collect();
    if groups.is_empty() {
        return out.line(if view.snapshot.groups.is_empty() {
            "No consumer groups."
        } else {
            "No lag (--all shows every group)."
        });
    }
    let mut headers = match view.level {
        LagLevel::Group => vec!["GROUP", "STATE", "PARTITIONS", "LAG"],
        LagLevel::Topic => vec!["GROUP", "STATE", "TOPIC", "LAG"],
        LagLevel::Partition => vec![
            "GROUP",
            "STATE",
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
    let trends = view
        .trends
        .as_ref()
        .filter(|_| view.level == LagLevel::Group);
    if trends.is_some() {
        headers.extend(["RATE", "CATCH-UP"]);
    }
    headers.push("");
    let mut t = Table::new(&headers);
    for g in &groups {
        let breach = || match g.breach.as_deref() {
            Some(b) => Cell::toned(format!("over: {b}"), Tone::Bad),
            None => Cell::from(""),
        };
        let rows = view.snapshot.rows.iter().filter(|r| r.group == g.group);
        match view.level {
            LagLevel::Group => {
                let mut row: Vec<Cell> = vec![
                    g.group.clone().into(),
                    state(&g.state),
                    g.partitions.to_string().into(),
                    g.lag.to_string().into(),
                ];
                if view.time {
                    row.push(age(g.worst_age).into());
                }
                if let Some(trends) = trends {
                    let (rate, eta) = trend_text(trends.get(&g.group));
                    row.extend([rate.into(), eta.into()]);
                }
                row.push(breach());
                t.row(row);
            }
            LagLevel::Topic => {
                for (topic, lag) in &g.by_topic {
                    let mut row: Vec<Cell> = vec![
                        g.group.clone().into(),
                        state(&g.state),
                        topic.clone().into(),
                        lag.to_string().into(),
                    ];
                    if view.time {
                        let worst = rows
                            .clone()
                            .filter(|r| &r.topic == topic)
                            .filter_map(|r| r.age)
                            .max();
                        row.push(age(worst).into());
                    }
                    row.push(breach());
                    t.row(row);
                }
            }
            LagLevel::Partition => {
                for r in rows {
                    let mut row = partition_row(r, &g.state);
                    if view.time {
                        row.push(age(r.age).into());
                    }
                    row.push(breach());
                    t.row(row);
                }
            }
        }
    }
    out.table(&t)
}

/// A group's state as the broker says it; one being rebalanced or gone stands out.
fn state(state: &str) -> Cell {
    match state {
        "Stable" | "Empty" => Cell::from(state.to_string()),
        "Dead" => Cell::toned(state.to_string(), Tone::Bad),
        _ => Cell::toned(state.to_string(), Tone::Warn),
    }
}

fn partition_row(r: &PartitionLag, group_state: &str) -> Vec<Cell> {
    let owner = r
        .owner
        .as_ref()
        .map_or("-".to_string(), |o| format!("{}@{}", o.client_id, o.host));
    vec![
        r.group.clone().into(),
        state(group_state),
        r.topic.clone().into(),
        r.partition.to_string().into(),
        r.committed
            .map_or("-".to_string(), |c| c.to_string())
            .into(),
        r.end.to_string().into(),
        r.lag.to_string().into(),
        owner.into(),
    ]
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::core::lag::Snapshot;
    use crate::output::test_support::assert_aligned;

    fn view(level: LagLevel) -> LagView {
        let row = |group: &str, topic: &str, partition, committed, end| PartitionLag {
            group: group.into(),
            topic: topic.into(),
            partition,
            committed,
            end,
            lag: u64::try_from(end - committed.unwrap_or(0)).unwrap(),
            owner: Some(crate::core::lag::Owner {
                member_id: "billing-1-0c5e".into(),
                client_id: "billing-1".into(),
                host: "/10.0.0.7".into(),
            }),
            age: Some(Duration::from_secs(83)),
            breach: None,
        };
        let over = |mut r: PartitionLag, why: &str| {
            r.breach = Some(why.into());
            r
        };
        let group = |name: &str, lag, breach: Option<&str>| GroupLag {
            group: name.into(),
            state: "Stable".into(),
            lag,
            partitions: 2,
            by_topic: BTreeMap::from([("orders".to_string(), lag)]),
            worst_age: Some(Duration::from_secs(83)),
            breach: breach.map(str::to_string),
        };
        LagView {
            snapshot: Snapshot {
                rows: vec![
                    over(row("billing", "orders", 0, Some(40), 100), "lag 60 > 10"),
                    row("billing", "orders", 1, Some(100), 100),
                    row("billing-reconciliation-nightly", "orders", 1, None, 7),
                ],
                groups: vec![
                    group("billing", 60, Some("lag 60 > 10")),
                    group("billing-reconciliation-nightly", 7, None),
                ],
                taken: None,
            },
            level,
            show_all: false,
            time: true,
            trends: Some(BTreeMap::from([(
                "billing".to_string(),
                Trend::FallingBehind { consume_rate: 12.0 },
            )])),
            redraw: false,
        }
    }

    #[test]
    fn every_level_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for level in [LagLevel::Group, LagLevel::Topic, LagLevel::Partition] {
            for width in [80, 120] {
                let (mut out, captured) = Output::terminal(Format::Table, width);
                render(&mut out, &view(level)).unwrap();
                let text = captured.stdout();
                assert!(text.contains("\u{1b}["), "colour is on");
                assert_aligned(&text, width);
            }
        }
        let (mut out, captured) = Output::terminal(Format::Table, 120);
        render(&mut out, &view(LagLevel::Group)).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(plain.contains("falling behind"), "{plain}");
        assert!(plain.contains("over: lag 60 > 10"), "{plain}");
        assert!(plain.contains("1m"), "{plain}");
    }

    #[test]
    fn the_json_marks_the_group_over_its_limit_and_only_the_partitions_over_it() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &view(LagLevel::Topic)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 3);
        assert_eq!(json[0]["group"], "billing");
        assert_eq!(json[0]["lag"], 60);
        assert_eq!(json[0]["breach"], "lag 60 > 10");
        assert_eq!(json[0]["partition_breach"], "lag 60 > 10");
        assert_eq!(json[0]["age_seconds"], 83.0);
        assert_eq!(json[1]["lag"], 0);
        assert_eq!(
            json[1]["partition_breach"],
            serde_json::Value::Null,
            "a caught-up partition is not over"
        );
        assert_eq!(json[1]["breach"], "lag 60 > 10");
        assert_eq!(json[2]["committed"], serde_json::Value::Null);
        assert_eq!(json[2]["client_id"], "billing-1");
        assert_eq!(json[2]["breach"], serde_json::Value::Null);
    }

    #[test]
    fn every_level_has_the_groups_state() {
        for level in [LagLevel::Group, LagLevel::Topic, LagLevel::Partition] {
            let (mut out, captured) = Output::buffered(Format::Table);
            render(&mut out, &view(level)).unwrap();
            let text = captured.stdout();
            let header = text.lines().next().unwrap();
            assert!(
                header.starts_with("GROUP") && header.contains(" STATE "),
                "{level:?}: {header}"
            );
            assert!(
                text.lines().nth(1).unwrap().contains("Stable"),
                "{level:?}: {text}"
            );
        }
    }

    #[test]
    fn prometheus_names_follow_kafka_exporter() {
        let (mut out, captured) = Output::buffered(Format::Prometheus);
        render(&mut out, &view(LagLevel::Group)).unwrap();
        let text = captured.stdout();
        assert!(text.contains(
            "kafka_consumergroup_lag{consumergroup=\"billing\",topic=\"orders\",partition=\"0\"} 60"
        ));
        assert!(text.contains("kop_consumergroup_lag_seconds"));
    }
}
