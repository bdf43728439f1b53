//! The Confluent Schema Registry REST API, over plain HTTP(S), and a per-run schema cache.
//! `client.rs` is the transport and the requests the codecs and `topics apply` make;
//! `subjects.rs` (subjects and versions) and `config.rs` (compatibility levels) hold the
//! ones `kop schemas` makes; `wire.rs` the bodies they send and read.

mod cache;
mod client;
mod config;
mod error;
mod subjects;
mod wire;

pub(crate) use cache::SchemaCache;
pub(crate) use client::Registry;
pub(crate) use error::RegistryError;
