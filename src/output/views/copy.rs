//! `kop copy`: what was copied (or, in a dry run, would be), and the schemas moved.
//!
//! JSON shape (stable): `{"source", "target", "target_cluster": name|null, "cursor",
//! "resumed", "mode": "dry-run"|"transactional"|"at-least-once", "copied", "skipped",
//! "uncommitted", "bytes", "seconds", "events_per_second", "partitions": {"0": n, ...},
//! "schemas": [{"part": "key"|"value", "source_id", "target_id": int|null, "subject":
//! string|null}], "error": string|null}`. `copied` counts records written and committed
//! with the cursor; `skipped` those the filters left out (the cursor passes them);
//! `uncommitted` those sent in the batch open when the copy stopped, which the cursor did
//! not pass (the next run copies them). `partitions` counts copied records by source
//! partition. A schema with `target_id` equal to `source_id` and no `subject` was copied
//! with its id unchanged (`--keep-schema-ids`); in a dry run `target_id` is null.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::copy::{CopyMode, CopyReport, SchemaMove};
use crate::core::subject::Part;
use crate::output::style::{paint, Tone};
use crate::output::table::Table;
use crate::output::{Format, Output};
use crate::util::units::humane_size;

#[derive(Serialize)]
struct CopyJson<'a> {
    source: &'a str,
    target: &'a str,
    target_cluster: Option<&'a str>,
    cursor: &'a str,
    resumed: bool,
    mode: &'static str,
    copied: u64,
    skipped: u64,
    uncommitted: u64,
    bytes: u64,
    seconds: f64,
    events_per_second: f64,
    partitions: BTreeMap<String, u64>,
    schemas: Vec<SchemaJson<'a>>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct SchemaJson<'a> {
    part: &'static str,
    source_id: u32,
    target_id: Option<u32>,
    subject: Option<&'a str>,
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Key => "key",
        Part::Value => "value",
    }
}

fn schema_json(m: &SchemaMove) -> SchemaJson<'_> {
    SchemaJson {
        part: part_name(m.part),
        source_id: m.source_id,
        target_id: m.target_id,
        subject: m.subject.as_deref(),
    }
}

