//! `kop schemas ...`: the registry they need, and each subcommand's choices, resolved.

use std::path::PathBuf;

use regex::Regex;

use crate::cli::{
    LevelArg, SchemaFileArgs, SchemaTypeArg, SchemasCheckArgs, SchemasCompatibilityArgs,
    SchemasDeleteArgs, SchemasDiffArgs, SchemasListArgs, SchemasRegisterArgs, SchemasShowArgs,
    SubjectStrategy,
};
use crate::core::schemas::{Level, SchemaType, VersionRef};
use crate::core::subject::Strategy;
use crate::error::CommandError;

use super::{RegistrySettings, Settings};

/// The registry every `kop schemas` command talks to; a usage error without one.
fn registry(settings: &Settings) -> Result<RegistrySettings, CommandError> {
    settings.registry.clone().ok_or_else(|| {
        CommandError::usage("no Schema Registry configured").with_hint(
            "give --registry URL, set SCHEMA_REGISTRY_URL, or choose a --cluster profile with `schema_registry`",
        )
    })
}

fn version(flag: &str, text: &str) -> Result<VersionRef, CommandError> {
    VersionRef::parse(text).ok_or_else(|| {
        CommandError::usage(format!(
            "{flag} {text}: a version is a number from 1 up, or `latest`"
        ))
    })
}

pub(crate) fn level(arg: LevelArg) -> Level {
    match arg {
        LevelArg::None => Level::None,
        LevelArg::Backward => Level::Backward,
        LevelArg::BackwardTransitive => Level::BackwardTransitive,
        LevelArg::Forward => Level::Forward,
        LevelArg::ForwardTransitive => Level::ForwardTransitive,
        LevelArg::Full => Level::Full,
        LevelArg::FullTransitive => Level::FullTransitive,
    }
}

/// A schema another one imports, as given; the version is looked up when left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReferenceSpec {
    pub name: String,
    pub subject: String,
    pub version: Option<u32>,
}

/// A schema file and how to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SchemaFile {
    pub path: PathBuf,
    /// Given with --type; otherwise inferred once the file and the subject are read.
    pub schema_type: Option<SchemaType>,
    pub references: Vec<ReferenceSpec>,
}

impl SchemaFile {
    fn resolve(path: PathBuf, args: &SchemaFileArgs) -> Result<SchemaFile, CommandError> {
        Ok(SchemaFile {
            path,
            schema_type: args.schema_type.map(|t| match t {
                SchemaTypeArg::Avro => SchemaType::Avro,
                SchemaTypeArg::Json => SchemaType::Json,
                SchemaTypeArg::Protobuf => SchemaType::Protobuf,
            }),
            references: args
                .references
                .iter()
                .map(|r| parse_reference(r))
                .collect::<Result<_, _>>()?,
        })
    }
}

fn parse_reference(text: &str) -> Result<ReferenceSpec, CommandError> {
    let bad = || {
        CommandError::usage(format!(
            "--reference {text}: expected NAME=SUBJECT[:VERSION], e.g. common.proto=common-value:3"
        ))
    };
    let (name, target) = text.split_once('=').ok_or_else(bad)?;
    // A subject may hold colons (Confluent's contexts: `:.ctx:name`): only a number after
    // the last one is a version.
    let (subject, version) = match target.rsplit_once(':') {
        Some((subject, v)) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
            (subject, Some(v.parse::<u32>().map_err(|_| bad())?))
        }
        _ => (target, None),
    };
    if name.is_empty() || subject.is_empty() || version == Some(0) {
        return Err(bad());
    }
    Ok(ReferenceSpec {
        name: name.to_string(),
        subject: subject.to_string(),
        version,
    })
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasListSettings {
    pub registry: RegistrySettings,
    pub pattern: Option<Regex>,
    pub deleted: bool,
    pub strategy: Strategy,
}

