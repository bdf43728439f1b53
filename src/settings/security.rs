//! TLS and SASL: protocol, mechanism, credentials and key files, each from the
//! environment or the profile, and the check that refuses combinations that would connect
//! without the security the user meant.

use std::path::{Path, PathBuf};

use crate::config::{ClusterProfile, SaslMechanism, SecurityProtocol};
use crate::core::provenance::{Setting, Source};
use crate::env;
use crate::secret::Secret;

use super::connection::{pick, Candidate, Layers};
use super::{Provenance, Security, SettingsError};

/// A SASL password before it is read: files are read only when they win.
enum PasswordFrom {
    Value(String),
    File(PathBuf),
}

impl Layers<'_> {
    pub(super) fn security(&self, provenance: &mut Provenance) -> Result<Security, SettingsError> {
        let env_protocol = self
            .env
            .var(env::KAFKA_SECURITY_PROTOCOL)
            .map(|text| {
                SecurityProtocol::parse(&text).ok_or_else(|| {
                    SettingsError::Inconsistent(format!(
                        "{}={text} is not a security protocol (use {})",
                        env::KAFKA_SECURITY_PROTOCOL,
                        SecurityProtocol::NAMES.join(", ")
                    ))
                })
            })
            .transpose()?;
        let env_mechanism = self
            .env
            .var(env::KAFKA_SASL_MECHANISM)
            .map(|text| {
                SaslMechanism::parse(&text).ok_or_else(|| {
                    SettingsError::Inconsistent(format!(
                        "{}={text} is not a SASL mechanism (use {})",
                        env::KAFKA_SASL_MECHANISM,
                        SaslMechanism::NAMES.join(", ")
                    ))
                })
            })
            .transpose()?;
        let protocol = pick(
            provenance,
            Setting::SecurityProtocol,
            vec![
                (env_protocol, Source::Env(env::KAFKA_SECURITY_PROTOCOL)),
                self.profile(|p| p.security_protocol),
            ],
        );
        if protocol.is_none() {
            // PLAINTEXT, as librdkafka's own default.
            provenance
                .sources
                .insert(Setting::SecurityProtocol, Source::Default);
        }
        let sasl_mechanism = pick(
            provenance,
            Setting::SaslMechanism,
            vec![
                (env_mechanism, Source::Env(env::KAFKA_SASL_MECHANISM)),
                self.profile(|p| p.sasl_mechanism),
            ],
        );
        let sasl_username = pick(
            provenance,
            Setting::SaslUsername,
            vec![
                self.env(env::KAFKA_SASL_USERNAME),
                self.profile(|p| p.sasl_username.clone()),
            ],
        );
        let sasl_password = self.sasl_password(provenance)?;
        let mut path = |setting, var, get: fn(&ClusterProfile) -> Option<PathBuf>| {
            pick(
                provenance,
                setting,
                vec![self.env_path(var), self.profile(get)],
            )
        };
        let ssl_ca_file = path(Setting::SslCaFile, env::KAFKA_SSL_CAFILE, |p| {
            p.ssl_ca_file.clone()
        });
        let ssl_cert_file = path(Setting::SslCertFile, env::KAFKA_SSL_CERTFILE, |p| {
            p.ssl_cert_file.clone()
        });
        let ssl_key_file = path(Setting::SslKeyFile, env::KAFKA_SSL_KEYFILE, |p| {
            p.ssl_key_file.clone()
        });
        let ssl_key_password = pick(
            provenance,
            Setting::SslKeyPassword,
            vec![self.env(env::KAFKA_SSL_KEY_PASSWORD)],
        )
        .map(Secret::new);
        Ok(Security {
            protocol,
            sasl_mechanism,
            sasl_username,
            sasl_password,
            ssl_ca_file,
            ssl_cert_file,
            ssl_key_file,
            ssl_key_password,
        })
    }

    fn sasl_password(&self, provenance: &mut Provenance) -> Result<Option<Secret>, SettingsError> {
        let value = |(v, s): Candidate<String>| (v.map(PasswordFrom::Value), s);
        let file = |(v, s): Candidate<PathBuf>| (v.map(PasswordFrom::File), s);
        let candidates = vec![
            value(self.env(env::KAFKA_SASL_PASSWORD)),
            file(self.env_path(env::KAFKA_SASL_PASSWORD_FILE)),
            value(self.profile_env(|p| p.sasl_password_env.as_ref())),
            file(self.profile(|p| p.sasl_password_file.clone())),
        ];
        match pick(provenance, Setting::SaslPassword, candidates) {
            Some(PasswordFrom::Value(v)) => Ok(Some(Secret::new(v))),
            Some(PasswordFrom::File(path)) => read_secret_file("SASL password", &path).map(Some),
            None => Ok(None),
        }
    }
}

pub(super) fn read_secret_file(what: &'static str, path: &Path) -> Result<Secret, SettingsError> {
    std::fs::read_to_string(path)
        .map(|text| Secret::new(text.trim_end_matches(['\r', '\n'])))
        .map_err(|source| SettingsError::SecretFile {
            what,
            path: path.to_path_buf(),
            source,
        })
}

/// Refuses combinations that would silently connect without the security the user meant.
pub(super) fn check_security(security: &Security) -> Result<(), SettingsError> {
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
