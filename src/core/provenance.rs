//! Where each connection setting came from, as `kop config show` and `-v` report it, and
//! the cluster profiles `kop config list` shows. Pure data: the settings layer fills it,
//! the output layer renders it. Secrets never enter it: a secret is [`Shown::Secret`].

use std::fmt;
use std::path::{Path, PathBuf};

/// A cluster profile and the file that declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRef {
    pub name: String,
    pub file: PathBuf,
}

impl fmt::Display for ProfileRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "profile `{}` ({})", self.name, shown_path(&self.file))
    }
}

/// Where a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag.
    Flag(&'static str),
    /// An environment variable kop reads for this setting.
    Env(&'static str),
    /// A key of a cluster profile.
    Profile(ProfileRef),
    /// An environment variable a profile names (`sasl_password_env`, ...).
    ProfileEnv { var: String, profile: ProfileRef },
    /// `current = "NAME"` in the user config (chooses the profile).
    Current(PathBuf),
    /// kop's own default.
    Default,
}

impl Source {
    pub fn profile(&self) -> Option<&ProfileRef> {
        match self {
            Source::Profile(p) | Source::ProfileEnv { profile: p, .. } => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => f.write_str(flag),
            Source::Env(name) => write!(f, "${name}"),
            // The profile's file is said once, where the profile itself is shown.
            Source::Profile(p) => write!(f, "profile `{}`", p.name),
            Source::ProfileEnv { var, profile } => {
                write!(f, "${var}, named by profile `{}`", profile.name)
            }
            Source::Current(file) => write!(f, "current in {}", shown_path(file)),
            Source::Default => f.write_str("built-in default"),
        }
    }
}

/// A relative path as typed (`./topics.toml` rather than `topics.toml`, so that it reads
/// as a path); others unchanged.
pub fn shown_path(path: &Path) -> String {
    let text = path.display().to_string();
    if path.is_relative() && path.components().count() == 1 {
        format!("./{text}")
    } else {
        text
    }
}

/// Every setting `kop config show` reports, in its order. The names are the profile keys
/// (and the JSON keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Setting {
    Bootstrap,
    SecurityProtocol,
    SaslMechanism,
    SaslUsername,
    SaslPassword,
    SslCaFile,
    SslCertFile,
    SslKeyFile,
    SslKeyPassword,
    SchemaRegistry,
    SchemaRegistryUsername,
    SchemaRegistryPassword,
    SchemaRegistryBearerToken,
    Partitioner,
    ClusterId,
    Timeout,
}

impl Setting {
    pub const ALL: [Setting; 16] = [
        Setting::Bootstrap,
        Setting::SecurityProtocol,
        Setting::SaslMechanism,
        Setting::SaslUsername,
        Setting::SaslPassword,
        Setting::SslCaFile,
        Setting::SslCertFile,
        Setting::SslKeyFile,
        Setting::SslKeyPassword,
        Setting::SchemaRegistry,
        Setting::SchemaRegistryUsername,
        Setting::SchemaRegistryPassword,
        Setting::SchemaRegistryBearerToken,
        Setting::Partitioner,
        Setting::ClusterId,
        Setting::Timeout,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Setting::Bootstrap => "bootstrap",
            Setting::SecurityProtocol => "security_protocol",
            Setting::SaslMechanism => "sasl_mechanism",
            Setting::SaslUsername => "sasl_username",
            Setting::SaslPassword => "sasl_password",
            Setting::SslCaFile => "ssl_ca_file",
            Setting::SslCertFile => "ssl_cert_file",
            Setting::SslKeyFile => "ssl_key_file",
            Setting::SslKeyPassword => "ssl_key_password",
            Setting::SchemaRegistry => "schema_registry",
            Setting::SchemaRegistryUsername => "schema_registry_username",
            Setting::SchemaRegistryPassword => "schema_registry_password",
            Setting::SchemaRegistryBearerToken => "schema_registry_bearer_token",
            Setting::Partitioner => "partitioner",
            Setting::ClusterId => "cluster_id",
            Setting::Timeout => "timeout",
        }
    }

    pub fn is_secret(self) -> bool {
        matches!(
            self,
            Setting::SaslPassword
                | Setting::SslKeyPassword
                | Setting::SchemaRegistryPassword
                | Setting::SchemaRegistryBearerToken
        )
    }
}

