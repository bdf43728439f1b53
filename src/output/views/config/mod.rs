//! `kop config list`, `kop config show` (also printed by `-v`), `kop config use`, and the
//! warning when the environment overrides a profile chosen with `--cluster`.
//!
//! JSON shapes (stable). A source is `{"kind": "flag"|"env"|"profile"|"profile_env"|
//! "current"|"default", ...}`: `flag` and `env` carry `name` (`--bootstrap`,
//! `KAFKA_BOOTSTRAP_SERVERS`), `profile` carries `name` and `file`, `profile_env` carries
//! `name` (the variable), `profile` and `file`, `current` carries `file`. A file is
//! `{"path", "found": bool, "source"}`.
//!
//! `kop config list`: `{"profiles": [{"name", "file", "declared_in": "topics_file"|
//! "user_config", "bootstrap": str|null, "schema_registry": str|null, "in_use": bool,
//! "current": bool, "hidden": bool}], "current": str|null, "selected": {"name",
//! "chosen_by": source, "declared": bool}|null, "environment_overrides": [variable],
//! "topics_file": file, "user_config": file|null}`. `current` is the user config's;
//! `selected` is the name in use now; `hidden` marks a user profile that a topics-file
//! profile of the same name hides.
//!
//! `kop config show`: `{"topics_file": file, "user_config": file|null, "profile": {"name",
//! "file", "chosen_by": source}|null, "settings": {NAME: {"value": str|null, "set": bool,
//! "secret": bool, "source": source|null, "overrides_profile": bool}}, "properties":
//! [{"name", "value", "source"}], "client_defaults": [{"role", "name", "value"}],
//! "environment_overrides": [{"variable", "setting"}]}`,
//! with every setting in `settings` (`bootstrap`, `security_protocol`, `sasl_mechanism`,
//! `sasl_username`, `sasl_password`, `ssl_ca_file`, `ssl_cert_file`, `ssl_key_file`,
//! `ssl_key_password`, `schema_registry`, `schema_registry_username`,
//! `schema_registry_password`, `partitioner`, `cluster_id`, `timeout`). A secret's `value`
//! is always `null`; `set` says whether it has one.

mod list;
mod show;

pub(crate) use list::render_list;
pub(crate) use show::{debug_report, render_show};

use serde::Serialize;

use crate::core::provenance::{
    shown_path, EnvOverride, FileOrigin, ProfileChoice, ProfileSwitch, Source,
};
use crate::output::style::Tone;
use crate::output::table::Cell;
use crate::output::Output;

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum SourceJson<'a> {
    Flag {
        name: &'a str,
    },
    Env {
        name: &'a str,
    },
    Profile {
        name: &'a str,
        file: String,
    },
    ProfileEnv {
        name: &'a str,
        profile: &'a str,
        file: String,
    },
    Current {
        file: String,
    },
    Default,
}

impl<'a> From<&'a Source> for SourceJson<'a> {
    fn from(source: &'a Source) -> SourceJson<'a> {
        match source {
            Source::Flag(name) => SourceJson::Flag { name },
            Source::Env(name) => SourceJson::Env { name },
            Source::Profile(p) => SourceJson::Profile {
                name: &p.name,
                file: p.file.display().to_string(),
            },
            Source::ProfileEnv { var, profile } => SourceJson::ProfileEnv {
                name: var,
                profile: &profile.name,
                file: profile.file.display().to_string(),
            },
            Source::Current(file) => SourceJson::Current {
                file: file.display().to_string(),
            },
            Source::Default => SourceJson::Default,
        }
    }
}

#[derive(Serialize)]
pub(super) struct FileJson<'a> {
    path: String,
    found: bool,
    source: SourceJson<'a>,
}

impl<'a> From<&'a FileOrigin> for FileJson<'a> {
    fn from(file: &'a FileOrigin) -> FileJson<'a> {
        FileJson {
            path: file.path.display().to_string(),
            found: file.found,
            source: (&file.source).into(),
        }
    }
}

pub(super) fn source_cell(source: &Source, overrides_profile: bool) -> Cell {
    match source {
        Source::Default => Cell::toned(source.to_string(), Tone::Dim),
        _ if overrides_profile => Cell::toned(format!("{source}, over the profile's"), Tone::Warn),
        _ => Cell::from(source.to_string()),
    }
}

/// The environment hides values of the profile named with `--cluster`: one line naming
/// each variable and the setting it hides.
pub(crate) fn warn_overrides(out: &Output, choice: &ProfileChoice, overrides: &[EnvOverride]) {
    if overrides.is_empty() {
        return;
    }
    let each: Vec<String> = overrides
        .iter()
        .map(|o| format!("{} ({})", o.variable, o.setting.name()))
        .collect();
    out.warn(&format!(
        "the environment overrides {} chosen with {}: {}; unset {} to use the profile's",
        choice.profile,
        choice.chosen_by,
        each.join(", "),
        if overrides.len() == 1 { "it" } else { "them" }
    ));
}

/// `kop config use`: what changed, on stderr; warnings where `current` will not apply.
pub(crate) fn render_switch(out: &Output, switch: &ProfileSwitch) {
    let file = switch.user_config.display();
    let what = if switch.created { "created" } else { "updated" };
    match &switch.previous {
        Some(previous) if previous == &switch.name => out.status(&format!(
            "current profile is already `{}` ({file})",
            switch.name
        )),
        Some(previous) => out.status(&format!(
            "current profile: `{}` (was `{previous}`); {what} {file}",
            switch.name
        )),
        None => out.status(&format!(
            "current profile: `{}`; {what} {file}",
            switch.name
        )),
    }
    if switch.topics_file_only {
        out.warn(&format!(
            "`{}` is a profile of {}: where kop does not read that file, no profile of that name exists and commands stop; declare it in {file} to use it everywhere",
            switch.name,
            shown_path(&switch.declared_in)
        ));
    }
    if let Some(chosen) = &switch.kop_cluster {
        out.warn(&format!(
            "KOP_CLUSTER={chosen} is set: it chooses the profile over `current` until you unset it"
        ));
    }
}

#[cfg(test)]
mod tests;
