//! `topics.toml`: read it, check every value, and hand back a validated [`TopicsFile`].
//! The user's own config file (its `[clusters.NAME]` profiles and `current`) is read and
//! checked by the same code ([`UserConfig`]).
//!
//! Every problem is a [`ConfigError`] that names the file, line and column. Reading stops
//! at the first problem, because later errors are often consequences of it.

pub mod catalogue;
mod location;
mod messages;
pub mod model;
mod raw;
pub mod topic_name;
mod user;
mod validate;

use std::path::{Path, PathBuf};

pub use location::Located;
pub use model::{
    ClusterProfile, CompatibilityLevel, SaslMechanism, SecurityProtocol, TopicsFile,
    DEFAULT_PARTITIONER, PARTITIONERS,
};
pub use user::{load_user, parse_user, set_current, UserConfig};

/// The file kop reads when `-f` is not given.
pub const DEFAULT_FILE: &str = "topics.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    At(Box<Located>),
}

impl ConfigError {
    /// Line and column, for errors that have them.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            ConfigError::At(at) => Some((at.line, at.column)),
            ConfigError::Read { .. } => None,
        }
    }
}

/// Reads and validates a topics file.
pub fn load(path: &Path) -> Result<TopicsFile, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Validates the text of a topics file; `path` names it in errors and anchors relative
/// schema paths.
pub fn parse(path: &Path, text: &str) -> Result<TopicsFile, ConfigError> {
    let raw: raw::RawFile = toml::from_str(text).map_err(|err| syntax_error(path, text, &err))?;
    validate::validate(path, text, raw).map_err(|at| ConfigError::At(Box::new(at)))
}

/// A parser error at `path:line:col`.
fn syntax_error(path: &Path, text: &str, err: &toml::de::Error) -> ConfigError {
    let span = err.span().unwrap_or(0..0);
    // The line the error points at, for messages that depend on what was written there.
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    // The parser's message spans lines ("invalid string\nexpected `\"`"); one line reads
    // better after `file:line:col:`. At the end of input it can be empty.
    let message = match err.message().trim() {
        "" => "unexpected end of file: a value is missing".to_string(),
        m => messages::humane(&m.lines().collect::<Vec<_>>().join("; "), line),
    };
    ConfigError::At(Box::new(Located::new(path, text, span, message)))
}

#[cfg(test)]
mod tests;
