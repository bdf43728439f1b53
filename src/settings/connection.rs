//! One setting at a time: flag > environment > profile > default, each value recorded with
//! where it came from, and each environment variable that hid a profile's value noted.
//! The bootstrap, the registry, `-X` and the rest live here; TLS and SASL in `security`.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::{ClusterProfile, DEFAULT_PARTITIONER};
use crate::core::provenance::{EnvOverride, ProfileRef, Setting, Source};
use crate::env::{self, EnvSource};
use crate::secret::{is_secret_property, Secret};

use super::security::read_secret_file;
use super::{
    Flags, Provenance, RegistrySettings, Security, SettingsError, DEFAULT_BOOTSTRAP,
    DEFAULT_TIMEOUT,
};

/// What a setting can be looked up in.
pub(super) struct Layers<'a> {
    pub flags: &'a Flags,
    pub env: &'a dyn EnvSource,
    pub profile: Option<(&'a ClusterProfile, &'a ProfileRef)>,
}

/// The connection values, resolved.
pub(super) struct Resolved {
    pub bootstrap: String,
    pub security: Security,
    pub registry: Option<RegistrySettings>,
    pub properties: Vec<(String, String)>,
    pub timeout: Duration,
}

/// A value one layer may have, and that layer.
pub(super) type Candidate<T> = (Option<T>, Source);

/// A bearer token before it is read: a file is read only when it wins.
enum TokenFrom {
    Value(String),
    File(PathBuf),
}

/// The first candidate with a value wins. Its source is recorded, and so is an environment
/// variable that hides a value the profile also sets.
pub(super) fn pick<T>(
    provenance: &mut Provenance,
    setting: Setting,
    candidates: Vec<Candidate<T>>,
) -> Option<T> {
    let profile_sets = candidates
        .iter()
        .any(|(value, source)| value.is_some() && source.profile().is_some());
    for (value, source) in candidates {
        let Some(value) = value else { continue };
        if let (Source::Env(variable), true) = (&source, profile_sets) {
            provenance.overrides.push(EnvOverride { variable, setting });
        }
        provenance.sources.insert(setting, source);
        return Some(value);
    }
    None
}

