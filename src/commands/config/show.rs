//! `kop config show`: every resolved setting and its source, with no network. Settings
//! that contradict each other are shown first and refused after, so that the table says
//! where each side of the contradiction comes from.

use crate::core::provenance::SettingsReport;
use crate::error::{CommandError, Outcome};
use crate::output::views::config::render_show;
use crate::output::Output;
use crate::settings::Settings;

pub(crate) fn run(settings: &Settings, out: &mut Output) -> Result<Outcome, CommandError> {
    render_show(out, &report(settings))?;
    settings.check()?;
    Ok(Outcome::Clean)
}

/// The settings with their sources, and kop's client defaults that stand.
pub(crate) fn report(settings: &Settings) -> SettingsReport {
    let mut report = settings.report();
    report.client_defaults = crate::kafka::tuned_defaults(settings);
    report
}
