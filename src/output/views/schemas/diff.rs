//! `kop schemas diff`: a headline, a table of changes with their verdicts, the reasons for
//! the unsafe ones, a summary.
//!
//! JSON shape (stable): `{"subject", "version", "file", "compatibility",
//! "compatibility_source": "subject"|"global"|"flag", "changes": [{"path", "change",
//! "detail", "safe": bool, "reason": str|null, "breaks_backward": str|null,
//! "breaks_forward": str|null, "note": str|null}], "unsafe": int}`. `change` is one of
//! `field added`, `field removed`, `field renamed`, `type changed`, `default changed`,
//! `symbols added`, `symbols removed`, `type renamed`, `size changed`; `path` is empty for
//! the top-level type; `reason` says why the change is unsafe under `compatibility`.

use std::path::Path;

use serde::Serialize;

use super::source;
use crate::core::schemas::avro_diff::{Safety, SchemaChange};
use crate::core::schemas::report::level_text;
use crate::core::schemas::EffectiveLevel;
use crate::output::style::{paint, Tone};
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

/// What the view shows: the changes and what they were judged against.
pub(crate) struct DiffView<'a> {
    pub subject: &'a str,
    pub file: &'a Path,
    pub version: u32,
    pub level: EffectiveLevel,
    /// The level came from --level, not the registry.
    pub level_given: bool,
    pub changes: &'a [SchemaChange],
}

#[derive(Serialize)]
struct DiffJson<'a> {
    subject: &'a str,
    version: u32,
    file: String,
    compatibility: &'static str,
    compatibility_source: &'static str,
    changes: Vec<ChangeJson<'a>>,
    #[serde(rename = "unsafe")]
    unsafe_changes: usize,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    path: &'a str,
    change: &'static str,
    detail: &'a str,
    safe: bool,
    reason: Option<String>,
    breaks_backward: Option<&'a str>,
    breaks_forward: Option<&'a str>,
    note: Option<&'a str>,
}

fn path(change: &SchemaChange) -> &str {
    if change.path.is_empty() {
        "(top level)"
    } else {
        &change.path
    }
}

