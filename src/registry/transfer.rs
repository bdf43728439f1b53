//! Moving schemas between registries, for `kop copy`: a writer schema read by id with its
//! type and references, whatever the type (the codecs read Avro only; a copy never decodes).

use serde::Deserialize;

use super::client::Registry;
use super::error::RegistryError;
use super::wire::ReferenceJson;
use crate::core::schemas::{Reference, SchemaText, SchemaType};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchemaById {
    schema: String,
    schema_type: Option<String>,
    #[serde(default)]
    references: Option<Vec<ReferenceJson>>,
}

impl Registry {
    /// The schema registered under an id: its text, type and references, as stored.
    pub fn schema_text_by_id(&self, id: u32) -> Result<SchemaText, RegistryError> {
        let answer: SchemaById = self.get(&format!("/schemas/ids/{id}"))?;
        let schema_type =
            SchemaType::from_registry(answer.schema_type.as_deref()).ok_or_else(|| {
                RegistryError::Malformed(format!(
                    "schema {id} has the unknown schema type {}",
                    answer.schema_type.as_deref().unwrap_or_default()
                ))
            })?;
        Ok(SchemaText {
            text: answer.schema,
            schema_type,
            references: answer
                .references
                .unwrap_or_default()
                .into_iter()
                .map(Reference::from)
                .collect(),
        })
    }
}
