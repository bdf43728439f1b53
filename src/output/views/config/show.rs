//! `kop config show` and `-v`: every setting, its value and its source.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::core::provenance::{shown_path, SettingLine, SettingsReport, Shown};
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

use super::{source_cell, FileJson, SourceJson};

#[derive(Serialize)]
struct ShowJson<'a> {
    topics_file: FileJson<'a>,
    user_config: Option<FileJson<'a>>,
    profile: Option<ChoiceJson<'a>>,
    settings: SettingsJson<'a>,
    properties: Vec<PropertyJson<'a>>,
    client_defaults: Vec<DefaultJson<'a>>,
    environment_overrides: Vec<OverrideJson>,
}

#[derive(Serialize)]
struct ChoiceJson<'a> {
    name: &'a str,
    file: String,
    chosen_by: SourceJson<'a>,
}

/// Settings by name, in the report's order.
struct SettingsJson<'a>(&'a [SettingLine]);

#[derive(Serialize)]
struct SettingJson<'a> {
    value: Option<&'a str>,
    set: bool,
    secret: bool,
    source: Option<SourceJson<'a>>,
    overrides_profile: bool,
}

impl Serialize for SettingsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for line in self.0 {
            let value = match &line.value {
                Shown::Value(v) => Some(v.as_str()),
                Shown::Unset | Shown::Secret => None,
            };
            map.serialize_entry(
                line.setting.name(),
                &SettingJson {
                    value,
                    set: line.value != Shown::Unset,
                    secret: line.setting.is_secret(),
                    source: line.source.as_ref().map(SourceJson::from),
                    overrides_profile: line.overrides_profile,
                },
            )?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct PropertyJson<'a> {
    name: &'a str,
    value: &'a str,
    source: SourceJson<'a>,
}

#[derive(Serialize)]
struct DefaultJson<'a> {
    role: &'static str,
    name: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct OverrideJson {
    variable: &'static str,
    setting: &'static str,
}

pub(crate) fn render_show(out: &mut Output, report: &SettingsReport) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json = ShowJson {
            topics_file: (&report.topics_file).into(),
            user_config: report.user_config.as_ref().map(FileJson::from),
            profile: report.profile.as_ref().map(|c| ChoiceJson {
                name: &c.profile.name,
                file: c.profile.file.display().to_string(),
                chosen_by: (&c.chosen_by).into(),
            }),
            settings: SettingsJson(&report.settings),
            properties: report
                .properties
                .iter()
                .map(|p| PropertyJson {
                    name: &p.name,
                    value: &p.value,
                    source: (&p.source).into(),
                })
                .collect(),
            client_defaults: report
                .client_defaults
                .iter()
                .map(|d| DefaultJson {
                    role: d.role,
                    name: d.name,
                    value: &d.value,
                })
                .collect(),
            environment_overrides: report
                .overrides
                .iter()
                .map(|o| OverrideJson {
                    variable: o.variable,
                    setting: o.setting.name(),
                })
                .collect(),
        };
        return out.json(&json);
    }
    out.table(&show_table(report))
}

/// `-v`: the same table as `kop config show`, on stderr.
pub(crate) fn debug_report(out: &Output, report: &SettingsReport) {
    for line in show_table(report).render(out.color_stderr, None) {
        out.debug(&line);
    }
}

fn show_table(report: &SettingsReport) -> Table {
    let mut table = Table::new(&["SETTING", "VALUE", "SOURCE"]);
    let dim = |text: String| Cell::toned(text, Tone::Dim);
    for (label, file) in [
        ("topics file", Some(&report.topics_file)),
        ("user config", report.user_config.as_ref()),
    ] {
        let row = match file {
            Some(f) if f.found => vec![
                label.into(),
                shown_path(&f.path).into(),
                source_cell(&f.source, false),
            ],
            Some(f) => vec![
                label.into(),
                dim(format!("none at {}", shown_path(&f.path))),
                source_cell(&f.source, false),
            ],
            None => vec![
                label.into(),
                dim("none (no HOME or KOP_CONFIG)".into()),
                dim("-".into()),
            ],
        };
        table.row(row);
    }
    table.row(match &report.profile {
        Some(choice) => vec![
            "profile".into(),
            format!(
                "{} ({})",
                choice.profile.name,
                shown_path(&choice.profile.file)
            )
            .into(),
            source_cell(&choice.chosen_by, false),
        ],
        None => vec!["profile".into(), dim("none".into()), dim("-".into())],
    });
    for line in &report.settings {
        let value = match &line.value {
            Shown::Value(v) => Cell::from(v.clone()),
            Shown::Secret => Cell::from("set (hidden)"),
            Shown::Unset => dim("-".into()),
        };
        let source = line.source.as_ref().map_or_else(
            || dim("-".into()),
            |s| source_cell(s, line.overrides_profile),
        );
        table.row(vec![line.setting.name().into(), value, source]);
    }
    for p in &report.properties {
        table.row(vec![
            format!("property {}", p.name).into(),
            p.value.clone().into(),
            source_cell(&p.source, false),
        ]);
    }
    for d in &report.client_defaults {
        table.row(vec![
            format!("property {}", d.name).into(),
            d.value.clone().into(),
            dim(format!("kop default ({})", d.role)),
        ]);
    }
    table
}
