//! Every environment variable kop reads, by name, in one place.
//!
//! The Kafka names are the ones the teams' services already use, so a shell that runs a
//! service can run kop without new exports.

/// Bootstrap servers, comma separated (or a JSON list, `["host:9092"]`). Takes precedence
/// over [`KAFKA_BROKERS`].
pub const KAFKA_BOOTSTRAP_SERVERS: &str = "KAFKA_BOOTSTRAP_SERVERS";
/// Older spelling of the bootstrap servers used by some services.
pub const KAFKA_BROKERS: &str = "KAFKA_BROKERS";
/// `PLAINTEXT`, `SSL`, `SASL_PLAINTEXT` or `SASL_SSL`.
pub const KAFKA_SECURITY_PROTOCOL: &str = "KAFKA_SECURITY_PROTOCOL";
/// `PLAIN`, `SCRAM-SHA-256` or `SCRAM-SHA-512`.
pub const KAFKA_SASL_MECHANISM: &str = "KAFKA_SASL_MECHANISM";
pub const KAFKA_SASL_USERNAME: &str = "KAFKA_SASL_USERNAME";
/// A secret: never printed, never logged.
pub const KAFKA_SASL_PASSWORD: &str = "KAFKA_SASL_PASSWORD";
/// A file holding the SASL password (for secrets mounted as files).
pub const KAFKA_SASL_PASSWORD_FILE: &str = "KAFKA_SASL_PASSWORD_FILE";
/// CA bundle (PEM) used to verify the brokers' certificates.
pub const KAFKA_SSL_CAFILE: &str = "KAFKA_SSL_CAFILE";
/// Client certificate (PEM) for mutual TLS.
pub const KAFKA_SSL_CERTFILE: &str = "KAFKA_SSL_CERTFILE";
/// Client private key (PEM) for mutual TLS.
pub const KAFKA_SSL_KEYFILE: &str = "KAFKA_SSL_KEYFILE";
/// A secret: the passphrase of the client key.
pub const KAFKA_SSL_KEY_PASSWORD: &str = "KAFKA_SSL_KEY_PASSWORD";
pub const SCHEMA_REGISTRY_URL: &str = "SCHEMA_REGISTRY_URL";
pub const SCHEMA_REGISTRY_USERNAME: &str = "SCHEMA_REGISTRY_USERNAME";
/// A secret: never printed, never logged.
pub const SCHEMA_REGISTRY_PASSWORD: &str = "SCHEMA_REGISTRY_PASSWORD";
/// A secret: a bearer token sent instead of basic auth (OAuth, Confluent Cloud API keys
/// behind a gateway). Never printed, never logged.
pub const SCHEMA_REGISTRY_BEARER_TOKEN: &str = "SCHEMA_REGISTRY_BEARER_TOKEN";
/// A file holding the bearer token (for tokens mounted as files and refreshed there).
pub const SCHEMA_REGISTRY_BEARER_TOKEN_FILE: &str = "SCHEMA_REGISTRY_BEARER_TOKEN_FILE";
/// Default path of the topics file, instead of `./topics.toml`.
pub const KOP_FILE: &str = "KOP_FILE";
/// The cluster profile to use when `--cluster` is not given (over the user config's
/// `current`).
pub const KOP_CLUSTER: &str = "KOP_CLUSTER";
/// The user config file, instead of `$XDG_CONFIG_HOME/kop/config.toml`.
pub const KOP_CONFIG: &str = "KOP_CONFIG";
/// Where user config files live (`kop/config.toml` inside it); absolute paths only.
pub const XDG_CONFIG_HOME: &str = "XDG_CONFIG_HOME";
/// The user's home: the user config is `~/.config/kop/config.toml` without
/// `XDG_CONFIG_HOME`.
pub const HOME: &str = "HOME";
/// Any value turns colour off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";

/// The variables that win over a profile's values, as `kop config list` warns.
pub const PROFILE_OVERRIDES: &[&str] = &[
    KAFKA_BOOTSTRAP_SERVERS,
    KAFKA_BROKERS,
    KAFKA_SECURITY_PROTOCOL,
    KAFKA_SASL_MECHANISM,
    KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD,
    KAFKA_SASL_PASSWORD_FILE,
    KAFKA_SSL_CAFILE,
    KAFKA_SSL_CERTFILE,
    KAFKA_SSL_KEYFILE,
    SCHEMA_REGISTRY_URL,
    SCHEMA_REGISTRY_USERNAME,
    SCHEMA_REGISTRY_PASSWORD,
];

/// Where configuration values come from. The process environment in production; a map in
/// unit tests, so that resolution can be tested without touching the real environment.
pub trait EnvSource {
    fn var(&self, name: &str) -> Option<String>;
}

/// The real process environment. Empty values count as unset, as in most shells' `${X:-}`.
pub struct ProcessEnv;

impl EnvSource for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl EnvSource for std::collections::HashMap<&str, &str> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty())
    }
}
