//! General helpers with no knowledge of Kafka: humane units, times, name patterns.

pub(crate) mod escapes;
pub(crate) mod glob;
pub(crate) mod json_words;
pub(crate) mod kv;
pub(crate) mod names;
pub(crate) mod time;
pub(crate) mod units;
