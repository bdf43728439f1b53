//! `kop health`: a table of brokers and checks, or one JSON object.
//!
//! JSON shape (stable): `{"status": "healthy"|"unhealthy", "cluster_id": str|null,
//! "brokers": [{"id", "address", "controller", "rtt_ms": number|null, "error": str|null}],
//! "checks": [{"name", "status": "ok"|"warn"|"fail"|"skip", "detail"}]}`.
//!
//! Prometheus (for node_exporter's textfile collector): `kop_health_healthy` 0/1,
//! `kop_health_check{check}` 0/1 per check that ran (a warning passes, as it does for the
//! exit code; a skipped check has no sample), `kop_health_brokers` (the brokers the cluster
//! lists), `kop_health_brokers_answering`, and `kop_health_broker_rtt_seconds{broker,address}`.

use serde::Serialize;

use crate::core::health::{format_latency, CheckStatus, HealthReport};
use crate::output::prometheus::{label, Exposition};
use crate::output::style::{paint, Tone};
use crate::output::table::{Cell, Table};
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

pub(crate) fn render(out: &mut Output, report: &HealthReport) -> std::io::Result<()> {
    match out.format {
        Format::Json => out.json(&to_json(report)),
        Format::Prometheus => out.line(prometheus(report).trim_end()),
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

fn gauge_value(yes: bool) -> String {
    if yes { "1" } else { "0" }.to_string()
}

fn prometheus(report: &HealthReport) -> String {
    let mut e = Exposition::default();
    e.gauge(
        "kop_health_healthy",
        "1 when every health check passed, 0 when one failed",
        [(String::new(), gauge_value(report.healthy()))],
    );
    e.gauge(
        "kop_health_check",
        "1 when the check passed (a warning passes), 0 when it failed",
        report
            .checks
            .iter()
            .filter(|c| c.status != CheckStatus::Skipped)
            .map(|c| {
                (
                    format!("check=\"{}\"", label(c.name)),
                    gauge_value(c.status != CheckStatus::Fail),
                )
            }),
    );
    e.gauge(
        "kop_health_brokers",
        "Brokers the cluster lists",
        [(String::new(), report.brokers.len().to_string())],
    );
    e.gauge(
        "kop_health_brokers_answering",
        "Brokers that answered a request of their own",
        [(
            String::new(),
            report
                .brokers
                .iter()
                .filter(|b| b.answer.is_ok())
                .count()
                .to_string(),
        )],
    );
    e.gauge(
        "kop_health_broker_rtt_seconds",
        "Round trip of a metadata request to the broker",
        report.brokers.iter().filter_map(|b| {
            b.answer.as_ref().ok().map(|rtt| {
                (
                    format!("broker=\"{}\",address=\"{}\"", b.id, label(&b.address)),
                    format!("{:.6}", rtt.as_secs_f64()),
                )
            })
        }),
    );
    e.finish()
}

fn render_table(out: &mut Output, report: &HealthReport) -> std::io::Result<()> {
    if !report.brokers.is_empty() {
        let mut brokers = Table::new(&["BROKER", "ADDRESS", "ROLE", "RTT"]);
        for b in &report.brokers {
            let rtt = match &b.answer {
                Ok(d) => Cell::from(format_latency(*d)),
                Err(_) => Cell::toned("no answer", Tone::Bad),
            };
            let role = if b.controller { "controller" } else { "" };
            brokers.row(vec![
                b.id.to_string().into(),
                b.address.clone().into(),
                role.into(),
                rtt,
            ]);
        }
        out.table(&brokers)?;
        out.line("")?;
    }
    let mut checks = Table::new(&["CHECK", "STATUS", "DETAIL"]);
    for c in &report.checks {
        let tone = match c.status {
            CheckStatus::Ok => Tone::Good,
            CheckStatus::Warn => Tone::Warn,
            CheckStatus::Fail => Tone::Bad,
            CheckStatus::Skipped => Tone::Dim,
        };
        checks.row(vec![
            c.name.into(),
            Cell::toned(c.status.name(), tone),
            c.detail.clone().into(),
        ]);
    }
    out.table(&checks)?;
    out.line("")?;
    let healthy = report.healthy();
    let word = paint(
        out.color,
        if healthy { Tone::Good } else { Tone::Bad },
        status_word(healthy),
    );
    match &report.cluster_id {
        Some(id) => out.text(&format!("cluster {id} is {word}")),
        None => out.text(&format!("cluster is {word}")),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::core::health::{BrokerHealth, Check};
    use crate::output::test_support::assert_aligned;

    fn report() -> HealthReport {
        HealthReport {
            checks: vec![
                Check {
                    name: "brokers",
                    status: CheckStatus::Ok,
                    detail: "3 of 3 answer (slowest 1.2 ms)".into(),
                },
                Check {
                    name: "replication",
                    status: CheckStatus::Warn,
                    detail: "2 partitions under-replicated: orders/1, orders/2".into(),
                },
                Check {
                    name: "schema registry",
                    status: CheckStatus::Fail,
                    detail: "the Schema Registry at http://sr:8081 could not be reached: connection refused".repeat(2),
                },
            ],
            brokers: vec![
                BrokerHealth {
                    id: 1,
                    address: "kafka-1:9092".into(),
                    controller: true,
                    answer: Ok(Duration::from_micros(420)),
                },
                BrokerHealth {
                    id: 2,
                    address: "kafka-2.prod.internal:9092".into(),
                    controller: false,
                    answer: Err("timed out".into()),
                },
            ],
            cluster_id: Some("prod-7".into()),
        }
    }

    #[test]
    fn both_tables_line_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &report()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            assert!(plain.contains("controller"), "{plain}");
            assert!(plain.contains("no answer"), "{plain}");
            assert!(plain.contains("cluster prod-7 is unhealthy"), "{plain}");
        }
    }

    #[test]
    fn the_json_has_status_brokers_and_checks() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &report()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["status"], "unhealthy");
        assert_eq!(json["cluster_id"], "prod-7");
        assert_eq!(json["brokers"][0]["rtt_ms"], 0.42);
        assert_eq!(json["brokers"][1]["error"], "timed out");
        assert_eq!(json["checks"][1]["status"], "warn");
        assert_eq!(json["checks"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn prometheus_has_a_gauge_per_check_and_the_broker_count() {
        let mut report = report();
        report.checks.push(Check {
            name: "consumer lag",
            status: CheckStatus::Skipped,
            detail: String::new(),
        });
        let (mut out, captured) = Output::buffered(Format::Prometheus);
        render(&mut out, &report).unwrap();
        let text = captured.stdout();
        for line in [
            "# TYPE kop_health_healthy gauge",
            "kop_health_healthy 0",
            "kop_health_check{check=\"brokers\"} 1",
            "kop_health_check{check=\"replication\"} 1",
            "kop_health_check{check=\"schema registry\"} 0",
            "kop_health_brokers 2",
            "kop_health_brokers_answering 1",
            "kop_health_broker_rtt_seconds{broker=\"1\",address=\"kafka-1:9092\"} 0.000420",
        ] {
            assert!(text.lines().any(|l| l == line), "no `{line}` in\n{text}");
        }
        assert!(
            !text.contains("consumer lag"),
            "a skipped check has no sample: {text}"
        );
    }
}
