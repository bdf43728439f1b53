//! `kop topics list`: metadata and configs in two requests, rows, a view.

use crate::cli::TopicsListArgs;
use crate::context::Settings;
use crate::error::Outcome;
use crate::kafka::Admin;
use crate::listing;
use crate::output::{views, Format, Output};

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
    let rows = listing::build_rows(&cluster, &configs, settings.file.as_ref(), args.all);
    views::topics_list::render(out, &rows)?;
    Ok(Outcome::Clean)
}
