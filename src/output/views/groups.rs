//! `kop groups list` and `groups describe`.
//!
//! JSON shapes (stable):
//! - list, one object per group: `{"group", "state", "protocol_type" ("consumer",
//!   "connect", ... or "" for a group that only holds offsets), "members": int, "topics":
//!   [str], "partitions": int, "lag": int, "replay_cursor": {"dlq", "filtered": bool} |
//!   null}`;
//! - describe, one object per group: `{"group", "state", "type": "classic"|"consumer"|null,
//!   "protocol_type", "protocol", "coordinator": {"id", "host", "port"}|null, "members":
//!   [{"member_id", "instance_id": str|null, "client_id", "host", "partitions": [{"topic",
//!   "partition"}]}], "partitions": [{"topic", "partition", "committed": int|null, "end",
//!   "lag", "age_seconds": number|null (with --time), "owner": member id|null}], "lag"}`.

use serde::Serialize;

use crate::core::groups::describe::GroupDetail;
use crate::core::groups::listing::GroupRow;
use crate::core::groups::{compact_partitions, Group};
use crate::core::record::TopicPartition;
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};
use crate::util::units::format_duration_ms;

#[derive(Serialize)]
struct RowJson<'a> {
    group: &'a str,
    state: &'a str,
    protocol_type: &'a str,
    members: usize,
    topics: &'a [String],
    partitions: usize,
    lag: u64,
    replay_cursor: Option<CursorJson<'a>>,
}

#[derive(Serialize)]
struct CursorJson<'a> {
    dlq: &'a str,
    filtered: bool,
}

fn state_cell(state: &str) -> Cell {
    let tone = match state {
        "Stable" => Tone::Good,
        "Empty" => Tone::Dim,
        "Dead" => Tone::Bad,
        _ => Tone::Warn,
    };
    Cell::toned(state, tone)
}

pub(crate) fn render_list(out: &mut Output, rows: &[GroupRow]) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json: Vec<RowJson> = rows
            .iter()
            .map(|r| RowJson {
                group: &r.name,
                state: &r.state,
                protocol_type: &r.protocol_type,
                members: r.members,
                topics: &r.topics,
                partitions: r.partitions,
                lag: r.lag,
                replay_cursor: r.replay.as_ref().map(|c| CursorJson {
                    dlq: &c.dlq,
                    filtered: c.filtered,
                }),
            })
            .collect();
        return out.json(&json);
    }
    if rows.is_empty() {
        return out.line("No consumer groups.");
    }
    let mut t = Table::new(&["GROUP", "STATE", "PROTOCOL", "MEMBERS", "LAG", "TOPICS", ""]);
    for r in rows {
        let note = match &r.replay {
            Some(c) if c.filtered => Cell::toned(
                format!("kop replay cursor of {} (filtered)", c.dlq),
                Tone::Hint,
            ),
            Some(c) => Cell::toned(format!("kop replay cursor of {}", c.dlq), Tone::Hint),
            None => Cell::from(""),
        };
        let lag = if r.lag > 0 {
            Cell::toned(r.lag.to_string(), Tone::Warn)
        } else {
            Cell::from("0")
        };
        t.row(vec![
            r.name.clone().into(),
            state_cell(&r.state),
            dash(&r.protocol_type).into(),
            r.members.to_string().into(),
            lag,
            dash(&r.topics.join(",")).into(),
            note,
        ]);
    }
    out.table(&t)
}

fn dash(text: &str) -> String {
    if text.is_empty() {
        "-".into()
    } else {
        text.to_string()
    }
}

#[derive(Serialize)]
struct DetailJson<'a> {
    group: &'a str,
    state: &'a str,
    #[serde(rename = "type")]
    group_type: Option<&'a str>,
    protocol_type: &'a str,
    protocol: &'a str,
    coordinator: Option<CoordinatorJson<'a>>,
    members: Vec<MemberJson<'a>>,
    partitions: Vec<PartitionJson<'a>>,
    lag: u64,
}

#[derive(Serialize)]
struct CoordinatorJson<'a> {
    id: i32,
    host: &'a str,
    port: i32,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    member_id: &'a str,
    instance_id: Option<&'a str>,
    client_id: &'a str,
    host: &'a str,
    partitions: Vec<TopicPartitionJson<'a>>,
}

#[derive(Serialize)]
struct TopicPartitionJson<'a> {
    topic: &'a str,
    partition: i32,
}

#[derive(Serialize)]
struct PartitionJson<'a> {
    topic: &'a str,
    partition: i32,
    committed: Option<i64>,
    end: i64,
    lag: u64,
    age_seconds: Option<f64>,
    owner: Option<&'a str>,
}

fn partitions_json(partitions: &[TopicPartition]) -> Vec<TopicPartitionJson<'_>> {
    partitions
        .iter()
        .map(|tp| TopicPartitionJson {
            topic: &tp.topic,
            partition: tp.partition,
        })
        .collect()
}

