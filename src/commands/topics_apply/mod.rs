//! `kop topics apply`: gather the cluster's state, plan, show the plan, confirm, apply in
//! batches, report.

mod act;
mod gather;

use super::confirm::{confirm, Confirmation};
use crate::core::plan::results::{count_results, PlanReport};
use crate::core::plan::{self, PlanInput};
use crate::error::{CommandError, Outcome};
use crate::output::views::plan::{render_plan, render_results};
use crate::output::{Format, Output};
use crate::settings::{ApplyMode, ApplySettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    apply: &ApplySettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let (admin, cluster) = gather::cluster(settings, apply.wait, out)?;
    if let Some(pinned) = settings.pinned_cluster_id() {
        let actual = cluster.cluster_id.as_deref().unwrap_or("(none)");
        if actual != pinned {
            return Err(CommandError::failed(format!(
                "refusing to plan against cluster `{actual}`: the profile pins cluster `{pinned}`; nothing was changed"
            )));
        }
    }
    let desired = plan::desired_topics(&apply.file, settings.profile.as_ref());
    let configs = gather::configs(&admin, &cluster, &desired)?;
    let schemas = gather::schemas(settings, &desired, &apply.options, out)?;
    let plan = plan::diff(&PlanInput {
        desired: &desired,
        cluster: &cluster,
        configs: &configs,
        schemas: &schemas,
        options: &apply.options,
    });
    let mut report = PlanReport {
        plan,
        cluster_id: cluster.cluster_id.clone(),
        results: None,
    };
    let plan = &report.plan;
    let applying = apply.mode == ApplyMode::Apply && !plan.is_empty() && plan.impossible.is_empty();
    // In JSON, an apply prints one document at the end (plan and results together).
    if !(out.format == Format::Json && applying) {
        render_plan(out, &report)?;
    }
    if apply.mode == ApplyMode::Check {
        return Ok(Outcome::problems_if(!plan.is_empty()));
    }
    if !plan.impossible.is_empty() {
        return Err(CommandError::failed(format!(
            "the plan has {} impossible change(s); nothing was applied: fix the file as the plan says and run again",
            plan.impossible.len()
        )));
    }
    if apply.mode == ApplyMode::DryRun || plan.is_empty() {
        return Ok(Outcome::Clean);
    }
    let deletes = plan.summary().delete;
    let question = if deletes > 0 {
        format!("Apply these changes, deleting {deletes} topic(s) and their data?")
    } else {
        "Apply these changes?".to_string()
    };
    let refusal =
        format!("refusing to delete {deletes} topic(s) without confirmation; nothing was changed");
    // Deletions always need a yes; other changes need one on a terminal (CI runs without
    // a terminal and applies non-destructive plans directly).
    confirm(
        out,
        apply.yes,
        deletes > 0,
        &Confirmation {
            question: &question,
            refusal: &refusal,
            hint: "there is no terminal to ask on: add --yes to apply a plan that deletes",
            declined: "not applied: the answer was no",
        },
    )?;
    let results = act::apply(&admin, settings, plan, out);
    let t = count_results(&results);
    let total = results.len();
    report.results = Some(results);
    render_results(out, &report)?;
    if t.failed + t.not_attempted > 0 {
        let done = if t.applied == 0 {
            "nothing was changed".to_string()
        } else {
            format!("{} change(s) were applied and the rest were not", t.applied)
        };
        return Err(CommandError::failed(format!(
            "{} of {total} changes failed; {done}",
            t.failed
        ))
        .with_hint(
            "fix the cause and run `kop topics apply` again: it plans only what is still missing",
        ));
    }
    Ok(Outcome::Clean)
}