impl SchemasListSettings {
    pub fn resolve(args: &SchemasListArgs, settings: &Settings) -> Result<Self, CommandError> {
        let pattern = args
            .pattern
            .as_deref()
            .map(|p| Regex::new(p).map_err(|e| CommandError::usage(format!("--pattern: {e}"))))
            .transpose()?;
        Ok(SchemasListSettings {
            registry: registry(settings)?,
            pattern,
            deleted: args.deleted,
            strategy: match args.subject_strategy {
                SubjectStrategy::Topic => Strategy::Topic,
                SubjectStrategy::Record => Strategy::Record,
                SubjectStrategy::TopicRecord => Strategy::TopicRecord,
            },
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasShowSettings {
    pub registry: RegistrySettings,
    pub subject: String,
    pub version: VersionRef,
    /// List the versions instead.
    pub versions: bool,
    pub deleted: bool,
}

impl SchemasShowSettings {
    pub fn resolve(args: &SchemasShowArgs, settings: &Settings) -> Result<Self, CommandError> {
        Ok(SchemasShowSettings {
            registry: registry(settings)?,
            subject: args.subject.clone(),
            version: version("--version", &args.version)?,
            versions: args.versions,
            deleted: args.deleted,
        })
    }
}

/// One schema file to check against one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CheckTarget {
    pub subject: String,
    pub file: SchemaFile,
    /// The level topics.toml declares for the subject.
    pub declared: Option<Level>,
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasCheckSettings {
    pub registry: RegistrySettings,
    pub targets: Vec<CheckTarget>,
}

impl SchemasCheckSettings {
    pub fn resolve(args: &SchemasCheckArgs, settings: &Settings) -> Result<Self, CommandError> {
        let registry = registry(settings)?;
        let targets = match (&args.file, &args.subject) {
            (Some(file), Some(subject)) => vec![CheckTarget {
                subject: subject.clone(),
                file: SchemaFile::resolve(file.clone(), &args.schema)?,
                declared: None,
            }],
            _ => declared_targets(settings, &args.schema)?,
        };
        Ok(SchemasCheckSettings { registry, targets })
    }
}

/// Every schema topics.toml declares, against its `<topic>-key` / `<topic>-value` subject.
fn declared_targets(
    settings: &Settings,
    schema: &SchemaFileArgs,
) -> Result<Vec<CheckTarget>, CommandError> {
    let Some(file) = &settings.file else {
        return Err(CommandError::usage(
            "no schema file given, and no topics.toml to take the declared schemas from",
        )
        .with_hint("give FILE --subject SUBJECT, or -F/--topics-file PATH"));
    };
    if schema.schema_type.is_some() || !schema.references.is_empty() {
        return Err(CommandError::usage(
            "--type and --reference go with FILE --subject; a topics.toml schema's type is its file's (.avsc, .json, .proto) and its references what it imports",
        ));
    }
    let mut targets = Vec::new();
    for topic in file.topics.values() {
        for (part, path, declared) in [
            ("key", &topic.key_schema, topic.key_compatibility),
            ("value", &topic.value_schema, topic.value_compatibility),
        ] {
            if let Some(path) = path {
                targets.push(CheckTarget {
                    subject: format!("{}-{part}", topic.name),
                    file: SchemaFile {
                        path: path.clone(),
                        // As `topics apply` registers it: the type from the file, what it
                        // imports found beside it.
                        schema_type: None,
                        references: Vec::new(),
                    },
                    declared,
                });
            }
        }
    }
    Ok(targets)
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasDiffSettings {
    pub registry: RegistrySettings,
    pub subject: String,
    pub file: PathBuf,
    pub version: VersionRef,
    /// Judge under this level instead of the subject's.
    pub level: Option<Level>,
}

impl SchemasDiffSettings {
    pub fn resolve(args: &SchemasDiffArgs, settings: &Settings) -> Result<Self, CommandError> {
        Ok(SchemasDiffSettings {
            registry: registry(settings)?,
            subject: args.subject.clone(),
            file: args.file.clone(),
            version: version("--version", &args.version)?,
            level: args.level.map(level),
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasRegisterSettings {
    pub registry: RegistrySettings,
    pub subject: String,
    pub file: SchemaFile,
}

impl SchemasRegisterSettings {
    pub fn resolve(args: &SchemasRegisterArgs, settings: &Settings) -> Result<Self, CommandError> {
        Ok(SchemasRegisterSettings {
            registry: registry(settings)?,
            subject: args.subject.clone(),
            file: SchemaFile::resolve(args.file.clone(), &args.schema)?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LevelAction {
    Show,
    Set(Level),
    Unset,
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasCompatibilitySettings {
    pub registry: RegistrySettings,
    /// `None`: the registry's global level.
    pub subject: Option<String>,
    pub action: LevelAction,
}

impl SchemasCompatibilitySettings {
    pub fn resolve(
        args: &SchemasCompatibilityArgs,
        settings: &Settings,
    ) -> Result<Self, CommandError> {
        let action = match (args.set, args.unset) {
            (Some(l), _) => LevelAction::Set(level(l)),
            (None, true) => LevelAction::Unset,
            (None, false) => LevelAction::Show,
        };
        Ok(SchemasCompatibilitySettings {
            registry: registry(settings)?,
            subject: args.subject.clone(),
            action,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SchemasDeleteSettings {
    pub registry: RegistrySettings,
    pub subject: String,
    /// `None`: every version of the subject.
    pub version: Option<VersionRef>,
    pub permanent: bool,
    pub yes: bool,
}

impl SchemasDeleteSettings {
    pub fn resolve(args: &SchemasDeleteArgs, settings: &Settings) -> Result<Self, CommandError> {
        Ok(SchemasDeleteSettings {
            registry: registry(settings)?,
            subject: args.subject.clone(),
            version: args
                .version
                .as_deref()
                .map(|v| version("--version", v))
                .transpose()?,
            permanent: args.permanent,
            yes: args.yes.yes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_name_subject_and_version() {
        assert_eq!(
            parse_reference("common.proto=common-value:3").unwrap(),
            ReferenceSpec {
                name: "common.proto".into(),
                subject: "common-value".into(),
                version: Some(3)
            }
        );
        assert_eq!(
            parse_reference("com.todo.User=user-value").unwrap().version,
            None
        );
        assert_eq!(
            parse_reference("u=:.ctx:user-value").unwrap().subject,
            ":.ctx:user-value"
        );
        for bad in ["nosubject", "=s:1", "n=", "n=s:0"] {
            let err = parse_reference(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn versions_are_numbers_or_latest() {
        assert_eq!(version("--version", "latest").unwrap(), VersionRef::Latest);
        assert_eq!(version("--version", "2").unwrap(), VersionRef::Number(2));
        assert_eq!(version("--version", "two").unwrap_err().exit_code(), 2);
    }
}
