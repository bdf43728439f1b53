//! `kop tail TOPIC...`: choose start offsets, read, filter, decode, print; the last N
//! across partitions by default, or a stream with `-f`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::anyhow;
use rdkafka::message::Message;

use crate::cli::{ReadFormat, TailArgs};
use crate::codec::{self, Decoded, Format as Codec, NoSchemas, SchemaSource};
use crate::context::Settings;
use crate::error::{Outcome, UsageError};
use crate::kafka::{headers_of, Consumer, Start};
use crate::output::views::tail::{render, RecordView};
use crate::output::{Format, Output};
use crate::registry::{Registry, SchemaCache};
use crate::tail::{merge_last, parse_from, Filter, From, LastN};

const DEFAULT_COUNT: u64 = 10;
const POLL: Duration = Duration::from_millis(100);

pub async fn run(
    settings: &Settings,
    args: &TailArgs,
    out: &mut Output,
) -> anyhow::Result<Outcome> {
    super::require_format(
        out,
        "kop tail",
        &[Format::Table, Format::Json, Format::Ndjson],
    )?;
    let usage = |e: String| anyhow!(UsageError(e));
    let filter = Filter::new(args.grep.as_deref(), &args.headers).map_err(usage)?;
    let from = args
        .from
        .as_deref()
        .map(parse_from)
        .transpose()
        .map_err(usage)?;
    let schemas: Box<dyn SchemaSource + Send + Sync> = match &settings.registry {
        Some(r) => Box::new(SchemaCache::new(Registry::new(r, settings.timeout))),
        None => Box::new(NoSchemas),
    };
    let consumer = Consumer::new(settings, out.log_sink(), args.group.as_deref())
        .map_err(super::kafka_error)?;
    let interrupted = super::interrupt_flag();
    let tail = Tail {
        args,
        consumer: &consumer,
        filter,
        schemas: schemas.as_ref(),
        interrupted: &interrupted,
        timeout: settings.timeout,
        next: HashMap::new(),
    };
    tokio::task::block_in_place(|| tail.run(from, out))
}

/// How reading proceeds.
enum Phase {
    /// Collect the last N of each partition; print the N newest at the end.
    LastN {
        parts: Vec<LastN<RecordView>>,
        index: HashMap<(String, i32), usize>,
        n: usize,
    },
    /// Print as read; stop after `limit` when given.
    Stream { printed: u64, limit: Option<u64> },
}

struct Tail<'a> {
    args: &'a TailArgs,
    consumer: &'a Consumer,
    filter: Filter,
    schemas: &'a (dyn SchemaSource + Send + Sync),
    interrupted: &'a AtomicBool,
    timeout: Duration,
    /// Next offset to read, per assigned partition.
    next: HashMap<(String, i32), i64>,
}

