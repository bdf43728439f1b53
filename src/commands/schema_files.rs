//! Schema files as the registry takes them, with the schemas they need: a `.proto` file's
//! imports and a JSON Schema's `$ref`s to other documents become references. Each one is a
//! file found beside the schema (or in an include directory such as `--proto-path`),
//! registered under its own name as subject (Confluent's reference subject naming, so the
//! teams' serializers find the same subjects), else a subject of that name already in the
//! registry. Registries want references registered first, so they are.

use std::path::{Path, PathBuf};

use crate::core::schemas::{dependencies, Reference, SchemaText, SchemaType, VersionRef};
use crate::error::{CommandError, ResultExt};
use crate::registry::{Registry, RegistryError};

/// Whether files a schema needs are registered, or only looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Registration {
    /// Registered under their subjects when new (publish, `topics apply`).
    Register,
    /// Only looked up (plans and checks change nothing).
    LookUp,
}

/// A schema file ready to send, and to compile locally.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub schema: SchemaText,
    /// (reference name, text) of every schema it needs, directly or not.
    pub dependencies: Vec<(String, String)>,
    /// Files it needs that the registry does not hold yet (with `LookUp` only): the
    /// schema's references leave them out.
    pub unregistered: Vec<String>,
}

pub(crate) fn prepare(
    registry: &Registry,
    path: &Path,
    schema_type: SchemaType,
    include: &[PathBuf],
    mode: Registration,
) -> Result<Prepared, CommandError> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut dirs: Vec<PathBuf> = path.parent().map(Path::to_path_buf).into_iter().collect();
    dirs.extend(include.iter().cloned());
    let mut walk = Walk {
        registry,
        schema_type,
        dirs: &dirs,
        mode,
        from: path,
        dependencies: Vec::new(),
        unregistered: Vec::new(),
        open: Vec::new(),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "schema".into());
    let schema = walk.schema(&name, text)?;
    Ok(Prepared {
        schema,
        dependencies: walk.dependencies,
        unregistered: walk.unregistered,
    })
}

struct Walk<'a> {
    registry: &'a Registry,
    schema_type: SchemaType,
    dirs: &'a [PathBuf],
    mode: Registration,
    /// The schema file asked for, for errors.
    from: &'a Path,
    dependencies: Vec<(String, String)>,
    unregistered: Vec<String>,
    /// Names being prepared, to refuse an import cycle.
    open: Vec<String>,
}

impl Walk<'_> {
    fn schema(&mut self, name: &str, text: String) -> Result<SchemaText, CommandError> {
        let needs = dependencies(self.schema_type, name, &text).map_err(|e| {
            CommandError::failed(format!(
                "{} is not valid {}: {e}",
                self.from.display(),
                self.schema_type.label()
            ))
        })?;
        self.open.push(name.to_string());
        let mut references = Vec::new();
        for dependency in needs {
            if let Some(reference) = self.dependency(&dependency)? {
                references.push(reference);
            }
        }
        self.open.pop();
        Ok(SchemaText {
            text,
            schema_type: self.schema_type,
            references,
        })
    }

    /// The reference for one dependency, `None` when it is a file not registered yet
    /// (looking up only).
    fn dependency(&mut self, name: &str) -> Result<Option<Reference>, CommandError> {
        if self.open.iter().any(|n| n == name) {
            return Err(CommandError::failed(format!(
                "{} imports itself through {name}",
                self.from.display()
            )));
        }
        let Some(path) = self.find(name) else {
            return self.registered(name).map(Some);
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let schema = self.schema(name, text.clone())?;
        self.keep(name, text);
        let version = match self.mode {
            Registration::Register => {
                self.registry
                    .register_schema(name, &schema)
                    .with_context(|| {
                        format!("cannot register {} under subject {name}", path.display())
                    })?
                    .1
            }
            Registration::LookUp => match self.registry.find(name, &schema)? {
                crate::core::schemas::check::Lookup::Registered { version, .. } => version,
                _ => {
                    self.unregistered.push(name.to_string());
                    return Ok(None);
                }
            },
        };
        Ok(Some(Reference {
            name: name.to_string(),
            subject: name.to_string(),
            version,
        }))
    }

    /// A file of that name beside the schema or in an include directory; only names
    /// that are relative paths (a `$ref` may be a URL).
    fn find(&self, name: &str) -> Option<PathBuf> {
        let relative = !name.contains("://") && !Path::new(name).is_absolute();
        relative
            .then(|| self.dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()))
            .flatten()
    }

    /// The subject of that name's latest version, with everything it references.
    fn registered(&mut self, name: &str) -> Result<Reference, CommandError> {
        let record = match self.registry.version(name, VersionRef::Latest, false) {
            Ok(record) => record,
            Err(RegistryError::Api {
                code: Some(40401 | 40402),
                ..
            }) => {
                let dirs: Vec<String> = self.dirs.iter().map(|d| d.display().to_string()).collect();
                return Err(CommandError::failed(format!(
                    "{} needs {name}: no such file in {} and no subject {name} in the registry",
                    self.from.display(),
                    dirs.join(", ")
                ))
                .with_hint(match self.schema_type {
                    SchemaType::Protobuf => "put the imported file beside the schema, or name its directory with --proto-path",
                    _ => "put the referenced file beside the schema, or register it under a subject of its name",
                }));
            }
            Err(e) => return Err(e.into()),
        };
        let mut pending = record.references.clone();
        self.keep(name, record.schema);
        while let Some(r) = pending.pop() {
            if self.dependencies.iter().any(|(n, _)| *n == r.name) {
                continue;
            }
            let inner = self
                .registry
                .version(&r.subject, VersionRef::Number(r.version), false)?;
            pending.extend(inner.references);
            self.keep(&r.name, inner.schema);
        }
        Ok(Reference {
            name: name.to_string(),
            subject: name.to_string(),
            version: record.version,
        })
    }

    fn keep(&mut self, name: &str, text: String) {
        if !self.dependencies.iter().any(|(n, _)| n == name) {
            self.dependencies.push((name.to_string(), text));
        }
    }
}
