//! `kop topics list`: metadata and configs in two requests, rows, a view.

use crate::core::listing;
use crate::core::plan::{self, Plan, PlanInput, PlanOptions};
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::topics_list::render;
use crate::output::Output;
use crate::settings::Settings;

pub(crate) fn run(
    settings: &Settings,
    all: bool,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let cluster = admin.metadata()?;
    let names = listing::visible_topics(&cluster, all);
    let configs = admin.topic_configs(&names)?;
    // Drift comes from the same plan `topics apply` would make (without deletions).
    let plan = settings.file.as_ref().map(|file| {
        let desired = plan::desired_topics(file, settings.profile.as_ref());
        plan::diff(&PlanInput {
            desired: &desired,
            cluster: &cluster,
            configs: &configs,
            schemas: &[],
            compatibility: &[],
            options: &PlanOptions::default(),
        })
    });
    let drift = plan.as_ref().map(Plan::drifted_topics).unwrap_or_default();
    let listing = listing::build_rows(&cluster, &configs, settings.file.as_ref(), &drift, all);
    render(out, &listing)?;
    Ok(Outcome::Clean)
}