impl Tail<'_> {
    fn run(mut self, from: Option<From>, out: &mut Output) -> anyhow::Result<Outcome> {
        let mut phase = self.start(from)?;
        let mut last_activity = Instant::now();
        loop {
            if self.interrupted.load(Ordering::SeqCst) {
                self.finish(phase, out)?;
                return Ok(Outcome::Interrupted);
            }
            let message = self.consumer.poll(POLL).map_err(super::kafka_error)?;
            let Some(message) = message else {
                out.flush()?;
                if self.at_end()? {
                    if self.args.follow {
                        phase = self.flush_last(phase, out)?;
                        continue;
                    }
                    return self.finish(phase, out).map(|()| Outcome::Clean);
                }
                if !self.args.follow && last_activity.elapsed() > self.timeout {
                    return Err(anyhow!(
                        "the cluster sent nothing for {:?} before the end of the topic was reached",
                        self.timeout
                    ));
                }
                continue;
            };
            last_activity = Instant::now();
            let key = (message.topic().to_string(), message.partition());
            self.next.insert(key.clone(), message.offset() + 1);
            self.consumer.store(&message).map_err(super::kafka_error)?;
            let Some(record) = self.record(&message, out) else {
                continue;
            };
            match &mut phase {
                Phase::LastN { parts, index, n } => {
                    let i = *index.entry(key).or_insert_with(|| {
                        parts.push(LastN::new(*n));
                        parts.len() - 1
                    });
                    parts[i].push(record.timestamp.unwrap_or(0), record);
                }
                Phase::Stream { printed, limit } => {
                    render(out, &record)?;
                    *printed += 1;
                    if limit.is_some_and(|l| *printed >= l) {
                        return self.finish(phase, out).map(|()| Outcome::Clean);
                    }
                }
            }
        }
    }

    /// Assigns (or subscribes) and says how reading proceeds.
    fn start(&mut self, from: Option<From>) -> anyhow::Result<Phase> {
        let topics: Vec<&str> = self.args.topics.iter().map(String::as_str).collect();
        if self.args.group.is_some() {
            self.consumer
                .subscribe(&topics)
                .map_err(super::kafka_error)?;
            return Ok(Phase::Stream {
                printed: 0,
                limit: self.args.count,
            });
        }
        let partitions = self.partitions()?;
        let mut starts = Vec::with_capacity(partitions.len());
        let count = self.args.count.unwrap_or(DEFAULT_COUNT);
        let by_time = match from {
            Some(From::Time(ms)) => Some(ms),
            Some(From::Ago(d)) => Some(now_ms() - d.as_millis() as i64),
            _ => None,
        };
        let times = match by_time {
            Some(ms) => Some(
                self.consumer
                    .offsets_for_time(&partitions, ms)
                    .map_err(super::kafka_error)?,
            ),
            None => None,
        };
        for (topic, partition) in &partitions {
            let (low, high) = self
                .consumer
                .watermarks(topic, *partition)
                .map_err(super::kafka_error)?;
            let start = match from {
                None => Start::At((high - count as i64).max(low)),
                Some(From::Beginning) => Start::At(low),
                Some(From::End) => Start::End,
                Some(From::Offset(o)) => Start::At(o.max(low)),
                Some(From::Time(_) | From::Ago(_)) => {
                    let found = times
                        .as_ref()
                        .and_then(|t| t.get(&(topic.clone(), *partition)).copied().flatten());
                    found.map_or(Start::End, Start::At)
                }
            };
            let next = match start {
                Start::At(o) => o,
                Start::Beginning => low,
                Start::End => high,
            };
            self.next.insert((topic.clone(), *partition), next);
            starts.push((topic.clone(), *partition, start));
        }
        self.consumer.assign(&starts).map_err(super::kafka_error)?;
        Ok(match from {
            None => Phase::LastN {
                parts: Vec::new(),
                index: HashMap::new(),
                n: count as usize,
            },
            Some(_) => Phase::Stream {
                printed: 0,
                limit: self.args.count,
            },
        })
    }

    fn partitions(&self) -> anyhow::Result<Vec<(String, i32)>> {
        let mut out = Vec::new();
        for topic in &self.args.topics {
            let available = self
                .consumer
                .partitions(topic)
                .map_err(super::kafka_error)?;
            if let Some(missing) = self.args.partition.iter().find(|p| !available.contains(p)) {
                return Err(anyhow!(
                    "{topic} has no partition {missing} (it has {})",
                    available.len()
                ));
            }
            for p in available {
                if self.args.partition.is_empty() || self.args.partition.contains(&p) {
                    out.push((topic.clone(), p));
                }
            }
        }
        Ok(out)
    }

    /// Every assigned partition has been read up to its high watermark.
    fn at_end(&self) -> anyhow::Result<bool> {
        let positions = self.consumer.positions().map_err(super::kafka_error)?;
        if positions.is_empty() {
            return Ok(false);
        }
        Ok(positions.iter().all(|(topic, partition, position)| {
            // librdkafka's position also moves past transaction markers, which never
            // reach the application; the offsets kop saw cover partitions not yet fetched.
            let seen = self.next.get(&(topic.clone(), *partition)).copied();
            let next = seen.max(*position);
            next.is_some_and(|n| self.consumer.at_end(topic, *partition, n))
        }))
    }

    /// Prints the collected last N (once) and continues as a stream.
    fn flush_last(&self, phase: Phase, out: &mut Output) -> anyhow::Result<Phase> {
        if let Phase::LastN { parts, n, .. } = phase {
            for record in merge_last(parts, n) {
                render(out, &record)?;
            }
            out.flush()?;
            return Ok(Phase::Stream {
                printed: 0,
                limit: None,
            });
        }
        Ok(phase)
    }

    fn finish(&self, phase: Phase, out: &mut Output) -> anyhow::Result<()> {
        self.flush_last(phase, out)?;
        out.flush()?;
        self.consumer.commit().map_err(super::kafka_error)
    }

    /// Filters and decodes a message; `None` when a filter drops it.
    fn record(
        &self,
        m: &rdkafka::message::BorrowedMessage<'_>,
        out: &Output,
    ) -> Option<RecordView> {
        let headers = headers_of(m);
        if !self.filter.headers_match(&headers) {
            return None;
        }
        let place = || format!("{}/{} @{}", m.topic(), m.partition(), m.offset());
        let key = m
            .key()
            .map(|k| self.decode(k, self.args.key_format, out, &format!("{} key", place())));
        let value = m
            .payload()
            .map(|v| self.decode(v, self.args.format, out, &place()));
        if self.filter.needs_text() {
            let key_text = key
                .as_ref()
                .map(|k| k.value.to_string())
                .unwrap_or_default();
            let value_text = value
                .as_ref()
                .map(|v| v.value.to_string())
                .unwrap_or_default();
            if !self.filter.text_matches(&[&key_text, &value_text]) {
                return None;
            }
        }
        Some(RecordView {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            timestamp: m.timestamp().to_millis(),
            key,
            headers: headers
                .into_iter()
                .map(|(k, v)| {
                    (
                        k,
                        v.map(|b| {
                            codec::text_or_base64(&b)
                                .value
                                .as_str()
                                .unwrap_or_default()
                                .to_string()
                        }),
                    )
                })
                .collect(),
            value,
        })
    }

    /// Decodes, or falls back to base64 with a warning: tail never stops on a bad payload.
    fn decode(&self, bytes: &[u8], format: ReadFormat, out: &Output, place: &str) -> Decoded {
        let format = match format {
            ReadFormat::Auto => Codec::Auto,
            ReadFormat::Json => Codec::Json,
            ReadFormat::Avro => Codec::Avro,
            ReadFormat::Raw => Codec::Raw,
        };
        codec::decode(bytes, format, self.schemas).unwrap_or_else(|e| {
            out.warn(&format!("{place}: {e}; shown as base64"));
            codec::base64(bytes)
        })
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
