//! `kop topics describe`: per topic its partitions, configs and their sources, the file's
//! declaration and drift, the groups reading it, its dead-letter queue and its subjects.
//!
//! JSON shape (stable), one object per topic: `{"topic", "partitions": [{"partition",
//! "leader": int|null, "replicas": [int], "isr": [int], "offline": bool,
//! "under_replicated": bool, "earliest": int|null, "latest": int|null, "records":
//! int|null}], "configs": [{"name", "value": str|null, "source": "topic"|"dynamic
//! broker"|"static broker"|"default"|"unknown", "sensitive": bool}],
//! "configs_listed_partially": bool, "declared": null|{"partitions": int|null,
//! "replication_factor": int|null, "configs": {name: value}, "drift": [str]}, "groups":
//! [{"group", "state", "members", "lag"}], "dead_letter": null|{"topic", "declared": bool,
//! "exists": bool, "records": int|null, "pending": int|null}, "subjects":
//! null|[{"subject", "version", "id", "type"}], "registry_error": str|null}`.
//! `configs` holds values not at Kafka's default unless `--all-configs`; `subjects` is null
//! without a registry.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::catalogue::humane_value;
use crate::core::topic_describe::TopicDescription;
use crate::output::style::{paint, Tone};
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct TopicJson<'a> {
    topic: &'a str,
    partitions: Vec<PartitionJson<'a>>,
    configs: Vec<ConfigJson<'a>>,
    configs_listed_partially: bool,
    declared: Option<DeclaredJson<'a>>,
    groups: Vec<GroupJson<'a>>,
    dead_letter: Option<DeadLetterJson<'a>>,
    subjects: Option<Vec<SubjectJson<'a>>>,
    registry_error: Option<&'a str>,
}

#[derive(Serialize)]
struct PartitionJson<'a> {
    partition: i32,
    leader: Option<i32>,
    replicas: &'a [i32],
    isr: &'a [i32],
    offline: bool,
    under_replicated: bool,
    earliest: Option<i64>,
    latest: Option<i64>,
    records: Option<u64>,
}

#[derive(Serialize)]
struct ConfigJson<'a> {
    name: &'a str,
    value: Option<&'a str>,
    source: &'static str,
    sensitive: bool,
}

#[derive(Serialize)]
struct DeclaredJson<'a> {
    partitions: Option<i32>,
    replication_factor: Option<i16>,
    configs: &'a BTreeMap<String, String>,
    drift: &'a [String],
}

#[derive(Serialize)]
struct GroupJson<'a> {
    group: &'a str,
    state: &'a str,
    members: usize,
    lag: u64,
}

#[derive(Serialize)]
struct DeadLetterJson<'a> {
    topic: &'a str,
    declared: bool,
    exists: bool,
    records: Option<u64>,
    pending: Option<u64>,
}

#[derive(Serialize)]
struct SubjectJson<'a> {
    subject: &'a str,
    version: u32,
    id: u32,
    #[serde(rename = "type")]
    schema_type: &'a str,
}

