//! Consuming: partitions assigned directly (no group join, nothing committed) unless a
//! group is asked for, and "have I reached the end?" answered from the high watermarks in
//! Fetch responses.

use std::collections::BTreeMap;
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer as _, ConsumerContext};
use rdkafka::error::KafkaError as RdError;
use rdkafka::message::BorrowedMessage;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};

use super::client_config::{client_config, Chattiness};
use super::client_context::KopContext;
use super::error::describe;
use super::error::KafkaError;
use super::native;
use crate::context::Settings;
use crate::output::LogSink;

pub struct ConsumeContext(KopContext);

impl ClientContext for ConsumeContext {
    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, log_message: &str) {
        self.0.log(level, fac, log_message);
    }

    fn error(&self, error: RdError, reason: &str) {
        self.0.error(error, reason);
    }
}

impl ConsumerContext for ConsumeContext {}

/// Where to start reading a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
    At(i64),
}

pub struct Consumer {
    inner: BaseConsumer<ConsumeContext>,
    context: KopContext,
    settings_timeout: Duration,
    bootstrap: String,
    grouped: bool,
}

impl Consumer {
    /// A consumer; with a group it can subscribe and commit, without one it only assigns.
    pub fn new(
        settings: &Settings,
        sink: LogSink,
        group: Option<&str>,
    ) -> Result<Consumer, KafkaError> {
        let chattiness = Chattiness::for_sink(&sink);
        let mut config = client_config(settings, chattiness, &[]);
        config
            .set("group.id", group.unwrap_or("kop-tail"))
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false")
            .set("auto.offset.reset", "earliest")
            .set("fetch.wait.max.ms", "100");
        for (k, v) in &settings.properties {
            config.set(k, v);
        }
        let context = KopContext::new(sink);
        let inner = config
            .create_with_context(ConsumeContext(context.clone()))
            .map_err(|e| KafkaError::Config(describe(&e)))?;
        Ok(Consumer {
            inner,
            context,
            settings_timeout: settings.timeout,
            bootstrap: settings.bootstrap.clone(),
            grouped: group.is_some(),
        })
    }

    /// Partition ids of a topic; an error names a topic that does not exist.
    pub fn partitions(&self, topic: &str) -> Result<Vec<i32>, KafkaError> {
        let md = self
            .inner
            .fetch_metadata(Some(topic), self.settings_timeout)
            .map_err(|e| self.failure(e))?;
        let t = md
            .topics()
            .iter()
            .find(|t| t.name() == topic)
            .ok_or_else(|| KafkaError::request(format!("reading {topic}"), "no such topic"))?;
        if t.error().is_some() || t.partitions().is_empty() {
            return Err(KafkaError::request(
                format!("reading {topic}"),
                "the topic does not exist",
            ));
        }
        Ok(t.partitions().iter().map(|p| p.id()).collect())
    }

    /// Low and high offsets from the broker (ListOffsets).
    pub fn watermarks(&self, topic: &str, partition: i32) -> Result<(i64, i64), KafkaError> {
        self.inner
            .fetch_watermarks(topic, partition, self.settings_timeout)
            .map_err(|e| self.failure(e))
    }

    /// The first offset at or after `timestamp_ms` in each partition; `None` past the end.
    pub fn offsets_for_time(
        &self,
        partitions: &[(String, i32)],
        timestamp_ms: i64,
    ) -> Result<BTreeMap<(String, i32), Option<i64>>, KafkaError> {
        let mut tpl = TopicPartitionList::new();
        for (t, p) in partitions {
            tpl.add_partition_offset(t, *p, Offset::Offset(timestamp_ms))
                .map_err(|e| self.failure(e))?;
        }
        let found = self
            .inner
            .offsets_for_times(tpl, self.settings_timeout)
            .map_err(|e| self.failure(e))?;
        Ok(known_offsets(&found))
    }

    pub fn assign(&self, starts: &[(String, i32, Start)]) -> Result<(), KafkaError> {
        let mut tpl = TopicPartitionList::new();
        for (t, p, start) in starts {
            let offset = match start {
                Start::Beginning => Offset::Beginning,
                Start::End => Offset::End,
                Start::At(o) => Offset::Offset(*o),
            };
            tpl.add_partition_offset(t, *p, offset)
                .map_err(|e| self.failure(e))?;
        }
        self.inner.assign(&tpl).map_err(|e| self.failure(e))
    }

    pub fn subscribe(&self, topics: &[&str]) -> Result<(), KafkaError> {
        self.inner.subscribe(topics).map_err(|e| self.failure(e))
    }

