//! `kop health`: a table of brokers and checks, or one JSON object.
//!
//! JSON shape (stable): `{"status": "healthy"|"unhealthy", "cluster_id": str|null,
//! "brokers": [{"id", "address", "controller", "rtt_ms": number|null, "error": str|null}],
//! "checks": [{"name", "status": "ok"|"warn"|"fail"|"skip", "detail"}]}`.

use serde::Serialize;

use super::table::{new_table, print_table};
use crate::health::{format_latency, HealthReport, Status};
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct HealthJson<'a> {
    status: &'static str,
    cluster_id: Option<&'a str>,
    brokers: Vec<BrokerJson<'a>>,
    checks: Vec<CheckJson<'a>>,
}

#[derive(Serialize)]
struct BrokerJson<'a> {
    id: i32,
    address: &'a str,
    controller: bool,
    rtt_ms: Option<f64>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    name: &'a str,
    status: &'static str,
    detail: &'a str,
}

pub fn render(out: &mut Output, report: &HealthReport) -> std::io::Result<()> {
    match out.format {
        Format::Json => out.json(&to_json(report)),
        _ => render_table(out, report),
    }
}

fn status_word(healthy: bool) -> &'static str {
    if healthy {
        "healthy"
    } else {
        "unhealthy"
    }
}

fn to_json(report: &HealthReport) -> HealthJson<'_> {
    HealthJson {
        status: status_word(report.healthy()),
        cluster_id: report.cluster_id.as_deref(),
        brokers: report
            .brokers
            .iter()
            .map(|b| BrokerJson {
                id: b.id,
                address: &b.address,
                controller: b.controller,
                rtt_ms: b
                    .answer
                    .as_ref()
                    .ok()
                    .map(|d| (d.as_secs_f64() * 1e6).round() / 1e3),
                error: b.answer.as_ref().err().map(String::as_str),
            })
            .collect(),
        checks: report
            .checks
            .iter()
            .map(|c| CheckJson {
                name: c.name,
                status: c.status.name(),
                detail: &c.detail,
            })
            .collect(),
    }
}

fn render_table(out: &mut Output, report: &HealthReport) -> std::io::Result<()> {
    if !report.brokers.is_empty() {
        let mut brokers = new_table(out, &["BROKER", "ADDRESS", "ROLE", "RTT"]);
        for b in &report.brokers {
            let rtt = match &b.answer {
                Ok(d) => format_latency(*d),
                Err(_) => paint(out.color, Tone::Bad, "no answer"),
            };
            let role = if b.controller { "controller" } else { "" };
            brokers.add_row(vec![
                b.id.to_string(),
                b.address.clone(),
                role.to_string(),
                rtt,
            ]);
        }
        print_table(out, &brokers)?;
        out.line("")?;
    }
    let mut checks = new_table(out, &["CHECK", "STATUS", "DETAIL"]);
    for c in &report.checks {
        let tone = match c.status {
            Status::Ok => Tone::Good,
            Status::Warn => Tone::Warn,
            Status::Fail => Tone::Bad,
            Status::Skipped => Tone::Dim,
        };
        checks.add_row(vec![
            c.name.to_string(),
            paint(out.color, tone, c.status.name()),
            c.detail.clone(),
        ]);
    }
    print_table(out, &checks)?;
    out.line("")?;
    let healthy = report.healthy();
    let word = paint(
        out.color,
        if healthy { Tone::Good } else { Tone::Bad },
        status_word(healthy),
    );
    match &report.cluster_id {
        Some(id) => out.line(&format!("cluster {id} is {word}")),
        None => out.line(&format!("cluster is {word}")),
    }
}
