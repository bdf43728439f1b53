//! Map fields that a registry wrote back as their entry messages, made maps again.

use prost_reflect::prost_types::FileDescriptorSet;

/// A registry that turns a serialized descriptor into `.proto` text may write a map field
/// as what protoc compiles it to, a repeated `<Name>Entry` message with `key` = 1 and
/// `value` = 2, without the `map_entry` option that made it a map (Karapace does). The
/// bytes are the same either way, but the JSON is not (`{"k": v}` against
/// `[{"key": "k", "value": v}]`), so such an entry is made a map again, as protoc made it.
pub(super) fn restore_map_entries(set: &mut FileDescriptorSet) {
    use prost_reflect::prost_types::field_descriptor_proto::{Label, Type};
    use prost_reflect::prost_types::{DescriptorProto, MessageOptions};

    fn entry_name(field: &str) -> String {
        let mut out = String::new();
        let mut upper = true;
        for c in field.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out + "Entry"
    }

    fn is_entry_shape(m: &DescriptorProto) -> bool {
        let field = |n: i32, name: &str| {
            m.field.iter().any(|f| {
                f.number == Some(n)
                    && f.name.as_deref() == Some(name)
                    && f.label() == Label::Optional
                    && f.oneof_index.is_none()
            })
        };
        let key_type_ok = m
            .field
            .iter()
            .find(|f| f.number == Some(1))
            .is_some_and(|k| {
                !matches!(
                    k.r#type(),
                    Type::Message
                        | Type::Enum
                        | Type::Bytes
                        | Type::Float
                        | Type::Double
                        | Type::Group
                )
            });
        m.field.len() == 2
            && field(1, "key")
            && field(2, "value")
            && key_type_ok
            && m.nested_type.is_empty()
            && m.enum_type.is_empty()
    }

    fn visit(message: &mut DescriptorProto, scope: &str) {
        let full = format!("{scope}.{}", message.name());
        let repeated_entries: Vec<String> = message
            .field
            .iter()
            .filter(|f| f.label() == Label::Repeated && f.r#type() == Type::Message)
            .filter_map(|f| {
                let wanted = entry_name(f.name());
                let type_name = f.type_name();
                (type_name == format!("{full}.{wanted}") || type_name == wanted).then_some(wanted)
            })
            .collect();
        for nested in &mut message.nested_type {
            let already = nested.options.as_ref().and_then(|o| o.map_entry).is_some();
            if !already
                && repeated_entries.iter().any(|w| nested.name() == w)
                && is_entry_shape(nested)
            {
                nested
                    .options
                    .get_or_insert_with(MessageOptions::default)
                    .map_entry = Some(true);
            }
        }
        for nested in &mut message.nested_type {
            visit(nested, &full);
        }
    }

    for file in &mut set.file {
        let scope = match file.package() {
            "" => String::new(),
            p => format!(".{p}"),
        };
        for message in &mut file.message_type {
            visit(message, &scope);
        }
    }
}
