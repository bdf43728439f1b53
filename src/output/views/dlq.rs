//! `kop dlq replay` and `kop dlq stats`: tables for people, documented JSON for scripts.
//!
//! Replay JSON (stable): `{"dlq", "cursor", "mode": "dry-run"|"transactional"|"at-least-once",
//! "replayed", "parked", "skipped", "unroutable", "failed", "by_target": {topic: n},
//! "unroutable_reasons": {reason: n}, "seconds", "letters_per_second"}`.
//!
//! Stats JSON (stable): `{"dlq", "cursor", "letters", "pending", "unroutable", "by_topic":
//! {topic: n}, "by_shape": {shape: n}, "errors": [{"pattern", "count", "example"}],
//! "oldest_failure", "newest_failure" (RFC 3339 or null), "retries": {count: letters}}`.

use serde_json::json;

use super::table::{new_table, print_table};
use crate::codec::logical::format_rfc3339;
use crate::commands::dlq::replay::Tally;
use crate::dlq::stats::Stats;
use crate::output::{Format, Output};

pub struct ReplayReport<'a> {
    dlq: &'a str,
    cursor: &'a str,
    mode: &'a str,
    tally: &'a Tally,
}

impl<'a> ReplayReport<'a> {
    pub fn new(dlq: &'a str, cursor: &'a str, mode: &'a str, tally: &'a Tally) -> Self {
        ReplayReport {
            dlq,
            cursor,
            mode,
            tally,
        }
    }
}

/// `plan`: the counts are what would happen (dry run, confirmation) rather than what did.
pub fn render_replay(out: &mut Output, r: &ReplayReport, plan: bool) -> std::io::Result<()> {
    let t = r.tally;
    let rate = if t.seconds > 0.0 {
        (t.replayed + t.parked) as f64 / t.seconds
    } else {
        0.0
    };
    if out.format == Format::Json {
        return out.json(&json!({
            "dlq": r.dlq,
            "cursor": r.cursor,
            "mode": r.mode,
            "replayed": t.replayed,
            "parked": t.parked,
            "skipped": t.skipped,
            "unroutable": t.unroutable,
            "failed": t.failed,
            "by_target": t.by_target,
            "unroutable_reasons": t.unroutable_reasons,
            "seconds": (t.seconds * 1000.0).round() / 1000.0,
            "letters_per_second": rate.round(),
        }));
    }
    let verb = if plan { "would go" } else { "went" };
    let mut table = new_table(out, &["TARGET", "LETTERS"]);
    for (target, n) in &t.by_target {
        table.add_row(vec![target.clone(), n.to_string()]);
    }
    if t.by_target.is_empty() {
        out.line(&format!(
            "No letters to replay from {} (cursor {}).",
            r.dlq, r.cursor
        ))?;
    } else {
        out.line(&format!("Letters from {} {verb} to:", r.dlq))?;
        print_table(out, &table)?;
    }
    for (reason, n) in &t.unroutable_reasons {
        out.line(&format!("unroutable: {n} ({reason})"))?;
    }
    out.line(&format!(
        "{} {} replayed, {} parked, {} skipped by filter, {} unroutable, {} failed{}",
        if plan { "Plan:" } else { "Done:" },
        t.replayed,
        t.parked,
        t.skipped,
        t.unroutable,
        t.failed,
        if plan {
            String::new()
        } else {
            format!(
                " in {:.2}s ({rate:.0} letters/s, {}; cursor {})",
                t.seconds, r.mode, r.cursor
            )
        }
    ))
}

pub fn render_stats(out: &mut Output, dlq: &str, cursor: &str, s: &Stats) -> std::io::Result<()> {
    let time = |t: Option<i64>| t.map(|t| format_rfc3339(t, 1_000));
    if out.format == Format::Json {
        return out.json(&json!({
            "dlq": dlq,
            "cursor": cursor,
            "letters": s.letters,
            "pending": s.pending,
            "unroutable": s.unroutable,
            "by_topic": s.by_topic,
            "by_shape": s.by_shape,
            "errors": s.sorted_errors().iter().map(|g| json!({"pattern": g.pattern, "count": g.count, "example": g.example})).collect::<Vec<_>>(),
            "oldest_failure": time(s.oldest),
            "newest_failure": time(s.newest),
            "retries": s.retries.iter().map(|(k, v)| (k.to_string(), *v)).collect::<std::collections::BTreeMap<_, _>>(),
        }));
    }
    out.line(&format!(
        "{dlq}: {} letters, {} pending (cursor {cursor}), {} unroutable",
        s.letters, s.pending, s.unroutable
    ))?;
    if let (Some(oldest), Some(newest)) = (time(s.oldest), time(s.newest)) {
        out.line(&format!("failures from {oldest} to {newest}"))?;
    }
    out.line("")?;
    let mut topics = new_table(out, &["ORIGINAL TOPIC", "LETTERS"]);
    for (topic, n) in &s.by_topic {
        topics.add_row(vec![topic.clone(), n.to_string()]);
    }
    if s.unroutable > 0 {
        topics.add_row(vec!["(unroutable)".to_string(), s.unroutable.to_string()]);
    }
    print_table(out, &topics)?;
    out.line("")?;
    let mut errors = new_table(out, &["ERROR", "LETTERS"]);
    for g in s.sorted_errors() {
        errors.add_row(vec![g.pattern.clone(), g.count.to_string()]);
    }
    print_table(out, &errors)?;
    out.line("")?;
    let retries: Vec<String> = s.retries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    out.line(&format!("retries: {}", retries.join(", ")))
}
