//! `kop topics list`: metadata and configs in two requests, rows, a view.

use crate::cli::TopicsListArgs;
use crate::context::Settings;
use crate::error::Outcome;
use crate::kafka::Admin;
use crate::listing;
use crate::output::{views, Format, Output};
use crate::plan::{self, Plan, PlanInput, PlanOptions};

pub async fn run(
    settings: &Settings,
    args: &TopicsListArgs,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    super::require_format(out, "kop topics list", &[Format::Table, Format::Json])?;
    let admin = Admin::connect(settings, out.log_sink()).map_err(super::kafka_error)?;
    let cluster = tokio::task::block_in_place(|| admin.metadata()).map_err(super::kafka_error)?;
    let names = listing::visible_topics(&cluster, args.all);
    let configs = admin
        .topic_configs(&names)
        .await
        .map_err(super::kafka_error)?;
    // Drift comes from the same plan `topics apply` would make (without deletions).
    let plan = settings.file.as_ref().map(|file| {
        let desired = plan::desired_topics(file, settings.profile.as_ref());
        plan::diff(&PlanInput {
            desired: &desired,
            cluster: &cluster,
            configs: &configs,
            schemas: &[],
            options: &PlanOptions::default(),
        })
    });
    let drift = plan.as_ref().map(Plan::drifted_topics).unwrap_or_default();
    let rows = listing::build_rows(&cluster, &configs, settings.file.as_ref(), &drift, args.all);
    views::topics_list::render(out, &rows)?;
    Ok(Outcome::Clean)
}
