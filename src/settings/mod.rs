//! Settings, resolved before a command runs.
//!
//! Where kop finds its cluster: flag > environment > profile in `topics.toml` > default,
//! resolved in this one place ([`Settings`]). Beside it, one module per command turns that
//! command's arguments into its own resolved settings, with usage errors found there, so
//! that commands receive finished values and hold no policy of their own.

mod apply;
mod dlq;
mod groups;
mod lag;
mod publish;
mod schemas;
mod tail;

pub(crate) use apply::{ApplyMode, ApplySettings};
pub(crate) use dlq::{ReplaySettings, StatsSettings};
pub(crate) use groups::{list_filter, DeleteOffsetsSettings, ResetSettings, TargetSpec};
pub(crate) use lag::{HealthSettings, LagSettings};
pub(crate) use publish::{EncodingChoice, PublishInput, PublishSettings, SchemaChoice};
pub(crate) use schemas::{
    CheckTarget, LevelAction, SchemaFile, SchemasCheckSettings, SchemasCompatibilitySettings,
    SchemasDeleteSettings, SchemasDiffSettings, SchemasListSettings, SchemasRegisterSettings,
    SchemasShowSettings,
};
pub(crate) use tail::{TailSettings, TailStart};

use std::path::{Path, PathBuf};
use std::time::Duration;

use thiserror::Error;

use crate::config::{
    self, ClusterProfile, ConfigError, SaslMechanism, SecurityProtocol, TopicsFile,
};
use crate::env::{self, EnvSource};
use crate::error::{CommandError, ErrorKind};
use crate::secret::{is_secret_property, Redactor, Secret};

/// The built-in bootstrap when nothing else names one.
pub const DEFAULT_BOOTSTRAP: &str = "localhost:9092";

/// Connection flags as given on the command line (already parsed by clap).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub file: Option<PathBuf>,
    /// The file read when neither `-F` nor `KOP_FILE` names one, if it exists.
    pub default_file: PathBuf,
    pub bootstrap: Option<String>,
    pub cluster: Option<String>,
    pub registry: Option<String>,
    /// `-X key=value`, in order.
    /// `-X` as typed, in order (`KEY=VALUE`, checked when resolving).
    pub properties: Vec<String>,
    pub timeout: Duration,
}

/// Where a resolved value came from; shown by `-v` so that surprises explain themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Profile(String),
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "from {flag}"),
            Source::Env(name) => write!(f, "from ${name}"),
            Source::Profile(name) => write!(f, "from profile `{name}`"),
            Source::Default => f.write_str("built-in default"),
        }
    }
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
    pub url_source: Source,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// Sent as `Authorization: Bearer ...` instead of basic auth.
    pub bearer_token: Option<Secret>,
}

/// Everything a command needs to reach its cluster, resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bootstrap: String,
    pub bootstrap_source: Source,
    pub security: Security,
    pub registry: Option<RegistrySettings>,
    /// librdkafka properties from the profile, then from `-X` (later wins).
    pub properties: Vec<(String, String)>,
    pub timeout: Duration,
    pub file: Option<TopicsFile>,
    pub profile: Option<ClusterProfile>,
}

