//! `kop groups reset`: the plan (per partition the committed offset, the new one and the
//! events re-read or skipped, with totals), before and after it is applied.
//!
//! JSON shape (stable): `{"group", "target": str, "applied": bool, "partitions":
//! [{"topic", "partition", "current": int|null, "new", "earliest", "latest", "reread",
//! "skipped", "clamped": "earliest"|"latest"|null}], "left_alone": [{"topic", "partition",
//! "reason"}], "totals": {"partitions", "moved", "reread", "skipped"}, "warnings": [str]}`.
//! `kop groups reset --from-file` reads this document back.

use serde::Serialize;

use crate::core::groups::reset::{Clamp, ResetPlan, ResetRow, Totals};
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct PlanJson<'a> {
    group: &'a str,
    target: &'a str,
    applied: bool,
    partitions: Vec<RowJson<'a>>,
    left_alone: Vec<LeftAloneJson<'a>>,
    totals: TotalsJson,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct RowJson<'a> {
    topic: &'a str,
    partition: i32,
    current: Option<i64>,
    new: i64,
    earliest: i64,
    latest: i64,
    reread: u64,
    skipped: u64,
    clamped: Option<&'static str>,
}

#[derive(Serialize)]
struct LeftAloneJson<'a> {
    topic: &'a str,
    partition: i32,
    reason: &'a str,
}

#[derive(Serialize)]
struct TotalsJson {
    partitions: usize,
    moved: usize,
    reread: u64,
    skipped: u64,
}

fn to_json(plan: &ResetPlan, applied: bool) -> PlanJson<'_> {
    let t = plan.totals();
    PlanJson {
        group: &plan.group,
        target: &plan.target,
        applied,
        partitions: plan
            .rows
            .iter()
            .map(|r| RowJson {
                topic: &r.tp.topic,
                partition: r.tp.partition,
                current: r.current,
                new: r.new,
                earliest: r.ends.earliest,
                latest: r.ends.latest,
                reread: r.reread(),
                skipped: r.skipped(),
                clamped: r.clamped.map(|c| match c {
                    Clamp::ToEarliest { .. } => "earliest",
                    Clamp::ToLatest { .. } => "latest",
                }),
            })
            .collect(),
        left_alone: plan
            .left_alone
            .iter()
            .map(|l| LeftAloneJson {
                topic: &l.tp.topic,
                partition: l.tp.partition,
                reason: &l.reason,
            })
            .collect(),
        totals: TotalsJson {
            partitions: t.partitions,
            moved: t.moved,
            reread: t.reread,
            skipped: t.skipped,
        },
        warnings: &plan.warnings,
    }
}

/// The plan: a table and its totals (warnings on stderr), or the JSON document.
pub(crate) fn render_plan(
    out: &mut Output,
    plan: &ResetPlan,
    dry_run: bool,
) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&to_json(plan, false));
    }
    for warning in &plan.warnings {
        out.warn(warning);
    }
    // A dry run's plan is what was asked for; before a real reset it is a report, which
    // -q leaves out.
    if !dry_run && !out.wants_report() {
        return Ok(());
    }
    let suffix = if dry_run {
        " (dry run: nothing changes)"
    } else {
        ""
    };
    out.text(&format!(
        "Reset group {} to {}{suffix}",
        plan.group, plan.target
    ))?;
    let mut t = Table::new(&[
        "TOPIC",
        "PARTITION",
        "OFFSET",
        "CHANGE",
        "EARLIEST",
        "LATEST",
    ]);
    for r in &plan.rows {
        let from = r.current.map_or("-".to_string(), |c| c.to_string());
        t.row(vec![
            r.tp.topic.clone().into(),
            r.tp.partition.to_string().into(),
            format!("{from} → {}", r.new).into(),
            change(r),
            r.ends.earliest.to_string().into(),
            r.ends.latest.to_string().into(),
        ]);
    }
    out.table(&t)?;
    out.line("")?;
    for l in &plan.left_alone {
        out.text(&format!("left alone: {}: {}", l.tp, l.reason))?;
    }
    out.text(&totals_sentence(&plan.totals()))
}

/// After the commit: the plan with `applied` in JSON, a line for people.
pub(crate) fn render_applied(out: &mut Output, plan: &ResetPlan) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&to_json(plan, true));
    }
    out.text(&format!(
        "Committed new offsets for {} partition{} of group {}.",
        plan.rows.len(),
        plural(plan.rows.len() as u64),
        plan.group
    ))
}

