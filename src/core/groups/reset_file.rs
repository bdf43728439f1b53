//! Offsets in a file for `groups reset --from-file`, and the plan written back as a file
//! for `--export`.
//!
//! Two forms are read: the CSV of `kafka-consumer-groups --reset-offsets --export`
//! (`topic,partition,offset` per line, or `group,topic,partition,offset` when it covers
//! several groups) and kop's own JSON plan (`groups reset -o json`). `--export` writes the
//! CSV, so either tool can apply what the other planned.

use serde::Deserialize;

use super::reset::ResetPlan;
use crate::core::record::TopicPartition;

/// What a file says to commit for one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOffsets {
    pub offsets: Vec<(TopicPartition, i64)>,
    /// The group a JSON plan was made for, when the file names one.
    pub planned_for: Option<String>,
}

#[derive(Deserialize)]
struct JsonPlan {
    group: Option<String>,
    partitions: Vec<JsonPartition>,
}

#[derive(Deserialize)]
struct JsonPartition {
    topic: String,
    partition: i32,
    new: i64,
}

/// The offsets for `group` in a file's text. Errors name the line.
pub fn parse(text: &str, group: &str) -> Result<FileOffsets, String> {
    if text.trim_start().starts_with('{') {
        let plan: JsonPlan = serde_json::from_str(text).map_err(|e| {
            format!(
                "line {}: not a kop reset plan ({e}); expected `groups reset -o json` output",
                e.line()
            )
        })?;
        return Ok(FileOffsets {
            offsets: plan
                .partitions
                .into_iter()
                .map(|p| (TopicPartition::new(p.topic, p.partition), p.new))
                .collect(),
            planned_for: plan.group,
        });
    }
    let mut offsets = Vec::new();
    let mut other_groups = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |why: String| format!("line {}: {why}", i + 1);
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let (topic, partition, offset) = match fields.as_slice() {
            [t, p, o] => (*t, *p, *o),
            [g, t, p, o] => {
                if *g != group {
                    other_groups += 1;
                    continue;
                }
                (*t, *p, *o)
            }
            _ => {
                return Err(at(format!(
                    "`{line}` is not `topic,partition,offset` (or `group,topic,partition,offset`)"
                )))
            }
        };
        let partition: i32 = partition
            .parse()
            .map_err(|_| at(format!("`{partition}` is not a partition number")))?;
        let offset: i64 = offset
            .parse()
            .ok()
            .filter(|o| *o >= 0)
            .ok_or_else(|| at(format!("`{offset}` is not an offset")))?;
        if topic.is_empty() {
            return Err(at("the topic is empty".into()));
        }
        offsets.push((TopicPartition::new(topic, partition), offset));
    }
    if offsets.is_empty() {
        return Err(if other_groups > 0 {
            format!("the file has offsets for other groups only, none for {group}")
        } else {
            "the file holds no offsets".into()
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    if let Some((tp, _)) = offsets.iter().find(|(tp, _)| !seen.insert(tp.clone())) {
        return Err(format!("{tp} appears twice in the file"));
    }
    Ok(FileOffsets {
        offsets,
        planned_for: None,
    })
}

/// The plan as `kafka-consumer-groups --export` writes it: `topic,partition,offset`.
pub fn to_csv(plan: &ResetPlan) -> String {
    plan.rows
        .iter()
        .map(|r| format!("{},{},{}\n", r.tp.topic, r.tp.partition, r.new))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::cluster::Ends;
    use crate::core::groups::reset::{plan, ResetInputs, Target};

    fn tp(topic: &str, p: i32) -> TopicPartition {
        TopicPartition::new(topic, p)
    }

    #[test]
    fn kafka_consumer_groups_csv_in_both_forms() {
        let one = parse("orders,0,12\norders,1,30\n\n# note\n", "billing").unwrap();
        assert_eq!(one.offsets, [(tp("orders", 0), 12), (tp("orders", 1), 30)]);
        let many = parse("billing,orders,0,12\naudit,orders,0,99\n", "billing").unwrap();
        assert_eq!(many.offsets, [(tp("orders", 0), 12)]);
        assert_eq!(
            parse("audit,orders,0,99\n", "billing").unwrap_err(),
            "the file has offsets for other groups only, none for billing"
        );
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            parse("orders,0,12\norders,x,3\n", "g").unwrap_err(),
            "line 2: `x` is not a partition number"
        );
        assert!(parse("orders,0,-4", "g")
            .unwrap_err()
            .starts_with("line 1:"));
        assert!(parse("orders 0 12", "g")
            .unwrap_err()
            .contains("topic,partition,offset"));
        assert_eq!(parse("", "g").unwrap_err(), "the file holds no offsets");
        assert!(parse("orders,0,1\norders,0,2", "g")
            .unwrap_err()
            .contains("twice"));
    }

    #[test]
    fn a_plan_exported_as_csv_or_json_reads_back() {
        let partitions = [tp("orders", 0), tp("orders", 1)];
        let ends: BTreeMap<TopicPartition, Ends> = partitions
            .iter()
            .map(|tp| {
                (
                    tp.clone(),
                    Ends {
                        earliest: 0,
                        latest: 50,
                    },
                )
            })
            .collect();
        let committed = partitions.iter().map(|tp| (tp.clone(), Some(20))).collect();
        let empty = BTreeMap::new();
        let plan = plan(
            &Target::ShiftBy(-5),
            &ResetInputs {
                group: "billing",
                partitions: &partitions,
                committed: &committed,
                ends: &ends,
                by_time: &BTreeMap::new(),
                other: &empty,
            },
        )
        .unwrap();
        let csv = to_csv(&plan);
        assert_eq!(csv, "orders,0,15\norders,1,15\n");
        assert_eq!(parse(&csv, "billing").unwrap().offsets, plan.offsets());
        let json = r#"{"group": "billing", "partitions": [
            {"topic": "orders", "partition": 0, "current": 20, "new": 15},
            {"topic": "orders", "partition": 1, "current": 20, "new": 15}]}"#;
        let read = parse(json, "other").unwrap();
        assert_eq!(read.offsets, plan.offsets());
        assert_eq!(read.planned_for.as_deref(), Some("billing"));
        assert!(parse("{\"partitions\": 3}", "g")
            .unwrap_err()
            .contains("not a kop reset plan"));
    }
}