fn to_json(d: &TopicDescription) -> TopicJson<'_> {
    TopicJson {
        topic: &d.name,
        partitions: d
            .partitions
            .iter()
            .map(|p| PartitionJson {
                partition: p.id,
                leader: (p.leader >= 0).then_some(p.leader),
                replicas: &p.replicas,
                isr: &p.isr,
                offline: p.offline(),
                under_replicated: p.under_replicated(),
                earliest: p.ends.map(|e| e.earliest),
                latest: p.ends.map(|e| e.latest),
                records: p.records(),
            })
            .collect(),
        configs: d
            .configs
            .iter()
            .map(|c| ConfigJson {
                name: &c.name,
                value: c.value.as_deref(),
                source: c.origin.name(),
                sensitive: c.sensitive,
            })
            .collect(),
        configs_listed_partially: d.configs_partial,
        declared: d.declared.as_ref().map(|x| DeclaredJson {
            partitions: x.partitions,
            replication_factor: x.replication_factor,
            configs: &x.configs,
            drift: &x.drift,
        }),
        groups: d
            .groups
            .iter()
            .map(|g| GroupJson {
                group: &g.group,
                state: &g.state,
                members: g.members,
                lag: g.lag,
            })
            .collect(),
        dead_letter: d.dead_letter.as_ref().map(|q| DeadLetterJson {
            topic: &q.topic,
            declared: q.declared,
            exists: q.depth.is_some(),
            records: q.depth.map(|(r, _)| r),
            pending: q.depth.map(|(_, p)| p),
        }),
        subjects: d
            .subjects
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .map(|list| {
                list.iter()
                    .map(|s| SubjectJson {
                        subject: &s.subject,
                        version: s.version,
                        id: s.id,
                        schema_type: &s.schema_type,
                    })
                    .collect()
            }),
        registry_error: d
            .subjects
            .as_ref()
            .and_then(|s| s.as_ref().err())
            .map(String::as_str),
    }
}

pub(crate) fn render(out: &mut Output, topics: &[TopicDescription]) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json: Vec<TopicJson> = topics.iter().map(to_json).collect();
        return out.json(&json);
    }
    for (i, d) in topics.iter().enumerate() {
        if i > 0 {
            out.line("")?;
        }
        one(out, d)?;
    }
    Ok(())
}

