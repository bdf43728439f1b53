//! `kop schemas check`: a table of verdicts, then the registry's reasons for every schema
//! that fails, then a summary line.
//!
//! JSON shape (stable): `{"results": [{"subject", "file", "schema_type", "compatibility":
//! str|null, "compatibility_source": "subject"|"global"|null, "declared_compatibility":
//! str|null, "verdict": "compatible"|"incompatible"|"registered"|"new_subject"|"invalid",
//! "versions_checked": [int], "version": int|null, "id": int|null, "messages": [str]}],
//! "summary": {"compatible", "incompatible", "registered", "new_subject", "invalid"}}`.
//! `messages` are the registry's own words (empty when it gives none); `version` and `id`
//! are the registered version's, for `registered`.

use serde::Serialize;

use super::source;
use crate::core::schemas::check::{counts, CheckResult, Verdict};
use crate::core::schemas::report::{level_text, versions_text};
use crate::output::style::{paint, Tone};
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct ReportJson<'a> {
    results: Vec<ResultJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    subject: &'a str,
    file: String,
    schema_type: &'static str,
    compatibility: Option<&'static str>,
    compatibility_source: Option<&'static str>,
    declared_compatibility: Option<&'static str>,
    verdict: &'static str,
    versions_checked: &'a [u32],
    version: Option<u32>,
    id: Option<u32>,
    messages: Vec<&'a str>,
}

#[derive(Serialize)]
struct SummaryJson {
    compatible: usize,
    incompatible: usize,
    registered: usize,
    new_subject: usize,
    invalid: usize,
}

fn json_verdict(verdict: &Verdict) -> &'static str {
    match verdict {
        Verdict::NewSubject => "new_subject",
        other => other.name(),
    }
}

fn result_json(r: &CheckResult) -> ResultJson<'_> {
    let (versions, messages): (&[u32], Vec<&str>) = match &r.verdict {
        Verdict::Compatible { versions } => (versions, vec![]),
        Verdict::Incompatible { versions, messages } => {
            (versions, messages.iter().map(String::as_str).collect())
        }
        Verdict::Invalid { message } => (&[], vec![message.as_str()]),
        Verdict::Registered { .. } | Verdict::NewSubject => (&[], vec![]),
    };
    let (version, id) = match r.verdict {
        Verdict::Registered { version, id } => (Some(version), Some(id)),
        _ => (None, None),
    };
    ResultJson {
        subject: &r.subject,
        file: r.file.display().to_string(),
        schema_type: r.schema_type.as_str(),
        compatibility: r.level.map(|l| l.level.as_str()),
        compatibility_source: r.level.map(source),
        declared_compatibility: r.declared.map(|d| d.as_str()),
        verdict: json_verdict(&r.verdict),
        versions_checked: versions,
        version,
        id,
        messages,
    }
}

