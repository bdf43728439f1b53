//! The two files that hold cluster profiles, the topics file and the user config, and the
//! choice between their profiles.
//!
//! The user config is `KOP_CONFIG`, else `$XDG_CONFIG_HOME/kop/config.toml`, else
//! `~/.config/kop/config.toml`. A profile is chosen by `--cluster`, else `KOP_CLUSTER`,
//! else the user config's `current`, and its name is looked up in the topics file first:
//! a repository's own profiles win over the user's of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{self, ClusterProfile, TopicsFile, UserConfig};
use crate::core::provenance::{
    shown_path, FileOrigin, ListedProfile, ProfileChoice, ProfileListing, ProfileRef, Source,
};
use crate::env::{self, EnvSource};

use super::{Flags, SettingsError};

/// Both files, as read.
#[derive(Debug, Clone)]
pub(crate) struct Profiles {
    pub topics_file: Option<TopicsFile>,
    pub topics_origin: FileOrigin,
    pub user: Option<UserConfig>,
    pub user_origin: Option<FileOrigin>,
}

/// Where the user config is, and which variable said so; `None` without `KOP_CONFIG`,
/// `XDG_CONFIG_HOME` or `HOME`. A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec
/// asks.
pub(crate) fn user_config_location(env: &dyn EnvSource) -> Option<(PathBuf, Source)> {
    if let Some(path) = env.var(env::KOP_CONFIG) {
        return Some((PathBuf::from(path), Source::Env(env::KOP_CONFIG)));
    }
    if let Some(dir) = env
        .var(env::XDG_CONFIG_HOME)
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
    {
        return Some((
            dir.join("kop").join("config.toml"),
            Source::Env(env::XDG_CONFIG_HOME),
        ));
    }
    env.var(env::HOME).map(|home| {
        (
            PathBuf::from(home)
                .join(".config")
                .join("kop")
                .join("config.toml"),
            Source::Env(env::HOME),
        )
    })
}

impl Profiles {
    /// Reads both files. A topics file named by `-F` or `KOP_FILE` must exist; so must a
    /// user config named by `KOP_CONFIG` when `explicit_user_must_exist` (not for `kop
    /// config list` and `use`, which report or create it).
    pub fn load(
        flags: &Flags,
        env: &dyn EnvSource,
        explicit_user_must_exist: bool,
    ) -> Result<Profiles, SettingsError> {
        let (path, source) = match (&flags.file, env.var(env::KOP_FILE)) {
            (Some(path), _) => (path.clone(), Source::Flag("--topics-file")),
            (None, Some(path)) => (PathBuf::from(path), Source::Env(env::KOP_FILE)),
            (None, None) => (flags.default_file.clone(), Source::Default),
        };
        let topics_file = if path.exists() {
            Some(config::load(&path)?)
        } else if source != Source::Default {
            return Err(SettingsError::MissingFile(path));
        } else {
            None
        };
        let topics_origin = FileOrigin {
            path,
            found: topics_file.is_some(),
            source,
        };
        let mut user = None;
        let user_origin = match user_config_location(env) {
            Some((path, source)) => {
                if path.exists() {
                    user = Some(config::load_user(&path)?);
                } else if explicit_user_must_exist && source == Source::Env(env::KOP_CONFIG) {
                    return Err(SettingsError::MissingUserConfig(path));
                }
                Some(FileOrigin {
                    found: user.is_some(),
                    path,
                    source,
                })
            }
            None => None,
        };
        Ok(Profiles {
            topics_file,
            topics_origin,
            user,
            user_origin,
        })
    }

    /// A profile by name: the topics file's, else the user config's.
    pub fn find(&self, name: &str) -> Option<(&ClusterProfile, &Path)> {
        let in_topics = self
            .topics_file
            .as_ref()
            .and_then(|f| f.profile(name).map(|p| (p, f.path.as_path())));
        in_topics.or_else(|| {
            self.user
                .as_ref()
                .and_then(|u| u.clusters.get(name).map(|p| (p, u.path.as_path())))
        })
    }

    /// The profile name chosen: `--cluster`, else `KOP_CLUSTER`, else `current`.
    pub fn selection(&self, flags: &Flags, env: &dyn EnvSource) -> Option<(String, Source)> {
        if let Some(name) = &flags.cluster {
            return Some((name.clone(), Source::Flag("--cluster")));
        }
        if let Some(name) = env.var(env::KOP_CLUSTER) {
            return Some((name, Source::Env(env::KOP_CLUSTER)));
        }
        let user = self.user.as_ref()?;
        let current = user.current.clone()?;
        Some((current, Source::Current(user.path.clone())))
    }

    /// The chosen profile, or an error when the chosen name is declared nowhere.
    pub fn choose(
        &self,
        flags: &Flags,
        env: &dyn EnvSource,
    ) -> Result<Option<(ClusterProfile, ProfileChoice)>, SettingsError> {
        let Some((name, chosen_by)) = self.selection(flags, env) else {
            return Ok(None);
        };
        match self.find(&name) {
            Some((profile, file)) => {
                let choice = ProfileChoice {
                    profile: ProfileRef {
                        name: profile.name.clone(),
                        file: file.to_path_buf(),
                    },
                    chosen_by,
                };
                Ok(Some((profile.clone(), choice)))
            }
            None => Err(self.unknown(name, chosen_by)),
        }
    }

