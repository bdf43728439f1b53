//! Schemas fetched once per run: by id (for decoding) and by subject (for encoding).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::client::Registry;
use super::error::RegistryError;
use crate::core::codec::{AvroSchema, SchemaSource};

pub struct SchemaCache {
    registry: Registry,
    by_id: Mutex<HashMap<u32, Arc<AvroSchema>>>,
}

impl SchemaCache {
    pub fn new(registry: Registry) -> SchemaCache {
        SchemaCache {
            registry,
            by_id: Mutex::default(),
        }
    }

    /// The subject's latest schema and its id.
    pub fn latest(&self, subject: &str) -> Result<(u32, Arc<AvroSchema>), RegistryError> {
        let (id, _, text) = self.registry.latest(subject)?;
        let schema = self.remember(id, &text)?;
        Ok((id, schema))
    }

    /// A schema given as text: registered under the subject if new, parsed once.
    pub fn for_text(
        &self,
        subject: &str,
        text: &str,
    ) -> Result<(u32, Arc<AvroSchema>), RegistryError> {
        let id = self.registry.id_for(subject, text)?;
        Ok((id, self.remember(id, text)?))
    }

    pub fn by_id(&self, id: u32) -> Result<Arc<AvroSchema>, RegistryError> {
        if let Some(schema) = self.by_id.lock().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(schema);
        }
        let text = self.registry.schema_by_id(id)?;
        self.remember(id, &text)
    }

    fn remember(&self, id: u32, text: &str) -> Result<Arc<AvroSchema>, RegistryError> {
        let schema = Arc::new(AvroSchema::parse(text).map_err(|e| {
            RegistryError::Malformed(format!("schema {id} is not valid Avro: {e}"))
        })?);
        if let Ok(mut map) = self.by_id.lock() {
            map.insert(id, schema.clone());
        }
        Ok(schema)
    }
}

impl SchemaSource for SchemaCache {
    fn schema_by_id(&self, id: u32) -> Result<Arc<AvroSchema>, String> {
        self.by_id(id).map_err(|e| e.to_string())
    }
}
