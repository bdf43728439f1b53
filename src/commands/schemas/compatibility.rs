//! `kop schemas compatibility`: a subject's level (its own, or the global one it inherits)
//! or the registry's global level; `--set` changes it, `--unset` gives a subject back to
//! the global level.

use crate::core::schemas::report::LevelReport;
use crate::core::schemas::EffectiveLevel;
use crate::error::{CommandError, Outcome};
use crate::output::views::schemas::changes::render_level;
use crate::output::Output;
use crate::registry::Registry;
use crate::settings::{LevelAction, SchemasCompatibilitySettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    compatibility: &SchemasCompatibilitySettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let registry = super::connect(&compatibility.registry, settings.timeout);
    let subject = compatibility.subject.as_deref();
    let before = effective(&registry, subject)?;
    let was = match compatibility.action {
        LevelAction::Show => None,
        LevelAction::Set(level) => {
            registry.set_level(subject, level)?;
            Some(before)
        }
        LevelAction::Unset => {
            if let Some(subject) = subject {
                registry.unset_level(subject)?;
            }
            Some(before)
        }
    };
    let level = match was {
        Some(_) => effective(&registry, subject)?,
        None => before,
    };
    render_level(
        out,
        &LevelReport {
            subject: compatibility.subject.clone(),
            level,
            was,
        },
    )?;
    Ok(Outcome::Clean)
}

/// The level in force: the subject's own, else the global one.
fn effective(registry: &Registry, subject: Option<&str>) -> Result<EffectiveLevel, CommandError> {
    let global = registry.global_level()?;
    Ok(match subject {
        Some(s) => EffectiveLevel::of(registry.subject_level(s)?, global),
        None => EffectiveLevel {
            level: global,
            global: true,
        },
    })
}