    /// The error for a name no file declares: what each file holds instead.
    pub fn unknown(&self, name: String, chosen_by: Source) -> SettingsError {
        SettingsError::UnknownProfile {
            name,
            chosen_by,
            searched: self.describe(),
        }
    }

    /// `topics.toml has: a, b; /home/u/.config/kop/config.toml has: c`, or what is
    /// missing instead.
    fn describe(&self) -> String {
        let names = |names: Vec<&String>, file: &Path| {
            let file = shown_path(file);
            if names.is_empty() {
                format!("{file} declares no profiles")
            } else {
                let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                format!("{file} has: {}", names.join(", "))
            }
        };
        let topics = match &self.topics_file {
            Some(f) => names(f.clusters.keys().collect(), &f.path),
            None if self.topics_origin.source == Source::Default => format!(
                "no topics file ({}, {})",
                shown_path(&self.topics_origin.path),
                env::KOP_FILE
            ),
            None => format!("no topics file at {}", self.topics_origin.path.display()),
        };
        let user = match (&self.user, &self.user_origin) {
            (Some(u), _) => names(u.clusters.keys().collect(), &u.path),
            (None, Some(origin)) => format!("no user config ({})", origin.path.display()),
            (None, None) => format!("no user config (set {} or {})", env::HOME, env::KOP_CONFIG),
        };
        format!("{topics}; {user}")
    }

    /// Every profile of both files for `kop config list`.
    pub fn listing(&self, flags: &Flags, env: &dyn EnvSource) -> ProfileListing {
        let topics = (
            self.topics_origin.clone(),
            self.topics_file
                .as_ref()
                .map(|f| listed(&f.clusters))
                .unwrap_or_default(),
        );
        let user = self.user_origin.clone().map(|origin| {
            let profiles = self
                .user
                .as_ref()
                .map(|u| listed(&u.clusters))
                .unwrap_or_default();
            (origin, profiles)
        });
        let env_overrides = env::PROFILE_OVERRIDES
            .iter()
            .copied()
            .filter(|name| env.var(name).is_some())
            .collect();
        ProfileListing::build(
            topics,
            user,
            self.user.as_ref().and_then(|u| u.current.clone()),
            self.selection(flags, env),
            env_overrides,
        )
    }
}

fn listed(clusters: &BTreeMap<String, ClusterProfile>) -> Vec<ListedProfile<'_>> {
    clusters
        .values()
        .map(|p| ListedProfile {
            name: &p.name,
            bootstrap: p.bootstrap.as_deref(),
            schema_registry: p.schema_registry.as_deref(),
        })
        .collect()
}

/// `--cluster prod`, `KOP_CLUSTER=prod`, `current = "prod" in PATH`: how a profile name
/// was given, for the error that says no file declares it.
pub(super) fn describe_choice(name: &str, chosen_by: &Source) -> String {
    match chosen_by {
        Source::Flag(flag) => format!("{flag} {name}"),
        Source::Env(var) => format!("{var}={name}"),
        Source::Current(file) => format!("current = \"{name}\" in {}", file.display()),
        other => format!("profile `{name}` ({other})"),
    }
}

/// What `kop config use NAME` needs: the profile, and the user config to write.
#[derive(Debug, Clone)]
pub(crate) struct ConfigUseSettings {
    pub name: String,
    /// The file that declares the profile.
    pub declared_in: PathBuf,
    /// Only the topics file declares it, so it applies only where that file is read.
    pub topics_file_only: bool,
    /// The user config to edit or create.
    pub user_config: PathBuf,
    /// `KOP_CLUSTER`, when set: it still chooses over `current`.
    pub kop_cluster: Option<String>,
}

impl ConfigUseSettings {
    pub fn resolve(
        name: &str,
        flags: &Flags,
        env: &dyn EnvSource,
    ) -> Result<ConfigUseSettings, SettingsError> {
        let profiles = Profiles::load(flags, env, false)?;
        let Some((user_config, _)) = user_config_location(env) else {
            return Err(SettingsError::Inconsistent(format!(
                "there is no place for a user config: set {} or {}",
                env::HOME,
                env::KOP_CONFIG
            )));
        };
        let (_, file) = profiles
            .find(name)
            .ok_or_else(|| profiles.unknown(name.to_string(), Source::Flag("kop config use")))?;
        let in_user_config = profiles
            .user
            .as_ref()
            .is_some_and(|u| u.clusters.contains_key(name));
        let topics_file_only = !in_user_config
            && profiles
                .topics_file
                .as_ref()
                .is_some_and(|f| f.path == file);
        Ok(ConfigUseSettings {
            name: name.to_string(),
            declared_in: file.to_path_buf(),
            topics_file_only,
            user_config,
            kop_cluster: env.var(env::KOP_CLUSTER),
        })
    }
}
