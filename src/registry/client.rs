//! A blocking HTTP client for the registry: small, and enough for a command-line tool that
//! makes a handful of requests per run.

use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use ureq::tls::{TlsConfig, TlsProvider};

use super::error::RegistryError;
use crate::context::RegistrySettings;

/// The media type the Confluent API speaks.
pub const MEDIA_TYPE: &str = "application/vnd.schemaregistry.v1+json";

pub struct Registry {
    agent: ureq::Agent,
    base: String,
    authorization: Option<String>,
}

#[derive(Deserialize)]
struct ApiError {
    error_code: Option<u32>,
    message: Option<String>,
}

#[derive(Deserialize)]
struct ModeAnswer {
    mode: String,
}

impl Registry {
    pub fn new(settings: &RegistrySettings, timeout: Duration) -> Registry {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .tls_config(
                TlsConfig::builder()
                    .provider(TlsProvider::NativeTls)
                    .build(),
            )
            .user_agent(concat!("kop/", env!("CARGO_PKG_VERSION")))
            .build();
        let authorization = settings.username.as_ref().map(|user| {
            let password = settings.password.as_ref().map(|p| p.expose()).unwrap_or("");
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            format!("Basic {token}")
        });
        Registry {
            agent: config.into(),
            base: settings.url.trim_end_matches('/').to_string(),
            authorization,
        }
    }

    pub fn url(&self) -> &str {
        &self.base
    }

    /// The registry's mode (READWRITE, READONLY, IMPORT) and how long it took to answer.
    /// Registries without the /mode endpoint answer `None`.
    pub fn mode(&self) -> Result<(Option<String>, Duration), RegistryError> {
        let start = Instant::now();
        match self.get::<ModeAnswer>("/mode") {
            Ok(answer) => Ok((Some(answer.mode), start.elapsed())),
            Err(RegistryError::Api { status: 404, .. }) => Ok((None, start.elapsed())),
            Err(e) => Err(e),
        }
    }

    fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, RegistryError> {
        let url = format!("{}{path}", self.base);
        let mut request = self.agent.get(&url).header("Accept", MEDIA_TYPE);
        if let Some(auth) = &self.authorization {
            request = request.header("Authorization", auth);
        }
        let mut response = request
            .call()
            .map_err(|e| RegistryError::unreachable(&self.base, e))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| RegistryError::unreachable(&self.base, e))?;
        if status == 401 || status == 403 {
            return Err(RegistryError::Unauthorized {
                url: self.base.clone(),
                status,
            });
        }
        if status >= 400 {
            let api: Option<ApiError> = serde_json::from_str(&body).ok();
            return Err(RegistryError::Api {
                status,
                code: api.as_ref().and_then(|a| a.error_code),
                message: api.and_then(|a| a.message).unwrap_or_default(),
            });
        }
        serde_json::from_str(&body).map_err(|e| RegistryError::Malformed(e.to_string()))
    }
}