impl Layers<'_> {
    pub(super) fn env(&self, name: &'static str) -> Candidate<String> {
        (self.env.var(name), Source::Env(name))
    }

    pub(super) fn env_path(&self, name: &'static str) -> Candidate<PathBuf> {
        (self.env.var(name).map(PathBuf::from), Source::Env(name))
    }

    pub(super) fn profile<T>(&self, get: impl Fn(&ClusterProfile) -> Option<T>) -> Candidate<T> {
        match self.profile {
            Some((profile, at)) => (get(profile), Source::Profile(at.clone())),
            None => (None, Source::Default),
        }
    }

    /// The value of the environment variable a profile names (`sasl_password_env`).
    pub(super) fn profile_env(
        &self,
        get: impl Fn(&ClusterProfile) -> Option<&String>,
    ) -> Candidate<String> {
        match self.profile.and_then(|(p, at)| get(p).map(|var| (var, at))) {
            Some((var, at)) => (
                self.env.var(var),
                Source::ProfileEnv {
                    var: var.clone(),
                    profile: at.clone(),
                },
            ),
            None => (None, Source::Default),
        }
    }

    pub fn resolve(&self, provenance: &mut Provenance) -> Result<Resolved, SettingsError> {
        let bootstrap = self.bootstrap(provenance)?;
        let security = self.security(provenance)?;
        let registry = self.registry(provenance)?;
        let properties = self.properties(provenance)?;
        let timeout = pick(
            provenance,
            Setting::Timeout,
            vec![
                (self.flags.timeout, Source::Flag("--timeout")),
                (Some(DEFAULT_TIMEOUT), Source::Default),
            ],
        )
        .unwrap_or(DEFAULT_TIMEOUT);
        pick(
            provenance,
            Setting::Partitioner,
            vec![
                self.profile(|p| p.partitioner.clone()),
                (Some(DEFAULT_PARTITIONER.to_string()), Source::Default),
            ],
        );
        pick(
            provenance,
            Setting::ClusterId,
            vec![self.profile(|p| p.cluster_id.clone())],
        );
        Ok(Resolved {
            bootstrap,
            security,
            registry,
            properties,
            timeout,
        })
    }

    fn bootstrap(&self, provenance: &mut Provenance) -> Result<String, SettingsError> {
        let from_env = |name: &'static str| -> Result<Candidate<String>, SettingsError> {
            let value = self
                .env
                .var(name)
                .map(|text| bootstrap_list(name, &text))
                .transpose()?;
            Ok((value, Source::Env(name)))
        };
        let candidates = vec![
            (self.flags.bootstrap.clone(), Source::Flag("--bootstrap")),
            from_env(env::KAFKA_BOOTSTRAP_SERVERS)?,
            from_env(env::KAFKA_BROKERS)?,
            self.profile(|p| p.bootstrap.clone()),
            (Some(DEFAULT_BOOTSTRAP.to_string()), Source::Default),
        ];
        Ok(pick(provenance, Setting::Bootstrap, candidates)
            .unwrap_or_else(|| DEFAULT_BOOTSTRAP.to_string()))
    }

    fn registry(
        &self,
        provenance: &mut Provenance,
    ) -> Result<Option<RegistrySettings>, SettingsError> {
        if let Some(url) = &self.flags.registry {
            if split_userinfo(url).1.is_some() {
                return Err(SettingsError::PasswordInRegistryFlag);
            }
        }
        let Some(url) = pick(
            provenance,
            Setting::SchemaRegistry,
            vec![
                (self.flags.registry.clone(), Source::Flag("--registry")),
                self.env(env::SCHEMA_REGISTRY_URL),
                self.profile(|p| p.schema_registry.clone()),
            ],
        ) else {
            return Ok(None);
        };
        // Some services put the credentials in SCHEMA_REGISTRY_URL; take them out of the URL
        // so that the URL itself can be shown. Only that variable can carry them: the flag
        // and profiles refuse them.
        let (url, from_url) = split_userinfo(&url);
        let (url_user, url_password) = match from_url {
            Some((user, password)) => (Some(user), Some(password)),
            None => (None, None),
        };
        let in_url = Source::Env(env::SCHEMA_REGISTRY_URL);
        let username = pick(
            provenance,
            Setting::SchemaRegistryUsername,
            vec![
                self.env(env::SCHEMA_REGISTRY_USERNAME),
                (url_user, in_url.clone()),
                self.profile(|p| p.schema_registry_username.clone()),
            ],
        );
        let password = pick(
            provenance,
            Setting::SchemaRegistryPassword,
            vec![
                self.env(env::SCHEMA_REGISTRY_PASSWORD),
                (url_password, in_url),
                self.profile_env(|p| p.schema_registry_password_env.as_ref()),
            ],
        )
        .map(Secret::new);
        // A token is read from its file only when it wins, as SASL passwords are.
        let token = pick(
            provenance,
            Setting::SchemaRegistryBearerToken,
            vec![
                (
                    self.env
                        .var(env::SCHEMA_REGISTRY_BEARER_TOKEN)
                        .map(TokenFrom::Value),
                    Source::Env(env::SCHEMA_REGISTRY_BEARER_TOKEN),
                ),
                (
                    self.env
                        .var(env::SCHEMA_REGISTRY_BEARER_TOKEN_FILE)
                        .map(|p| TokenFrom::File(PathBuf::from(p))),
                    Source::Env(env::SCHEMA_REGISTRY_BEARER_TOKEN_FILE),
                ),
            ],
        );
        let bearer_token = match token {
            Some(TokenFrom::Value(v)) => Some(Secret::new(v)),
            Some(TokenFrom::File(path)) => {
                Some(read_secret_file("Schema Registry bearer token", &path)?)
            }
            None => None,
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
            username,
            password,
            bearer_token,
        }))
    }

    /// The profile's properties, then `-X` (checked here: clap keeps them as text, so
    /// that no error of its own repeats a value that may be a secret).
    fn properties(
        &self,
        provenance: &mut Provenance,
    ) -> Result<Vec<(String, String)>, SettingsError> {
        let mut properties = Vec::new();
        if let Some((profile, at)) = self.profile {
            if profile.properties.iter().any(|(k, _)| is_bootstrap(k)) {
                return Err(SettingsError::BootstrapInProperties(format!(
                    "profile `{}`",
                    profile.name
                )));
            }
            for property in &profile.properties {
                properties.push(property.clone());
                provenance
                    .property_sources
                    .push(Source::Profile(at.clone()));
            }
        }
        for text in &self.flags.properties {
            let (key, value) = match text.split_once('=') {
                Some((key, value)) if !key.trim().is_empty() => (key.trim().to_string(), value),
                // The value is never repeated: it may be a secret typed by mistake.
                _ => return Err(SettingsError::BadProperty),
            };
            if is_secret_property(&key) {
                return Err(SettingsError::SecretInArgv(key));
            }
            if is_bootstrap(&key) {
                return Err(SettingsError::BootstrapInProperties(format!("`-X {key}`")));
            }
            properties.push((key, value.to_string()));
            provenance.property_sources.push(Source::Flag("-X"));
        }
        Ok(properties)
    }
}

