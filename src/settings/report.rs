//! The resolved settings as `kop config show` and `-v` print them: every setting, its value
//! (never a secret's) and where it came from.

use std::path::Path;

use crate::config::SecurityProtocol;
use crate::core::provenance::{PropertyLine, Setting, SettingLine, SettingsReport, Shown};
use crate::util::units::format_duration_ms;

use super::Settings;

impl Settings {
    pub fn report(&self) -> SettingsReport {
        let provenance = &self.provenance;
        let settings = Setting::ALL
            .iter()
            .map(|&setting| SettingLine {
                setting,
                value: self.shown(setting),
                source: provenance.sources.get(&setting).cloned(),
                overrides_profile: provenance.overrides.iter().any(|o| o.setting == setting),
            })
            .collect();
        // The last of a name wins, as in the client configuration.
        let mut properties: Vec<PropertyLine> = Vec::new();
        for ((name, value), source) in self.properties.iter().zip(&provenance.property_sources) {
            properties.retain(|p| &p.name != name);
            properties.push(PropertyLine {
                name: name.clone(),
                value: value.clone(),
                source: source.clone(),
            });
        }
        SettingsReport {
            topics_file: provenance.topics_file.clone(),
            user_config: provenance.user_config.clone(),
            profile: provenance.profile.clone(),
            settings,
            client_defaults: Vec::new(),
            properties,
            overrides: provenance.overrides.clone(),
        }
    }

    fn shown(&self, setting: Setting) -> Shown {
        let security = &self.security;
        let registry = self.registry.as_ref();
        let text = |value: Option<&str>| value.map_or(Shown::Unset, |v| Shown::Value(v.into()));
        let path = |value: Option<&std::path::PathBuf>| text(value.map(|p| display(p)).as_deref());
        let secret = |set: bool| if set { Shown::Secret } else { Shown::Unset };
        match setting {
            Setting::Bootstrap => Shown::Value(self.bootstrap.clone()),
            Setting::SecurityProtocol => Shown::Value(
                security
                    .protocol
                    .unwrap_or(SecurityProtocol::Plaintext)
                    .to_string(),
            ),
            Setting::SaslMechanism => text(security.sasl_mechanism.map(|m| m.as_str())),
            Setting::SaslUsername => text(security.sasl_username.as_deref()),
            Setting::SaslPassword => secret(security.sasl_password.is_some()),
            Setting::SslCaFile => path(security.ssl_ca_file.as_ref()),
            Setting::SslCertFile => path(security.ssl_cert_file.as_ref()),
            Setting::SslKeyFile => path(security.ssl_key_file.as_ref()),
            Setting::SslKeyPassword => secret(security.ssl_key_password.is_some()),
            Setting::SchemaRegistry => text(registry.map(|r| r.url.as_str())),
            Setting::SchemaRegistryUsername => text(registry.and_then(|r| r.username.as_deref())),
            Setting::SchemaRegistryPassword => {
                secret(registry.is_some_and(|r| r.password.is_some()))
            }
            Setting::SchemaRegistryBearerToken => {
                secret(registry.is_some_and(|r| r.bearer_token.is_some()))
            }
            Setting::Partitioner => Shown::Value(self.partitioner(None)),
            Setting::ClusterId => text(self.pinned_cluster_id()),
            Setting::Timeout => Shown::Value(format_duration_ms(self.timeout.as_millis() as u64)),
        }
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
