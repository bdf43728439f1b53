//! Settings, resolved before a command runs.
//!
//! Where kop finds its cluster: flag > environment > profile > default, resolved in this
//! one place ([`Settings`]), with the source of every value kept beside it
//! ([`Provenance`]) for `kop config show` and `-v`. The profile is the one `--cluster`
//! names, else `KOP_CLUSTER`, else the user config's `current`; a name is looked up in the
//! topics file first, then in the user config ([`user_config`]). Beside it, one module per
//! command turns that command's arguments into its own resolved settings, with usage
//! errors found there, so that commands receive finished values and hold no policy of
//! their own.

mod apply;
mod connection;
mod copy;
mod dlq;
mod groups;
mod lag;
mod publish;
mod report;
mod restore;
mod schemas;
mod security;
mod tail;
mod target;
mod user_config;

pub(crate) use apply::{ApplyMode, ApplySettings};
pub(crate) use copy::CopySettings;
pub(crate) use dlq::{ReplaySettings, StatsSettings};
pub(crate) use groups::{list_filter, DeleteOffsetsSettings, ResetSettings, TargetSpec};
pub(crate) use lag::{HealthSettings, LagSettings};
pub(crate) use publish::{EncodingChoice, PublishInput, PublishSettings, SchemaChoice};
pub(crate) use restore::{RecordsInput, RestoreSettings};
pub(crate) use schemas::{
    CheckTarget, LevelAction, SchemaFile, SchemasCheckSettings, SchemasCompatibilitySettings,
    SchemasDeleteSettings, SchemasDiffSettings, SchemasListSettings, SchemasRegisterSettings,
    SchemasShowSettings,
};
pub(crate) use tail::{TailSettings, TailStart};
pub(crate) use user_config::{ConfigUseSettings, Profiles};

pub use crate::core::provenance::Source;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use thiserror::Error;

use crate::config::{
    self, ClusterProfile, ConfigError, SaslMechanism, SecurityProtocol, TopicsFile,
};
use crate::core::provenance::{EnvOverride, FileOrigin, ProfileChoice, Setting};
use crate::env::{self, EnvSource};
use crate::error::{CommandError, ErrorKind};
use crate::secret::{Redactor, Secret};

/// The built-in bootstrap when nothing else names one.
pub const DEFAULT_BOOTSTRAP: &str = "localhost:9092";

/// How long kop waits for the cluster when `--timeout` does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Connection flags as given on the command line (already parsed by clap).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub file: Option<PathBuf>,
    /// The file read when neither `-F` nor `KOP_FILE` names one, if it exists.
    pub default_file: PathBuf,
    pub bootstrap: Option<String>,
    pub cluster: Option<String>,
    pub registry: Option<String>,
    /// `-X` as typed, in order (`KEY=VALUE`, checked when resolving).
    pub properties: Vec<String>,
    pub timeout: Option<Duration>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Security {
    pub protocol: Option<SecurityProtocol>,
    pub sasl_mechanism: Option<SaslMechanism>,
    pub sasl_username: Option<String>,
    pub sasl_password: Option<Secret>,
    pub ssl_ca_file: Option<PathBuf>,
    pub ssl_cert_file: Option<PathBuf>,
    pub ssl_key_file: Option<PathBuf>,
    pub ssl_key_password: Option<Secret>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegistrySettings {
    pub url: String,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// Sent as `Authorization: Bearer ...` instead of basic auth.
    pub bearer_token: Option<Secret>,
}

/// Where every resolved value came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    pub topics_file: FileOrigin,
    /// `None` when there is nowhere to look for one (no `HOME`, no `KOP_CONFIG`).
    pub user_config: Option<FileOrigin>,
    pub profile: Option<ProfileChoice>,
    /// The source of each setting that has a value.
    pub sources: BTreeMap<Setting, Source>,
    /// The source of each of [`Settings::properties`], in the same order.
    pub property_sources: Vec<Source>,
    /// Environment variables that hid values the profile sets.
    pub overrides: Vec<EnvOverride>,
}

impl Default for Provenance {
    fn default() -> Provenance {
        Provenance {
            topics_file: FileOrigin {
                path: PathBuf::from(config::DEFAULT_FILE),
                found: false,
                source: Source::Default,
            },
            user_config: None,
            profile: None,
            sources: BTreeMap::new(),
            property_sources: Vec::new(),
            overrides: Vec::new(),
        }
    }
}

/// Everything a command needs to reach its cluster, resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bootstrap: String,
    pub security: Security,
    pub registry: Option<RegistrySettings>,
    /// librdkafka properties from the profile, then from `-X` (later wins).
    pub properties: Vec<(String, String)>,
    pub timeout: Duration,
    pub file: Option<TopicsFile>,
    pub profile: Option<ClusterProfile>,
    pub provenance: Provenance,
}