/// A bootstrap list from the environment: comma separated, or the JSON list some teams
/// keep in their `.env` (`["kafka-1:9092", "kafka-2:9092"]`, single quotes too).
fn bootstrap_list(variable: &str, text: &str) -> Result<String, SettingsError> {
    let trimmed = text.trim();
    let Some(inner) = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    else {
        return Ok(text.to_string());
    };
    let mut addresses = Vec::new();
    for item in inner.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let unquoted = ['"', '\'']
            .iter()
            .find_map(|q| item.strip_prefix(*q).and_then(|i| i.strip_suffix(*q)))
            .unwrap_or(item)
            .trim();
        if unquoted.is_empty() || unquoted.contains(['"', '\'', '[', ']']) {
            return Err(SettingsError::Inconsistent(format!(
                "{variable} is a list kop cannot read; write HOST:PORT,HOST:PORT or [\"HOST:PORT\", ...]"
            )));
        }
        addresses.push(unquoted);
    }
    if addresses.is_empty() {
        return Err(SettingsError::Inconsistent(format!(
            "{variable} is an empty list; name at least one HOST:PORT"
        )));
    }
    Ok(addresses.join(","))
}

/// librdkafka's names for the bootstrap list: one place decides it (`-b`), so that every
/// client of every command reaches the same cluster.
fn is_bootstrap(key: &str) -> bool {
    matches!(
        key.trim().to_ascii_lowercase().as_str(),
        "bootstrap.servers" | "metadata.broker.list"
    )
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
mod tests {
    use super::*;

    #[test]
    fn bootstrap_lists_from_a_dot_env_file_are_read() {
        let cases = [
            ("kafka-1:9092,kafka-2:9092", "kafka-1:9092,kafka-2:9092"),
            (r#"["host:9092"]"#, "host:9092"),
            (r#" [ "a:9092", "b:9092" ] "#, "a:9092,b:9092"),
            ("['a:9092','b:9092']", "a:9092,b:9092"),
            ("[a:9092]", "a:9092"),
        ];
        for (text, expected) in cases {
            assert_eq!(bootstrap_list("V", text).unwrap(), expected, "{text}");
        }
        for bad in ["[]", "[\"\"]", "[\"a:1\"b\"]"] {
            let err = bootstrap_list("KAFKA_BOOTSTRAP_SERVERS", bad).unwrap_err();
            assert!(
                err.to_string().starts_with("KAFKA_BOOTSTRAP_SERVERS is"),
                "{bad}: {err}"
            );
        }
    }
}
