//! Producing: an idempotent `acks=all` producer that accounts for every event it took:
//! acknowledged (per partition), not sent, failed and certainly not written, or in doubt
//! (sent, unanswered, possibly written), by librdkafka's own verdict on each message.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::{KafkaError as RdError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer as _, ProducerContext};
use rdkafka::{ClientContext, Message};

use super::client_config::{client_config, Chattiness, Role};
use super::client_context::KopContext;
use super::connect::await_cluster;
use super::error::{describe, KafkaError};
use super::native::{self, Persistence};
use super::reader::{offsets_list, TopicReader};
use crate::core::publish::Deliveries;
use crate::core::record::{Forward, NewRecord, TopicPartition};
use crate::output::LogSink;
use crate::settings::Settings;

pub(super) struct DeliveryContext {
    inner: KopContext,
    deliveries: Arc<Mutex<Deliveries>>,
}

impl ClientContext for DeliveryContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        self.inner.log(level, fac, log_message);
    }

    fn error(&self, error: RdError, reason: &str) {
        self.inner.error(error, reason);
    }
}

impl ProducerContext for DeliveryContext {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        let Ok(mut d) = self.deliveries.lock() else {
            return;
        };
        match result {
            Ok(message) => {
                d.acknowledged += 1;
                d.bytes += (message.payload_len() + message.key().map_or(0, <[u8]>::len)) as u64;
                *d.per_partition.entry(message.partition()).or_default() += 1;
            }
            Err((err, message)) => {
                let purged = matches!(err.rdkafka_error_code(), Some(RDKafkaErrorCode::PurgeQueue));
                match native::persistence(message) {
                    Persistence::No if purged => d.not_sent += 1,
                    Persistence::No => d.failed += 1,
                    // Written but reported with an error (rare): counting it as in doubt
                    // keeps the bounds true either way.
                    Persistence::Possibly | Persistence::Yes => d.in_doubt += 1,
                }
                if d.first_error.is_none() && !purged {
                    d.first_error = Some(describe(err));
                }
            }
        }
    }
}

/// Whether `send` queued the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub(crate) enum Queued {
    Yes,
    /// Ctrl-C came while waiting for room in a full queue.
    Interrupted,
}

pub(crate) struct Producer {
    inner: BaseProducer<DeliveryContext>,
    deliveries: Arc<Mutex<Deliveries>>,
    context: KopContext,
}

impl Producer {
    /// An idempotent producer with `acks=all` and the given partitioner; transactional
    /// when given an id.
    pub fn new(
        settings: &Settings,
        sink: LogSink,
        transactional_id: Option<&str>,
        partitioner: &str,
    ) -> Result<Producer, KafkaError> {
        let chattiness = Chattiness::for_sink(&sink);
        let context = KopContext::new(sink, &settings.bootstrap, settings.timeout);
        let deliveries = Arc::new(Mutex::new(Deliveries::default()));
        let role = Role::Producer {
            transactional_id,
            partitioner,
        };
        let inner = client_config(settings, role, chattiness)
            .create_with_context(DeliveryContext {
                inner: context.clone(),
                deliveries: deliveries.clone(),
            })
            .map_err(|e| KafkaError::Config(describe(&e)))?;
        let producer = Producer {
            inner,
            deliveries,
            context,
        };
        // Reaching a broker first also gets an idempotent producer its id at once:
        // librdkafka asks for one when a Metadata response arrives, and otherwise waits
        // for its 500 ms retry timer.
        await_cluster(producer.inner.client(), &producer.context, || {
            producer.inner.poll(Duration::ZERO);
        })?;
        Ok(producer)
    }

    /// Looks the topic up before the first send, so that a missing topic is said at once
    /// and the first batch finds its partition leaders known.
    pub fn prepare(&self, topic: &str) -> Result<(), KafkaError> {
        let what = format!("producing to {topic}");
        let md = self
            .inner
            .client()
            .fetch_metadata(Some(topic), self.context.timeout())
            .map_err(|e| self.context.failure(&e, &what))?;
        let known = md
            .topics()
            .iter()
            .any(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty());
        if known {
            Ok(())
        } else {
            Err(KafkaError::NotFound {
                what: format!("topic {topic}"),
            })
        }
    }

    /// Queues one record, waiting for room when librdkafka's queue is full.
    pub fn send(&self, topic: &str, record: &NewRecord) -> Result<Queued, KafkaError> {
        self.send_forward(topic, &record.forward())
    }