    /// The next message, waiting at most `timeout`. Fetch errors that librdkafka recovers
    /// from on its own are skipped.
    pub fn poll(&self, timeout: Duration) -> Result<Option<BorrowedMessage<'_>>, KafkaError> {
        match self.inner.poll(timeout) {
            None => Ok(None),
            Some(Ok(m)) => Ok(Some(m)),
            Some(Err(RdError::PartitionEOF(_))) => Ok(None),
            Some(Err(e)) => Err(self.failure(e)),
        }
    }

    /// Whether the partition has been read up to the high watermark of the latest Fetch.
    pub fn at_end(&self, topic: &str, partition: i32, next_offset: i64) -> bool {
        native::cached_high_watermark(self.inner.client(), topic, partition)
            .is_some_and(|high| next_offset >= high)
    }

    /// The assigned partitions and the next offset librdkafka will hand out for each
    /// (`None` until it knows, e.g. before a group's committed offset is looked up).
    pub fn positions(&self) -> Result<Vec<(String, i32, Option<i64>)>, KafkaError> {
        let positions = self.inner.position().map_err(|e| self.failure(e))?;
        Ok(positions
            .elements()
            .iter()
            .map(|e| {
                let offset = match e.offset() {
                    Offset::Offset(o) => Some(o),
                    _ => None,
                };
                (e.topic().to_string(), e.partition(), offset)
            })
            .collect())
    }

    /// The group's committed offsets (the next offset to read) for these partitions;
    /// `None` where the group has committed nothing.
    pub fn committed(
        &self,
        partitions: &[(String, i32)],
    ) -> Result<BTreeMap<(String, i32), Option<i64>>, KafkaError> {
        let mut tpl = TopicPartitionList::new();
        for (t, p) in partitions {
            tpl.add_partition(t, *p);
        }
        let committed = self
            .inner
            .committed_offsets(tpl, self.settings_timeout)
            .map_err(|e| self.failure(e))?;
        Ok(known_offsets(&committed))
    }

    /// Commits these next offsets for the group, synchronously.
    pub fn commit_offsets(&self, offsets: &[(String, i32, i64)]) -> Result<(), KafkaError> {
        let tpl = offsets_list(offsets).map_err(|e| self.failure(e))?;
        self.inner
            .commit(&tpl, CommitMode::Sync)
            .map_err(|e| self.failure(e))
    }

    pub(super) fn group_metadata(&self) -> Option<rdkafka::consumer::ConsumerGroupMetadata> {
        self.inner.group_metadata()
    }

    /// The timestamp of the record at each given offset: the age of the oldest unconsumed
    /// record of a lagging partition. Partitions that send nothing within the timeout are
    /// left out.
    pub fn timestamps_at(
        &self,
        offsets: &[(String, i32, i64)],
    ) -> Result<BTreeMap<(String, i32), i64>, KafkaError> {
        let mut found = BTreeMap::new();
        if offsets.is_empty() {
            return Ok(found);
        }
        let starts: Vec<(String, i32, Start)> = offsets
            .iter()
            .map(|(t, p, o)| (t.clone(), *p, Start::At(*o)))
            .collect();
        self.assign(&starts)?;
        let wanted: BTreeMap<(String, i32), i64> = offsets
            .iter()
            .map(|(t, p, o)| ((t.clone(), *p), *o))
            .collect();
        let deadline = std::time::Instant::now() + self.settings_timeout;
        while found.len() < wanted.len() && std::time::Instant::now() < deadline {
            let Some(m) = self.poll(Duration::from_millis(50))? else {
                continue;
            };
            let key = (m.topic().to_string(), m.partition());
            if wanted.get(&key).is_some_and(|o| m.offset() >= *o) && !found.contains_key(&key) {
                if let Some(ts) = m.timestamp().to_millis() {
                    found.insert(key, ts);
                }
            }
        }
        Ok(found)
    }

    /// Marks a message consumed, for the group commit.
    pub fn store(&self, message: &BorrowedMessage<'_>) -> Result<(), KafkaError> {
        if self.grouped {
            self.inner
                .store_offset_from_message(message)
                .map_err(|e| self.failure(e))?;
        }
        Ok(())
    }

    /// Commits the stored offsets of a group consumer (no-op without a group).
    pub fn commit(&self) -> Result<(), KafkaError> {
        if !self.grouped {
            return Ok(());
        }
        match self.inner.commit_consumer_state(CommitMode::Sync) {
            Ok(()) | Err(RdError::ConsumerCommit(rdkafka::types::RDKafkaErrorCode::NoOffset)) => {
                Ok(())
            }
            Err(e) => Err(self.failure(e)),
        }
    }

    fn failure(&self, err: RdError) -> KafkaError {
        self.context
            .failure(&err, &self.bootstrap, self.settings_timeout, "consuming")
    }
}

pub(super) fn offsets_list(offsets: &[(String, i32, i64)]) -> Result<TopicPartitionList, RdError> {
    let mut tpl = TopicPartitionList::new();
    for (t, p, o) in offsets {
        tpl.add_partition_offset(t, *p, Offset::Offset(*o))?;
    }
    Ok(tpl)
}

/// Each partition's offset, `None` where the broker has none (logical offsets).
fn known_offsets(list: &TopicPartitionList) -> BTreeMap<(String, i32), Option<i64>> {
    list.elements()
        .iter()
        .map(|e| {
            let offset = match e.offset() {
                Offset::Offset(o) if o >= 0 => Some(o),
                _ => None,
            };
            ((e.topic().to_string(), e.partition()), offset)
        })
        .collect()
}

/// A message's headers as owned pairs.
pub fn headers_of(message: &BorrowedMessage<'_>) -> Vec<(String, Option<Vec<u8>>)> {
    use rdkafka::message::Headers;
    message
        .headers()
        .map(|hs| {
            hs.iter()
                .map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec)))
                .collect()
        })
        .unwrap_or_default()
}
