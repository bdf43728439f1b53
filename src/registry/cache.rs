//! Schemas fetched once per run: by id (for decoding) and by subject (for encoding),
//! compiled for their type with every schema they reference (fetched once too).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::client::Registry;
use super::error::RegistryError;
use crate::core::codec::protobuf::is_builtin;
use crate::core::codec::{Schema, SchemaSource};
use crate::core::schemas::{Reference, SchemaText, VersionRef};

pub struct SchemaCache {
    registry: Registry,
    /// Failures too: a topic full of one unknown id asks the registry once.
    by_id: Mutex<HashMap<u32, Result<Arc<Schema>, String>>>,
    /// Referenced schemas by subject and version.
    versions: Mutex<HashMap<(String, u32), SchemaText>>,
}

impl SchemaCache {
    pub fn new(registry: Registry) -> SchemaCache {
        SchemaCache {
            registry,
            by_id: Mutex::default(),
            versions: Mutex::default(),
        }
    }

    /// The subject's latest schema and its id.
    pub fn latest(&self, subject: &str) -> Result<(u32, Arc<Schema>), RegistryError> {
        let record = self.registry.version(subject, VersionRef::Latest, false)?;
        let text = SchemaText {
            text: record.schema,
            schema_type: record.schema_type,
            references: record.references,
        };
        let schema = self.remember(record.id, &text)?;
        Ok((record.id, schema))
    }

    /// A schema given as text: registered under the subject if new, compiled once.
    pub fn for_text(
        &self,
        subject: &str,
        text: &SchemaText,
    ) -> Result<(u32, Arc<Schema>), RegistryError> {
        let id = self.registry.id_for(subject, text)?;
        Ok((id, self.remember(id, text)?))
    }

    pub fn by_id(&self, id: u32) -> Result<Arc<Schema>, RegistryError> {
        if let Some(known) = self.by_id.lock().ok().and_then(|m| m.get(&id).cloned()) {
            return known.map_err(RegistryError::Malformed);
        }
        let found = self
            .registry
            .schema_by_id(id)
            .and_then(|text| self.compile(id, &text));
        if let (Ok(mut map), Err(e)) = (self.by_id.lock(), &found) {
            map.insert(id, Err(e.to_string()));
        }
        let schema = found?;
        self.keep(id, schema.clone());
        Ok(schema)
    }

    fn remember(&self, id: u32, text: &SchemaText) -> Result<Arc<Schema>, RegistryError> {
        let schema = self.compile(id, text)?;
        self.keep(id, schema.clone());
        Ok(schema)
    }

    fn keep(&self, id: u32, schema: Arc<Schema>) {
        if let Ok(mut map) = self.by_id.lock() {
            map.insert(id, Ok(schema));
        }
    }

    fn compile(&self, id: u32, text: &SchemaText) -> Result<Arc<Schema>, RegistryError> {
        let references = self.references(&text.references)?;
        let name = format!("schema-{id}.proto");
        Schema::compile(text.schema_type, &name, &text.text, &references)
            .map(Arc::new)
            .map_err(|e| {
                RegistryError::Malformed(format!(
                    "schema {id} is not valid {}: {e}",
                    text.schema_type
                ))
            })
    }

    /// Every schema the references name, theirs too, as (reference name, text).
    fn references(&self, references: &[Reference]) -> Result<Vec<(String, String)>, RegistryError> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut pending: Vec<Reference> = references.to_vec();
        while let Some(reference) = pending.pop() {
            // Every compiler knows protobuf's own files; no need to fetch them.
            if out.iter().any(|(name, _)| *name == reference.name) || is_builtin(&reference.name) {
                continue;
            }
            let text = self.version_text(&reference.subject, reference.version)?;
            pending.extend(text.references.iter().cloned());
            out.push((reference.name, text.text));
        }
        Ok(out)
    }

    fn version_text(&self, subject: &str, version: u32) -> Result<SchemaText, RegistryError> {
        let key = (subject.to_string(), version);
        if let Some(text) = self.versions.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(text);
        }
        let record = self
            .registry
            .version(subject, VersionRef::Number(version), false)?;
        let text = SchemaText {
            text: record.schema,
            schema_type: record.schema_type,
            references: record.references,
        };
        if let Ok(mut map) = self.versions.lock() {
            map.insert(key, text.clone());
        }
        Ok(text)
    }
}

impl SchemaSource for SchemaCache {
    fn schema_by_id(&self, id: u32) -> Result<Arc<Schema>, String> {
        self.by_id(id).map_err(|e| e.to_string())
    }
}
