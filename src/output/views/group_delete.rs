//! `kop groups delete` and `groups delete-offsets`: what went and what did not.
//!
//! JSON shapes (stable):
//! - delete, one object per group: `{"group", "deleted": bool, "error": str|null}`;
//! - delete-offsets: `{"group", "partitions": [{"topic", "partition", "deleted": bool,
//!   "error": str|null}]}`.

use serde::Serialize;

use crate::core::groups::compact_partitions;
use crate::core::record::TopicPartition;
use crate::output::{Format, Output};

#[derive(Serialize)]
struct DeletedJson<'a> {
    group: &'a str,
    deleted: bool,
    error: Option<String>,
}

/// Each deleted group and whether it went.
pub(crate) fn render_deleted(
    out: &mut Output,
    results: &[(String, Result<(), String>)],
) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json: Vec<DeletedJson> = results
            .iter()
            .map(|(group, r)| DeletedJson {
                group,
                deleted: r.is_ok(),
                error: r.as_ref().err().cloned(),
            })
            .collect();
        return out.json(&json);
    }
    for (group, result) in results {
        match result {
            Ok(()) => out.text(&format!("deleted group {group}"))?,
            Err(e) => out.text(&format!("group {group} was not deleted: {e}"))?,
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct OffsetsDeletedJson<'a> {
    group: &'a str,
    partitions: Vec<OffsetDeletedJson<'a>>,
}

#[derive(Serialize)]
struct OffsetDeletedJson<'a> {
    topic: &'a str,
    partition: i32,
    deleted: bool,
    error: Option<String>,
}

/// The partitions whose committed offsets were deleted, and those that failed.
pub(crate) fn render_offsets_deleted(
    out: &mut Output,
    group: &str,
    results: &[(TopicPartition, Result<(), String>)],
) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json = OffsetsDeletedJson {
            group,
            partitions: results
                .iter()
                .map(|(tp, r)| OffsetDeletedJson {
                    topic: &tp.topic,
                    partition: tp.partition,
                    deleted: r.is_ok(),
                    error: r.as_ref().err().cloned(),
                })
                .collect(),
        };
        return out.json(&json);
    }
    let deleted: Vec<TopicPartition> = results
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(tp, _)| tp.clone())
        .collect();
    if !deleted.is_empty() {
        out.text(&format!(
            "deleted the committed offsets of group {group} on {}",
            compact_partitions(&deleted)
        ))?;
    }
    for (tp, result) in results {
        if let Err(e) = result {
            out.text(&format!("{tp}: not deleted: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_report_each_group() {
        let results = vec![
            ("billing".to_string(), Ok(())),
            (
                "audit".to_string(),
                Err("the group has active members".to_string()),
            ),
        ];
        let (mut out, captured) = Output::buffered(Format::Table);
        render_deleted(&mut out, &results).unwrap();
        assert_eq!(
            captured.stdout(),
            "deleted group billing\ngroup audit was not deleted: the group has active members\n"
        );
        let (mut out, captured) = Output::buffered(Format::Json);
        render_deleted(&mut out, &results).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json[0]["deleted"], true);
        assert_eq!(json[1]["error"], "the group has active members");
        let tp = TopicPartition::new("orders", 0);
        let (mut out, captured) = Output::buffered(Format::Json);
        render_offsets_deleted(&mut out, "billing", &[(tp, Ok(()))]).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["partitions"][0]["deleted"], true);
    }
}
