//! Protobuf: `.proto` schemas compiled without protoc, plain JSON (the proto3 JSON mapping)
//! in, Confluent's wire format out (magic byte, schema id, message-index array, message),
//! and back to proto3 JSON.
//!
//! A schema's text is `.proto` source, or a base64 `FileDescriptorProto` (what Confluent's
//! serializers send and what a registry gives with `format=serialized`). Imports come from
//! the files given with it; `google/protobuf/*` are built in.

use base64::Engine as _;
use prost_reflect::prost::Message as _;
use prost_reflect::prost_types::FileDescriptorProto;
use prost_reflect::{DescriptorPool, DynamicMessage, FileDescriptor, MessageDescriptor};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};
use serde::de::DeserializeSeed;
use serde_json::Value as Json;

use super::avro_in::FieldError;
use super::wire;
use field_errors::expected;
use map_entries::restore_map_entries;

/// A compiled `.proto` file with everything it imports.
#[derive(Debug, Clone)]
pub struct ProtoSchema {
    file: FileDescriptor,
}

/// One message of a schema, ready to encode: its descriptor and its message-index array
/// as the wire format writes it.
#[derive(Debug, Clone)]
pub struct ProtoMessage {
    descriptor: MessageDescriptor,
    indexes: Vec<u8>,
}

/// The files given with the one compiled, by the names imports use.
struct Files(Vec<(String, String)>);

impl FileResolver for Files {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        match self.0.iter().find(|(n, _)| n == name) {
            Some((name, text)) => file(name, text),
            None => Err(protox::Error::file_not_found(name)),
        }
    }
}

/// `.proto` source, else a base64 `FileDescriptorProto`.
fn file(name: &str, text: &str) -> Result<File, protox::Error> {
    match File::from_source(name, text) {
        Ok(file) => Ok(file),
        Err(parse) => match serialized(text) {
            Some(mut descriptor) => {
                descriptor.name = Some(name.to_string());
                Ok(File::from_file_descriptor_proto(descriptor))
            }
            None => Err(parse),
        },
    }
}

fn serialized(text: &str) -> Option<FileDescriptorProto> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.contains(char::is_whitespace) {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(trimmed)
        .ok()?;
    FileDescriptorProto::decode(bytes.as_slice()).ok()
}

/// The names a `.proto` file imports, in order (for finding them before compiling).
pub fn imports(name: &str, text: &str) -> Result<Vec<String>, String> {
    file(name, text)
        .map(|f| f.file_descriptor_proto().dependency.clone())
        .map_err(|e| e.to_string())
}

/// Whether an import is one of protobuf's own files, which every registry and compiler
/// knows without a reference.
pub fn is_builtin(import: &str) -> bool {
    import.starts_with("google/protobuf/")
}

impl ProtoSchema {
    /// Compiles the file `name` (its `text`), with `imports` as (name, text) for every file
    /// it imports, directly or through another.
    pub fn compile(
        name: &str,
        text: &str,
        imports: &[(String, String)],
    ) -> Result<ProtoSchema, String> {
        let mut files = vec![(name.to_string(), text.to_string())];
        files.extend(imports.iter().filter(|(n, _)| n != name).cloned());
        let mut resolver = ChainFileResolver::new();
        resolver.add(GoogleFileResolver::new());
        resolver.add(Files(files));
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.include_imports(true);
        compiler.open_file(name).map_err(|e| e.to_string())?;
        let mut set = compiler.file_descriptor_set();
        restore_map_entries(&mut set);
        let pool = DescriptorPool::from_file_descriptor_set(set).map_err(|e| e.to_string())?;
        let file = pool
            .get_file_by_name(name)
            .ok_or_else(|| format!("{name} is not in its own descriptor set"))?;
        if file.messages().len() == 0 {
            return Err(format!("{name} declares no message"));
        }
        Ok(ProtoSchema { file })
    }

    /// Every message the file declares (nested ones too), by full name.
    pub fn messages(&self) -> Vec<String> {
        fn walk(m: MessageDescriptor, out: &mut Vec<String>) {
            if m.is_map_entry() {
                return;
            }
            out.push(m.full_name().to_string());
            for child in m.child_messages() {
                walk(child, out);
            }
        }
        let mut out = Vec::new();
        for m in self.file.messages() {
            walk(m, &mut out);
        }
        out
    }

