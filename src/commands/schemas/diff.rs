//! `kop schemas diff`: a schema file against a version of its subject, field by field,
//! each change judged under the subject's level (or `--level`). Avro only: other types are
//! compared by the registry (`kop schemas check`).

use crate::core::codec::AvroSchema;
use crate::core::schemas::avro_diff::{self, Safety};
use crate::core::schemas::{EffectiveLevel, SchemaType};
use crate::error::{CommandError, Outcome, ResultExt};
use crate::output::views::schemas::diff::{render, DiffView};
use crate::output::Output;
use crate::settings::{SchemasDiffSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    diff: &SchemasDiffSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let text = super::read_text(&diff.file)?;
    let registry = super::connect(&diff.registry, settings.timeout);
    let old = registry
        .version(&diff.subject, diff.version, false)
        .with_context(|| {
            format!(
                "cannot read version {} of {} to compare with",
                diff.version, diff.subject
            )
        })?;
    if old.schema_type != SchemaType::Avro {
        return Err(CommandError::failed(format!(
            "{} holds {} schemas; kop compares Avro field by field only",
            diff.subject, old.schema_type
        ))
        .with_hint(format!(
            "`kop schemas check {} --subject {}` asks the registry whether the change is compatible",
            diff.file.display(),
            diff.subject
        )));
    }
    AvroSchema::parse(&text).map_err(|e| {
        CommandError::failed(format!(
            "{} is not a valid Avro schema: {e}",
            diff.file.display()
        ))
    })?;
    let changes = avro_diff::diff(&old.schema, &text).map_err(CommandError::failed)?;
    let level = match diff.level {
        Some(level) => EffectiveLevel {
            level,
            global: false,
        },
        None => {
            let global = registry.global_level()?;
            EffectiveLevel::of(registry.subject_level(&diff.subject)?, global)
        }
    };
    let view = DiffView {
        subject: &diff.subject,
        file: &diff.file,
        version: old.version,
        level,
        level_given: diff.level.is_some(),
        changes: &changes,
    };
    render(out, &view)?;
    let unsafe_changes = changes
        .iter()
        .any(|c| matches!(c.under(level.level), Safety::Unsafe(_)));
    Ok(Outcome::problems_if(unsafe_changes))
}
