//! Subjects and their versions, for `kop schemas`: listing, reading, looking up, checking,
//! registering and deleting, for every schema type the registry holds.

use super::client::Registry;
use super::error::RegistryError;
use super::wire::{
    encode, CompatibilityAnswer, Registered, RegisteredId, SchemaBody, SubjectVersion,
};
use crate::core::schemas::check::{Compatibility, Lookup};
use crate::core::schemas::{Reference, SchemaRecord, SchemaText, SchemaType, VersionRef};

fn deleted_query(deleted: bool) -> &'static str {
    if deleted {
        "?deleted=true"
    } else {
        ""
    }
}

fn record(subject: &str, answer: SubjectVersion) -> Result<SchemaRecord, RegistryError> {
    let schema_type =
        SchemaType::from_registry(answer.schema_type.as_deref()).ok_or_else(|| {
            RegistryError::Malformed(format!(
                "{subject} version {} has the unknown schema type {}",
                answer.version,
                answer.schema_type.as_deref().unwrap_or_default()
            ))
        })?;
    Ok(SchemaRecord {
        subject: answer.subject.unwrap_or_else(|| subject.to_string()),
        version: answer.version,
        id: answer.id,
        schema_type,
        schema: answer.schema,
        references: answer
            .references
            .unwrap_or_default()
            .into_iter()
            .map(Reference::from)
            .collect(),
    })
}

impl Registry {
    /// Every subject; with `deleted`, soft-deleted ones too.
    pub fn subjects(&self, deleted: bool) -> Result<Vec<String>, RegistryError> {
        self.get(&format!("/subjects{}", deleted_query(deleted)))
    }

    /// The subject's version numbers; with `deleted`, soft-deleted ones too.
    pub fn versions(&self, subject: &str, deleted: bool) -> Result<Vec<u32>, RegistryError> {
        self.get(&format!(
            "/subjects/{}/versions{}",
            encode(subject),
            deleted_query(deleted)
        ))
    }

    /// One version of the subject, as the registry holds it.
    pub fn version(
        &self,
        subject: &str,
        version: VersionRef,
        deleted: bool,
    ) -> Result<SchemaRecord, RegistryError> {
        let answer: SubjectVersion = self.get(&format!(
            "/subjects/{}/versions/{version}{}",
            encode(subject),
            deleted_query(deleted)
        ))?;
        record(subject, answer)
    }

    /// Whether this exact schema is a live version of the subject.
    pub fn find(&self, subject: &str, schema: &SchemaText) -> Result<Lookup, RegistryError> {
        self.lookup_body(subject, &SchemaBody::of(schema))
    }

    /// The registry's verdict on the schema against one version of the subject, with its
    /// reasons (`verbose=true`).
    pub fn check_against(
        &self,
        subject: &str,
        schema: &SchemaText,
        version: VersionRef,
    ) -> Result<Compatibility, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions/{version}?verbose=true",
            encode(subject)
        );
        self.post::<CompatibilityAnswer>(&path, &SchemaBody::of(schema))
            .map(CompatibilityAnswer::into_core)
    }

    /// The registry's verdict against every version its level compares with, in one
    /// request (Confluent's `POST /compatibility/subjects/{s}/versions`); `None` when the
    /// registry has no such endpoint (Karapace), so that the caller asks version by version.
    pub fn check_against_all(
        &self,
        subject: &str,
        schema: &SchemaText,
    ) -> Result<Option<Compatibility>, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions?verbose=true",
            encode(subject)
        );
        match self.post::<CompatibilityAnswer>(&path, &SchemaBody::of(schema)) {
            Ok(answer) => Ok(Some(answer.into_core())),
            // A route the registry lacks: 404 without an error code of its own.
            Err(RegistryError::Api {
                status: 404 | 405,
                code: None | Some(404 | 405),
                ..
            }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Registers the schema under the subject: (id, version). A schema the subject already
    /// has gets its existing id and version back.
    pub fn register_schema(
        &self,
        subject: &str,
        schema: &SchemaText,
    ) -> Result<(u32, u32), RegistryError> {
        let path = format!("/subjects/{}/versions", encode(subject));
        let body = SchemaBody::of(schema);
        let id = self.post::<RegisteredId>(&path, &body)?.id;
        // The registration answer has only the id; the lookup names the version.
        let found: Registered = self.post(&format!("/subjects/{}", encode(subject)), &body)?;
        Ok((id, found.version))
    }

    /// Deletes every version of the subject (soft, or `permanent` after a soft delete);
    /// the versions deleted.
    pub fn delete_subject(
        &self,
        subject: &str,
        permanent: bool,
    ) -> Result<Vec<u32>, RegistryError> {
        self.delete(&format!(
            "/subjects/{}{}",
            encode(subject),
            if permanent { "?permanent=true" } else { "" }
        ))
    }

    /// Deletes one version of the subject; the version deleted.
    pub fn delete_version(
        &self,
        subject: &str,
        version: VersionRef,
        permanent: bool,
    ) -> Result<u32, RegistryError> {
        self.delete(&format!(
            "/subjects/{}/versions/{version}{}",
            encode(subject),
            if permanent { "?permanent=true" } else { "" }
        ))
    }
}