#[derive(Debug, Error)]
pub enum SettingsError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("no topics file at {}", .0.display())]
    MissingFile(PathBuf),
    #[error("--cluster {name}: {}", describe_profiles(.available))]
    UnknownProfile {
        name: String,
        available: Vec<String>,
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

fn describe_profiles(available: &[String]) -> String {
    if available.is_empty() {
        "the topics file declares no cluster profiles".into()
    } else {
        format!(
            "no such profile in the topics file (it has: {})",
            available.join(", ")
        )
    }
}

impl Settings {
    /// Resolves the settings, registering every secret with the redactor on the way.
    pub fn resolve(
        flags: &Flags,
        env: &dyn EnvSource,
        redactor: &Redactor,
    ) -> Result<Settings, SettingsError> {
        let file = load_file(flags, env)?;
        let profile_name = flags.cluster.clone().or_else(|| env.var(env::KOP_CLUSTER));
        let profile = match &profile_name {
            Some(name) => Some(find_profile(file.as_ref(), name)?),
            None => None,
        };
        let (bootstrap, bootstrap_source) = resolve_bootstrap(flags, env, profile.as_ref());
        let security = resolve_security(env, profile.as_ref())?;
        let registry = resolve_registry(flags, env, profile.as_ref())?;
        let mut properties = profile
            .as_ref()
            .map(|p| p.properties.clone())
            .unwrap_or_default();
        if let (Some(p), true) = (&profile, properties.iter().any(|(k, _)| is_bootstrap(k))) {
            return Err(SettingsError::BootstrapInProperties(format!(
                "profile `{}`",
                p.name
            )));
        }
        for text in &flags.properties {
            let (key, value) = match text.split_once('=') {
                Some((key, value)) if !key.trim().is_empty() => (key.trim().to_string(), value),
                // The value is never repeated: it may be a secret typed by mistake.
                _ => return Err(SettingsError::BadProperty),
            };
            let key = &key;
            if is_secret_property(key) {
                return Err(SettingsError::SecretInArgv(key.clone()));
            }
            if is_bootstrap(key) {
                return Err(SettingsError::BootstrapInProperties(format!("`-X {key}`")));
            }
            properties.push((key.clone(), value.to_string()));
        }
        for secret in [
            security.sasl_password.as_ref(),
            security.ssl_key_password.as_ref(),
            registry.as_ref().and_then(|r| r.password.as_ref()),
            registry.as_ref().and_then(|r| r.bearer_token.as_ref()),
        ]
        .into_iter()
        .flatten()
        {
            redactor.register(secret);
        }
        Ok(Settings {
            bootstrap,
            bootstrap_source,
            security,
            registry,
            properties,
            timeout: flags.timeout,
            file,
            profile,
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
}

/// librdkafka's names for the bootstrap list: one place decides it (`-b`), so that every
/// client of every command reaches the same cluster.
fn is_bootstrap(key: &str) -> bool {
    matches!(
        key.trim().to_ascii_lowercase().as_str(),
        "bootstrap.servers" | "metadata.broker.list"
    )
}

impl From<SettingsError> for CommandError {
    fn from(err: SettingsError) -> CommandError {
        let kind = match err {
            SettingsError::BootstrapInProperties(_) | SettingsError::BadProperty => {
                ErrorKind::Usage
            }
            _ => ErrorKind::Failed,
        };
        CommandError::from_error(kind, &err)
    }
}

fn load_file(flags: &Flags, env: &dyn EnvSource) -> Result<Option<TopicsFile>, SettingsError> {
    let (path, explicit) = match (&flags.file, env.var(env::KOP_FILE)) {
        (Some(path), _) => (path.clone(), true),
        (None, Some(path)) => (PathBuf::from(path), true),
        (None, None) => (flags.default_file.clone(), false),
    };
    if !path.exists() {
        return if explicit {
            Err(SettingsError::MissingFile(path))
        } else {
            Ok(None)
        };
    }
    Ok(Some(config::load(&path)?))
}

fn find_profile(file: Option<&TopicsFile>, name: &str) -> Result<ClusterProfile, SettingsError> {
    let available: Vec<String> = file
        .map(|f| f.clusters.keys().cloned().collect())
        .unwrap_or_default();
    file.and_then(|f| f.profile(name))
        .cloned()
        .ok_or_else(|| SettingsError::UnknownProfile {
            name: name.to_string(),
            available,
        })
}

fn resolve_bootstrap(
    flags: &Flags,
    env: &dyn EnvSource,
    profile: Option<&ClusterProfile>,
) -> (String, Source) {
    if let Some(b) = &flags.bootstrap {
        return (b.clone(), Source::Flag("--bootstrap"));
    }
    for name in [env::KAFKA_BOOTSTRAP_SERVERS, env::KAFKA_BROKERS] {
        if let Some(b) = env.var(name) {
            return (b, Source::Env(name));
        }
    }
    if let Some((b, p)) = profile.and_then(|p| p.bootstrap.clone().map(|b| (b, p))) {
        return (b, Source::Profile(p.name.clone()));
    }
    (DEFAULT_BOOTSTRAP.to_string(), Source::Default)
}

fn resolve_security(
    env: &dyn EnvSource,
    profile: Option<&ClusterProfile>,
) -> Result<Security, SettingsError> {
    let protocol = match env.var(env::KAFKA_SECURITY_PROTOCOL) {
        Some(text) => Some(SecurityProtocol::parse(&text).ok_or_else(|| {
            SettingsError::Inconsistent(format!(
                "{}={text} is not a security protocol (use {})",
                env::KAFKA_SECURITY_PROTOCOL,
                SecurityProtocol::NAMES.join(", ")
            ))
        })?),
        None => profile.and_then(|p| p.security_protocol),
    };
    let sasl_mechanism = match env.var(env::KAFKA_SASL_MECHANISM) {
        Some(text) => Some(SaslMechanism::parse(&text).ok_or_else(|| {
            SettingsError::Inconsistent(format!(
                "{}={text} is not a SASL mechanism (use {})",
                env::KAFKA_SASL_MECHANISM,
                SaslMechanism::NAMES.join(", ")
            ))
        })?),
        None => profile.and_then(|p| p.sasl_mechanism),
    };
    let sasl_username = env
        .var(env::KAFKA_SASL_USERNAME)
        .or_else(|| profile.and_then(|p| p.sasl_username.clone()));
    let sasl_password = resolve_sasl_password(env, profile)?;
    let path_from = |name: &str, from_profile: Option<&PathBuf>| {
        env.var(name)
            .map(PathBuf::from)
            .or_else(|| from_profile.cloned())
    };
    let security = Security {
        protocol,
        sasl_mechanism,
        sasl_username,
        sasl_password,
        ssl_ca_file: path_from(
            env::KAFKA_SSL_CAFILE,
            profile.and_then(|p| p.ssl_ca_file.as_ref()),
        ),
        ssl_cert_file: path_from(
            env::KAFKA_SSL_CERTFILE,
            profile.and_then(|p| p.ssl_cert_file.as_ref()),
        ),
        ssl_key_file: path_from(
            env::KAFKA_SSL_KEYFILE,
            profile.and_then(|p| p.ssl_key_file.as_ref()),
        ),
        ssl_key_password: env.var(env::KAFKA_SSL_KEY_PASSWORD).map(Secret::new),
    };
    check_security(&security)?;
    Ok(security)
}

fn resolve_sasl_password(
    env: &dyn EnvSource,
    profile: Option<&ClusterProfile>,
) -> Result<Option<Secret>, SettingsError> {
    if let Some(p) = env.var(env::KAFKA_SASL_PASSWORD) {
        return Ok(Some(Secret::new(p)));
    }
    if let Some(path) = env.var(env::KAFKA_SASL_PASSWORD_FILE) {
        return read_secret_file("SASL password", Path::new(&path)).map(Some);
    }
    if let Some(name) = profile.and_then(|p| p.sasl_password_env.as_deref()) {
        if let Some(p) = env.var(name) {
            return Ok(Some(Secret::new(p)));
        }
    }
    if let Some(path) = profile.and_then(|p| p.sasl_password_file.as_deref()) {
        return read_secret_file("SASL password", path).map(Some);
    }
    Ok(None)
}

fn read_secret_file(what: &'static str, path: &Path) -> Result<Secret, SettingsError> {
    std::fs::read_to_string(path)
        .map(|text| Secret::new(text.trim_end_matches(['\r', '\n'])))
        .map_err(|source| SettingsError::SecretFile {
            what,
            path: path.to_path_buf(),
            source,
        })
}

/// Refuses combinations that would silently connect without the security the user meant.
fn check_security(security: &Security) -> Result<(), SettingsError> {
    let protocol = security.protocol.unwrap_or(SecurityProtocol::Plaintext);
    let has_credentials = security.sasl_username.is_some() || security.sasl_password.is_some();
    if has_credentials && !protocol.uses_sasl() {
        return Err(SettingsError::Inconsistent(format!(
            "SASL credentials are set but the security protocol is {protocol}; set {}=SASL_SSL (or SASL_PLAINTEXT)",
            env::KAFKA_SECURITY_PROTOCOL
        )));
    }
    if protocol.uses_sasl() {
        let mechanism = security.sasl_mechanism.ok_or_else(|| {
            SettingsError::Inconsistent(format!(
                "{protocol} needs a SASL mechanism; set {} (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)",
                env::KAFKA_SASL_MECHANISM
            ))
        })?;
        if mechanism != SaslMechanism::OAuthBearer
            && (security.sasl_username.is_none() || security.sasl_password.is_none())
        {
            return Err(SettingsError::Inconsistent(format!(
                "SASL/{mechanism} needs a username and a password; set {} and {} (or {})",
                env::KAFKA_SASL_USERNAME,
                env::KAFKA_SASL_PASSWORD,
                env::KAFKA_SASL_PASSWORD_FILE
            )));
        }
    }
    Ok(())
}

fn resolve_registry(
    flags: &Flags,
    env: &dyn EnvSource,
    profile: Option<&ClusterProfile>,
) -> Result<Option<RegistrySettings>, SettingsError> {
    let (url, url_source) = if let Some(url) = &flags.registry {
        if split_userinfo(url).1.is_some() {
            return Err(SettingsError::PasswordInRegistryFlag);
        }
        (url.clone(), Source::Flag("--registry"))
    } else if let Some(url) = env.var(env::SCHEMA_REGISTRY_URL) {
        (url, Source::Env(env::SCHEMA_REGISTRY_URL))
    } else if let Some(p) = profile.filter(|p| p.schema_registry.is_some()) {
        (
            p.schema_registry.clone().unwrap_or_default(),
            Source::Profile(p.name.clone()),
        )
    } else {
        return Ok(None);
    };
    // Some services put the credentials in SCHEMA_REGISTRY_URL; take them out of the URL
    // so that the URL itself can be shown.
    let (url, from_url) = split_userinfo(&url);
    let username = env
        .var(env::SCHEMA_REGISTRY_USERNAME)
        .or_else(|| from_url.as_ref().map(|(u, _)| u.clone()))
        .or_else(|| profile.and_then(|p| p.schema_registry_username.clone()));
    let password = env
        .var(env::SCHEMA_REGISTRY_PASSWORD)
        .or_else(|| from_url.map(|(_, p)| p))
        .or_else(|| {
            profile
                .and_then(|p| p.schema_registry_password_env.as_deref())
                .and_then(|name| env.var(name))
        })
        .map(Secret::new);
    let bearer_token = match (
        env.var(env::SCHEMA_REGISTRY_BEARER_TOKEN),
        env.var(env::SCHEMA_REGISTRY_BEARER_TOKEN_FILE),
    ) {
        (Some(token), _) => Some(Secret::new(token)),
        (None, Some(path)) => Some(read_secret_file(
            "Schema Registry bearer token",
            Path::new(&path),
        )?),
        (None, None) => None,
    };
    if bearer_token.is_some() && (username.is_some() || password.is_some()) {
        return Err(SettingsError::Inconsistent(format!(
            "both basic auth and a bearer token are set for the Schema Registry; set either {} and {}, or {}",
            env::SCHEMA_REGISTRY_USERNAME,
            env::SCHEMA_REGISTRY_PASSWORD,
            env::SCHEMA_REGISTRY_BEARER_TOKEN
        )));
    }
    Ok(Some(RegistrySettings {
        url: url.trim_end_matches('/').to_string(),
        url_source,
        username,
        password,
        bearer_token,
    }))
}

/// `http://u:p@host/` → (`http://host/`, Some((u, p))).
fn split_userinfo(url: &str) -> (String, Option<(String, String)>) {
    let Some(scheme_end) = url.find("://") else {
        return (url.to_string(), None);
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return (url.to_string(), None);
    };
    let userinfo = &rest[..at];
    let Some((user, pass)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    (
        format!("{}{}", &url[..scheme_end + 3], &rest[at + 1..]),
        Some((user.to_string(), pass.to_string())),
    )
}

#[cfg(test)]
mod tests;
