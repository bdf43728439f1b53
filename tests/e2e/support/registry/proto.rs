//! Protobuf schemas for the registry double, judged as Karapace judges them: a schema is
//! valid when it compiles with the schemas its references name (Karapace answers 42201
//! `type "x.Device" is not defined` when a reference is missing; the double's message
//! names the import instead). Like Karapace, it takes `.proto` text or a base64
//! `FileDescriptorProto` (what Confluent's Python serializer registers); unlike Karapace,
//! it stores the text as given rather than rendering a descriptor as `.proto` text.

use base64::Engine as _;
use prost_reflect::prost::Message as _;
use prost_reflect::prost_types::FileDescriptorProto;
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};

struct Files(Vec<(String, String)>);

impl FileResolver for Files {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        let Some((name, text)) = self.0.iter().find(|(n, _)| n == name) else {
            return Err(protox::Error::file_not_found(name));
        };
        File::from_source(name, text).or_else(|parse| {
            let descriptor = base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .ok()
                .and_then(|bytes| FileDescriptorProto::decode(bytes.as_slice()).ok());
            match descriptor {
                Some(mut descriptor) => {
                    descriptor.name = Some(name.clone());
                    Ok(File::from_file_descriptor_proto(descriptor))
                }
                None => Err(parse),
            }
        })
    }
}

/// Whether the schema compiles with `imports` (reference name, text).
pub(super) fn check(text: &str, imports: &[(String, String)]) -> Result<(), String> {
    let mut files = vec![("kop-double-schema.proto".to_string(), text.to_string())];
    files.extend(imports.iter().cloned());
    let mut resolver = ChainFileResolver::new();
    resolver.add(GoogleFileResolver::new());
    resolver.add(Files(files));
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler
        .open_file("kop-double-schema.proto")
        .map(|_| ())
        .map_err(|e| e.to_string())
}
