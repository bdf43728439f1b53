//! The Confluent Schema Registry REST API, over plain HTTP(S), and a per-run schema cache.

mod cache;
mod client;
mod error;
pub mod subject;

pub use cache::SchemaCache;
pub use client::{Compatibility, Lookup, Registry};
pub use error::RegistryError;