fn detail_json(d: &GroupDetail, time: bool) -> DetailJson<'_> {
    let g = &d.group;
    DetailJson {
        group: &g.name,
        state: &g.state,
        group_type: g.group_type.as_deref(),
        protocol_type: &g.protocol_type,
        protocol: &g.protocol,
        coordinator: g.coordinator.as_ref().map(|c| CoordinatorJson {
            id: c.id,
            host: &c.host,
            port: c.port,
        }),
        members: g
            .members
            .iter()
            .map(|m| MemberJson {
                member_id: &m.member_id,
                instance_id: m.instance_id.as_deref(),
                client_id: &m.client_id,
                host: &m.host,
                partitions: partitions_json(&m.partitions),
            })
            .collect(),
        partitions: d
            .partitions
            .iter()
            .map(|r| PartitionJson {
                topic: &r.topic,
                partition: r.partition,
                committed: r.committed,
                end: r.end,
                lag: r.lag,
                age_seconds: if time {
                    r.age.map(|a| a.as_secs_f64())
                } else {
                    None
                },
                owner: r.owner.as_ref().map(|o| o.member_id.as_str()),
            })
            .collect(),
        lag: d.lag,
    }
}

pub(crate) fn render_describe(
    out: &mut Output,
    details: &[GroupDetail],
    time: bool,
) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json: Vec<DetailJson> = details.iter().map(|d| detail_json(d, time)).collect();
        return out.json(&json);
    }
    for (i, d) in details.iter().enumerate() {
        if i > 0 {
            out.line("")?;
        }
        describe_one(out, d, time)?;
    }
    Ok(())
}

fn describe_one(out: &mut Output, d: &GroupDetail, time: bool) -> std::io::Result<()> {
    let g = &d.group;
    let strong = |text: &str| crate::output::style::paint(out.color, Tone::Strong, text);
    out.text(&format!("{} {}", strong("Group"), g.name))?;
    let state = match &g.group_type {
        Some(kind) => format!("{} ({kind} protocol)", g.state),
        None => g.state.clone(),
    };
    let coordinator = g.coordinator.as_ref().map_or("-".to_string(), |c| {
        format!("broker {} at {}", c.id, c.address())
    });
    let protocol = match (g.protocol_type.as_str(), g.protocol.as_str()) {
        ("", _) => "- (offsets only, no member ever joined)".to_string(),
        (kind, "") => kind.to_string(),
        (kind, assignor) => format!("{kind}, {assignor} assignor"),
    };
    for (key, value) in [
        ("state", state),
        ("coordinator", coordinator),
        ("protocol", protocol),
        ("lag", d.lag.to_string()),
    ] {
        out.text(&format!("  {key:<12} {value}"))?;
    }
    out.line("")?;
    members_table(out, g)?;
    out.line("")?;
    if d.partitions.is_empty() {
        return out.text("No committed offsets and no assigned partitions.");
    }
    let mut headers = vec!["TOPIC", "PARTITION", "COMMITTED", "END", "LAG"];
    if time {
        headers.push("AGE");
    }
    headers.push("OWNER");
    let mut t = Table::new(&headers);
    for r in &d.partitions {
        let mut row: Vec<Cell> = vec![
            r.topic.clone().into(),
            r.partition.to_string().into(),
            r.committed
                .map_or("-".to_string(), |c| c.to_string())
                .into(),
            r.end.to_string().into(),
            if r.lag > 0 {
                Cell::toned(r.lag.to_string(), Tone::Warn)
            } else {
                Cell::from("0")
            },
        ];
        if time {
            row.push(
                r.age
                    .map_or("-".to_string(), |a| {
                        format_duration_ms((a.as_millis() / 1000 * 1000) as u64)
                    })
                    .into(),
            );
        }
        row.push(
            r.owner
                .as_ref()
                .map_or("-".to_string(), |o| o.member_id.clone())
                .into(),
        );
        t.row(row);
    }
    out.table(&t)
}