pub(crate) fn render_copy(out: &mut Output, r: &CopyReport) -> std::io::Result<()> {
    let t = &r.tally;
    if out.format == Format::Json {
        return out.json(&CopyJson {
            source: &r.source,
            target: &r.target,
            target_cluster: r.target_cluster.as_deref(),
            cursor: &r.cursor,
            resumed: r.resumed,
            mode: r.mode.name(),
            copied: t.copied,
            skipped: t.skipped,
            uncommitted: t.uncommitted,
            bytes: t.bytes,
            seconds: (t.seconds * 1000.0).round() / 1000.0,
            events_per_second: t.events_per_second().round(),
            partitions: t
                .per_partition
                .iter()
                .map(|(p, n)| (p.to_string(), *n))
                .collect(),
            schemas: r.schemas.iter().map(schema_json).collect(),
            error: t.error.as_deref(),
        });
    }
    if !out.wants_report() {
        return Ok(());
    }
    let plan = r.mode == CopyMode::DryRun;
    let target = match &r.target_cluster {
        Some(cluster) => format!("{} on {cluster}", r.target),
        None => r.target.clone(),
    };
    let headline = if plan {
        format!(
            "Plan: {} event(s) ({}) would be copied from {} to {target} (cursor {})",
            t.copied,
            humane_size(t.bytes),
            r.source,
            r.cursor
        )
    } else {
        format!(
            "Copied {} event(s) ({}) from {} to {target} in {:.2}s ({:.0} events/s, {}; cursor {}{})",
            t.copied,
            humane_size(t.bytes),
            r.source,
            t.seconds,
            t.events_per_second(),
            r.mode.name(),
            r.cursor,
            if r.resumed { ", resumed" } else { "" }
        )
    };
    out.text(&headline)?;
    let partitions: Vec<String> = t
        .per_partition
        .iter()
        .map(|(p, n)| format!("{p}: {n}"))
        .collect();
    if !partitions.is_empty() {
        out.text(&format!("  by source partition: {}", partitions.join(", ")))?;
    }
    if t.skipped > 0 {
        out.text(&format!("  skipped by the filters: {}", t.skipped))?;
    }
    if t.uncommitted > 0 {
        let how = match r.mode {
            CopyMode::Transactional => "rolled back with the open transaction",
            _ => "sent after the last commit, so some may arrive twice",
        };
        let label = paint(
            out.color,
            Tone::Warn,
            &format!("uncommitted: {}", t.uncommitted),
        );
        out.text(&format!(
            "  {label} ({how}: the cursor stays before them and the next run copies them)"
        ))?;
    }
    if r.schemas.is_empty() {
        return Ok(());
    }
    out.line("")?;
    out.text(if plan {
        "Schemas that would be registered on the target:"
    } else {
        "Schemas on the target:"
    })?;
    let mut table = Table::new(&["PART", "SOURCE ID", "TARGET ID", "SUBJECT"]);
    for m in &r.schemas {
        table.row(vec![
            part_name(m.part).into(),
            m.source_id.to_string().into(),
            m.target_id.map_or("-".into(), |id| id.to_string()).into(),
            m.subject
                .clone()
                .unwrap_or_else(|| "(id kept)".into())
                .into(),
        ]);
    }
    out.table(&table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::copy::CopyTally;
    use crate::output::test_support::assert_aligned;

    fn report() -> CopyReport {
        CopyReport {
            source: "task.created".into(),
            target: "task.created".into(),
            target_cluster: Some("staging".into()),
            cursor: "kop-copy.task.created.task.created.d1d1862df383775e".into(),
            resumed: true,
            mode: CopyMode::AtLeastOnce,
            tally: CopyTally {
                copied: 50_000,
                skipped: 3,
                uncommitted: 0,
                bytes: 9_961_472,
                per_partition: BTreeMap::from([(0, 16_667), (1, 16_667), (2, 16_666)]),
                seconds: 2.5,
                error: None,
            },
            schemas: vec![
                SchemaMove {
                    part: Part::Value,
                    source_id: 1,
                    target_id: Some(7),
                    subject: Some("task.created-value".into()),
                },
                SchemaMove {
                    part: Part::Key,
                    source_id: 2,
                    target_id: Some(2),
                    subject: None,
                },
            ],
        }
    }

    #[test]
    fn people_see_what_went_where_and_the_schemas() {
        let (mut out, captured) = Output::buffered(Format::Table);
        render_copy(&mut out, &report()).unwrap();
        let text = captured.stdout();
        assert!(
            text.starts_with("Copied 50000 event(s) (9.5 MiB) from task.created to task.created on staging in 2.50s (20000 events/s, at-least-once; cursor kop-copy.task.created.task.created.d1d1862df383775e, resumed)\n"),
            "{text}"
        );
        assert!(
            text.contains("  by source partition: 0: 16667, 1: 16667, 2: 16666\n"),
            "{text}"
        );
        assert!(text.contains("  skipped by the filters: 3\n"), "{text}");
        assert!(
            text.contains("value  1          7          task.created-value"),
            "{text}"
        );
        assert!(
            text.contains("key    2          2          (id kept)"),
            "{text}"
        );
    }

    #[test]
    fn the_report_lines_up_on_a_colour_terminal() {
        for width in [80, 120] {
            let mut r = report();
            r.tally.uncommitted = 1_200;
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_copy(&mut out, &r).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "coloured: {text}");
            assert_aligned(&text, width);
        }
    }

    #[test]
    fn a_dry_run_says_what_would_happen() {
        let mut r = report();
        r.mode = CopyMode::DryRun;
        r.resumed = false;
        r.schemas[0].target_id = None;
        let (mut out, captured) = Output::buffered(Format::Table);
        render_copy(&mut out, &r).unwrap();
        let text = captured.stdout();
        assert!(text.starts_with("Plan: 50000 event(s) (9.5 MiB) would be copied from task.created to task.created on staging"), "{text}");
        assert!(
            text.contains("Schemas that would be registered on the target:"),
            "{text}"
        );
        assert!(text.contains("value  1          -"), "{text}");
    }

    #[test]
    fn the_json_is_the_documented_shape() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_copy(&mut out, &report()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "source": "task.created",
                "target": "task.created",
                "target_cluster": "staging",
                "cursor": "kop-copy.task.created.task.created.d1d1862df383775e",
                "resumed": true,
                "mode": "at-least-once",
                "copied": 50000,
                "skipped": 3,
                "uncommitted": 0,
                "bytes": 9961472,
                "seconds": 2.5,
                "events_per_second": 20000.0,
                "partitions": {"0": 16667, "1": 16667, "2": 16666},
                "schemas": [
                    {"part": "value", "source_id": 1, "target_id": 7, "subject": "task.created-value"},
                    {"part": "key", "source_id": 2, "target_id": 2, "subject": null}
                ],
                "error": null
            })
        );
    }
}