    /// Queues one record whose bytes are borrowed (as [`Producer::send`] otherwise): a copy
    /// hands on what it read without copying it again.
    pub fn send_forward(&self, topic: &str, record: &Forward<'_>) -> Result<Queued, KafkaError> {
        let mut base: BaseRecord<'_, [u8], [u8]> = BaseRecord::to(topic);
        // librdkafka allocates a header list even for none: only events with headers pay.
        if !record.headers.is_empty() {
            let mut headers = OwnedHeaders::new_with_capacity(record.headers.len());
            for header in record.headers {
                headers = headers.insert(Header {
                    key: header.key.as_str(),
                    value: header.value.as_deref(),
                });
            }
            base = base.headers(headers);
        }
        if let Some(key) = record.key {
            base = base.key(key);
        }
        if let Some(value) = record.value {
            base = base.payload(value);
        }
        if let Some(p) = record.partition {
            base = base.partition(p);
        }
        if let Some(ts) = record.timestamp {
            base = base.timestamp(ts);
        }
        loop {
            match self.inner.send(base) {
                Ok(()) => return Ok(Queued::Yes),
                Err((RdError::MessageProduction(RDKafkaErrorCode::QueueFull), returned)) => {
                    if crate::interrupt::requested() {
                        return Ok(Queued::Interrupted);
                    }
                    base = returned;
                    self.inner.poll(Duration::from_millis(10));
                }
                Err((err, _)) => return Err(self.produce_error(err, topic)),
            }
        }
    }

    /// Serves delivery reports without waiting.
    pub fn poll(&self) {
        self.inner.poll(Duration::ZERO);
    }

    /// Waits until everything queued is acknowledged or failed, up to the timeout.
    ///
    /// rdkafka's own flush polls in 100 ms steps, which a replay committing every batch
    /// pays each time; polling in 1 ms steps returns as soon as the last report is in.
    ///
    /// When the time is up, what is left is purged so that every event has its report
    /// (queued ones not sent, in-flight ones in doubt) before this returns the timeout.
    /// Ctrl-C stops at once: what is still queued is not sent, and only what is already
    /// in flight is waited for.
    pub fn flush(&self) -> Result<(), KafkaError> {
        let deadline = std::time::Instant::now() + self.context.timeout();
        let mut stopped = false;
        while self.inner.in_flight_count() > 0 {
            if !stopped && crate::interrupt::requested() {
                self.purge(false);
                stopped = true;
            }
            if std::time::Instant::now() >= deadline {
                self.purge(true);
                let timed_out = RdError::Flush(RDKafkaErrorCode::OperationTimedOut);
                return Err(self.produce_error(timed_out, ""));
            }
            self.inner.poll(Duration::from_millis(1));
        }
        self.inner.poll(Duration::ZERO);
        Ok(())
    }

    /// Purges and waits for the purged messages' reports (they come at once).
    fn purge(&self, in_flight: bool) {
        native::purge(self.inner.client(), in_flight);
        let deadline = std::time::Instant::now() + Duration::from_secs(1);
        while self.inner.in_flight_count() > 0 && std::time::Instant::now() < deadline {
            self.inner.poll(Duration::from_millis(1));
        }
        self.inner.poll(Duration::ZERO);
    }

    pub fn deliveries(&self) -> Deliveries {
        self.deliveries
            .lock()
            .map(|d| d.clone())
            .unwrap_or_default()
    }

    pub fn begin(&self) -> Result<(), KafkaError> {
        self.inner
            .init_transactions(self.context.timeout())
            .and_then(|()| self.inner.begin_transaction())
            .map_err(|e| self.produce_error(e, "a transaction"))
    }

    /// Within the open transaction: records the reader's offsets, commits everything,
    /// and opens the next transaction. Records and offsets land together or not at all.
    pub fn commit_with_offsets(
        &self,
        reader: &TopicReader,
        offsets: &[(TopicPartition, i64)],
    ) -> Result<(), KafkaError> {
        let metadata = reader.group_metadata().ok_or_else(|| {
            KafkaError::request(
                "committing offsets in the transaction",
                "the consumer has no group",
            )
        })?;
        let tpl = offsets_list(offsets).map_err(|e| self.produce_error(e, "the transaction"))?;
        // Flushing first keeps the commit from waiting in librdkafka's coarser steps.
        self.flush()?;
        self.inner
            .send_offsets_to_transaction(&tpl, &metadata, self.context.timeout())
            .map_err(|e| self.produce_error(e, "the transaction's offsets"))?;
        self.commit()?;
        self.inner
            .begin_transaction()
            .map_err(|e| self.produce_error(e, "a transaction"))
    }

    pub fn commit(&self) -> Result<(), KafkaError> {
        self.inner
            .commit_transaction(self.context.timeout())
            .map_err(|e| self.produce_error(e, "committing the transaction"))
    }

    pub fn abort(&self) -> Result<(), KafkaError> {
        self.inner
            .abort_transaction(self.context.timeout())
            .map_err(|e| self.produce_error(e, "aborting the transaction"))
    }

    fn produce_error(&self, err: RdError, what: &str) -> KafkaError {
        let what = if what.is_empty() {
            "producing".to_string()
        } else {
            format!("producing to {what}")
        };
        self.context.failure(&err, &what)
    }
}
