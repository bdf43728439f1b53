//! `kop topics list`: a table, or a JSON array.
//!
//! JSON shape (stable), one object per topic: `{"name", "partitions": int|null,
//! "replication_factor": int|null, "retention_ms": str|null, "cleanup_policy": str|null,
//! "configs": {name: value}, "managed": "managed"|"unmanaged"|"missing"|"internal"}`;
//! `configs` holds the values set on the topic itself; `drift` is the number of changes
//! `kop topics apply` would make to a declared topic (0 = in sync), `null` otherwise.

use std::collections::BTreeMap;

use serde::Serialize;

use super::table::{new_table, print_table};
use crate::config::units::format_duration_ms;
use crate::listing::{Managed, TopicRow};
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct TopicJson<'a> {
    name: &'a str,
    partitions: Option<usize>,
    replication_factor: Option<usize>,
    retention_ms: Option<&'a str>,
    cleanup_policy: Option<&'a str>,
    configs: &'a BTreeMap<String, String>,
    managed: &'static str,
    drift: Option<usize>,
}

pub fn render(out: &mut Output, rows: &[TopicRow]) -> std::io::Result<()> {
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
                managed: r.managed.name(),
                drift: r.drift,
            })
            .collect();
        return out.json(&json);
    }
    if rows.is_empty() {
        out.status("no topics");
        return Ok(());
    }
    let mut table = new_table(
        out,
        &[
            "TOPIC",
            "PARTITIONS",
            "RF",
            "RETENTION",
            "CLEANUP",
            "MANAGED",
            "DRIFT",
        ],
    );
    for r in rows {
        let dash = || "-".to_string();
        let tone = match r.managed {
            Managed::Managed => Tone::Good,
            Managed::Missing => Tone::Warn,
            Managed::Unmanaged | Managed::Internal => Tone::Dim,
        };
        table.add_row(vec![
            r.name.clone(),
            r.partitions.map_or_else(dash, |p| p.to_string()),
            r.replication_factor.map_or_else(dash, |p| p.to_string()),
            r.retention_ms
                .as_deref()
                .map_or_else(dash, humane_retention),
            r.cleanup_policy.clone().unwrap_or_else(dash),
            paint(out.color, tone, r.managed.name()),
            match (r.managed, r.drift) {
                (Managed::Missing, _) => paint(out.color, Tone::Warn, "not created"),
                (_, Some(0)) => "in sync".to_string(),
                (_, Some(1)) => paint(out.color, Tone::Warn, "1 change"),
                (_, Some(n)) => paint(out.color, Tone::Warn, &format!("{n} changes")),
                (_, None) => dash(),
            },
        ]);
    }
    print_table(out, &table)
}

fn humane_retention(ms: &str) -> String {
    match ms.parse::<i64>() {
        Ok(-1) => "unlimited".into(),
        Ok(n) if n >= 0 => format_duration_ms(n as u64),
        _ => ms.to_string(),
    }
}
