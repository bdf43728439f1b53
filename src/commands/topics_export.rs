//! `kop topics export`: metadata and configs in two requests, the file, checked by reading
//! it back and planning it against the same state, then printed.

use crate::core::topics_export::{export, exported_names, to_toml, verify};
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::topics_export::render;
use crate::output::Output;
use crate::settings::Settings;
use crate::util::glob::Glob;

pub(crate) fn run(
    settings: &Settings,
    only: &[Glob],
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let cluster = admin.metadata()?;
    let names = exported_names(&cluster, only);
    if names.is_empty() {
        out.warn("no topic to export (internal topics are never exported)");
    }
    let configs = admin.topic_configs(&names)?;
    let exported = export(&cluster, &configs, only);
    let text = to_toml(&exported);
    verify(&text, &cluster, &configs, &names).map_err(CommandError::internal)?;
    render(out, &exported, &text)?;
    Ok(Outcome::Clean)
}
