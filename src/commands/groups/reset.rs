//! `kop groups reset`: gather the group's offsets and the partitions' ends (and, for a
//! time, the offsets at that time), plan, print the plan, confirm, commit every partition
//! in one request, report.

use std::collections::BTreeMap;

use super::{active_words, described, refuse_active};
use crate::commands::confirm::{confirm, Confirmation};
use crate::core::groups::exists;
use crate::core::groups::reset::{self, Offsets, ResetInputs, ResetPlan, Target};
use crate::core::groups::reset_file;
use crate::core::groups::scope::partitions_in_scope;
use crate::error::{CommandError, Outcome, ResultExt};
use crate::kafka::{Admin, KafkaError};
use crate::output::views::group_reset::{render_applied, render_plan};
use crate::output::{Format, Output};
use crate::settings::{ResetSettings, Settings, TargetSpec};
use crate::util::names::closest;
use crate::util::time::now_ms;

pub(crate) fn run(
    settings: &Settings,
    reset: &ResetSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let group = described(&admin, std::slice::from_ref(&reset.group))?
        .into_iter()
        .next()
        .ok_or_else(|| CommandError::internal("no description of the group"))?;
    if group.is_active() && !reset.dry_run {
        return Err(refuse_active(&group, "move its committed offsets"));
    }
    let (committed, other) = offsets(&admin, reset)?;
    if !exists(&group, committed.values().any(Option::is_some)) {
        // Kafka lets a reset create a group (to start a new consumer at a chosen place),
        // which is also what a typo does: say which it is.
        let names: Vec<String> = admin
            .groups()
            .map(|groups| groups.into_iter().map(|g| g.name).collect())
            .unwrap_or_default();
        let hint = closest(&reset.group, names.iter().map(String::as_str))
            .map(|name| format!(" (did you mean {name}?)"))
            .unwrap_or_default();
        out.warn(&format!(
            "group {} does not exist yet: this reset creates it{hint}",
            reset.group
        ));
    }
    let target = target(reset, out)?;
    let plan = plan(&admin, reset, &target, &committed, &other)?;
    let csv = reset_file::to_csv(&plan);
    let to_stdout = reset
        .export
        .as_deref()
        .is_some_and(|p| p.as_os_str() == "-");
    if to_stdout {
        out.line(csv.trim_end())?;
    } else if out.format != Format::Json || reset.dry_run {
        render_plan(out, &plan, reset.dry_run)?;
    }
    if let Some(path) = reset.export.as_deref().filter(|_| !to_stdout) {
        std::fs::write(path, &csv)
            .with_context(|| format!("cannot write the plan to {}", path.display()))?;
        out.status(&format!("wrote the plan as CSV to {}", path.display()));
    }
    if reset.dry_run {
        if group.is_active() {
            out.warn(&format!(
                "{}: Kafka will refuse this reset until its consumers stop",
                active_words(&group)
            ));
        }
        return Ok(Outcome::Clean);
    }
    let question = format!("Commit these offsets for group {}?", plan.group);
    let refusal = format!(
        "refusing to reset group {} without confirmation; nothing was changed",
        plan.group
    );
    confirm(
        out,
        reset.yes,
        true,
        &Confirmation {
            question: &question,
            refusal: &refusal,
            hint: "there is no terminal to ask on: add --yes to apply the plan (--dry-run only prints it)",
            declined: "not applied: the answer was no",
        },
    )?;
    commit(&admin, &plan)?;
    render_applied(out, &plan)?;
    Ok(Outcome::Clean)
}

/// The group's committed offsets, and another group's for `--to-group`.
fn offsets(admin: &Admin, reset: &ResetSettings) -> Result<(Offsets, Offsets), CommandError> {
    let mut names = vec![reset.group.clone()];
    if let TargetSpec::Group(other) = &reset.target {
        names.push(other.clone());
    }
    let mut found = admin.group_offsets(&names)?;
    let mut take = |name: &str| -> Result<Offsets, CommandError> {
        Ok(found.remove(name).transpose()?.unwrap_or_default())
    };
    let committed = take(&reset.group)?;
    let other = match &reset.target {
        TargetSpec::Group(other) => {
            let offsets = take(other)?;
            if offsets.values().all(Option::is_none) {
                return Err(CommandError::failed(format!(
                    "group {other} has no committed offsets to copy"
                )));
            }
            offsets
        }
        _ => Offsets::new(),
    };
    Ok((committed, other))
}

