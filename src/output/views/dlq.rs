//! `kop dlq replay` and `kop dlq stats`: tables for people, documented JSON for scripts.
//!
//! Replay JSON (stable): `{"dlq", "cursor", "mode": "dry-run"|"transactional"|"at-least-once",
//! "replayed", "parked", "skipped", "already_replayed", "unroutable", "held", "failed",
//! "uncommitted",
//! "by_target": {topic: n}, "unroutable_reasons": {reason: n}, "seconds",
//! "letters_per_second"}`. `already_replayed`: skipped because the replay ledger says a
//! cursor replayed them before; `held`: behind an unroutable letter in its partition;
//! `uncommitted`: sent in the batch open at Ctrl-C, which the cursor did not pass (rolled
//! back with its transaction, or possibly delivered without one): the next run replays them.
//!
//! Stats JSON (stable): `{"dlq", "cursor", "letters", "pending", "unroutable", "by_topic":
//! {topic: n}, "by_shape": {shape: n}, "by_payload": {encoding: n} (how the original
//! events are encoded: avro, json-schema, protobuf, json, text, base64, none), "errors":
//! [{"pattern", "count", "example"}],
//! "oldest_failure", "newest_failure" (RFC 3339 or null), "retries": {count: letters}}`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::dlq::replay::{ReplayMode, ReplayReport};
use crate::core::dlq::stats::StatsReport;
use crate::output::table::Table;
use crate::output::{Format, Output};
use crate::util::time::format_rfc3339;

#[derive(Serialize)]
struct ReplayJson<'a> {
    dlq: &'a str,
    cursor: &'a str,
    mode: &'static str,
    replayed: u64,
    parked: u64,
    skipped: u64,
    already_replayed: u64,
    unroutable: u64,
    held: u64,
    failed: u64,
    uncommitted: u64,
    by_target: &'a BTreeMap<String, u64>,
    unroutable_reasons: &'a BTreeMap<String, u64>,
    seconds: f64,
    letters_per_second: f64,
}

/// `plan`: the counts are what would happen (dry run, confirmation) rather than what did.
pub(crate) fn render_replay(out: &mut Output, r: &ReplayReport, plan: bool) -> std::io::Result<()> {
    let t = &r.tally;
    let rate = t.letters_per_second();
    if out.format == Format::Json {
        return out.json(&ReplayJson {
            dlq: &r.dlq,
            cursor: &r.cursor,
            mode: r.mode.name(),
            replayed: t.replayed,
            parked: t.parked,
            skipped: t.skipped,
            already_replayed: t.already_replayed,
            unroutable: t.unroutable,
            held: t.held,
            failed: t.failed,
            uncommitted: t.uncommitted,
            by_target: &t.by_target,
            unroutable_reasons: &t.unroutable_reasons,
            seconds: (t.seconds * 1000.0).round() / 1000.0,
            letters_per_second: rate.round(),
        });
    }
    if !out.wants_report() {
        return Ok(());
    }
    let verb = if plan { "would go" } else { "went" };
    if t.by_target.is_empty() {
        out.text(&format!(
            "No letters to replay from {} (cursor {}).",
            r.dlq, r.cursor
        ))?;
    } else {
        let mut table = Table::new(&["TARGET", "LETTERS"]);
        for (target, n) in &t.by_target {
            table.row(vec![target.clone().into(), n.to_string().into()]);
        }
        out.text(&format!("Letters from {} {verb} to:", r.dlq))?;
        out.table(&table)?;
        out.line("")?;
    }
    for (reason, n) in &t.unroutable_reasons {
        out.text(&format!("unroutable: {n} ({reason})"))?;
    }
    if t.unroutable > 0 {
        out.text(&format!(
            "  the cursor stops before each unroutable letter ({} more held behind): fix the target, or park them with --park-topic",
            t.held
        ))?;
    }
    if t.already_replayed > 0 {
        out.text(&format!(
            "  {} already replayed by a cursor before (the replay ledger): --again replays them anyway",
            t.already_replayed
        ))?;
    }
    if t.uncommitted > 0 {
        let how = match r.mode {
            ReplayMode::Transactional => "rolled back with the open transaction",
            _ => "sent after the last commit, so some may arrive twice",
        };
        out.text(&format!(
            "  {} letter(s) {how}: the cursor stays before them and the next run replays them",
            t.uncommitted
        ))?;
    }
    out.text(&format!(
        "{} {} replayed, {} parked, {} skipped by filter, {} already replayed, {} unroutable, {} failed{}",
        if plan { "Plan:" } else { "Done:" },
        t.replayed,
        t.parked,
        t.skipped,
        t.already_replayed,
        t.unroutable,
        t.failed,
        if plan {
            String::new()
        } else {
            format!(
                " in {:.2}s ({rate:.0} letters/s, {}; cursor {})",
                t.seconds,
                r.mode.name(),
                r.cursor
            )
        }
    ))
}

