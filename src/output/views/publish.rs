//! `kop publish` summary: count, bytes, rate and partitions, or one JSON object.
//!
//! JSON shape (stable): `{"topic", "published", "failed", "bytes", "seconds",
//! "events_per_second", "partitions": {"0": n, ...}, "transactional"}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::publish::PublishSummary;
use crate::output::{Format, Output};
use crate::util::units::format_size_bytes;

#[derive(Serialize)]
struct SummaryJson<'a> {
    topic: &'a str,
    published: u64,
    failed: u64,
    bytes: u64,
    seconds: f64,
    events_per_second: f64,
    partitions: BTreeMap<String, u64>,
    transactional: bool,
}

pub(crate) fn render_summary(out: &mut Output, s: &PublishSummary) -> std::io::Result<()> {
    let d = &s.deliveries;
    let rate = if s.seconds > 0.0 {
        d.acknowledged as f64 / s.seconds
    } else {
        0.0
    };
    if out.format == Format::Json {
        return out.json(&SummaryJson {
            topic: &s.topic,
            published: d.acknowledged,
            failed: d.failed,
            bytes: d.bytes,
            seconds: (s.seconds * 1000.0).round() / 1000.0,
            events_per_second: rate.round(),
            partitions: d
                .per_partition
                .iter()
                .map(|(p, n)| (p.to_string(), *n))
                .collect(),
            transactional: s.transactional,
        });
    }
    let partitions: Vec<String> = d
        .per_partition
        .iter()
        .map(|(p, n)| format!("{p}: {n}"))
        .collect();
    out.text(&format!(
        "Published {} event(s) ({}) to {} in {:.2}s ({:.0} events/s){}",
        d.acknowledged,
        format_size_bytes(d.bytes),
        s.topic,
        s.seconds,
        rate,
        if s.transactional {
            " in one transaction"
        } else {
            ""
        }
    ))?;
    if !partitions.is_empty() {
        out.text(&format!("  by partition: {}", partitions.join(", ")))?;
    }
    if d.failed > 0 {
        out.text(&format!("  not acknowledged: {}", d.failed))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::publish::Deliveries;

    fn summary() -> PublishSummary {
        PublishSummary {
            topic: "task.created".into(),
            deliveries: Deliveries {
                acknowledged: 10_000,
                failed: 2,
                bytes: 2_210_000,
                per_partition: BTreeMap::from([(0, 3_300), (1, 3_400), (2, 3_300)]),
                first_error: Some("Broker: Message size too large".into()),
            },
            seconds: 0.5,
            transactional: false,
        }
    }

    #[test]
    fn the_summary_counts_events_partitions_and_failures() {
        let (mut out, captured) = Output::buffered(Format::Table);
        render_summary(&mut out, &summary()).unwrap();
        let text = captured.stdout();
        assert!(text.starts_with("Published 10000 event(s) ("), "{text}");
        assert!(
            text.contains("to task.created in 0.50s (20000 events/s)"),
            "{text}"
        );
        assert!(
            text.contains("  by partition: 0: 3300, 1: 3400, 2: 3300"),
            "{text}"
        );
        assert!(text.contains("  not acknowledged: 2"), "{text}");
    }

    #[test]
    fn the_json_is_one_object() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_summary(&mut out, &summary()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["published"], 10_000);
        assert_eq!(json["failed"], 2);
        assert_eq!(json["partitions"]["1"], 3_400);
        assert_eq!(json["events_per_second"], 20_000.0);
    }
}
