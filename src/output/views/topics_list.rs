//! `kop topics list`: a table, or a JSON array.
//!
//! JSON shape (stable), one object per topic: `{"name", "partitions": int|null,
//! "replication_factor": int|null, "retention_ms": str|null, "cleanup_policy": str|null,
//! "configs": {name: value}, "managed": "managed"|"unmanaged"|"missing"|"internal"|null,
//! "drift": int|null}`; `configs` holds the values set on the topic itself; `drift` is the
//! number of changes `kop topics apply` would make to a declared topic (0 = in sync),
//! `null` otherwise.
//!
//! Without a topics file there is nothing to compare with: the table has no MANAGED and
//! DRIFT columns, and in JSON every `managed` and `drift` is `null` (the keys stay, so the
//! shape is the same with or without a file).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::listing::{Ownership, TopicListing, TopicRow};
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};
use crate::util::units::format_duration_ms;

#[derive(Serialize)]
struct TopicJson<'a> {
    name: &'a str,
    partitions: Option<usize>,
    replication_factor: Option<usize>,
    retention_ms: Option<&'a str>,
    cleanup_policy: Option<&'a str>,
    configs: &'a BTreeMap<String, String>,
    managed: Option<&'static str>,
    drift: Option<usize>,
}

pub(crate) fn render(out: &mut Output, listing: &TopicListing) -> std::io::Result<()> {
    let rows = &listing.rows;
    if out.format == Format::Json {
        let json: Vec<TopicJson> = rows
            .iter()
            .map(|r| TopicJson {
                name: &r.name,
                partitions: r.partitions,
                replication_factor: r.replication_factor,
                retention_ms: r.retention_ms.as_deref(),
                cleanup_policy: r.cleanup_policy.as_deref(),
                configs: &r.configs,
                managed: r.managed.map(Ownership::name),
                drift: r.drift,
            })
            .collect();
        return out.json(&json);
    }
    if rows.is_empty() {
        out.status("no topics");
        return Ok(());
    }
    out.table(&table(rows, listing.with_file))
}

fn table(rows: &[TopicRow], with_file: bool) -> Table {
    let mut headers = vec!["TOPIC", "PARTITIONS", "RF", "RETENTION", "CLEANUP"];
    if with_file {
        headers.extend(["MANAGED", "DRIFT"]);
    }
    let mut table = Table::new(&headers);
    let dash = || "-".to_string();
    for r in rows {
        let mut cells: Vec<Cell> = vec![
            r.name.clone().into(),
            r.partitions.map_or_else(dash, |p| p.to_string()).into(),
            r.replication_factor
                .map_or_else(dash, |p| p.to_string())
                .into(),
            r.retention_ms
                .as_deref()
                .map_or_else(dash, humane_retention)
                .into(),
            r.cleanup_policy.clone().unwrap_or_else(dash).into(),
        ];
        if let (true, Some(managed)) = (with_file, r.managed) {
            cells.extend(ownership_cells(managed, r.drift));
        }
        table.row(cells);
    }
    table
}

/// MANAGED and DRIFT.
fn ownership_cells(managed: Ownership, drift: Option<usize>) -> [Cell; 2] {
    let tone = match managed {
        Ownership::Managed => Tone::Good,
        Ownership::Missing => Tone::Warn,
        Ownership::Unmanaged | Ownership::Internal => Tone::Dim,
    };
    let drift = match (managed, drift) {
        (Ownership::Missing, _) => Cell::toned("not created", Tone::Warn),
        (_, Some(0)) => Cell::from("in sync"),
        (_, Some(1)) => Cell::toned("1 change", Tone::Warn),
        (_, Some(n)) => Cell::toned(format!("{n} changes"), Tone::Warn),
        (_, None) => Cell::from("-"),
    };
    [Cell::toned(managed.name(), tone), drift]
}

fn humane_retention(ms: &str) -> String {
    match ms.parse::<i64>() {
        Ok(-1) => "unlimited".into(),
        Ok(n) if n >= 0 => format_duration_ms(n as u64),
        _ => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_support::assert_aligned;

    fn listing() -> TopicListing {
        TopicListing {
            rows: rows(),
            with_file: true,
        }
    }

    fn rows() -> Vec<TopicRow> {
        let row = |name: &str, managed, drift, retention: Option<&str>| TopicRow {
            name: name.into(),
            partitions: (managed != Ownership::Missing).then_some(3),
            replication_factor: (managed != Ownership::Missing).then_some(1),
            retention_ms: retention.map(str::to_string),
            cleanup_policy: Some("delete".into()),
            configs: BTreeMap::from([("retention.ms".to_string(), "604800000".to_string())]),
            managed: Some(managed),
            drift,
        };
        vec![
            row(
                "child.registered",
                Ownership::Managed,
                Some(0),
                Some("2592000000"),
            ),
            row(
                "child.safety-violation",
                Ownership::Managed,
                Some(2),
                Some("7776000000"),
            ),
            row("conversation.started", Ownership::Missing, Some(1), None),
            row("legacy.audit", Ownership::Unmanaged, None, Some("-1")),
        ]
    }

    #[test]
    fn the_table_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &listing()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            // The name of each row is never what gives way.
            assert!(plain.contains("child.safety-violation  3"), "{plain}");
            assert!(plain.contains("30d"), "{plain}");
            assert!(plain.contains("unlimited"), "{plain}");
            assert!(plain.contains("created"), "{plain}");
        }
    }

    #[test]
    fn the_json_is_one_object_per_topic() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &listing()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 4);
        assert_eq!(
            json[1],
            serde_json::json!({
                "name": "child.safety-violation",
                "partitions": 3,
                "replication_factor": 1,
                "retention_ms": "7776000000",
                "cleanup_policy": "delete",
                "configs": {"retention.ms": "604800000"},
                "managed": "managed",
                "drift": 2
            })
        );
        assert_eq!(json[2]["partitions"], serde_json::Value::Null);
        assert_eq!(json[3]["drift"], serde_json::Value::Null);
    }

    /// Topics as a cluster without a topics file has them.
    fn unjudged() -> TopicListing {
        let rows = rows()
            .into_iter()
            .filter(|r| r.managed != Some(Ownership::Missing))
            .map(|r| TopicRow {
                managed: None,
                drift: None,
                ..r
            })
            .collect();
        TopicListing {
            rows,
            with_file: false,
        }
    }

    #[test]
    fn without_a_topics_file_the_table_has_no_managed_or_drift_column() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &unjudged()).unwrap();
            let text = captured.stdout();
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            let header: Vec<&str> = plain.lines().next().unwrap().split_whitespace().collect();
            assert_eq!(
                header,
                vec!["TOPIC", "PARTITIONS", "RF", "RETENTION", "CLEANUP"]
            );
            assert!(!plain.contains("unmanaged"), "{plain}");
        }
    }

    #[test]
    fn without_a_topics_file_the_json_keeps_its_shape_with_nulls() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &unjudged()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        for topic in json.as_array().unwrap() {
            let object = topic.as_object().unwrap();
            assert_eq!(object.len(), 8, "every key is still there: {topic}");
            assert_eq!(topic["managed"], serde_json::Value::Null);
            assert_eq!(topic["drift"], serde_json::Value::Null);
        }
    }
}
