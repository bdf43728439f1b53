//! `kop dlq ...`: reading a dead-letter queue from a cursor, shared by replay and stats.

pub mod replay;
pub mod stats;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::anyhow;
use rdkafka::message::Message;

use crate::commands::kafka_error;
use crate::config::TopicsFile;
use crate::dlq::{DlqMessage, EnvelopeFields, Recogniser};
use crate::kafka::{headers_of, Consumer, Start};

/// The recogniser for the file's envelope names and `dead_letter` mappings.
pub fn recogniser(file: Option<&TopicsFile>) -> Recogniser {
    let mut fields = EnvelopeFields::default();
    let mut mappings = Vec::new();
    if let Some(file) = file {
        let d = &file.dead_letters;
        let overrides = [
            (&mut fields.original_event, &d.original_event),
            (&mut fields.original_event_base64, &d.original_event_base64),
            (&mut fields.original_key, &d.original_key),
            (&mut fields.error_message, &d.error_message),
            (&mut fields.failed_at, &d.failed_at),
            (&mut fields.retry_count, &d.retry_count),
            (&mut fields.original_topic, &d.original_topic),
            (&mut fields.original_partition, &d.original_partition),
            (&mut fields.original_offset, &d.original_offset),
        ];
        for (field, name) in overrides {
            if let Some(name) = name {
                field.clone_from(name);
            }
        }
        mappings = file
            .topics
            .values()
            .filter_map(|t| t.dead_letter.clone().map(|d| (d, t.name.clone())))
            .collect();
    }
    Recogniser { fields, mappings }
}

/// `--since` / `--until`: RFC 3339, `@millis`, or `-DURATION` ago.
pub fn parse_time(text: &str) -> Result<i64, String> {
    match crate::tail::parse_from(text)? {
        crate::tail::From::Time(ms) => Ok(ms),
        crate::tail::From::Ago(d) => Ok(now_ms() - d.as_millis() as i64),
        _ => Err(format!(
            "`{text}` is not a time: use RFC 3339, @epoch-millis or -DURATION (e.g. -2h)"
        )),
    }
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// What a read returned.
pub enum Read {
    Letter(DlqMessage),
    /// Nothing right now (following, or still fetching).
    Idle,
    /// Every partition is read up to where it ended when the reader opened.
    Done,
}

/// Reads one dead-letter topic from a cursor's offsets up to the end as of opening.
pub struct DlqReader<'a> {
    consumer: &'a Consumer,
    topic: String,
    end: HashMap<i32, i64>,
    next: HashMap<i32, i64>,
    follow: bool,
    timeout: Duration,
    last_activity: Instant,
}

impl<'a> DlqReader<'a> {
    /// Assigns the partitions at the cursor's committed offsets (the beginning for a new
    /// cursor).
    pub fn open(
        consumer: &'a Consumer,
        topic: &str,
        follow: bool,
        timeout: Duration,
    ) -> anyhow::Result<DlqReader<'a>> {
        let partitions: Vec<(String, i32)> = consumer
            .partitions(topic)
            .map_err(kafka_error)?
            .into_iter()
            .map(|p| (topic.to_string(), p))
            .collect();
        let committed = consumer.committed(&partitions).map_err(kafka_error)?;
        let mut end = HashMap::new();
        let mut next = HashMap::new();
        let mut starts = Vec::new();
        for (t, p) in &partitions {
            let (low, high) = consumer.watermarks(t, *p).map_err(kafka_error)?;
            let start = committed
                .get(&(t.clone(), *p))
                .copied()
                .flatten()
                .unwrap_or(low)
                .max(low);
            end.insert(*p, high);
            next.insert(*p, start);
            starts.push((t.clone(), *p, Start::At(start)));
        }
        consumer.assign(&starts).map_err(kafka_error)?;
        Ok(DlqReader {
            consumer,
            topic: topic.to_string(),
            end,
            next,
            follow,
            timeout,
            last_activity: Instant::now(),
        })
    }

    /// The next offset to read in each partition: what a cursor commits.
    pub fn positions(&self) -> Vec<(String, i32, i64)> {
        let mut out: Vec<(String, i32, i64)> = self
            .next
            .iter()
            .map(|(p, o)| (self.topic.clone(), *p, *o))
            .collect();
        out.sort();
        out
    }

    pub fn read(&mut self) -> anyhow::Result<Read> {
        let message = self
            .consumer
            .poll(Duration::from_millis(100))
            .map_err(kafka_error)?;
        let Some(m) = message else {
            if !self.follow && self.finished() {
                return Ok(Read::Done);
            }
            if !self.follow && self.last_activity.elapsed() > self.timeout {
                return Err(anyhow!(
                    "{} sent nothing for {:?} before its end was reached",
                    self.topic,
                    self.timeout
                ));
            }
            return Ok(Read::Idle);
        };
        self.last_activity = Instant::now();
        let (partition, offset) = (m.partition(), m.offset());
        if let Some(end) = self
            .end
            .get(&partition)
            .copied()
            .filter(|e| !self.follow && offset >= *e)
        {
            // Arrived after the read started: left for the next run.
            self.next.insert(partition, end);
            return Ok(Read::Idle);
        }
        self.next.insert(partition, offset + 1);
        let headers = headers_of(&m);
        Ok(Read::Letter(DlqMessage {
            topic: m.topic().to_string(),
            partition,
            offset,
            timestamp: m.timestamp().to_millis(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().map(<[u8]>::to_vec),
            headers,
        }))
    }

    fn finished(&self) -> bool {
        self.next.iter().all(|(p, next)| {
            self.end.get(p).is_some_and(|e| next >= e)
                || self.consumer.at_end(&self.topic, *p, *next)
        })
    }
}

/// Counts by key, for tables.
pub type Tally = BTreeMap<String, u64>;
