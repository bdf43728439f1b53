//! The Confluent Schema Registry REST API, over plain HTTP(S), and a per-run schema cache.

mod cache;
mod client;
mod error;

pub(crate) use cache::SchemaCache;
pub(crate) use client::{Compatibility, Lookup, Registry};