    /// The message to encode: by full name (or a name unique in the file), else the
    /// first message the file declares.
    pub fn message(&self, name: Option<&str>) -> Result<ProtoMessage, String> {
        let descriptor = match name {
            None => self.file.messages().next(),
            Some(name) => {
                let name = name.trim_start_matches('.');
                let all = self.messages();
                let suffix = format!(".{name}");
                let matching: Vec<&String> = all
                    .iter()
                    .filter(|m| *m == name || m.ends_with(&suffix))
                    .collect();
                match matching.as_slice() {
                    [one] => self.file.parent_pool().get_message_by_name(one),
                    [] => {
                        return Err(format!(
                            "the schema has no message {name} (it has {})",
                            all.join(", ")
                        ))
                    }
                    several => {
                        return Err(format!(
                            "{name} names several messages: {}; give the full name",
                            several
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    }
                }
            }
        };
        let descriptor = descriptor.ok_or_else(|| "the schema declares no message".to_string())?;
        let indexes = wire::message_indexes(&index_path(&descriptor));
        Ok(ProtoMessage {
            descriptor,
            indexes,
        })
    }

    /// A payload after the schema id (message indexes, then the message) → proto3 JSON.
    pub fn decode(&self, payload: &[u8]) -> Result<Json, String> {
        let (indexes, message) = wire::split_message_indexes(payload)
            .ok_or("no message-index array after the schema id")?;
        let descriptor = self.message_at(&indexes)?;
        let decoded = DynamicMessage::decode(descriptor.clone(), message)
            .map_err(|e| format!("not a {} message: {e}", descriptor.full_name()))?;
        serde_json::to_value(&decoded).map_err(|e| e.to_string())
    }

    fn message_at(&self, indexes: &[i32]) -> Result<MessageDescriptor, String> {
        let missing = || format!("the schema has no message at index {indexes:?}");
        let mut steps = indexes.iter().map(|i| usize::try_from(*i).ok());
        let first = steps.next().flatten().ok_or_else(missing)?;
        let mut current = self.file.messages().nth(first).ok_or_else(missing)?;
        for step in steps {
            let i = step.ok_or_else(missing)?;
            let child = current.child_messages().nth(i);
            current = child.ok_or_else(missing)?;
        }
        Ok(current)
    }
}

/// Where a message sits: its index among the file's messages, then among each parent's
/// nested messages (Confluent's message-index array).
fn index_path(message: &MessageDescriptor) -> Vec<i32> {
    let mut path = Vec::new();
    let mut current = message.clone();
    while let Some(parent) = current.parent_message() {
        let i = parent
            .child_messages()
            .position(|m| m.full_name() == current.full_name())
            .unwrap_or(0);
        path.push(i as i32);
        current = parent;
    }
    let top = current
        .parent_file()
        .messages()
        .position(|m| m.full_name() == current.full_name())
        .unwrap_or(0);
    path.push(top as i32);
    path.reverse();
    path
}

impl ProtoMessage {
    pub fn full_name(&self) -> &str {
        self.descriptor.full_name()
    }

    /// Checks proto3 JSON against the message and appends the message-index array and
    /// the message's bytes to `out`. Unknown fields are errors.
    pub fn encode_into(&self, json: &Json, out: &mut Vec<u8>) -> Result<(), FieldError> {
        let message = self.message_of(json)?;
        out.extend_from_slice(&self.indexes);
        message.encode(out).map_err(|e| FieldError {
            path: "$".into(),
            message: e.to_string(),
        })
    }

    /// Checks an event given as JSON text and, with `out`, appends the message-index
    /// array and the message: read straight from the text, without a JSON tree between.
    pub fn text_into(&self, text: &str, out: Option<&mut Vec<u8>>) -> Result<(), String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let direct = self
            .descriptor
            .clone()
            .deserialize(&mut de)
            .and_then(|m| de.end().map(|()| m));
        let message = match direct {
            Ok(message) => message,
            // Said as for parsed JSON: where, and what the field holds.
            Err(_) => {
                let json: Json = serde_json::from_str(text).map_err(|e| {
                    format!("not JSON: {}", crate::util::json_words::in_one_line(&e))
                })?;
                self.message_of(&json).map_err(|e| e.to_string())?
            }
        };
        if let Some(out) = out {
            out.extend_from_slice(&self.indexes);
            message.encode(out).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Checks that JSON fits the message (the encoding is thrown away).
    pub fn check(&self, json: &Json) -> Result<(), FieldError> {
        self.message_of(json).map(|_| ())
    }

    fn message_of(&self, json: &Json) -> Result<DynamicMessage, FieldError> {
        // Untracked first: tracking the path costs, and is only needed to say where.
        if let Ok(message) = self.descriptor.clone().deserialize(json) {
            return Ok(message);
        }
        let mut track = serde_path_to_error::Track::new();
        let tracked = serde_path_to_error::Deserializer::new(json, &mut track);
        match self.descriptor.clone().deserialize(tracked) {
            Ok(message) => Ok(message),
            Err(e) => Err(self.field_error(&track.path().to_string(), &e.to_string())),
        }
    }

    /// The error in words: the field path, what the field holds, and what was wrong.
    fn field_error(&self, path: &str, message: &str) -> FieldError {
        let path = path.trim_start_matches('.');
        let mut segments: Vec<String> = if path.is_empty() {
            Vec::new()
        } else {
            vec![path.to_string()]
        };
        let unknown = message
            .strip_prefix("unrecognized field name '")
            .and_then(|rest| rest.split('\'').next());
        let message = match unknown {
            Some(name) => {
                let parent = match expected(&self.descriptor, path) {
                    Some(found) => found.inner.unwrap_or(found.holder),
                    None => self.descriptor.full_name().to_string(),
                };
                segments.push(name.to_string());
                format!("not a field of message {parent}")
            }
            None => match expected(&self.descriptor, path) {
                Some(found) => format!("expected {}: {message}", found.kind),
                None => message.to_string(),
            },
        };
        let joined = segments.join(".");
        FieldError {
            path: if joined.is_empty() {
                "$".into()
            } else {
                format!("$.{joined}")
            },
            message,
        }
    }
}

mod field_errors;
mod map_entries;
#[cfg(test)]
mod tests;