fn ids(list: &[i32]) -> String {
    if list.is_empty() {
        return "-".into();
    }
    list.iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn one(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    let rf = d.partitions.first().map_or(0, |p| p.replicas.len());
    out.text(&format!(
        "{} {}: {} partition{}, replication factor {rf}",
        paint(out.color, Tone::Strong, "Topic"),
        d.name,
        d.partitions.len(),
        if d.partitions.len() == 1 { "" } else { "s" }
    ))?;
    out.line("")?;
    partitions(out, d)?;
    out.line("")?;
    configs(out, d)?;
    out.line("")?;
    declaration(out, d)?;
    out.line("")?;
    if d.groups.is_empty() {
        out.text("No consumer group reads it.")?;
    } else {
        let mut t = Table::new(&["GROUP", "STATE", "MEMBERS", "LAG"]);
        for g in &d.groups {
            t.row(vec![
                g.group.clone().into(),
                g.state.clone().into(),
                g.members.to_string().into(),
                if g.lag > 0 {
                    Cell::toned(g.lag.to_string(), Tone::Warn)
                } else {
                    Cell::from("0")
                },
            ]);
        }
        out.table(&t)?;
    }
    out.line("")?;
    dead_letters(out, d)?;
    out.line("")?;
    subjects(out, d)
}

fn partitions(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    let mut t = Table::new(&[
        "PARTITION",
        "LEADER",
        "REPLICAS",
        "ISR",
        "EARLIEST",
        "LATEST",
        "RECORDS",
        "",
    ]);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    for p in &d.partitions {
        let mark = if p.offline() {
            Cell::toned("offline", Tone::Bad)
        } else if p.under_replicated() {
            Cell::toned("under-replicated", Tone::Warn)
        } else {
            Cell::from("")
        };
        t.row(vec![
            p.id.to_string().into(),
            if p.offline() {
                "-".to_string()
            } else {
                p.leader.to_string()
            }
            .into(),
            ids(&p.replicas).into(),
            ids(&p.isr).into(),
            or_dash(p.ends.map(|e| e.earliest.to_string())).into(),
            or_dash(p.ends.map(|e| e.latest.to_string())).into(),
            or_dash(p.records().map(|r| r.to_string())).into(),
            mark,
        ]);
    }
    out.table(&t)
}

fn configs(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    if d.configs.is_empty() {
        out.text("Configs: all at Kafka's defaults (--all-configs lists them).")?;
    } else {
        let mut t = Table::new(&["CONFIG", "VALUE", "SOURCE"]);
        for c in &d.configs {
            let value = match (c.humane(), c.sensitive) {
                (_, true) => Cell::toned("(sensitive)", Tone::Dim),
                (Some(v), false) => Cell::from(v),
                (None, false) => Cell::from("-"),
            };
            let tone = match c.origin.name() {
                "topic" => Tone::Good,
                "default" => Tone::Dim,
                _ => Tone::Hint,
            };
            t.row(vec![
                c.name.clone().into(),
                value,
                Cell::toned(c.origin.name(), tone),
            ]);
        }
        out.table(&t)?;
    }
    if d.configs_partial {
        let note = paint(out.color, Tone::Hint, "note:");
        out.text(&format!(
            "{note} the broker listed only the configs set on the topic, calling them defaults (Kafka lists every config with its source): they are shown as set on the topic"
        ))?;
    }
    Ok(())
}

fn declaration(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    let Some(declared) = &d.declared else {
        return out.text(if d.file_read {
            "topics.toml: not declared (`kop topics export --only NAME` writes a declaration)"
        } else {
            "topics.toml: none read"
        });
    };
    let mut what = Vec::new();
    if let Some(p) = declared.partitions {
        what.push(format!("partitions = {p}"));
    }
    if let Some(rf) = declared.replication_factor {
        what.push(format!("replication_factor = {rf}"));
    }
    what.extend(
        declared
            .configs
            .iter()
            .map(|(k, v)| format!("{k} = {}", humane_value(k, v))),
    );
    let state = if declared.drift.is_empty() {
        paint(out.color, Tone::Good, "in sync")
    } else {
        paint(
            out.color,
            Tone::Warn,
            &format!(
                "{} difference{}",
                declared.drift.len(),
                if declared.drift.len() == 1 { "" } else { "s" }
            ),
        )
    };
    out.text(&format!(
        "topics.toml: {state} with the declaration ({})",
        what.join(", ")
    ))?;
    for line in &declared.drift {
        out.text(&format!("  ~ {line}"))?;
    }
    Ok(())
}

fn dead_letters(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    let Some(q) = &d.dead_letter else {
        return out.text("Dead letters: no dead-letter queue declared or found by name.");
    };
    let how = if q.declared {
        "declared"
    } else {
        "found by name"
    };
    match q.depth {
        Some((records, pending)) => out.text(&format!(
            "Dead letters: {} ({how}): {records} record{}, {pending} pending replay",
            q.topic,
            if records == 1 { "" } else { "s" }
        )),
        None => out.text(&format!(
            "Dead letters: {} ({how}) is not on the cluster",
            q.topic
        )),
    }
}

fn subjects(out: &mut Output, d: &TopicDescription) -> std::io::Result<()> {
    match &d.subjects {
        None => {
            out.text("Schemas: no Schema Registry configured (--registry or SCHEMA_REGISTRY_URL).")
        }
        Some(Err(e)) => out.text(&format!("Schemas: {e}")),
        Some(Ok(list)) if list.is_empty() => out.text(&format!(
            "Schemas: no subject {0}-key or {0}-value in the registry.",
            d.name
        )),
        Some(Ok(list)) => {
            let mut t = Table::new(&["SUBJECT", "VERSION", "ID", "TYPE"]);
            for s in list {
                t.row(vec![
                    s.subject.clone().into(),
                    s.version.to_string().into(),
                    s.id.to_string().into(),
                    s.schema_type.clone().into(),
                ]);
            }
            out.table(&t)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cluster::fixtures::{recorded_configs, topic};
    use crate::core::cluster::Ends;
    use crate::core::record::TopicPartition;
    use crate::core::topic_describe::{
        config_rows, partition_rows, DeadLetterQueue, Declared, ReadingGroup, Subject,
    };
    use crate::output::test_support::assert_aligned;

    fn description() -> TopicDescription {
        let mut t = topic("orders", 3, 3);
        t.partitions[1].isr = vec![1, 2];
        t.partitions[2].leader = -1;
        t.partitions[2].isr = vec![];
        let ends = (0..2)
            .map(|p| {
                (
                    TopicPartition::new("orders", p),
                    Ends {
                        earliest: 3,
                        latest: 43,
                    },
                )
            })
            .collect();
        let configs = recorded_configs(
            include_str!("../../core/plan/fixtures/describe_configs_kafka.json"),
            "orders",
        );
        let (configs, partial) = config_rows(&configs, false);
        TopicDescription {
            name: "orders".into(),
            partitions: partition_rows(&t, &ends),
            configs,
            configs_partial: partial,
            file_read: true,
            declared: Some(Declared {
                partitions: Some(3),
                replication_factor: Some(3),
                configs: BTreeMap::from([("retention.ms".to_string(), "604800000".to_string())]),
                drift: vec!["retention.ms: 1d → 7d".into()],
            }),
            groups: vec![ReadingGroup {
                group: "billing".into(),
                state: "Stable".into(),
                members: 2,
                lag: 60,
            }],
            dead_letter: Some(DeadLetterQueue {
                topic: "orders.dead-letter".into(),
                declared: true,
                depth: Some((12, 5)),
            }),
            subjects: Some(Ok(vec![Subject {
                subject: "orders-value".into(),
                version: 3,
                id: 17,
                schema_type: "AVRO".into(),
            }])),
        }
    }

    #[test]
    fn every_part_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &[description()]).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            for expected in [
                "orders: 3 partitions, replication factor 3",
                "under-replicated",
                "offline",
                "static broker",
                "1d",
                "1 difference",
                "~ retention.ms: 1d → 7d",
                "billing",
                "orders.dead-letter (declared): 12 records, 5 pending replay",
                "orders-value",
            ] {
                assert!(plain.contains(expected), "{expected} in\n{plain}");
            }
        }
    }

    #[test]
    fn the_json_has_partitions_configs_with_sources_and_the_rest() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &[description()]).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        let t = &json[0];
        assert_eq!(t["topic"], "orders");
        assert_eq!(t["partitions"][0]["leader"], 1);
        assert_eq!(t["partitions"][0]["replicas"], serde_json::json!([1, 2, 3]));
        assert_eq!(t["partitions"][0]["records"], 40);
        assert_eq!(t["partitions"][1]["under_replicated"], true);
        assert_eq!(t["partitions"][2]["leader"], serde_json::Value::Null);
        assert_eq!(t["partitions"][2]["offline"], true);
        assert_eq!(t["configs"][2]["name"], "segment.bytes");
        assert_eq!(t["configs"][2]["source"], "static broker");
        assert_eq!(t["configs_listed_partially"], false);
        assert_eq!(t["declared"]["drift"][0], "retention.ms: 1d → 7d");
        assert_eq!(t["groups"][0]["lag"], 60);
        assert_eq!(t["dead_letter"]["pending"], 5);
        assert_eq!(t["subjects"][0]["version"], 3);
        assert_eq!(t["registry_error"], serde_json::Value::Null);
    }

    #[test]
    fn missing_parts_say_so() {
        let mut d = description();
        d.declared = None;
        d.file_read = false;
        d.groups.clear();
        d.dead_letter = None;
        d.subjects = None;
        d.configs.clear();
        d.configs_partial = true;
        let (mut out, captured) = Output::terminal(Format::Table, 80);
        render(&mut out, &[d]).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        for expected in [
            "topics.toml: none read",
            "No consumer group reads it.",
            "no dead-letter queue",
            "no Schema Registry configured",
            "all at Kafka's defaults",
            "the broker listed only the configs set on the topic",
        ] {
            assert!(plain.contains(expected), "{expected} in\n{plain}");
        }
    }
}
