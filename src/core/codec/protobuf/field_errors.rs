//! What a field path in a Protobuf message holds, for errors that say what was expected
//! (`expected int32`, `not a field of message com.kidsafe.common.ChildRef`).

use prost_reflect::{Kind, MessageDescriptor};

/// What the field at a path holds, by walking the descriptors.
pub(super) struct Found {
    /// `int32`, `message com.x.Device`.
    pub kind: String,
    /// The message that declares the field.
    pub holder: String,
    /// The message the field is, when it is one (where an unknown field was met).
    pub inner: Option<String>,
}

/// `None` where the path leaves the descriptors.
pub(super) fn expected(root: &MessageDescriptor, path: &str) -> Option<Found> {
    let mut message = root.clone();
    let mut found: Option<Found> = None;
    let mut in_map_value: Option<Kind> = None;
    for part in split_path(path) {
        let Part::Name(name) = part else {
            continue;
        };
        let holder = message.full_name().to_string();
        let kind = match in_map_value.take() {
            Some(value) => value,
            None => {
                let field = message
                    .get_field_by_json_name(name)
                    .or_else(|| message.get_field_by_name(name))?;
                match (field.is_map(), field.kind()) {
                    (true, Kind::Message(entry)) => {
                        in_map_value = Some(entry.map_entry_value_field().kind());
                        found = Some(Found {
                            kind: "a map".into(),
                            holder,
                            inner: None,
                        });
                        continue;
                    }
                    (_, kind) => kind,
                }
            }
        };
        let inner = match &kind {
            Kind::Message(m) => {
                message = m.clone();
                Some(m.full_name().to_string())
            }
            _ => None,
        };
        found = Some(Found {
            kind: describe(&kind),
            holder,
            inner,
        });
    }
    found
}

enum Part<'a> {
    Name(&'a str),
    Index,
}

/// `device.tags[1]` → device, tags, [1].
fn split_path(path: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let mut pieces = segment.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            parts.push(Part::Name(name));
        }
        parts.extend(pieces.map(|_| Part::Index));
    }
    parts
}

fn describe(kind: &Kind) -> String {
    match kind {
        Kind::Message(m) => format!("message {}", m.full_name()),
        Kind::Enum(e) => format!(
            "enum {} ({})",
            e.full_name(),
            e.values()
                .map(|v| v.name().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Kind::Double => "double".into(),
        Kind::Float => "float".into(),
        Kind::Int32 => "int32".into(),
        Kind::Int64 => "int64".into(),
        Kind::Uint32 => "uint32".into(),
        Kind::Uint64 => "uint64".into(),
        Kind::Sint32 => "sint32".into(),
        Kind::Sint64 => "sint64".into(),
        Kind::Fixed32 => "fixed32".into(),
        Kind::Fixed64 => "fixed64".into(),
        Kind::Sfixed32 => "sfixed32".into(),
        Kind::Sfixed64 => "sfixed64".into(),
        Kind::Bool => "bool".into(),
        Kind::String => "string".into(),
        Kind::Bytes => "bytes (base64)".into(),
    }
}