/// An environment variable that hid a value the chosen profile sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvOverride {
    pub variable: &'static str,
    pub setting: Setting,
}

/// A file kop looked for, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOrigin {
    pub path: PathBuf,
    pub found: bool,
    pub source: Source,
}

/// The profile in use and what chose it (`--cluster`, `KOP_CLUSTER` or `current`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChoice {
    pub profile: ProfileRef,
    pub chosen_by: Source,
}

/// A value as it may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    Unset,
    Value(String),
    /// A secret that is set; its value is never shown.
    Secret,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingLine {
    pub setting: Setting,
    pub value: Shown,
    pub source: Option<Source>,
    /// The value comes from the environment over one the profile sets.
    pub overrides_profile: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyLine {
    pub name: String,
    pub value: String,
    pub source: Source,
}

/// One of kop's own client defaults, for the role that uses it (`-X` overrides it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientDefault {
    /// `producer`, `reader` (stops at the end) or `follower` (`-f`).
    pub role: &'static str,
    pub name: &'static str,
    pub value: String,
}

/// Everything `kop config show` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsReport {
    pub topics_file: FileOrigin,
    /// `None` when there is nowhere to look (no `HOME`, no `KOP_CONFIG`).
    pub user_config: Option<FileOrigin>,
    pub profile: Option<ProfileChoice>,
    pub settings: Vec<SettingLine>,
    /// librdkafka properties in effect (profile, then `-X`; the last of a name wins).
    pub properties: Vec<PropertyLine>,
    /// kop's tuned client defaults that no property overrides (filled by the edge that
    /// knows them: `kafka::tuned_defaults`).
    pub client_defaults: Vec<ClientDefault>,
    pub overrides: Vec<EnvOverride>,
}

/// Which of the two files declares a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileFile {
    TopicsFile,
    UserConfig,
}

impl ProfileFile {
    pub fn name(self) -> &'static str {
        match self {
            ProfileFile::TopicsFile => "topics_file",
            ProfileFile::UserConfig => "user_config",
        }
    }
}

/// One row of `kop config list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRow {
    pub name: String,
    pub kind: ProfileFile,
    pub file: PathBuf,
    pub bootstrap: Option<String>,
    pub schema_registry: Option<String>,
    /// The profile kop uses now.
    pub in_use: bool,
    /// The user config's `current` names it.
    pub current: bool,
    /// A user-config profile hidden by the topics file's profile of the same name.
    pub shadowed: bool,
}

/// A profile as the listing needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedProfile<'a> {
    pub name: &'a str,
    pub bootstrap: Option<&'a str>,
    pub schema_registry: Option<&'a str>,
}

/// The profiles of both files, and which is in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileListing {
    pub topics_file: FileOrigin,
    pub user_config: Option<FileOrigin>,
    pub rows: Vec<ProfileRow>,
    /// The user config's `current`.
    pub current: Option<String>,
    /// The profile name chosen now, and what chose it; it may name no profile.
    pub selected: Option<(String, Source)>,
    /// Connection variables set in the environment: they win over every profile's value.
    pub env_overrides: Vec<&'static str>,
}

