//! Re-keying wire-format payloads for the target registry: each writer schema is read by
//! id from the source registry (with the schemas it references), registered under the
//! target's subject, and the id in each payload rewritten. Once per schema id per run.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::core::codec::wire;
use crate::core::copy::rekey::{rewrite_id, target_subject};
use crate::core::copy::SchemaMove;
use crate::core::schemas::{Reference, SchemaText, VersionRef};
use crate::core::subject::{Part, Strategy};
use crate::error::CommandError;
use crate::registry::Registry;
use crate::settings::{CopySettings, Settings};

/// What to do with a payload in the wire format.
enum Policy {
    /// Register its schema on the target and rewrite the id.
    Rewrite { source: Registry, target: Registry },
    /// Copy the id as it is: asked for, or with no registry configured on either side (within
    /// one cluster its schemas are wherever its producers registered them; across clusters
    /// kop cannot tell a wire-format payload from binary data that starts with a zero byte).
    Keep { asked: bool },
    /// A schema cannot be moved: one side has no registry.
    Refuse { missing: &'static str },
}

pub(super) struct Rekeyer {
    policy: Policy,
    strategy: Strategy,
    topic: String,
    dry_run: bool,
    /// (part, source id, target subject) → target id.
    ids: HashMap<(&'static str, u32, String), u32>,
    texts: HashMap<u32, SchemaText>,
    /// A referenced (subject, version) of the source → its version on the target.
    versions: HashMap<(String, u32), u32>,
    moves: Vec<SchemaMove>,
    /// Kept ids already reported.
    kept: Vec<(Part, u32)>,
}

impl Rekeyer {
    pub fn new(source: &Settings, target: &Settings, copy: &CopySettings) -> Rekeyer {
        let registry = |s: &Settings| s.registry.as_ref().map(|r| Registry::new(r, s.timeout));
        let policy = match (copy.keep_schema_ids, registry(source), registry(target)) {
            (true, _, _) => Policy::Keep { asked: true },
            (false, Some(source), Some(target)) => Policy::Rewrite { source, target },
            (false, None, None) => Policy::Keep { asked: false },
            (false, None, _) => Policy::Refuse {
                missing: "the source has no Schema Registry (--registry, SCHEMA_REGISTRY_URL or its profile's schema_registry)",
            },
            (false, Some(_), None) => Policy::Refuse {
                missing: "the target has no Schema Registry (its profile's schema_registry)",
            },
        };
        Rekeyer {
            policy,
            strategy: copy.strategy,
            topic: copy.target.clone(),
            dry_run: copy.dry_run,
            ids: HashMap::new(),
            texts: HashMap::new(),
            versions: HashMap::new(),
            moves: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// The schemas moved (or, in a dry run, that would be), in the order first met.
    pub fn moves(&self) -> &[SchemaMove] {
        &self.moves
    }

    /// Whether ids are copied unchanged although nobody asked (no registry anywhere).
    pub fn keeps_unasked(&self) -> bool {
        matches!(self.policy, Policy::Keep { asked: false }) && !self.kept.is_empty()
    }

    /// The payload as the target gets it: with the schema id of the target's registry
    /// when it is in the wire format, else as it is. `place` names the record for errors.
    pub fn rekeyed<'a>(
        &mut self,
        part: Part,
        bytes: &'a [u8],
        place: &dyn Fn() -> String,
    ) -> Result<Cow<'a, [u8]>, CommandError> {
        let Some((id, payload)) = wire::split(bytes) else {
            return Ok(Cow::Borrowed(bytes));
        };
        let new = self.target_id(part, id, payload, place)?;
        if new == id {
            return Ok(Cow::Borrowed(bytes));
        }
        let mut owned = bytes.to_vec();
        rewrite_id(&mut owned, new);
        Ok(Cow::Owned(owned))
    }