pub(crate) fn render(out: &mut Output, view: &DiffView<'_>) -> std::io::Result<()> {
    let level = view.level.level;
    let verdicts: Vec<Safety> = view.changes.iter().map(|c| c.under(level)).collect();
    let unsafe_count = verdicts
        .iter()
        .filter(|v| matches!(v, Safety::Unsafe(_)))
        .count();
    if out.format == Format::Json {
        return out.json(&DiffJson {
            subject: view.subject,
            version: view.version,
            file: view.file.display().to_string(),
            compatibility: level.as_str(),
            compatibility_source: if view.level_given {
                "flag"
            } else {
                source(view.level)
            },
            changes: view
                .changes
                .iter()
                .zip(&verdicts)
                .map(|(c, v)| ChangeJson {
                    path: &c.path,
                    change: c.kind.name(),
                    detail: &c.detail,
                    safe: *v == Safety::Safe,
                    reason: match v {
                        Safety::Unsafe(why) => Some(why.clone()),
                        Safety::Safe => None,
                    },
                    breaks_backward: c.breaks_backward.as_deref(),
                    breaks_forward: c.breaks_forward.as_deref(),
                    note: c.note.as_deref(),
                })
                .collect(),
            unsafe_changes: unsafe_count,
        });
    }
    let judged = if view.level_given {
        format!("{level} (--level)")
    } else {
        level_text(view.level)
    };
    out.text(&format!(
        "{} version {} → {}, judged under {judged}:",
        view.subject,
        view.version,
        view.file.display()
    ))?;
    out.line("")?;
    if view.changes.is_empty() {
        return out.text("No differences.");
    }
    let mut t = Table::new(&["CHANGE", "FIELD", "DETAIL", "VERDICT"]);
    for (c, v) in view.changes.iter().zip(&verdicts) {
        let verdict = match v {
            Safety::Safe => Cell::toned("safe", Tone::Good),
            Safety::Unsafe(_) => Cell::toned("unsafe", Tone::Bad),
        };
        t.row(vec![
            c.kind.name().into(),
            path(c).into(),
            c.detail.clone().into(),
            verdict,
        ]);
    }
    out.table(&t)?;
    let mut first = true;
    for (c, v) in view.changes.iter().zip(&verdicts) {
        let text = match (v, &c.note) {
            (Safety::Unsafe(why), _) => {
                format!("{} {}: {why}", paint(out.color, Tone::Bad, "!"), path(c))
            }
            (Safety::Safe, Some(note)) => format!("note: {}: {note}", path(c)),
            (Safety::Safe, None) => continue,
        };
        if std::mem::take(&mut first) {
            out.line("")?;
        }
        out.text(&text)?;
    }
    out.line("")?;
    out.text(&format!(
        "{} change(s), {unsafe_count} unsafe under {level}.",
        view.changes.len()
    ))?;
    if level.is_transitive() {
        out.text(&format!(
            "This compares with version {} only; under {level} the registry also checks every earlier version: `kop schemas check` asks it.",
            view.version
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schemas::avro_diff::diff;
    use crate::core::schemas::Level;
    use crate::output::test_support::assert_aligned;

    const OLD: &str = r#"{"type": "record", "name": "Task", "fields": [
        {"name": "taskId", "type": "string"},
        {"name": "points", "type": "int"},
        {"name": "priority", "type": {"type": "enum", "name": "P", "symbols": ["HIGH", "LOW"]}}]}"#;
    const NEW: &str = r#"{"type": "record", "name": "Task", "fields": [
        {"name": "taskId", "type": "string"},
        {"name": "points", "type": "long"},
        {"name": "owner", "type": "string"},
        {"name": "priority", "type": {"type": "enum", "name": "P", "symbols": ["HIGH", "LOW", "CRITICAL"]}}]}"#;

    fn render_with(format: Format, width: usize, level: Level) -> String {
        let changes = diff(OLD, NEW).unwrap();
        let (mut out, captured) = Output::terminal(format, width);
        let view = DiffView {
            subject: "task.created-value",
            file: Path::new("schemas/task.avsc"),
            version: 3,
            level: EffectiveLevel::of(None, level),
            level_given: false,
            changes: &changes,
        };
        render(&mut out, &view).unwrap();
        captured.stdout()
    }

    #[test]
    fn the_table_lines_up_and_says_why_a_change_is_unsafe() {
        for width in [80, 120] {
            let text = render_with(Format::Table, width, Level::BackwardTransitive);
            assert!(text.contains("\u{1b}["), "colour is on");
            assert_aligned(&text, width);
        }
        let plain = console::strip_ansi_codes(&render_with(Format::Table, 300, Level::Backward))
            .into_owned();
        assert!(
            plain.contains(
                "task.created-value version 3 → schemas/task.avsc, judged under BACKWARD (global):"
            ),
            "{plain}"
        );
        assert!(
            plain.contains("! owner: new readers find no `owner` in old data"),
            "{plain}"
        );
        assert!(
            plain.contains("3 change(s), 1 unsafe under BACKWARD."),
            "{plain}"
        );
        let forward = console::strip_ansi_codes(&render_with(Format::Table, 300, Level::Forward))
            .into_owned();
        assert!(forward.contains("2 unsafe under FORWARD"), "{forward}");
        let transitive = render_with(Format::Table, 300, Level::BackwardTransitive);
        assert!(
            transitive.contains("compares with version 3 only"),
            "{transitive}"
        );
    }

    #[test]
    fn the_json_has_every_change_with_both_directions() {
        let json: serde_json::Value =
            serde_json::from_str(&render_with(Format::Json, 80, Level::Full)).unwrap();
        assert_eq!(json["compatibility"], "FULL");
        assert_eq!(json["compatibility_source"], "global");
        let changes = json["changes"].as_array().unwrap();
        assert_eq!(changes.len(), 3);
        assert_eq!(changes[0]["path"], "points");
        assert_eq!(changes[0]["change"], "type changed");
        assert_eq!(changes[0]["detail"], "int → long");
        assert_eq!(changes[0]["safe"], false);
        assert_eq!(changes[0]["breaks_backward"], serde_json::Value::Null);
        assert!(changes[0]["breaks_forward"].is_string());
        assert_eq!(changes[1]["change"], "field added");
        assert_eq!(changes[2]["change"], "symbols added");
        assert_eq!(json["unsafe"], 3);
    }
}
