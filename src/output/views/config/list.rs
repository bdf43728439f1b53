//! `kop config list`: the profiles of both files, and the one in use.

use serde::Serialize;

use crate::core::provenance::{shown_path, ProfileListing, Source};
use crate::output::style::Tone;
use crate::output::table::{Cell, Table};
use crate::output::{Format, Output};

use super::{FileJson, SourceJson};

#[derive(Serialize)]
struct ListJson<'a> {
    profiles: Vec<ProfileJson<'a>>,
    current: Option<&'a str>,
    selected: Option<SelectedJson<'a>>,
    environment_overrides: &'a [&'static str],
    topics_file: FileJson<'a>,
    user_config: Option<FileJson<'a>>,
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    name: &'a str,
    file: String,
    declared_in: &'static str,
    bootstrap: Option<&'a str>,
    schema_registry: Option<&'a str>,
    in_use: bool,
    current: bool,
    hidden: bool,
}

#[derive(Serialize)]
struct SelectedJson<'a> {
    name: &'a str,
    chosen_by: SourceJson<'a>,
    declared: bool,
}

pub(crate) fn render_list(out: &mut Output, listing: &ProfileListing) -> std::io::Result<()> {
    if out.format == Format::Json {
        let json = ListJson {
            profiles: listing
                .rows
                .iter()
                .map(|r| ProfileJson {
                    name: &r.name,
                    file: r.file.display().to_string(),
                    declared_in: r.kind.name(),
                    bootstrap: r.bootstrap.as_deref(),
                    schema_registry: r.schema_registry.as_deref(),
                    in_use: r.in_use,
                    current: r.current,
                    hidden: r.shadowed,
                })
                .collect(),
            current: listing.current.as_deref(),
            selected: listing
                .selected
                .as_ref()
                .map(|(name, chosen_by)| SelectedJson {
                    name,
                    chosen_by: chosen_by.into(),
                    declared: !listing.selection_is_missing(),
                }),
            environment_overrides: &listing.env_overrides,
            topics_file: (&listing.topics_file).into(),
            user_config: listing.user_config.as_ref().map(FileJson::from),
        };
        return out.json(&json);
    }
    if listing.rows.is_empty() {
        out.status(&format!(
            "no cluster profiles: {}",
            where_profiles_live(listing)
        ));
    } else {
        out.table(&list_table(listing))?;
    }
    for note in list_notes(listing) {
        out.status(&note);
    }
    if let (true, Some((name, chosen_by))) =
        (listing.selection_is_missing(), listing.selected.as_ref())
    {
        out.warn(&format!(
            "{} names `{name}`, which no file declares: commands that reach a cluster will stop",
            chosen_by
        ));
    }
    Ok(())
}

/// Where profiles could have come from, for an empty listing.
fn where_profiles_live(listing: &ProfileListing) -> String {
    let topics = if listing.topics_file.found {
        format!("{} declares none", shown_path(&listing.topics_file.path))
    } else {
        format!(
            "no topics file ({}, KOP_FILE)",
            shown_path(&listing.topics_file.path)
        )
    };
    let user = match &listing.user_config {
        Some(u) if u.found => format!("{} declares none", u.path.display()),
        Some(u) => format!("no user config ({})", u.path.display()),
        None => "no user config (set HOME or KOP_CONFIG)".to_string(),
    };
    format!("{topics}; {user}")
}

fn list_table(listing: &ProfileListing) -> Table {
    let mut table = Table::new(&["CURRENT", "NAME", "FILE", "BOOTSTRAP", "REGISTRY"]);
    let dash = || Cell::toned("-", Tone::Dim);
    for r in &listing.rows {
        let file = shown_path(&r.file);
        let (name, file) = if r.shadowed {
            (
                Cell::toned(r.name.clone(), Tone::Dim),
                Cell::toned(file, Tone::Dim),
            )
        } else {
            (Cell::from(r.name.clone()), Cell::from(file))
        };
        table.row(vec![
            if r.in_use {
                Cell::toned("*", Tone::Good)
            } else {
                Cell::from("")
            },
            name,
            file,
            r.bootstrap.clone().map_or_else(dash, Cell::from),
            r.schema_registry.clone().map_or_else(dash, Cell::from),
        ]);
    }
    table
}

/// What the table alone does not say: what chose the profile in use, hidden profiles, and
/// variables that win over every profile.
fn list_notes(listing: &ProfileListing) -> Vec<String> {
    let mut notes = Vec::new();
    match (&listing.selected, &listing.current) {
        (Some((name, chosen_by)), Some(current))
            if !matches!(chosen_by, Source::Current(_)) && !listing.selection_is_missing() =>
        {
            notes.push(format!(
                "in use: `{name}`, chosen by {chosen_by} over current = \"{current}\""
            ));
        }
        (Some((name, chosen_by)), None) if !listing.selection_is_missing() => {
            notes.push(format!("in use: `{name}`, chosen by {chosen_by}"));
        }
        (None, _) => notes.push(
            "no profile in use: set one with `kop config use NAME`, --cluster or KOP_CLUSTER"
                .to_string(),
        ),
        _ => {}
    }
    for hidden in listing.rows.iter().filter(|r| r.shadowed) {
        notes.push(format!(
            "`{}` of {} is hidden by the topics file's profile of the same name",
            hidden.name,
            shown_path(&hidden.file)
        ));
    }
    if !listing.env_overrides.is_empty() {
        notes.push(format!(
            "set in the environment, over any profile's value: {}",
            listing.env_overrides.join(", ")
        ));
    }
    notes
}