#[derive(Serialize)]
struct StatsJson<'a> {
    dlq: &'a str,
    cursor: &'a str,
    letters: u64,
    pending: u64,
    unroutable: u64,
    by_topic: &'a BTreeMap<String, u64>,
    by_shape: &'a BTreeMap<&'static str, u64>,
    by_payload: &'a BTreeMap<&'static str, u64>,
    errors: Vec<ErrorJson<'a>>,
    oldest_failure: Option<String>,
    newest_failure: Option<String>,
    retries: BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    pattern: &'a str,
    count: u64,
    example: &'a str,
}

pub(crate) fn render_stats(out: &mut Output, report: &StatsReport) -> std::io::Result<()> {
    let (dlq, cursor, s) = (&report.dlq, &report.cursor, &report.stats);
    let time = |t: Option<i64>| t.map(|t| format_rfc3339(t, 1_000));
    if out.format == Format::Json {
        return out.json(&StatsJson {
            dlq,
            cursor,
            letters: s.letters,
            pending: s.pending,
            unroutable: s.unroutable,
            by_topic: &s.by_topic,
            by_shape: &s.by_shape,
            by_payload: &s.by_payload,
            errors: s
                .sorted_errors()
                .into_iter()
                .map(|g| ErrorJson {
                    pattern: &g.pattern,
                    count: g.count,
                    example: &g.example,
                })
                .collect(),
            oldest_failure: time(s.oldest),
            newest_failure: time(s.newest),
            retries: s.retries.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        });
    }
    out.text(&format!(
        "{dlq}: {} letters, {} pending (cursor {cursor}), {} unroutable",
        s.letters, s.pending, s.unroutable
    ))?;
    if let (Some(oldest), Some(newest)) = (time(s.oldest), time(s.newest)) {
        out.text(&format!("failures from {oldest} to {newest}"))?;
    }
    out.line("")?;
    let mut topics = Table::new(&["ORIGINAL TOPIC", "LETTERS"]);
    for (topic, n) in &s.by_topic {
        topics.row(vec![topic.clone().into(), n.to_string().into()]);
    }
    // The rows add up to the letters: those that name no topic have a row of their own.
    let without_topic = s.letters - s.by_topic.values().sum::<u64>();
    if without_topic > 0 {
        topics.row(vec![
            "(no original topic)".into(),
            without_topic.to_string().into(),
        ]);
    }
    out.table(&topics)?;
    out.line("")?;
    let mut errors = Table::new(&["ERROR", "LETTERS"]);
    for g in s.sorted_errors() {
        errors.row(vec![g.pattern.clone().into(), g.count.to_string().into()]);
    }
    out.table(&errors)?;
    out.line("")?;
    let payloads: Vec<String> = s
        .by_payload
        .iter()
        .map(|(encoding, n)| format!("{n} {encoding}"))
        .collect();
    if !payloads.is_empty() {
        out.text(&format!("original events: {}", payloads.join(", ")))?;
    }
    let retries: Vec<String> = s.retries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    out.text(&format!("retries: {}", retries.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dlq::fixtures::letter;
    use crate::core::dlq::replay::{ReplayMode, ReplayTally};
    use crate::core::dlq::stats::Stats;
    use crate::output::test_support::assert_aligned;

    fn replay() -> ReplayReport {
        let mut tally = ReplayTally::default();
        for _ in 0..3 {
            tally.count_sent("child.registered", false);
        }
        tally.count_sent("zamaz-debate.debate-events", false);
        tally.count_sent("dlq.failed-events.parked", true);
        tally.count_unroutable("topic gone does not exist on the cluster".into());
        tally.skipped = 2;
        ReplayReport {
            dlq: "dlq.failed-events".into(),
            cursor: "kop-replay.dlq.failed-events".into(),
            mode: ReplayMode::DryRun,
            tally,
        }
    }

    #[test]
    fn the_replay_plan_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_replay(&mut out, &replay(), true).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            assert!(text.contains("would go to:"));
            let text = console::strip_ansi_codes(&text).replace('\n', " ");
            assert!(text.contains(
                "Plan: 4 replayed, 1 parked, 2 skipped by filter, 0 already replayed, 1 unroutable"
            ));
        }
    }

    #[test]
    fn the_replay_json_counts_every_outcome() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_replay(&mut out, &replay(), true).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["mode"], "dry-run");
        assert_eq!(json["replayed"], 4);
        assert_eq!(json["parked"], 1);
        assert_eq!(json["by_target"]["child.registered"], 3);
        assert_eq!(json["by_target"]["dlq.failed-events.parked (parked)"], 1);
        assert_eq!(json["unroutable"], 1);
    }

    #[test]
    fn an_interrupted_batch_is_said_to_be_rolled_back_not_failed() {
        let mut report = replay();
        report.mode = ReplayMode::Transactional;
        report.tally.uncommitted = 38;
        let (mut out, captured) = Output::terminal(Format::Table, 120);
        render_replay(&mut out, &report, false).unwrap();
        let text = console::strip_ansi_codes(&captured.stdout()).replace('\n', " ");
        assert!(
            text.contains("38 letter(s) rolled back with the open transaction: the cursor stays before them and the next run replays them"),
            "{text}"
        );
        assert!(text.contains("0 failed"), "{text}");
        let (mut out, captured) = Output::buffered(Format::Json);
        render_replay(&mut out, &report, false).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["uncommitted"], 38);
        assert_eq!(json["failed"], 0);
    }

    fn stats() -> StatsReport {
        let mut stats = Stats::default();
        let letter = |topic, error: &str| letter(topic, error, 1_736_845_953_000, 1);
        for ms in [30000, 31000] {
            let error = format!("Handler timeout after {ms} ms");
            stats.add(&letter(Some("child.registered"), &error), true, false);
        }
        stats.add(&letter(None, "bell\u{7} and \u{1b}[2J escape"), true, true);
        StatsReport {
            dlq: "dlq.failed-events".into(),
            cursor: "kop-replay.dlq.failed-events".into(),
            stats,
        }
    }

    #[test]
    fn stats_tables_line_up_and_escape_control_characters() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_stats(&mut out, &stats()).unwrap();
            let text = captured.stdout();
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            assert!(!plain.contains('\u{7}'), "no bell from data");
            assert!(!plain.contains("\u{1b}[2J"), "no escape from data");
            assert!(plain.contains("3 letters, 3 pending"), "{plain}");
        }
    }

    #[test]
    fn stats_json_groups_errors() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_stats(&mut out, &stats()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["letters"], 3);
        assert_eq!(json["pending"], 3);
        assert_eq!(json["unroutable"], 1);
        assert_eq!(json["errors"][0]["count"], 2);
        assert_eq!(json["oldest_failure"], "2025-01-14T09:12:33.000Z");
        assert_eq!(json["retries"]["1"], 3);
    }
}