impl ProfileListing {
    /// Topics-file profiles first, then the user config's; a user profile with the name of
    /// a topics-file profile is shadowed (profile names are looked up in the topics file
    /// first).
    pub fn build(
        topics_file: (FileOrigin, Vec<ListedProfile<'_>>),
        user_config: Option<(FileOrigin, Vec<ListedProfile<'_>>)>,
        current: Option<String>,
        selected: Option<(String, Source)>,
        env_overrides: Vec<&'static str>,
    ) -> ProfileListing {
        let (topics_origin, topics_profiles) = topics_file;
        let selected_name = selected.as_ref().map(|(name, _)| name.as_str());
        let mut rows: Vec<ProfileRow> = Vec::new();
        let mut add = |kind, file: &Path, profiles: Vec<ListedProfile<'_>>| {
            for p in profiles {
                let shadowed = kind == ProfileFile::UserConfig
                    && rows
                        .iter()
                        .any(|r| r.kind == ProfileFile::TopicsFile && r.name == p.name);
                rows.push(ProfileRow {
                    name: p.name.to_string(),
                    kind,
                    file: file.to_path_buf(),
                    bootstrap: p.bootstrap.map(str::to_string),
                    schema_registry: p.schema_registry.map(str::to_string),
                    in_use: !shadowed && selected_name == Some(p.name),
                    current: current.as_deref() == Some(p.name),
                    shadowed,
                });
            }
        };
        add(
            ProfileFile::TopicsFile,
            &topics_origin.path,
            topics_profiles,
        );
        let user_origin = user_config.map(|(origin, profiles)| {
            add(ProfileFile::UserConfig, &origin.path, profiles);
            origin
        });
        ProfileListing {
            topics_file: topics_origin,
            user_config: user_origin,
            rows,
            current,
            selected,
            env_overrides,
        }
    }

    /// A selected name that no file declares.
    pub fn selection_is_missing(&self) -> bool {
        self.selected.is_some() && !self.rows.iter().any(|r| r.in_use)
    }
}

/// What `kop config use` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSwitch {
    pub name: String,
    /// The file that declares the profile.
    pub declared_in: PathBuf,
    /// Declared in the topics file only: elsewhere `current` names nothing.
    pub topics_file_only: bool,
    pub user_config: PathBuf,
    /// The file did not exist before.
    pub created: bool,
    /// `current` before, if set.
    pub previous: Option<String>,
    /// `KOP_CLUSTER`, which still chooses over `current`.
    pub kop_cluster: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(path: &str, found: bool) -> FileOrigin {
        FileOrigin {
            path: PathBuf::from(path),
            found,
            source: Source::Default,
        }
    }

    fn listed(name: &str) -> ListedProfile<'_> {
        ListedProfile {
            name,
            bootstrap: Some("h:9092"),
            schema_registry: None,
        }
    }

    #[test]
    fn topics_file_profiles_shadow_user_profiles_of_the_same_name() {
        let listing = ProfileListing::build(
            (
                origin("topics.toml", true),
                vec![listed("local"), listed("prod")],
            ),
            Some((
                origin("/h/.config/kop/config.toml", true),
                vec![listed("local"), listed("staging")],
            )),
            Some("local".into()),
            Some((
                "local".into(),
                Source::Current("/h/.config/kop/config.toml".into()),
            )),
            vec![],
        );
        let rows: Vec<(&str, ProfileFile, bool, bool, bool)> = listing
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.kind, r.in_use, r.current, r.shadowed))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("local", ProfileFile::TopicsFile, true, true, false),
                ("prod", ProfileFile::TopicsFile, false, false, false),
                ("local", ProfileFile::UserConfig, false, true, true),
                ("staging", ProfileFile::UserConfig, false, false, false),
            ]
        );
        assert!(!listing.selection_is_missing());
    }

    #[test]
    fn a_selection_no_file_declares_is_reported() {
        let listing = ProfileListing::build(
            (origin("topics.toml", false), vec![]),
            None,
            None,
            Some(("prod".into(), Source::Env("KOP_CLUSTER"))),
            vec!["KAFKA_BOOTSTRAP_SERVERS"],
        );
        assert!(listing.rows.is_empty());
        assert!(listing.selection_is_missing());
    }

    #[test]
    fn a_profile_names_its_file() {
        let prod = ProfileRef {
            name: "prod".into(),
            file: "topics.toml".into(),
        };
        assert_eq!(prod.to_string(), "profile `prod` (./topics.toml)");
    }

    #[test]
    fn sources_read_as_where_to_look() {
        let prod = ProfileRef {
            name: "prod".into(),
            file: "topics.toml".into(),
        };
        let cases = [
            (Source::Flag("--bootstrap"), "--bootstrap"),
            (
                Source::Env("KAFKA_BOOTSTRAP_SERVERS"),
                "$KAFKA_BOOTSTRAP_SERVERS",
            ),
            (Source::Profile(prod.clone()), "profile `prod`"),
            (
                Source::ProfileEnv {
                    var: "PROD_PW".into(),
                    profile: prod,
                },
                "$PROD_PW, named by profile `prod`",
            ),
            (
                Source::Current("/h/.config/kop/config.toml".into()),
                "current in /h/.config/kop/config.toml",
            ),
            (Source::Default, "built-in default"),
        ];
        for (source, text) in cases {
            assert_eq!(source.to_string(), text);
        }
    }
}
