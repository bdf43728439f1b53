//! The Confluent Schema Registry REST API, over plain HTTP(S).

mod client;
mod error;

pub use client::{Compatibility, Lookup, Registry};
pub use error::RegistryError;
