//! A blocking HTTP client for the registry: small, and enough for a command-line tool that
//! makes a handful of requests per run. This file holds the transport and the requests the
//! codecs and `topics apply` make; `subjects.rs` and `config.rs` add the ones `kop schemas`
//! makes. Every request takes and gives every schema type (Avro, JSON Schema, Protobuf).

use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ureq::tls::{TlsConfig, TlsProvider};

use super::error::RegistryError;
use super::wire::{
    api_error, encode, CompatibilityAnswer, ReferenceJson, Registered, RegisteredId, SchemaBody,
};
use crate::core::schemas::check::{Compatibility, Lookup};
use crate::core::schemas::{Reference, SchemaText, SchemaType};
use crate::settings::RegistrySettings;

/// The media type the Confluent API speaks.
pub const MEDIA_TYPE: &str = "application/vnd.schemaregistry.v1+json";

pub struct Registry {
    agent: ureq::Agent,
    base: String,
    authorization: Option<String>,
}

#[derive(Deserialize)]
struct ModeAnswer {
    mode: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchemaById {
    schema: String,
    schema_type: Option<String>,
    #[serde(default)]
    references: Option<Vec<ReferenceJson>>,
}

/// The registry's `schemaType` as kop's; an unknown one is a malformed answer.
pub(super) fn schema_type(text: Option<&str>, what: &str) -> Result<SchemaType, RegistryError> {
    SchemaType::from_registry(text).ok_or_else(|| {
        RegistryError::Malformed(format!(
            "{what} has the unknown schema type {}",
            text.unwrap_or_default()
        ))
    })
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
        let basic = settings.username.as_ref().map(|user| {
            let password = settings.password.as_ref().map(|p| p.expose()).unwrap_or("");
            let token =
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
            format!("Basic {token}")
        });
        let bearer = settings
            .bearer_token
            .as_ref()
            .map(|t| format!("Bearer {}", t.expose()));
        Registry {
            agent: config.into(),
            base: settings.url.trim_end_matches('/').to_string(),
            authorization: bearer.or(basic),
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

    /// The schema registered under an id: its text, type and references.
    pub fn schema_by_id(&self, id: u32) -> Result<SchemaText, RegistryError> {
        let answer: SchemaById = self.get(&format!("/schemas/ids/{id}"))?;
        Ok(SchemaText {
            schema_type: schema_type(answer.schema_type.as_deref(), &format!("schema {id}"))?,
            text: answer.schema,
            references: answer
                .references
                .unwrap_or_default()
                .into_iter()
                .map(Reference::from)
                .collect(),
        })
    }

    /// The id of the schema under the subject, registering it when it is new (as
    /// Confluent's serializers do with auto-registration).
    pub fn id_for(&self, subject: &str, schema: &SchemaText) -> Result<u32, RegistryError> {
        match self.find(subject, schema)? {
            Lookup::Registered { id, .. } => Ok(id),
            Lookup::NotRegistered | Lookup::NoSubject => self.register(subject, schema),
        }
    }

    pub(super) fn lookup_body(
        &self,
        subject: &str,
        body: &SchemaBody<'_>,
    ) -> Result<Lookup, RegistryError> {
        let path = format!("/subjects/{}", encode(subject));
        match self.post::<Registered>(&path, body) {
            Ok(r) => Ok(Lookup::Registered {
                id: r.id,
                version: r.version,
            }),
            Err(RegistryError::Api {
                code: Some(40401), ..
            }) => Ok(Lookup::NoSubject),
            Err(RegistryError::Api {
                code: Some(40403), ..
            }) => Ok(Lookup::NotRegistered),
            Err(e) => Err(e),
        }
    }

    /// The registry's verdict on a schema against the subject's latest version; a subject
    /// without versions takes anything.
    pub fn compatibility(
        &self,
        subject: &str,
        schema: &SchemaText,
    ) -> Result<Compatibility, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions/latest?verbose=true",
            encode(subject)
        );
        match self.post::<CompatibilityAnswer>(&path, &SchemaBody::of(schema)) {
            Ok(answer) => Ok(answer.into_core()),
            // No version yet: anything is compatible with nothing.
            Err(RegistryError::Api {
                code: Some(40401 | 40402),
                ..
            }) => Ok(Compatibility::Compatible),
            Err(e) => Err(e),
        }
    }

    /// Registers the schema under the subject and returns its id.
    pub fn register(&self, subject: &str, schema: &SchemaText) -> Result<u32, RegistryError> {
        let path = format!("/subjects/{}/versions", encode(subject));
        self.post::<RegisteredId>(&path, &SchemaBody::of(schema))
            .map(|r| r.id)
    }

    pub(super) fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, RegistryError> {
        let request = self.agent.get(format!("{}{path}", self.base));
        self.answer(self.authorized(request).call())
    }

    pub(super) fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, RegistryError> {
        let request = self.agent.delete(format!("{}{path}", self.base));
        self.answer(self.authorized(request).call())
    }

    pub(super) fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, RegistryError> {
        self.send_json(self.agent.post(format!("{}{path}", self.base)), body)
    }

    pub(super) fn put<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, RegistryError> {
        self.send_json(self.agent.put(format!("{}{path}", self.base)), body)
    }

    /// Every request says what it accepts and carries the credentials, when there are any.
    fn authorized<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        let request = request.header("Accept", MEDIA_TYPE);
        match &self.authorization {
            Some(auth) => request.header("Authorization", auth),
            None => request,
        }
    }

    fn send_json<T: DeserializeOwned>(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithBody>,
        body: &impl Serialize,
    ) -> Result<T, RegistryError> {
        let body =
            serde_json::to_string(body).map_err(|e| RegistryError::Malformed(e.to_string()))?;
        let request = self.authorized(request).header("Content-Type", MEDIA_TYPE);
        self.answer(request.send(body))
    }

    fn answer<T: DeserializeOwned>(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, RegistryError> {
        let mut response = result.map_err(|e| RegistryError::unreachable(&self.base, e))?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| RegistryError::unreachable(&self.base, e))?;
        if status >= 400 {
            return Err(api_error(&self.base, status, &body));
        }
        serde_json::from_str(&body).map_err(|e| RegistryError::Malformed(e.to_string()))
    }
}
