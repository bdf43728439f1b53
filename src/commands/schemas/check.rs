//! `kop schemas check`, the compatibility gate: for each schema file, is it registered
//! already, the first of a new subject, or compatible under the subject's level? The
//! registry decides; kop asks the way the level needs (the latest version, or every
//! version under a transitive level) and reports the registry's own reasons.

use crate::core::codec::AvroSchema;
use crate::core::schemas::check::{self, Against, CheckResult, Compatibility, Lookup, Verdict};
use crate::core::schemas::{EffectiveLevel, Level, SchemaText, SchemaType, VersionRef};
use crate::error::{CommandError, Outcome};
use crate::output::views::schemas::check::render;
use crate::output::Output;
use crate::registry::{Registry, RegistryError};
use crate::settings::{CheckTarget, SchemasCheckSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    check: &SchemasCheckSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    if check.targets.is_empty() {
        out.warn("topics.toml declares no key_schema or value_schema: nothing to check");
    }
    let registry = super::connect(&check.registry, settings.timeout);
    let mut global: Option<Level> = None;
    let mut results = Vec::with_capacity(check.targets.len());
    for target in &check.targets {
        if check.targets.len() > 1 {
            out.status(&format!(
                "checking {} against {}",
                target.file.path.display(),
                target.subject
            ));
        }
        let schema = super::schema_text(&registry, &target.file, &target.subject)?;
        let global = match global {
            Some(g) => g,
            None => *global.insert(registry.global_level()?),
        };
        let level = EffectiveLevel::of(registry.subject_level(&target.subject)?, global);
        let verdict = verdict(&registry, target, &schema, level.level)?;
        results.push(CheckResult {
            subject: target.subject.clone(),
            file: target.file.path.clone(),
            schema_type: schema.schema_type,
            level: Some(level),
            declared: target.declared,
            verdict,
        });
    }
    render(out, &results)?;
    Ok(Outcome::problems_if(
        results.iter().any(|r| r.verdict.is_problem()),
    ))
}

/// The registry's verdict on one file; a schema the registry calls invalid is a verdict
/// too (the gate fails on it), any other error stops the run.
fn verdict(
    registry: &Registry,
    target: &CheckTarget,
    schema: &SchemaText,
    level: Level,
) -> Result<Verdict, CommandError> {
    let subject = &target.subject;
    let asked = match registry.find(subject, schema) {
        Ok(Lookup::Registered { version, id }) => return Ok(Verdict::Registered { version, id }),
        Ok(Lookup::NoSubject) => new_subject(registry, subject, schema),
        Ok(Lookup::NotRegistered) => against_versions(registry, subject, schema, level),
        Err(e) => Err(e),
    };
    match asked {
        Ok(verdict) => Ok(verdict),
        Err(RegistryError::Api {
            code: Some(42201),
            message,
            ..
        }) => Ok(Verdict::Invalid {
            message: with_local_reason(message, schema),
        }),
        Err(e) => Err(e.into()),
    }
}

/// A subject without versions takes any valid schema; the compatibility endpoint still
/// validates it (registries answer 42201 for an invalid one, 40401 / 40402 or "compatible"
/// for a valid one).
fn new_subject(
    registry: &Registry,
    subject: &str,
    schema: &SchemaText,
) -> Result<Verdict, RegistryError> {
    match registry.check_against(subject, schema, VersionRef::Latest) {
        Ok(_) => Ok(Verdict::NewSubject),
        Err(RegistryError::Api {
            code: Some(40401 | 40402),
            ..
        }) => Ok(Verdict::NewSubject),
        Err(e) => Err(e),
    }
}

fn against_versions(
    registry: &Registry,
    subject: &str,
    schema: &SchemaText,
    level: Level,
) -> Result<Verdict, RegistryError> {
    let versions = registry.versions(subject, false)?;
    let Some(&latest) = versions.last() else {
        return Ok(Verdict::NewSubject);
    };
    match Against::for_level(level) {
        Against::Latest => {
            let answer = registry.check_against(subject, schema, VersionRef::Number(latest))?;
            Ok(check::merge(vec![(latest, answer)]))
        }
        Against::EveryVersion => {
            if let Some(answer) = registry.check_against_all(subject, schema)? {
                return Ok(with_versions(answer, versions));
            }
            let mut answers = Vec::with_capacity(versions.len());
            for v in versions {
                answers.push((
                    v,
                    registry.check_against(subject, schema, VersionRef::Number(v))?,
                ));
            }
            Ok(check::merge(answers))
        }
    }
}

/// One answer that covers every version.
fn with_versions(answer: Compatibility, versions: Vec<u32>) -> Verdict {
    match answer {
        Compatibility::Compatible => Verdict::Compatible { versions },
        Compatibility::Incompatible(messages) => Verdict::Incompatible { versions, messages },
    }
}

/// The registry often says only "invalid schema"; for Avro kop can say where.
fn with_local_reason(message: String, schema: &SchemaText) -> String {
    if schema.schema_type != SchemaType::Avro {
        return message;
    }
    match AvroSchema::parse(&schema.text) {
        Err(local) if !message.contains(&local) => {
            format!("{message} (kop's Avro parser: {local})")
        }
        _ => message,
    }
}
