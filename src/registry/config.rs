//! Compatibility levels: the registry's global one and subjects' own (`/config`).

use serde::{Deserialize, Serialize};

use super::client::Registry;
use super::error::RegistryError;
use super::wire::encode;
use crate::core::schemas::Level;

/// What `GET /config` answers (the key differs from the one `PUT` takes).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LevelAnswer {
    compatibility_level: String,
}

/// What `PUT /config` takes and answers.
#[derive(Serialize, Deserialize)]
struct LevelBody {
    compatibility: String,
}

fn parse(text: &str) -> Result<Level, RegistryError> {
    Level::parse(text).ok_or_else(|| {
        RegistryError::Malformed(format!("`{text}` is not a compatibility level kop knows"))
    })
}

impl Registry {
    /// The level subjects without one of their own get.
    pub fn global_level(&self) -> Result<Level, RegistryError> {
        parse(&self.get::<LevelAnswer>("/config")?.compatibility_level)
    }

    /// The subject's own level; `None` when it uses the global one (40408, or 40401 for a
    /// subject the registry has never seen).
    pub fn subject_level(&self, subject: &str) -> Result<Option<Level>, RegistryError> {
        match self.get::<LevelAnswer>(&format!("/config/{}", encode(subject))) {
            Ok(answer) => parse(&answer.compatibility_level).map(Some),
            Err(RegistryError::Api {
                code: Some(40408 | 40401),
                ..
            }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sets the subject's own level, or the global one (`None`); the level now in force.
    pub fn set_level(&self, subject: Option<&str>, level: Level) -> Result<Level, RegistryError> {
        let path = match subject {
            Some(s) => format!("/config/{}", encode(s)),
            None => "/config".to_string(),
        };
        let body = LevelBody {
            compatibility: level.as_str().to_string(),
        };
        parse(&self.put::<LevelBody>(&path, &body)?.compatibility)
    }

    /// Removes the subject's own level, so that the global one applies again.
    pub fn unset_level(&self, subject: &str) -> Result<(), RegistryError> {
        self.delete::<serde_json::Value>(&format!("/config/{}", encode(subject)))
            .map(|_| ())
    }
}
