//! `kop schemas list`: the subjects, then each one's latest version and level, asked a few
//! at a time (two requests per subject; a registry across a WAN answers in tens of ms).

use crate::core::schemas::listing::{self, SubjectListing, SubjectRow};
use crate::core::schemas::{avro_full_name, EffectiveLevel, Level, SchemaType, VersionRef};
use crate::error::{CommandError, Outcome};
use crate::output::views::schemas::list::render;
use crate::output::Output;
use crate::registry::{Registry, RegistryError};
use crate::settings::{SchemasListSettings, Settings};

/// Requests in flight at once.
const PARALLEL: usize = 8;

pub(crate) fn run(
    settings: &Settings,
    list: &SchemasListSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let registry = super::connect(&list.registry, settings.timeout);
    let live = registry.subjects(false)?;
    let with_deleted = if list.deleted {
        Some(registry.subjects(true)?)
    } else {
        None
    };
    let selected = listing::select(&live, with_deleted.as_deref(), list.pattern.as_ref());
    let global = registry.global_level()?;
    let rows = rows(&registry, &selected, list, global)?;
    render(out, &SubjectListing { rows, global })?;
    Ok(Outcome::Clean)
}

fn rows(
    registry: &Registry,
    selected: &[(String, bool)],
    list: &SchemasListSettings,
    global: Level,
) -> Result<Vec<SubjectRow>, CommandError> {
    let chunk = selected.len().div_ceil(PARALLEL).max(1);
    let found: Vec<Result<Vec<SubjectRow>, RegistryError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = selected
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut rows = Vec::new();
                    for (subject, deleted) in part {
                        if let Some(row) = row(registry, subject, *deleted, list, global)? {
                            rows.push(row);
                        }
                    }
                    Ok(rows)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(RegistryError::Malformed("a listing worker stopped".into()))
                })
            })
            .collect()
    });
    let mut rows = Vec::with_capacity(selected.len());
    for part in found {
        rows.extend(part?);
    }
    Ok(rows)
}

/// One subject's row; `None` when it went away while listing.
fn row(
    registry: &Registry,
    subject: &str,
    deleted: bool,
    list: &SchemasListSettings,
    global: Level,
) -> Result<Option<SubjectRow>, RegistryError> {
    let latest = match registry.version(subject, VersionRef::Latest, deleted) {
        Ok(latest) => latest,
        Err(RegistryError::Api {
            code: Some(40401 | 40402),
            ..
        }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let own = registry.subject_level(subject)?;
    let record = match latest.schema_type {
        SchemaType::Avro => avro_full_name(&latest.schema),
        _ => None,
    };
    Ok(Some(SubjectRow {
        topic: listing::topic_of(subject, list.strategy, record.as_deref()),
        subject: subject.to_string(),
        version: latest.version,
        id: latest.id,
        schema_type: latest.schema_type,
        level: EffectiveLevel::of(own, global),
        deleted,
    }))
}