fn members_table(out: &mut Output, g: &Group) -> std::io::Result<()> {
    if g.members.is_empty() {
        return out.text("No members: no consumer of the group is connected.");
    }
    let mut t = Table::new(&["MEMBER", "CLIENT", "HOST", "PARTITIONS"]);
    for m in &g.members {
        let partitions = if m.partitions.is_empty() {
            Cell::toned("none", Tone::Dim)
        } else {
            Cell::from(compact_partitions(&m.partitions))
        };
        t.row(vec![
            m.member_id.clone().into(),
            dash(&m.client_id).into(),
            dash(&m.host).into(),
            partitions,
        ]);
    }
    out.table(&t)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::time::Duration;

    use super::*;
    use crate::core::cluster::Ends;
    use crate::core::dlq::replay::ReplayCursor;
    use crate::core::groups::describe::{details, fixtures};
    use crate::core::lag::LagInputs;
    use crate::output::test_support::assert_aligned;

    fn rows() -> Vec<GroupRow> {
        vec![
            GroupRow {
                name: "billing".into(),
                state: "Stable".into(),
                protocol_type: "consumer".into(),
                members: 2,
                topics: vec!["orders".into(), "refunds".into()],
                partitions: 4,
                lag: 1_234,
                replay: None,
            },
            GroupRow {
                name: "kop-replay.dlq.failed-events.0123456789abcdef".into(),
                state: "Empty".into(),
                protocol_type: String::new(),
                members: 0,
                topics: vec!["dlq.failed-events".into()],
                partitions: 1,
                lag: 0,
                replay: Some(ReplayCursor {
                    dlq: "dlq.failed-events".into(),
                    filtered: true,
                }),
            },
        ]
    }

    #[test]
    fn the_list_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_list(&mut out, &rows()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            assert!(plain.contains("1234"), "{plain}");
            if width == 120 {
                assert!(plain.contains("kop replay cursor"), "{plain}");
            }
        }
    }

    #[test]
    fn the_list_json_has_one_object_per_group() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_list(&mut out, &rows()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json[0]["group"], "billing");
        assert_eq!(json[0]["lag"], 1234);
        assert_eq!(json[0]["topics"][1], "refunds");
        assert_eq!(json[0]["replay_cursor"], serde_json::Value::Null);
        assert_eq!(json[1]["protocol_type"], "");
        assert_eq!(json[1]["replay_cursor"]["dlq"], "dlq.failed-events");
        assert_eq!(json[1]["replay_cursor"]["filtered"], true);
    }

    /// The recorded Kafka group, with offsets on its three partitions.
    fn detail() -> Vec<GroupDetail> {
        let group = fixtures::describe_groups();
        let tp = |p| TopicPartition::new("orders", p);
        let inputs = LagInputs {
            committed: BTreeMap::from([(
                group.name.clone(),
                BTreeMap::from([(tp(0), Some(40)), (tp(1), Some(50)), (tp(2), None)]),
            )]),
            groups: vec![group],
            ends: (0..3)
                .map(|p| {
                    (
                        tp(p),
                        Ends {
                            earliest: 0,
                            latest: 50,
                        },
                    )
                })
                .collect(),
        };
        let mut d = details(&inputs, None);
        d[0].partitions[0].age = Some(Duration::from_secs(75));
        d
    }

    #[test]
    fn a_recorded_kafka_group_describes_with_members_and_owners_at_80_and_120_columns() {
        for width in [80, 120] {
            for time in [false, true] {
                let (mut out, captured) = Output::terminal(Format::Table, width);
                render_describe(&mut out, &detail(), time).unwrap();
                let text = captured.stdout();
                assert!(text.contains("\u{1b}["), "colour is on");
                assert_aligned(&text, width);
                let plain = console::strip_ansi_codes(&text).into_owned();
                for expected in [
                    "Stable (classic protocol)",
                    "broker 2 at kafka-2.internal:9092",
                    "consumer, range assignor",
                    "billing-service-1",
                    "/10.20.0.15",
                    "orders: 0,1",
                ] {
                    assert!(plain.contains(expected), "{expected} in\n{plain}");
                }
                assert_eq!(plain.contains("AGE"), time, "{plain}");
                if time {
                    assert!(plain.contains("1m15s"), "{plain}");
                }
            }
        }
    }

    #[test]
    fn the_describe_json_names_members_and_partition_owners() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_describe(&mut out, &detail(), false).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        let g = &json[0];
        assert_eq!(g["group"], "billing");
        assert_eq!(g["type"], "classic");
        assert_eq!(g["coordinator"]["id"], 2);
        assert_eq!(g["members"][1]["client_id"], "billing-service-2");
        assert_eq!(g["members"][0]["partitions"][1]["partition"], 1);
        assert_eq!(g["partitions"][0]["committed"], 40);
        assert_eq!(g["partitions"][2]["committed"], serde_json::Value::Null);
        assert_eq!(g["partitions"][2]["lag"], 50);
        assert!(g["partitions"][2]["owner"]
            .as_str()
            .unwrap()
            .starts_with("billing-service-2-"));
        assert_eq!(g["partitions"][0]["age_seconds"], serde_json::Value::Null);
        assert_eq!(g["lag"], 60);
    }

    #[test]
    fn a_kip_848_group_describes_too() {
        let group = fixtures::consumer_group_describe();
        let d = GroupDetail {
            group,
            partitions: Vec::new(),
            lag: 0,
        };
        let (mut out, captured) = Output::terminal(Format::Table, 120);
        render_describe(&mut out, &[d], false).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(plain.contains("Stable (consumer protocol)"), "{plain}");
        assert!(plain.contains("analytics.usage-stats: 0,1"), "{plain}");
        assert!(plain.contains("No committed offsets"), "{plain}");
        assert_aligned(&captured.stdout(), 120);
    }
}
