//! `kop topics apply`: gather the cluster's state, plan, show the plan, confirm, apply in
//! batches, report.

mod act;
mod gather;

use anyhow::{anyhow, bail};

use crate::cli::TopicsApplyArgs;
use crate::context::Settings;
use crate::error::{Hint, Outcome};
use crate::kafka::Admin;
use crate::output::views::plan::{render_plan, render_results, PlanReport};
use crate::output::{Format, Output};
use crate::plan::glob::Glob;
use crate::plan::{self, PlanInput, PlanOptions};

pub async fn run(
    settings: &Settings,
    args: &TopicsApplyArgs,
    yes: bool,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    super::require_format(out, "kop topics apply", &[Format::Table, Format::Json])?;
    let file = settings.file.as_ref().ok_or_else(|| {
        anyhow!("kop topics apply needs a topics file").context(Hint::new(
            "run it where topics.toml is, or name the file with -F PATH (or KOP_FILE)",
        ))
    })?;
    let admin = Admin::connect(settings, out.log_sink()).map_err(super::kafka_error)?;
    let cluster = gather::cluster(&admin, args.wait, out).await?;
    if let Some(pinned) = settings.pinned_cluster_id() {
        let actual = cluster.cluster_id.as_deref().unwrap_or("(none)");
        if actual != pinned {
            bail!("refusing to plan against cluster `{actual}`: the profile pins cluster `{pinned}`; nothing was changed");
        }
    }
    let desired = plan::desired_topics(file, settings.profile.as_ref());
    let options = PlanOptions {
        delete_unmanaged: args.delete_unmanaged,
        prune_configs: args.prune_configs,
        only: args.only.iter().map(Glob::new).collect(),
        protect: file.protect.iter().map(Glob::new).collect(),
    };
    let configs = gather::configs(&admin, &cluster, &desired).await?;
    let schemas = gather::schemas(settings, &desired, &options, out)?;
    let plan = plan::diff(&PlanInput {
        desired: &desired,
        cluster: &cluster,
        configs: &configs,
        schemas: &schemas,
        options: &options,
    });
    let mut report = PlanReport {
        plan: &plan,
        cluster_id: cluster.cluster_id.as_deref(),
        results: None,
    };
    let json = out.format == Format::Json;
    // In JSON, an apply prints one document at the end (plan and results together).
    let applying = !args.check && !args.dry_run && !plan.is_empty() && plan.impossible.is_empty();
    if !(json && applying) {
        render_plan(out, &report)?;
    }
    if args.check {
        return Ok(Outcome::problems_if(!plan.is_empty()));
    }
    if !plan.impossible.is_empty() {
        bail!(
            "the plan has {} impossible change(s); nothing was applied: fix the file as the plan says and run again",
            plan.impossible.len()
        );
    }
    if args.dry_run || plan.is_empty() {
        return Ok(Outcome::Clean);
    }
    confirm(&plan, yes, out)?;
    let results = act::apply(&admin, settings, &plan, out).await;
    report.results = Some(&results);
    render_results(out, &report)?;
    let tally = crate::apply::tally(&results);
    if tally.failed + tally.not_attempted > 0 {
        let done = if tally.applied == 0 {
            "nothing was changed".to_string()
        } else {
            format!(
                "{} change(s) were applied and the rest were not",
                tally.applied
            )
        };
        return Err(anyhow!(
            "{} of {} changes failed; {done}",
            tally.failed,
            results.len()
        )
        .context(Hint::new(
            "fix the cause and run `kop topics apply` again: it plans only what is still missing",
        )));
    }
    Ok(Outcome::Clean)
}

/// Deletions always need a yes; other changes need one on a terminal (CI runs without a
/// terminal and applies non-destructive plans directly).
fn confirm(plan: &plan::Plan, yes: bool, out: &Output) -> anyhow::Result<()> {
    if yes {
        return Ok(());
    }
    let deletes = plan.summary().delete;
    if !out.interactive {
        if deletes > 0 {
            return Err(anyhow!(
                "refusing to delete {deletes} topic(s) without confirmation; nothing was changed"
            )
            .context(Hint::new(
                "there is no terminal to ask on: add --yes to apply a plan that deletes",
            )));
        }
        return Ok(());
    }
    let question = if deletes > 0 {
        format!("Apply these changes, deleting {deletes} topic(s) and their data?")
    } else {
        "Apply these changes?".to_string()
    };
    if out.confirm(&question)? {
        Ok(())
    } else {
        bail!("not applied: the answer was no")
    }
}