#[derive(Debug, Error)]
pub enum SettingsError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("no topics file at {}", .0.display())]
    MissingFile(PathBuf),
    #[error("no user config at {} ({})", .0.display(), env::KOP_CONFIG)]
    MissingUserConfig(PathBuf),
    #[error("{}: no such profile; {}", user_config::describe_choice(.name, .chosen_by), .searched)]
    UnknownProfile {
        name: String,
        chosen_by: Source,
        /// What each file holds, for the message.
        searched: String,
    },
    #[error("`-X {0}` passes a secret on the command line, where other users can read it; use the environment instead (see docs/configuration.md)")]
    SecretInArgv(String),
    #[error("-X takes KEY=VALUE (a librdkafka property and its value)")]
    BadProperty,
    #[error("{0} sets bootstrap.servers, which kop takes only from -b/--bootstrap, KAFKA_BOOTSTRAP_SERVERS or a profile's `bootstrap`; use -b")]
    BootstrapInProperties(String),
    #[error("--registry URL carries a password; use SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD instead")]
    PasswordInRegistryFlag,
    #[error("cannot read the {what} file {}: {source}", path.display())]
    SecretFile {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Inconsistent(String),
}

impl Settings {
    /// Resolves the settings, registering every secret with the redactor on the way.
    /// [`Settings::check`] comes after, so that `kop config show` and `-v` can show where
    /// a contradiction comes from before refusing it.
    pub fn gather(
        flags: &Flags,
        env: &dyn EnvSource,
        redactor: &Redactor,
    ) -> Result<Settings, SettingsError> {
        let profiles = Profiles::load(flags, env, true)?;
        let choice = profiles.choose(flags, env)?;
        let mut provenance = Provenance {
            topics_file: profiles.topics_origin.clone(),
            user_config: profiles.user_origin.clone(),
            profile: choice.as_ref().map(|(_, c)| c.clone()),
            ..Provenance::default()
        };
        let profile = choice.as_ref().map(|(p, c)| (p, &c.profile));
        let layers = connection::Layers {
            flags,
            env,
            profile,
        };
        let resolved = layers.resolve(&mut provenance)?;
        for secret in [
            resolved.security.sasl_password.as_ref(),
            resolved.security.ssl_key_password.as_ref(),
            resolved.registry.as_ref().and_then(|r| r.password.as_ref()),
            resolved
                .registry
                .as_ref()
                .and_then(|r| r.bearer_token.as_ref()),
        ]
        .into_iter()
        .flatten()
        {
            redactor.register(secret);
        }
        Ok(Settings {
            bootstrap: resolved.bootstrap,
            security: resolved.security,
            registry: resolved.registry,
            properties: resolved.properties,
            timeout: resolved.timeout,
            file: profiles.topics_file,
            profile: choice.map(|(p, _)| p),
            provenance,
        })
    }

    /// Refuses combinations that would silently connect without the security the user
    /// meant.
    pub fn check(&self) -> Result<(), SettingsError> {
        security::check_security(&self.security).map_err(|err| {
            // A profile that takes its password from a variable that is not set: say which.
            let unset_password_env = self
                .profile
                .as_ref()
                .filter(|_| self.security.sasl_password.is_none())
                .and_then(|p| p.sasl_password_env.as_ref().map(|var| (p, var)));
            match (err, unset_password_env) {
                (SettingsError::Inconsistent(message), Some((profile, var))) => {
                    SettingsError::Inconsistent(format!(
                        "{message}; profile `{}` takes the password from {var}, which is not set",
                        profile.name
                    ))
                }
                (err, _) => err,
            }
        })
    }

    /// The partitioner a producer uses: the flag's, else the profile's, else the one that
    /// hashes keys like the Java client.
    pub fn partitioner(&self, flag: Option<&str>) -> String {
        flag.or_else(|| self.profile.as_ref().and_then(|p| p.partitioner.as_deref()))
            .unwrap_or(config::DEFAULT_PARTITIONER)
            .to_string()
    }

    /// The cluster id the profile pins, if any.
    pub fn pinned_cluster_id(&self) -> Option<&str> {
        self.profile.as_ref().and_then(|p| p.cluster_id.as_deref())
    }

    /// The variables of the environment that hide values of a profile chosen with
    /// `--cluster`: the user named that profile on this very command line, so each one is
    /// worth a warning (a stray `KAFKA_BOOTSTRAP_SERVERS` would send the profile's
    /// credentials elsewhere). A profile chosen by `KOP_CLUSTER` or `current` is itself
    /// ambient, and `-v` or `kop config show` tells.
    pub fn overrides_of_chosen_profile(&self) -> &[EnvOverride] {
        match &self.provenance.profile {
            Some(choice) if matches!(choice.chosen_by, Source::Flag(_)) => {
                &self.provenance.overrides
            }
            _ => &[],
        }
    }
}

impl From<SettingsError> for CommandError {
    fn from(err: SettingsError) -> CommandError {
        let kind = match err {
            SettingsError::BootstrapInProperties(_)
            | SettingsError::BadProperty
            | SettingsError::SecretInArgv(_)
            | SettingsError::PasswordInRegistryFlag => ErrorKind::Usage,
            _ => ErrorKind::Failed,
        };
        let error = CommandError::from_error(kind, &err);
        match err {
            SettingsError::UnknownProfile { chosen_by, .. } => {
                let error = error.with_hint(
                    "`kop config list` shows every profile and the file that declares it",
                );
                match chosen_by {
                    Source::Current(_) => {
                        error.with_hint("choose another with `kop config use NAME`")
                    }
                    _ => error,
                }
            }
            _ => error,
        }
    }
}

impl From<ConfigError> for CommandError {
    fn from(err: ConfigError) -> CommandError {
        SettingsError::Config(err).into()
    }
}

#[cfg(test)]
mod tests;
