//! `kop schemas register`, `compatibility` and `delete`: one sentence each, or JSON.
//!
//! JSON shapes (stable):
//! - register: `{"subject", "id", "version", "schema_type", "registered": bool}`
//!   (`registered` is false when the subject already had the schema)
//! - compatibility: `{"subject": str|null, "compatibility", "compatibility_source":
//!   "subject"|"global", "previous_compatibility": str|null, "previous_source": str|null}`
//!   (`subject` null: the global level; `previous_*` set when the command changed it)
//! - delete: `{"subject", "versions": [int], "permanent": bool}`

use serde::Serialize;

use super::source;
use crate::core::schemas::report::{
    level_meaning, level_text, versions_text, Deletion, LevelReport, Registration,
};
use crate::output::{Format, Output};

#[derive(Serialize)]
struct RegistrationJson<'a> {
    subject: &'a str,
    id: u32,
    version: u32,
    schema_type: &'static str,
    registered: bool,
}

#[derive(Serialize)]
struct LevelJson<'a> {
    subject: Option<&'a str>,
    compatibility: &'static str,
    compatibility_source: &'static str,
    previous_compatibility: Option<&'static str>,
    previous_source: Option<&'static str>,
}

#[derive(Serialize)]
struct DeletionJson<'a> {
    subject: &'a str,
    versions: &'a [u32],
    permanent: bool,
}

pub(crate) fn render_registration(out: &mut Output, r: &Registration) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&RegistrationJson {
            subject: &r.subject,
            id: r.id,
            version: r.version,
            schema_type: r.schema_type.as_str(),
            registered: !r.existed,
        });
    }
    if r.existed {
        out.text(&format!(
            "{} already has this schema as version {} (id {}): nothing was registered.",
            r.subject, r.version, r.id
        ))
    } else {
        out.text(&format!(
            "Registered {} schema under {}: version {}, id {}.",
            r.schema_type, r.subject, r.version, r.id
        ))
    }
}

pub(crate) fn render_level(out: &mut Output, r: &LevelReport) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&LevelJson {
            subject: r.subject.as_deref(),
            compatibility: r.level.level.as_str(),
            compatibility_source: source(r.level),
            previous_compatibility: r.was.map(|w| w.level.as_str()),
            previous_source: r.was.map(source),
        });
    }
    let now = match &r.subject {
        Some(_) => level_text(r.level),
        None => r.level.level.to_string(),
    };
    let who = r.subject.as_deref().unwrap_or("global level");
    let meaning = level_meaning(r.level.level);
    match r.was {
        Some(was) if r.changed() => {
            let before = match &r.subject {
                Some(_) => level_text(was),
                None => was.level.to_string(),
            };
            out.text(&format!("{who}: {before} → {now} ({meaning})"))
        }
        Some(_) => out.text(&format!("{who}: {now} ({meaning}), unchanged")),
        None => out.text(&format!("{who}: {now} ({meaning})")),
    }
}

pub(crate) fn render_deletion(out: &mut Output, d: &Deletion) -> std::io::Result<()> {
    if out.format == Format::Json {
        return out.json(&DeletionJson {
            subject: &d.subject,
            versions: &d.versions,
            permanent: d.permanent,
        });
    }
    let what = if d.whole_subject {
        format!("subject {} ({})", d.subject, versions_text(&d.versions))
    } else {
        format!("{} of {}", versions_text(&d.versions), d.subject)
    };
    if d.permanent {
        out.text(&format!("Deleted {what} permanently."))
    } else {
        let again = match (d.whole_subject, d.versions.first()) {
            (false, Some(v)) => {
                format!("kop schemas delete {} --version {v} --permanent", d.subject)
            }
            _ => format!("kop schemas delete {} --permanent", d.subject),
        };
        out.text(&format!(
            "Soft-deleted {what}: readers that look schemas up by id keep working; `{again}` removes them for good."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schemas::{EffectiveLevel, Level, SchemaType};
    use crate::output::test_support::assert_aligned;

    fn text(render: impl Fn(&mut Output) -> std::io::Result<()>, width: usize) -> String {
        let (mut out, captured) = Output::terminal(Format::Table, width);
        render(&mut out).unwrap();
        let text = captured.stdout();
        assert_aligned(&text, width);
        console::strip_ansi_codes(&text).into_owned()
    }

    fn json(render: impl Fn(&mut Output) -> std::io::Result<()>) -> serde_json::Value {
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out).unwrap();
        serde_json::from_str(&captured.stdout()).unwrap()
    }

    #[test]
    fn registrations() {
        let mut r = Registration {
            subject: "task.created-value".into(),
            id: 42,
            version: 4,
            schema_type: SchemaType::Json,
            existed: false,
        };
        for width in [80, 120] {
            assert!(text(|o| render_registration(o, &r), width).contains("version 4, id 42"));
        }
        assert_eq!(json(|o| render_registration(o, &r))["registered"], true);
        r.existed = true;
        assert!(text(|o| render_registration(o, &r), 120).contains("nothing was registered"));
        let j = json(|o| render_registration(o, &r));
        assert_eq!(
            (j["registered"].clone(), j["schema_type"].clone()),
            (false.into(), "JSON".into())
        );
    }

    #[test]
    fn levels() {
        let global = EffectiveLevel::of(None, Level::Backward);
        let own = EffectiveLevel::of(Some(Level::FullTransitive), Level::Backward);
        let set = LevelReport {
            subject: Some("task.created-value".into()),
            level: own,
            was: Some(global),
        };
        for width in [80, 120] {
            let t = text(|o| render_level(o, &set), width);
            assert!(
                t.starts_with("task.created-value: BACKWARD (global) → FULL_TRANSITIVE"),
                "{t}"
            );
        }
        let j = json(|o| render_level(o, &set));
        assert_eq!(j["compatibility"], "FULL_TRANSITIVE");
        assert_eq!(j["compatibility_source"], "subject");
        assert_eq!(j["previous_compatibility"], "BACKWARD");
        assert_eq!(j["previous_source"], "global");
        let shown = LevelReport {
            subject: None,
            level: global,
            was: None,
        };
        assert!(text(|o| render_level(o, &shown), 120).starts_with("global level: BACKWARD ("));
        assert_eq!(
            json(|o| render_level(o, &shown))["subject"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn deletions() {
        let d = Deletion {
            subject: "s-value".into(),
            versions: vec![1, 2],
            permanent: false,
            whole_subject: true,
        };
        for width in [80, 120] {
            let t = text(|o| render_deletion(o, &d), width);
            assert!(
                t.contains("Soft-deleted subject s-value (versions 1, 2)"),
                "{t}"
            );
        }
        let j = json(|o| render_deletion(o, &d));
        assert_eq!(j["versions"], serde_json::json!([1, 2]));
        assert_eq!(j["permanent"], false);
        let d = Deletion {
            versions: vec![3],
            permanent: true,
            whole_subject: false,
            ..d
        };
        assert_eq!(
            text(|o| render_deletion(o, &d), 120),
            "Deleted version 3 of s-value permanently.\n"
        );
    }
}