/// The target, with a file read and a time resolved against now.
fn target(reset: &ResetSettings, out: &Output) -> Result<Target, CommandError> {
    Ok(match &reset.target {
        TargetSpec::Earliest => Target::Earliest,
        TargetSpec::Latest => Target::Latest,
        TargetSpec::Offset(n) => Target::Offset(*n),
        TargetSpec::Time(t) => Target::Time(t.resolve(now_ms())),
        TargetSpec::ShiftBy(n) => Target::ShiftBy(*n),
        TargetSpec::Group(other) => Target::Group(other.clone()),
        TargetSpec::File(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let file = reset_file::parse(&text, &reset.group)
                .map_err(|e| CommandError::failed(format!("{}: {e}", path.display())))?;
            if let Some(planned) = file.planned_for.filter(|g| *g != reset.group) {
                out.warn(&format!(
                    "{} is a plan for group {planned}; applying its offsets to group {}",
                    path.display(),
                    reset.group
                ));
            }
            Target::File(file.offsets)
        }
    })
}

/// The partitions in scope, their ends (and offsets at the time), and the plan.
fn plan(
    admin: &Admin,
    reset: &ResetSettings,
    target: &Target,
    committed: &Offsets,
    other: &Offsets,
) -> Result<ResetPlan, CommandError> {
    let cluster = admin.metadata()?;
    let counts: BTreeMap<String, i32> = cluster
        .topics
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                i32::try_from(t.partitions.len()).unwrap_or(i32::MAX),
            )
        })
        .collect();
    let named = target.named_partitions(other);
    let partitions = partitions_in_scope(&reset.scope, &counts, committed, named.as_deref())
        .map_err(CommandError::failed)?;
    if partitions.is_empty() {
        let why = if reset.scope.all_topics {
            format!(
                "group {} has no committed offsets, and --all-topics covers the partitions it committed",
                reset.group
            )
        } else {
            "the scope and the offsets given have no partition in common".to_string()
        };
        return Err(CommandError::failed(format!("nothing to reset: {why}"))
            .with_hint("name the partitions with --topic T (or T:0,1)"));
    }
    let ends = admin.partition_ends(&partitions)?;
    let by_time = match target {
        Target::Time(ms) => admin.offsets_for_time(&partitions, *ms)?,
        _ => BTreeMap::new(),
    };
    let plan = reset::plan(
        target,
        &ResetInputs {
            group: &reset.group,
            partitions: &partitions,
            committed,
            ends: &ends,
            by_time: &by_time,
            other,
        },
    )
    .map_err(CommandError::failed)?;
    if plan.rows.is_empty() {
        let reasons: Vec<String> = plan
            .left_alone
            .iter()
            .map(|l| format!("{}: {}", l.tp, l.reason))
            .collect();
        return Err(CommandError::failed(format!(
            "nothing to reset: every partition in scope is left alone ({})",
            reasons.join("; ")
        )));
    }
    Ok(plan)
}

/// One request for every partition; partitions the coordinator refused are named.
fn commit(admin: &Admin, plan: &ResetPlan) -> Result<(), CommandError> {
    let outcomes = admin.alter_group_offsets(&plan.group, &plan.offsets())?;
    let failed: Vec<(String, KafkaError)> = outcomes
        .into_iter()
        .filter_map(|(tp, r)| r.err().map(|e| (tp.to_string(), e)))
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    if let Some((_, e)) = failed
        .iter()
        .find(|(_, e)| matches!(e, KafkaError::GroupNotEmpty { .. }))
    {
        return Err(
            CommandError::from(e.clone()).context(format!("group {} was not reset", plan.group))
        );
    }
    let done = plan.rows.len() - failed.len();
    let summary = if done == 0 {
        "nothing was changed".to_string()
    } else {
        format!("the other {done} were committed")
    };
    let mut error = CommandError::failed(format!(
        "{} of {} partitions of group {} were not reset; {summary}",
        failed.len(),
        plan.rows.len(),
        plan.group
    ));
    for (tp, e) in &failed {
        error = error.with_hint(format!("{tp}: {e}"));
    }
    Err(error)
}
