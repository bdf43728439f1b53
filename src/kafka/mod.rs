//! Everything that talks to Kafka through librdkafka. The rest of kop sees plain data
//! (`crate::cluster`) and [`KafkaError`].

mod admin;
pub mod client_config;
mod client_context;
mod consumer;
mod error;
mod group_admin;
mod native;
mod native_alter;
mod native_offsets;
mod producer;
mod topic_admin;

pub use admin::Admin;
pub use client_context::KopContext;
pub use consumer::{headers_of, Consumer, Start};
pub use error::{hint_for, KafkaError};
pub use native_alter::{AlterOp, TopicAlteration, TopicOutcomes};
pub use native_offsets::{GroupOffsets, OffsetSpec};
pub use producer::{Deliveries, Producer};
pub use topic_admin::TopicToCreate;
