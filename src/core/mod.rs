//! The pure core: decisions and data, no I/O.
//!
//! Everything here takes plain data in and gives plain data out, so it is unit-tested
//! beside the code. Nothing here imports `kafka`, `registry`, `output`, `cli` or a client
//! library; the edges (`kafka/`, `registry/`) fill these types and the output layer renders
//! them.

pub(crate) mod bound;
pub(crate) mod cluster;
pub(crate) mod codec;
pub(crate) mod compact_json;
pub(crate) mod copy;
pub(crate) mod dlq;
pub(crate) mod groups;
pub(crate) mod health;
pub(crate) mod json_field;
pub(crate) mod lag;
pub(crate) mod listing;
pub(crate) mod plan;
pub(crate) mod provenance;
pub(crate) mod publish;
pub(crate) mod record;
pub(crate) mod restore;
pub(crate) mod schemas;
pub(crate) mod subject;
pub(crate) mod tail;
pub(crate) mod topic_describe;
pub(crate) mod topics_export;