pub(crate) fn render(out: &mut Output, results: &[CheckResult]) -> std::io::Result<()> {
    let c = counts(results);
    if out.format == Format::Json {
        return out.json(&ReportJson {
            results: results.iter().map(result_json).collect(),
            summary: SummaryJson {
                compatible: c.compatible,
                incompatible: c.incompatible,
                registered: c.registered,
                new_subject: c.new_subject,
                invalid: c.invalid,
            },
        });
    }
    if results.is_empty() {
        return out.text("No schemas to check.");
    }
    let mut t = Table::new(&["SUBJECT", "FILE", "TYPE", "LEVEL", "VERDICT"]);
    for r in results {
        let tone = match r.verdict {
            Verdict::Incompatible { .. } | Verdict::Invalid { .. } => Tone::Bad,
            Verdict::Registered { .. } => Tone::Dim,
            Verdict::Compatible { .. } | Verdict::NewSubject => Tone::Good,
        };
        let verdict = match &r.verdict {
            Verdict::Registered { version, .. } => format!("registered (version {version})"),
            other => other.name().to_string(),
        };
        t.row(vec![
            r.subject.clone().into(),
            r.file.display().to_string().into(),
            r.schema_type.as_str().into(),
            r.level.map_or_else(|| "-".to_string(), level_text).into(),
            Cell::toned(verdict, tone),
        ]);
    }
    out.table(&t)?;
    details(out, results)?;
    out.line("")?;
    let mut parts = Vec::new();
    for (n, word) in [
        (c.compatible, "compatible"),
        (c.registered, "already registered"),
        (c.new_subject, "new subject(s)"),
        (c.incompatible, "incompatible"),
        (c.invalid, "invalid"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    out.text(&format!(
        "Checked {} schema(s): {}.",
        results.len(),
        parts.join(", ")
    ))
}

/// Why each failing schema fails, in the registry's words; notes on declared levels.
fn details(out: &mut Output, results: &[CheckResult]) -> std::io::Result<()> {
    let mut first = true;
    let mut gap = |out: &mut Output| -> std::io::Result<()> {
        if std::mem::take(&mut first) {
            out.line("")?;
        }
        Ok(())
    };
    for r in results {
        let mark = paint(out.color, Tone::Bad, "!");
        match &r.verdict {
            Verdict::Incompatible { versions, messages } => {
                gap(out)?;
                let level = r
                    .level
                    .map(|l| format!(" under {}", l.level))
                    .unwrap_or_default();
                out.text(&format!(
                    "{mark} {} is incompatible with {}{level}",
                    r.subject,
                    versions_text(versions)
                ))?;
                if messages.is_empty() {
                    out.text("    the registry gave no reasons")?;
                }
                for m in messages {
                    out.text(&format!("    the registry says: {m}"))?;
                }
            }
            Verdict::Invalid { message } => {
                gap(out)?;
                out.text(&format!(
                    "{mark} the registry refuses {} as invalid",
                    r.file.display()
                ))?;
                out.text(&format!("    the registry says: {message}"))?;
            }
            _ => {}
        }
        if let Some(declared) = r.declared_differs() {
            gap(out)?;
            let current = r.level.map_or_else(|| "-".to_string(), level_text);
            out.text(&format!(
                "note: topics.toml declares {declared} for {}; the registry judged by {current} (`kop topics apply` sets the declared level)",
                r.subject
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schemas::{EffectiveLevel, Level, SchemaType};
    use crate::output::test_support::assert_aligned;

    fn results() -> Vec<CheckResult> {
        let result = |subject: &str, verdict, declared| CheckResult {
            subject: subject.into(),
            file: format!("schemas/{subject}.avsc").into(),
            schema_type: SchemaType::Avro,
            level: Some(EffectiveLevel::of(None, Level::Backward)),
            declared,
            verdict,
        };
        vec![
            result(
                "task.created-value",
                Verdict::Compatible { versions: vec![3] },
                None,
            ),
            result(
                "task.updated-value",
                Verdict::Incompatible {
                    versions: vec![1, 2],
                    messages: vec!["owner".into()],
                },
                Some(Level::FullTransitive),
            ),
            result(
                "task.deleted-value",
                Verdict::Incompatible {
                    versions: vec![1],
                    messages: vec![],
                },
                None,
            ),
            result(
                "task.completed-value",
                Verdict::Registered { version: 2, id: 11 },
                None,
            ),
            result("emotion.detected-value", Verdict::NewSubject, None),
            result(
                "child.registered-value",
                Verdict::Invalid {
                    message: "Invalid AVRO schema".into(),
                },
                None,
            ),
        ]
    }

    #[test]
    fn the_table_and_the_reasons_line_up_on_a_colour_terminal() {
        for width in [80, 120] {
            let (mut out, captured) = Output::terminal(Format::Table, width);
            render(&mut out, &results()).unwrap();
            let text = captured.stdout();
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
        }
        let (mut out, captured) = Output::terminal(Format::Table, 250);
        render(&mut out, &results()).unwrap();
        let plain = console::strip_ansi_codes(&captured.stdout()).into_owned();
        assert!(
            plain
                .contains("! task.updated-value is incompatible with versions 1, 2 under BACKWARD"),
            "{plain}"
        );
        assert!(plain.contains("    the registry says: owner"), "{plain}");
        assert!(
            plain.contains("    the registry gave no reasons"),
            "{plain}"
        );
        assert!(plain.contains("registered (version 2)"), "{plain}");
        assert!(
            plain.contains("note: topics.toml declares FULL_TRANSITIVE for task.updated-value"),
            "{plain}"
        );
        assert!(plain.contains("Checked 6 schema(s): 1 compatible, 1 already registered, 1 new subject(s), 2 incompatible, 1 invalid."), "{plain}");
    }

    #[test]
    fn the_json_carries_every_verdict_with_the_registrys_words() {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &results()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        let r = &json["results"];
        assert_eq!(r[0]["verdict"], "compatible");
        assert_eq!(r[0]["versions_checked"], serde_json::json!([3]));
        assert_eq!(r[1]["verdict"], "incompatible");
        assert_eq!(r[1]["messages"], serde_json::json!(["owner"]));
        assert_eq!(r[1]["declared_compatibility"], "FULL_TRANSITIVE");
        assert_eq!(r[1]["compatibility"], "BACKWARD");
        assert_eq!(r[1]["compatibility_source"], "global");
        assert_eq!(r[3]["verdict"], "registered");
        assert_eq!(r[3]["version"], 2);
        assert_eq!(r[4]["verdict"], "new_subject");
        assert_eq!(r[5]["messages"][0], "Invalid AVRO schema");
        assert_eq!(json["summary"]["incompatible"], 2);
    }
}
