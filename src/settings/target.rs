//! `--to-cluster NAME`: a second cluster's settings, from its profile.
//!
//! The environment's connection variables (`KAFKA_BOOTSTRAP_SERVERS`,
//! `SCHEMA_REGISTRY_URL`, the SASL and TLS ones) describe the cluster a command talks to,
//! which for a copy is the source: were they applied to the target too, a copy meant for
//! another cluster would go back to the source, with the source's credentials. So the
//! target's settings come from its profile alone, and from the variables the profile
//! names itself (`sasl_password_env`, `schema_registry_password_env`). The topics file,
//! the user config, `-X` and `--timeout` are shared.

use crate::core::provenance::Source;
use crate::env::{self, EnvSource};
use crate::secret::Redactor;

use super::{Flags, Settings, SettingsError};

/// Variables that describe the command's own cluster, hidden from the target's settings.
const SOURCE_ONLY: &[&str] = &[
    env::KAFKA_SSL_KEY_PASSWORD,
    env::SCHEMA_REGISTRY_BEARER_TOKEN,
    env::SCHEMA_REGISTRY_BEARER_TOKEN_FILE,
    env::KOP_CLUSTER,
];

struct ProfileOnly<'a>(&'a dyn EnvSource);

impl EnvSource for ProfileOnly<'_> {
    fn var(&self, name: &str) -> Option<String> {
        let hidden = env::PROFILE_OVERRIDES.contains(&name) || SOURCE_ONLY.contains(&name);
        (!hidden).then(|| self.0.var(name)).flatten()
    }
}

impl Settings {
    /// The settings of the cluster profile `name` (as `--to-cluster` names it), checked.
    pub fn for_profile(
        name: &str,
        flag: &'static str,
        flags: &Flags,
        env: &dyn EnvSource,
        redactor: &Redactor,
    ) -> Result<Settings, SettingsError> {
        let flags = Flags {
            cluster: Some(name.to_string()),
            bootstrap: None,
            registry: None,
            ..flags.clone()
        };
        let settings =
            Settings::gather(&flags, &ProfileOnly(env), redactor).map_err(|e| match e {
                SettingsError::UnknownProfile { name, searched, .. } => {
                    SettingsError::UnknownProfile {
                        name,
                        chosen_by: Source::Flag(flag),
                        searched,
                    }
                }
                other => other,
            })?;
        settings.check()?;
        Ok(settings)
    }

    /// Whether another cluster's settings reach the same brokers (the same bootstrap
    /// list, in any order).
    pub fn same_bootstrap(&self, other: &Settings) -> bool {
        let list = |s: &Settings| {
            let mut hosts: Vec<String> = s
                .bootstrap
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect();
            hosts.sort();
            hosts
        };
        list(self) == list(other)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::settings::SettingsError;

    fn topics_file(dir: &std::path::Path) -> std::path::PathBuf {
        let path = dir.join("topics.toml");
        std::fs::write(
            &path,
            "[clusters.src]\nbootstrap = \"src:9092\"\n\n[clusters.staging]\nbootstrap = \"b:9092, a:9092\"\nschema_registry = \"http://sr-staging:8081\"\n",
        )
        .unwrap();
        path
    }

    #[test]
    fn the_target_comes_from_its_profile_not_from_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let flags = Flags {
            file: Some(topics_file(dir.path())),
            timeout: Some(std::time::Duration::from_secs(3)),
            properties: vec!["client.id=ops".into()],
            ..Flags::default()
        };
        let env: HashMap<&str, &str> = HashMap::from([
            ("KAFKA_BOOTSTRAP_SERVERS", "source:9092"),
            ("SCHEMA_REGISTRY_URL", "http://sr-source:8081"),
            ("KOP_CLUSTER", "src"),
        ]);
        let target = Settings::for_profile(
            "staging",
            "--to-cluster",
            &flags,
            &env,
            &Redactor::default(),
        )
        .unwrap();
        assert_eq!(target.bootstrap, "b:9092, a:9092");
        assert_eq!(
            target.registry.as_ref().map(|r| r.url.as_str()),
            Some("http://sr-staging:8081")
        );
        assert_eq!(target.timeout, std::time::Duration::from_secs(3));
        assert_eq!(target.properties, [("client.id".into(), "ops".into())]);
        let source = Settings::gather(&flags, &env, &Redactor::default()).unwrap();
        assert_eq!(source.bootstrap, "source:9092");
        assert!(!source.same_bootstrap(&target));
        let mut same = source.clone();
        same.bootstrap = "A:9092,b:9092".into();
        assert!(same.same_bootstrap(&target));
    }

    #[test]
    fn an_unknown_target_profile_names_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        let flags = Flags {
            file: Some(topics_file(dir.path())),
            ..Flags::default()
        };
        let env: HashMap<&str, &str> = HashMap::new();
        let err = Settings::for_profile("prod", "--to-cluster", &flags, &env, &Redactor::default())
            .unwrap_err();
        assert!(matches!(err, SettingsError::UnknownProfile { .. }));
        let text = err.to_string();
        assert!(
            text.starts_with("--to-cluster prod: no such profile"),
            "{text}"
        );
        assert!(text.contains("has: src, staging"), "{text}");
    }
}
