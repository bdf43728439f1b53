//! `kop schemas show`: one version as text (what it is, then the schema pretty-printed),
//! or every version as a table.
//!
//! JSON shapes (stable). One version is the registry's own record, every field present:
//! `{"subject", "version", "id", "schemaType": "AVRO"|"JSON"|"PROTOBUF", "schema": str,
//! "references": [{"name", "subject", "version"}]}` (`schema` as the registry stores it).
//! `--versions`: `{"subject", "versions": [{"version", "id", "schema_type", "deleted"}]}`.

use serde::Serialize;

use crate::core::schemas::report::VersionList;
use crate::core::schemas::{pretty, SchemaRecord};
use crate::output::style::Tone;
use crate::output::table::{escape_controls, Cell, Table};
use crate::output::{Format, Output};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordJson<'a> {
    subject: &'a str,
    version: u32,
    id: u32,
    schema_type: &'static str,
    schema: &'a str,
    references: Vec<ReferenceJson<'a>>,
}

#[derive(Serialize)]
struct ReferenceJson<'a> {
    name: &'a str,
    subject: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct VersionsJson<'a> {
    subject: &'a str,
    versions: Vec<VersionJson>,
}

#[derive(Serialize)]
struct VersionJson {
    version: u32,
    id: u32,
    schema_type: &'static str,
    deleted: bool,
}

pub(crate) fn render_record(out: &mut Output, record: &SchemaRecord) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&RecordJson {
            subject: &record.subject,
            version: record.version,
            id: record.id,
            schema_type: record.schema_type.as_str(),
            schema: &record.schema,
            references: record
                .references
                .iter()
                .map(|r| ReferenceJson {
                    name: &r.name,
                    subject: &r.subject,
                    version: r.version,
                })
                .collect(),
        });
    }
    out.text(&format!("subject     {}", record.subject))?;
    out.text(&format!("version     {}", record.version))?;
    out.text(&format!("id          {}", record.id))?;
    out.text(&format!("type        {}", record.schema_type))?;
    if record.references.is_empty() {
        out.text("references  none")?;
    }
    for (i, r) in record.references.iter().enumerate() {
        let label = if i == 0 { "references" } else { "" };
        out.text(&format!(
            "{label:<10}  {} → {} version {}",
            r.name, r.subject, r.version
        ))?;
    }
    out.line("")?;
    // The schema whole, never cut to the terminal: it is what people copy.
    for line in pretty(&record.schema, record.schema_type).lines() {
        out.line(&escape_controls(line))?;
    }
    Ok(())
}

pub(crate) fn render_versions(out: &mut Output, list: &VersionList) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&VersionsJson {
            subject: &list.subject,
            versions: list
                .versions
                .iter()
                .map(|v| VersionJson {
                    version: v.version,
                    id: v.id,
                    schema_type: v.schema_type.as_str(),
                    deleted: v.deleted,
                })
                .collect(),
        });
    }
    if list.versions.is_empty() {
        return out.text(&format!("{} has no versions.", list.subject));
    }
    let mut t = Table::new(&["VERSION", "ID", "TYPE", "STATE"]);
    for v in &list.versions {
        t.row(vec![
            v.version.to_string().into(),
            v.id.to_string().into(),
            v.schema_type.as_str().into(),
            if v.deleted {
                Cell::toned("soft-deleted", Tone::Warn)
            } else {
                Cell::toned("live", Tone::Good)
            },
        ]);
    }
    out.table(&t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schemas::report::VersionRow;
    use crate::core::schemas::{Reference, SchemaType};
    use crate::output::test_support::assert_aligned;

    fn record() -> SchemaRecord {
        SchemaRecord {
            subject: "task.created-value".into(),
            version: 2,
            id: 7,
            schema_type: SchemaType::Avro,
            schema: r#"{"fields":[{"doc":"bell\u0007","name":"taskId","type":"string"}],"name":"Task","type":"record"}"#.into(),
            references: vec![Reference {
                name: "com.todo.User".into(),
                subject: "user-value".into(),
                version: 1,
            }],
        }
    }

    #[test]
    fn one_version_reads_as_text_with_the_schema_indented() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_record(&mut out, &record()).unwrap();
            let text = captured.stdout();
            assert_aligned(&text, width.max(120));
            assert!(text.contains("subject     task.created-value\n"), "{text}");
            assert!(
                text.contains("references  com.todo.User → user-value version 1"),
                "{text}"
            );
            assert!(text.contains("\n  \"fields\": [\n"), "{text}");
            assert!(!text.contains('\u{7}'), "control characters are escaped");
        }
    }

    #[test]
    fn the_json_is_the_registrys_record() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render_record(&mut out, &record()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["subject"], "task.created-value");
        assert_eq!(json["version"], 2);
        assert_eq!(json["id"], 7);
        assert_eq!(json["schemaType"], "AVRO");
        assert_eq!(json["schema"], record().schema);
        assert_eq!(json["references"][0]["subject"], "user-value");
    }

    fn versions() -> VersionList {
        VersionList {
            subject: "task.created-value".into(),
            versions: vec![
                VersionRow {
                    version: 1,
                    id: 3,
                    schema_type: SchemaType::Protobuf,
                    deleted: true,
                },
                VersionRow {
                    version: 2,
                    id: 7,
                    schema_type: SchemaType::Protobuf,
                    deleted: false,
                },
            ],
        }
    }

    #[test]
    fn versions_line_up_on_a_colour_terminal_and_as_json() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render_versions(&mut out, &versions()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
            assert!(console::strip_ansi_codes(&text).contains("soft-deleted"));
        }
        let (mut out, captured) = Output::buffered(Format::Json);
        render_versions(&mut out, &versions()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["versions"][0]["deleted"], true);
        assert_eq!(json["versions"][1]["schema_type"], "PROTOBUF");
    }
}