    /// The id on the target of schema `id` of the source (the same id when ids are kept,
    /// or in a dry run).
    fn target_id(
        &mut self,
        part: Part,
        id: u32,
        payload: &[u8],
        place: &dyn Fn() -> String,
    ) -> Result<u32, CommandError> {
        let (source, target) = match &self.policy {
            Policy::Keep { .. } => {
                if !self.kept.contains(&(part, id)) {
                    self.kept.push((part, id));
                    self.moves.push(SchemaMove {
                        part,
                        source_id: id,
                        target_id: Some(id),
                        subject: None,
                    });
                }
                return Ok(id);
            }
            Policy::Refuse { missing } => {
                return Err(CommandError::failed(format!(
                    "{}: the {} is in the Confluent wire format (schema id {id}), but {missing}, so its schema cannot be registered on the target",
                    place(),
                    part_name(part)
                ))
                .with_hint("configure both registries, or copy the ids as they are with --keep-schema-ids when both clusters share one registry"));
            }
            Policy::Rewrite { source, target } => (source, target),
        };
        let text = match self.texts.get(&id) {
            Some(text) => text.clone(),
            None => {
                let text = source.schema_by_id(id).map_err(|e| {
                    CommandError::from(e).context(format!(
                        "{}: the {} names schema id {id}, which the source registry does not give",
                        place(),
                        part_name(part)
                    ))
                    .with_hint("a payload that only looks like the wire format (a binary value starting with byte 0) is copied as it is with --keep-schema-ids")
                })?;
                self.texts.insert(id, text.clone());
                text
            }
        };
        let subject = target_subject(self.strategy, &self.topic, part, &text, payload)
            .map_err(|e| CommandError::failed(format!("{}: {e}", place())))?;
        let key = (part_name(part), id, subject.clone());
        if let Some(&new) = self.ids.get(&key) {
            return Ok(new);
        }
        if self.dry_run {
            self.moves.push(SchemaMove {
                part,
                source_id: id,
                target_id: None,
                subject: Some(subject),
            });
            self.ids.insert(key, id);
            return Ok(id);
        }
        let moved = move_references(source, target, &mut self.versions, text)?;
        let (new, _) = target.register_schema(&subject, &moved).map_err(|e| {
            CommandError::from(e).context(format!(
                "cannot register schema {id} of the source under {subject} on the target"
            ))
        })?;
        self.moves.push(SchemaMove {
            part,
            source_id: id,
            target_id: Some(new),
            subject: Some(subject),
        });
        self.ids.insert(key, new);
        Ok(new)
    }
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Key => "key",
        Part::Value => "value",
    }
}

/// The schema with every reference registered on the target under its own subject, and
/// pinned to the version it got there.
fn move_references(
    source: &Registry,
    target: &Registry,
    versions: &mut HashMap<(String, u32), u32>,
    mut schema: SchemaText,
) -> Result<SchemaText, CommandError> {
    let mut moved = Vec::with_capacity(schema.references.len());
    for reference in &schema.references {
        let version = copy_version(
            source,
            target,
            versions,
            &reference.subject,
            reference.version,
        )?;
        moved.push(Reference {
            version,
            ..reference.clone()
        });
    }
    schema.references = moved;
    Ok(schema)
}

/// Registers one version of a source subject (after what it references) under the same
/// subject on the target; the version it has there.
fn copy_version(
    source: &Registry,
    target: &Registry,
    versions: &mut HashMap<(String, u32), u32>,
    subject: &str,
    version: u32,
) -> Result<u32, CommandError> {
    let key = (subject.to_string(), version);
    if let Some(&found) = versions.get(&key) {
        return Ok(found);
    }
    let record = source
        .version(subject, VersionRef::Number(version), false)
        .map_err(|e| {
            CommandError::from(e).context(format!(
                "cannot read {subject} version {version}, a referenced schema, from the source registry"
            ))
        })?;
    let text = SchemaText {
        text: record.schema,
        schema_type: record.schema_type,
        references: record.references,
    };
    let text = move_references(source, target, versions, text)?;
    let (_, registered) = target.register_schema(subject, &text).map_err(|e| {
        CommandError::from(e).context(format!(
            "cannot register {subject} (referenced by a copied schema) on the target"
        ))
    })?;
    versions.insert(key, registered);
    Ok(registered)
}