fn change(r: &ResetRow) -> Cell {
    match r.current {
        None => Cell::toned("first commit", Tone::Dim),
        Some(c) if c == r.new => Cell::toned("none", Tone::Dim),
        Some(_) if r.reread() > 0 => Cell::toned(format!("re-read {}", r.reread()), Tone::Warn),
        Some(_) => Cell::toned(format!("skip {}", r.skipped()), Tone::Bad),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `30 events will be re-read, 0 skipped, across 3 partitions.`
pub(crate) fn totals_sentence(t: &Totals) -> String {
    let mut text = format!(
        "{} event{} will be re-read, {} skipped, across {} partition{}.",
        t.reread,
        plural(t.reread),
        t.skipped,
        t.partitions,
        plural(t.partitions as u64)
    );
    if t.first_commit > 0 {
        text.push_str(&format!(
            " {} partition{} had no committed offset.",
            t.first_commit,
            plural(t.first_commit as u64)
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::cluster::Ends;
    use crate::core::groups::reset::{plan, ResetInputs, Target};
    use crate::core::record::TopicPartition;
    use crate::output::test_support::assert_aligned;

    fn example(target: Target) -> ResetPlan {
        let tp = |p| TopicPartition::new("child.safety-violation", p);
        let partitions: Vec<TopicPartition> = (0..3).map(tp).collect();
        let committed = BTreeMap::from([(tp(0), Some(10)), (tp(1), Some(10)), (tp(2), None)]);
        let ends = partitions
            .iter()
            .map(|tp| {
                (
                    tp.clone(),
                    Ends {
                        earliest: 0,
                        latest: 40,
                    },
                )
            })
            .collect();
        let empty = BTreeMap::new();
        plan(
            &target,
            &ResetInputs {
                group: "billing",
                partitions: &partitions,
                committed: &committed,
                ends: &ends,
                by_time: &BTreeMap::new(),
                other: &empty,
            },
        )
        .unwrap()
    }

    #[test]
    fn the_plan_lines_up_and_totals_the_events_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_plan(&mut out, &example(Target::Earliest), true).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            let plain = console::strip_ansi_codes(&text).into_owned();
            assert!(plain.contains("10 → 0"), "{plain}");
            assert!(plain.contains("- → 0"), "{plain}");
            assert!(plain.contains("re-read 10"), "{plain}");
            assert!(plain.contains("first commit"), "{plain}");
            assert!(
                plain.contains("20 events will be re-read, 0 skipped, across 3 partitions."),
                "{plain}"
            );
            assert!(plain.contains("(dry run: nothing changes)"), "{plain}");
        }
    }

    #[test]
    fn clamps_warn_on_stderr_and_skips_show() {
        let (mut out, captured) = Output::terminal(Format::Table, 120);
        render_plan(&mut out, &example(Target::Offset(99)), false).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(plain.contains("skip 30"), "{plain}");
        assert!(captured
            .stderr()
            .contains("past the end of the log (40): using 40"));
    }

    #[test]
    fn the_json_is_the_plan_and_says_whether_it_was_applied() {
        for applied in [false, true] {
            let (mut out, captured) = Output::buffered(Format::Json);
            let plan = example(Target::ShiftBy(-4));
            if applied {
                render_applied(&mut out, &plan).unwrap();
            } else {
                render_plan(&mut out, &plan, true).unwrap();
            }
            let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
            assert_eq!(json["applied"], applied);
            assert_eq!(json["group"], "billing");
            assert_eq!(json["partitions"][0]["current"], 10);
            assert_eq!(json["partitions"][0]["new"], 6);
            assert_eq!(json["partitions"][0]["reread"], 4);
            assert_eq!(json["left_alone"][0]["partition"], 2);
            assert_eq!(json["totals"]["reread"], 8);
            assert_eq!(json["clamped"], serde_json::Value::Null);
        }
    }

    #[test]
    fn totals_read_as_sentences() {
        let t = Totals {
            partitions: 1,
            moved: 1,
            reread: 1,
            skipped: 0,
            first_commit: 0,
        };
        assert_eq!(
            totals_sentence(&t),
            "1 event will be re-read, 0 skipped, across 1 partition."
        );
    }
}
