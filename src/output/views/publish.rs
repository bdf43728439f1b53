//! `kop publish` summary: count, bytes, rate and partitions, or one JSON object.
//!
//! JSON shape (stable): `{"topic", "published", "failed", "bytes", "seconds",
//! "events_per_second", "partitions": {"0": n, ...}, "transactional"}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kafka::Deliveries;
use crate::output::{Format, Output};

pub struct Summary<'a> {
    pub topic: &'a str,
    pub deliveries: &'a Deliveries,
    pub seconds: f64,
    pub transactional: bool,
}

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

pub fn render_summary(out: &mut Output, s: &Summary) -> std::io::Result<()> {
    let d = s.deliveries;
    let rate = if s.seconds > 0.0 {
        d.acknowledged as f64 / s.seconds
    } else {
        0.0
    };
    if out.format == Format::Json {
        return out.json(&SummaryJson {
            topic: s.topic,
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
    out.line(&format!(
        "Published {} event(s) ({}) to {} in {:.2}s ({:.0} events/s){}",
        d.acknowledged,
        crate::config::units::format_size_bytes(d.bytes),
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
        out.line(&format!("  by partition: {}", partitions.join(", ")))?;
    }
    if d.failed > 0 {
        out.line(&format!("  not acknowledged: {}", d.failed))?;
    }
    Ok(())
}
