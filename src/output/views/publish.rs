//! `kop publish` summary: what became of every event, or one JSON object.
//!
//! JSON shape (stable): `{"topic", "total", "published", "not_sent", "failed", "in_doubt",
//! "rolled_back", "bytes", "seconds", "events_per_second", "partitions": {"0": n, ...},
//! "transactional", "interrupted", "error": string|null}`.
//! `published` counts acknowledged events; `published + not_sent + failed + in_doubt +
//! rolled_back = total`, and what is on the topic lies between `published` and
//! `published + in_doubt`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::publish::PublishSummary;
use crate::output::style::{paint, Tone};
use crate::output::{Format, Output};
use crate::util::units::humane_size;

#[derive(Serialize)]
struct SummaryJson<'a> {
    topic: &'a str,
    total: u64,
    published: u64,
    not_sent: u64,
    failed: u64,
    in_doubt: u64,
    rolled_back: u64,
    bytes: u64,
    seconds: f64,
    events_per_second: f64,
    partitions: BTreeMap<String, u64>,
    transactional: bool,
    interrupted: bool,
    error: Option<&'a str>,
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
            total: d.total(),
            published: d.acknowledged,
            not_sent: d.not_sent,
            failed: d.failed,
            in_doubt: d.in_doubt,
            rolled_back: d.rolled_back,
            bytes: d.bytes,
            seconds: (s.seconds * 1000.0).round() / 1000.0,
            events_per_second: rate.round(),
            partitions: d
                .per_partition
                .iter()
                .map(|(p, n)| (p.to_string(), *n))
                .collect(),
            transactional: s.transactional,
            interrupted: s.interrupted,
            error: s.error.as_deref(),
        });
    }
    if !out.wants_report() {
        return Ok(());
    }
    let of_total = if d.complete() {
        String::new()
    } else {
        format!(" of {}", d.total())
    };
    out.text(&format!(
        "Published {}{of_total} event(s) ({}) to {} in {:.2}s ({:.0} events/s){}",
        d.acknowledged,
        humane_size(d.bytes),
        s.topic,
        s.seconds,
        rate,
        match (s.transactional, s.interrupted) {
            (_, true) => "; stopped by Ctrl-C",
            (true, false) => " in one transaction",
            (false, false) => "",
        }
    ))?;
    let partitions: Vec<String> = d
        .per_partition
        .iter()
        .map(|(p, n)| format!("{p}: {n}"))
        .collect();
    if !partitions.is_empty() {
        out.text(&format!("  by partition: {}", partitions.join(", ")))?;
    }
    let lines = [
        (
            d.in_doubt,
            Tone::Warn,
            "in doubt",
            "sent but unanswered: they may be on the topic; check before sending them again (--transactional never leaves doubt)",
        ),
        (
            d.failed,
            Tone::Bad,
            "failed",
            "refused, not written: safe to send again",
        ),
        (
            d.rolled_back,
            Tone::Bad,
            "rolled back",
            "sent in the transaction that was rolled back: not visible to read_committed readers, safe to send again",
        ),
        (
            d.not_sent,
            Tone::Bad,
            "not sent",
            "never left kop: safe to send again",
        ),
    ];
    for (n, tone, what, meaning) in lines {
        if n > 0 {
            let label = paint(out.color, tone, &format!("{what}: {n}"));
            out.text(&format!("  {label} ({meaning})"))?;
        }
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
                not_sent: 300,
                failed: 2,
                in_doubt: 450,
                rolled_back: 0,
                bytes: 2_210_000,
                per_partition: BTreeMap::from([(0, 3_300), (1, 3_400), (2, 3_300)]),
                first_error: Some("Local: Message timed out".into()),
            },
            seconds: 0.5,
            transactional: false,
            interrupted: false,
            error: None,
        }
    }

    #[test]
    fn a_summary_after_ctrl_c_says_so() {
        let mut s = summary();
        s.interrupted = true;
        let (mut out, captured) = Output::buffered(Format::Table);
        render_summary(&mut out, &s).unwrap();
        assert!(captured
            .stdout()
            .lines()
            .next()
            .unwrap()
            .ends_with("; stopped by Ctrl-C"));
        let (mut out, captured) = Output::buffered(Format::Json);
        render_summary(&mut out, &s).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["interrupted"], true);
    }

    #[test]
    fn the_summary_accounts_for_every_event_and_says_what_to_do() {
        let (mut out, captured) = Output::buffered(Format::Table);
        render_summary(&mut out, &summary()).unwrap();
        let text = captured.stdout();
        assert!(
            text.starts_with("Published 10000 of 10752 event(s) (2.1 MiB) to task.created in 0.50s (20000 events/s)"),
            "{text}"
        );
        assert!(
            text.contains("  by partition: 0: 3300, 1: 3400, 2: 3300"),
            "{text}"
        );
        assert!(
            text.contains("  in doubt: 450 (sent but unanswered"),
            "{text}"
        );
        assert!(text.contains("  failed: 2 (refused, not written"), "{text}");
        assert!(text.contains("  not sent: 300 (never left kop"), "{text}");
    }

    #[test]
    fn a_complete_publish_says_only_what_was_published() {
        let mut s = summary();
        s.deliveries.not_sent = 0;
        s.deliveries.failed = 0;
        s.deliveries.in_doubt = 0;
        let (mut out, captured) = Output::buffered(Format::Table);
        render_summary(&mut out, &s).unwrap();
        let text = captured.stdout();
        assert!(
            text.starts_with("Published 10000 event(s) (2.1 MiB)"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 2, "{text}");
    }

    #[test]
    fn the_json_counts_add_up_to_the_total() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_summary(&mut out, &summary()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["total"], 10_752);
        assert_eq!(json["published"], 10_000);
        assert_eq!(json["in_doubt"], 450);
        assert_eq!(json["not_sent"], 300);
        assert_eq!(json["failed"], 2);
        assert_eq!(json["partitions"]["1"], 3_400);
    }

    #[test]
    fn a_rolled_back_transaction_is_counted_apart_and_the_json_says_why() {
        let mut s = summary();
        s.transactional = true;
        s.deliveries = s.deliveries.rolled_back();
        s.error = Some("line 5 of stdin: not JSON".into());
        let (mut out, captured) = Output::buffered(Format::Json);
        render_summary(&mut out, &s).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["published"], 0);
        assert_eq!(json["rolled_back"], 10_450);
        assert_eq!(json["failed"], 2, "refused events stay failed");
        assert_eq!(json["total"], 10_752);
        assert_eq!(json["error"], "line 5 of stdin: not JSON");
        let (mut out, captured) = Output::buffered(Format::Table);
        render_summary(&mut out, &s).unwrap();
        assert!(
            captured.stdout().contains("rolled back: 10450"),
            "{}",
            captured.stdout()
        );
    }

    #[test]
    fn quiet_means_no_summary_unless_it_is_asked_for_as_json() {
        let (mut out, captured) = Output::buffered(Format::Table);
        out.verbosity = crate::output::Verbosity::Quiet;
        render_summary(&mut out, &summary()).unwrap();
        assert_eq!(captured.stdout(), "");
        let (mut out, captured) = Output::buffered(Format::Json);
        out.verbosity = crate::output::Verbosity::Quiet;
        render_summary(&mut out, &summary()).unwrap();
        assert!(captured.stdout().contains("\"published\""));
    }
}
