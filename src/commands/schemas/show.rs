//! `kop schemas show`: one version of a subject as the registry holds it, or (`--versions`)
//! every version with its id and type.

use crate::core::schemas::report::{VersionList, VersionRow};
use crate::core::schemas::VersionRef;
use crate::error::{CommandError, Outcome, ResultExt};
use crate::output::views::schemas::show::{render_record, render_versions};
use crate::output::Output;
use crate::settings::{SchemasShowSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    show: &SchemasShowSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let registry = super::connect(&show.registry, settings.timeout);
    if !show.versions {
        let record = registry
            .version(&show.subject, show.version, show.deleted)
            .with_context(|| format!("cannot show version {} of {}", show.version, show.subject))?;
        render_record(out, &record)?;
        return Ok(Outcome::Clean);
    }
    let live = registry.versions(&show.subject, false).or_else(|e| {
        // A soft-deleted subject has no live versions, only deleted ones.
        if show.deleted && e.code() == Some(40401) {
            Ok(Vec::new())
        } else {
            Err(e)
        }
    })?;
    let all = if show.deleted {
        registry.versions(&show.subject, true)?
    } else {
        live.clone()
    };
    let mut versions = Vec::with_capacity(all.len());
    for number in all {
        let deleted = !live.contains(&number);
        let record = registry.version(&show.subject, VersionRef::Number(number), deleted)?;
        versions.push(VersionRow {
            version: number,
            id: record.id,
            schema_type: record.schema_type,
            deleted,
        });
    }
    render_versions(
        out,
        &VersionList {
            subject: show.subject.clone(),
            versions,
        },
    )?;
    Ok(Outcome::Clean)
}
