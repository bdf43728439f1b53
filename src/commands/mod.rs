//! One module per command: gather, decide, act, report. Commands receive resolved
//! settings, talk to the cluster through `kafka` and `registry`, decide with `core`, and
//! print only through `output`. No command calls another.

pub(crate) mod completions;
pub(crate) mod config;
mod confirm;
pub(crate) mod copy;
pub(crate) mod dlq;
pub(crate) mod groups;
pub(crate) mod health;
pub(crate) mod lag;
mod names;
pub(crate) mod publish;
pub(crate) mod restore;
mod schema_files;
pub(crate) mod schemas;
pub(crate) mod tail;
pub(crate) mod topics_apply;
pub(crate) mod topics_describe;
pub(crate) mod topics_export;
pub(crate) mod topics_list;

use crate::core::codec::{NoSchemas, SchemaSource};
use crate::registry::{Registry, SchemaCache};
use crate::settings::Settings;

/// Writer schemas by id from the configured registry, or none.
fn schema_source(settings: &Settings) -> Box<dyn SchemaSource + Send + Sync> {
    match &settings.registry {
        Some(r) => Box::new(SchemaCache::new(Registry::new(r, settings.timeout))),
        None => Box::new(NoSchemas),
    }
}
