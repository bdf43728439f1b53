//! `kop schemas ...`: the Schema Registry at the shell. One module per subcommand; what
//! they share is reading a schema file into what the registry takes.

pub(crate) mod check;
pub(crate) mod compatibility;
pub(crate) mod delete;
pub(crate) mod diff;
pub(crate) mod list;
pub(crate) mod register;
pub(crate) mod show;

use std::time::Duration;

use super::schema_files::Registration;
use crate::core::schemas::{Reference, SchemaText, SchemaType, VersionRef};
use crate::error::{CommandError, ResultExt};
use crate::registry::{Registry, RegistryError};
use crate::settings::{RegistrySettings, SchemaFile};

fn connect(registry: &RegistrySettings, timeout: Duration) -> Registry {
    Registry::new(registry, timeout)
}

/// The file's text, or an error that names the file.
fn read_text(path: &std::path::Path) -> Result<String, CommandError> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The type of the subject's latest version, when it has one.
fn subject_type(registry: &Registry, subject: &str) -> Result<Option<SchemaType>, CommandError> {
    match registry.version(subject, VersionRef::Latest, false) {
        Ok(record) => Ok(Some(record.schema_type)),
        Err(RegistryError::Api {
            code: Some(40401 | 40402),
            ..
        }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A schema file as the registry takes it: its text, its type (given, or inferred from
/// the file and the subject it goes to) and its references, each pinned to a version.
fn schema_text(
    registry: &Registry,
    file: &SchemaFile,
    subject: &str,
) -> Result<SchemaText, CommandError> {
    let text = read_text(&file.path)?;
    let extension = file.path.extension().and_then(|e| e.to_str());
    let schema_type = match file.schema_type {
        Some(t) => t,
        None if matches!(extension, Some("avsc" | "proto")) => {
            SchemaType::infer(extension, None, &text)
        }
        None => SchemaType::infer(extension, subject_type(registry, subject)?, &text),
    };
    // Without --reference, what the file imports is found beside it, as `topics apply`
    // registers it.
    if file.references.is_empty() {
        let prepared = super::schema_files::prepare(
            registry,
            &file.path,
            schema_type,
            &[],
            Registration::LookUp,
        )?;
        if let Some(missing) = prepared.unregistered.first() {
            return Err(CommandError::failed(format!(
                "{} needs {missing}, which is not registered under the subject {missing} yet",
                file.path.display()
            ))
            .with_hint("`kop topics apply` registers it, or `kop schemas register` it first"));
        }
        return Ok(prepared.schema);
    }
    let references = file
        .references
        .iter()
        .map(|r| {
            let version = match r.version {
                Some(v) => v,
                None => {
                    registry
                        .version(&r.subject, VersionRef::Latest, false)
                        .with_context(|| {
                            format!("--reference {}: cannot find {}", r.name, r.subject)
                        })?
                        .version
                }
            };
            Ok(Reference {
                name: r.name.clone(),
                subject: r.subject.clone(),
                version,
            })
        })
        .collect::<Result<Vec<_>, CommandError>>()?;
    Ok(SchemaText {
        text,
        schema_type,
        references,
    })
}
