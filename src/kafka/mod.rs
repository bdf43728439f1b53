//! The only place that talks to Kafka. Everything here returns kop's own data
//! (`core::cluster`, `core::record`, `core::lag`) and [`KafkaError`]; no rdkafka type and
//! no librdkafka wording leaves this module. The API is blocking.

mod admin;
mod client_config;
mod client_context;
mod connect;
mod error;
mod groups;
mod native;
mod native_admin;
mod native_alter;
mod native_groups;
mod native_offsets;
mod offsets;
mod producer;
mod reader;
mod topic_admin;

pub(crate) use admin::{Admin, TopicOutcomes};
pub(crate) use client_config::{tuned_defaults, PRODUCER_COMPRESSION};
pub(crate) use error::KafkaError;
pub(crate) use native_alter::{AlterOp, TopicAlteration};
pub(crate) use native_offsets::GroupOffsets;
pub(crate) use producer::{Producer, Queued};
pub(crate) use reader::{timestamps_at, Read, ReaderOptions, RecordRef, TopicReader};
pub(crate) use topic_admin::TopicToCreate;
