//! `kop schemas list`: a table of subjects, or a JSON array.
//!
//! JSON shape (stable), one object per subject: `{"subject", "topic": str|null, "version",
//! "id", "schema_type": "AVRO"|"JSON"|"PROTOBUF", "compatibility": "BACKWARD"|...,
//! "compatibility_source": "subject"|"global", "deleted": bool}`; `topic` follows
//! --subject-strategy (`null` when the subject's name does not say).

use serde::Serialize;

use super::source;
use crate::core::schemas::listing::SubjectListing;
use crate::core::schemas::report::level_text;
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct SubjectJson<'a> {
    subject: &'a str,
    topic: Option<&'a str>,
    version: u32,
    id: u32,
    schema_type: &'static str,
    compatibility: &'static str,
    compatibility_source: &'static str,
    deleted: bool,
}

pub(crate) fn render(out: &mut Output, listing: &SubjectListing) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json: Vec<SubjectJson> = listing
            .rows
            .iter()
            .map(|r| SubjectJson {
                subject: &r.subject,
                topic: r.topic.as_deref(),
                version: r.version,
                id: r.id,
                schema_type: r.schema_type.as_str(),
                compatibility: r.level.level.as_str(),
                compatibility_source: source(r.level),
                deleted: r.deleted,
            })
            .collect();
        return out.json(&json);
    }
    if listing.rows.is_empty() {
        out.text("No subjects.")?;
    } else {
        let any_deleted = listing.rows.iter().any(|r| r.deleted);
        let mut headers = vec!["SUBJECT", "TOPIC", "VERSION", "ID", "TYPE", "COMPATIBILITY"];
        if any_deleted {
            headers.push("STATE");
        }
        let mut t = Table::new(&headers);
        for r in &listing.rows {
            let mut row: Vec<Cell> = vec![
                r.subject.clone().into(),
                r.topic.clone().unwrap_or_else(|| "-".into()).into(),
                r.version.to_string().into(),
                r.id.to_string().into(),
                r.schema_type.as_str().into(),
                level_text(r.level).into(),
            ];
            if any_deleted {
                row.push(if r.deleted {
                    Cell::toned("soft-deleted", Tone::Warn)
                } else {
                    Cell::from("live")
                });
            }
            t.row(row);
        }
        out.table(&t)?;
    }
    out.line("")?;
    out.text(&format!("Global compatibility level: {}.", listing.global))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schemas::listing::SubjectRow;
    use crate::core::schemas::{EffectiveLevel, Level, SchemaType};
    use crate::output::test_support::assert_aligned;

    fn listing() -> SubjectListing {
        let row = |subject: &str, topic: Option<&str>, own, deleted| SubjectRow {
            subject: subject.into(),
            topic: topic.map(str::to_string),
            version: 3,
            id: 1042,
            schema_type: SchemaType::Avro,
            level: EffectiveLevel::of(own, Level::Backward),
            deleted,
        };
        SubjectListing {
            rows: vec![
                row(
                    "child.safety-violation-value",
                    Some("child.safety-violation"),
                    Some(Level::FullTransitive),
                    false,
                ),
                row("com.todoapp.events.TaskCreatedEvent", None, None, true),
            ],
            global: Level::Backward,
        }
    }

    #[test]
    fn the_table_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &listing()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
        }
        let (mut out, captured) = Output::terminal(Format::Table, 200);
        render(&mut out, &listing()).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(plain.contains("FULL_TRANSITIVE"), "{plain}");
        assert!(plain.contains("BACKWARD (global)"), "{plain}");
        assert!(plain.contains("soft-deleted"), "{plain}");
        assert!(
            plain.contains("Global compatibility level: BACKWARD."),
            "{plain}"
        );
    }

    #[test]
    fn the_json_has_one_object_per_subject() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &listing()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json[0]["subject"], "child.safety-violation-value");
        assert_eq!(json[0]["topic"], "child.safety-violation");
        assert_eq!(json[0]["version"], 3);
        assert_eq!(json[0]["id"], 1042);
        assert_eq!(json[0]["schema_type"], "AVRO");
        assert_eq!(json[0]["compatibility"], "FULL_TRANSITIVE");
        assert_eq!(json[0]["compatibility_source"], "subject");
        assert_eq!(json[1]["topic"], serde_json::Value::Null);
        assert_eq!(json[1]["compatibility_source"], "global");
        assert_eq!(json[1]["deleted"], true);
    }
}
