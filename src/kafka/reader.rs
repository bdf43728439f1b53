//! The one way kop reads a topic: partitions assigned at chosen offsets (or a group
//! subscription), read up to the end as of opening or followed, with an idle timeout.
//!
//! "The end" of a partition is the high watermark of the first Fetch response for it,
//! frozen: records written after the reader opened are left for the next run. A partition
//! is done when the consumer's position reaches that end, not when the last record was
//! delivered: a transaction's commit marker takes an offset but is never delivered, and
//! aborted batches are skipped, so the last delivered offset can stay short of the end
//! forever (kop's own `.parked` topic is written in transactions). A partition is also
//! done when librdkafka reports reaching its end: for read_committed readers that is the
//! last stable offset, which a transaction left open by a crashed producer holds below
//! the high watermark until the transaction is aborted.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer as _, ConsumerContext};
use rdkafka::error::KafkaError as RdError;
use rdkafka::message::{BorrowedMessage, Headers as _};
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};

use super::client_config::{client_config, Chattiness, Role};
use super::client_context::KopContext;
use super::error::{describe, is_transport, KafkaError};
use super::native;
use crate::core::record::{Header, Headers, Record, TimestampType, TopicPartition};
use crate::output::LogSink;
use crate::settings::Settings;

/// How long a closing reader waits between looks at whether librdkafka has closed it.
const CLOSE_STEP: Duration = Duration::from_millis(2);

/// librdkafka's callbacks for a reader go to kop's context.
pub(super) struct ReaderContext(KopContext);

impl ClientContext for ReaderContext {
    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, log_message: &str) {
        self.0.log(level, fac, log_message);
    }

    fn error(&self, error: RdError, reason: &str) {
        self.0.error(error, reason);
    }
}

impl ConsumerContext for ReaderContext {}

/// How a reader behaves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReaderOptions<'a> {
    /// The consumer group whose offsets a reader commits (a replay cursor, `tail --group`).
    pub group: Option<&'a str>,
    /// Keep reading past the end until the caller stops: records written after opening
    /// are delivered too, and a silent cluster is no error.
    pub follow: bool,
}

/// What one read returned.
pub(crate) enum Read<'a> {
    Record(RecordRef<'a>),
    /// Nothing right now.
    Idle,
    /// Every partition has been read up to its end as of opening. Without `follow`, every
    /// read from now on says so; when following, it is said once, when the backlog is done.
    End,
}

/// A record as received, borrowed from the reader until the next read.
pub(crate) struct RecordRef<'a>(BorrowedMessage<'a>);

impl RecordRef<'_> {
    pub fn topic(&self) -> &str {
        self.0.topic()
    }

    pub fn partition(&self) -> i32 {
        self.0.partition()
    }

    pub fn offset(&self) -> i64 {
        self.0.offset()
    }

    pub fn timestamp(&self) -> Option<i64> {
        self.0.timestamp().to_millis()
    }

    pub fn timestamp_type(&self) -> TimestampType {
        match self.0.timestamp() {
            rdkafka::Timestamp::LogAppendTime(_) => TimestampType::LogAppend,
            _ => TimestampType::Create,
        }
    }

    pub fn key(&self) -> Option<&[u8]> {
        self.0.key()
    }

    pub fn value(&self) -> Option<&[u8]> {
        self.0.payload()
    }

    /// The headers, in order, nulls and repeats kept.
    pub fn headers(&self) -> Headers {
        self.0
            .headers()
            .map(|hs| {
                hs.iter()
                    .map(|h| Header::new(h.key, h.value.map(<[u8]>::to_vec)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// An owned copy.
    pub fn to_record(&self) -> Record {
        Record {
            topic: self.topic().to_string(),
            partition: self.partition(),
            offset: self.offset(),
            timestamp: self.timestamp(),
            timestamp_type: self.timestamp_type(),
            key: self.key().map(<[u8]>::to_vec),
            value: self.value().map(<[u8]>::to_vec),
            headers: self.headers(),
        }
    }
}

/// Progress through one assigned partition.
#[derive(Debug, Clone, Copy)]
struct Progress {
    /// The next offset to read: what a cursor commits.
    next: i64,
    /// The frozen end, once the first Fetch response said it.
    end: Option<i64>,
    /// librdkafka reported the partition's end (its last stable offset) reached.
    eof: bool,
    /// The caller stopped the partition here (`--until`): nothing from this offset on is
    /// delivered, and a cursor commits no further.
    stopped: Option<i64>,
}

pub(crate) struct TopicReader {
    consumer: BaseConsumer<ReaderContext>,
    context: KopContext,
    /// Assigned partitions by topic, then partition; empty for a subscription.
    progress: HashMap<String, BTreeMap<i32, Progress>>,
    /// The topics read, for messages.
    topics: Vec<String>,
    /// The group joined, for a subscription.
    group: Option<String>,
    subscribed: bool,
    follow: bool,
    /// A subscription has had partitions at some point (after that, an empty assignment
    /// is a rebalance in progress, not a join that never finished).
    joined: bool,
    /// Following a subscription: the slow join has been warned about.
    join_warned: bool,
    /// A subscription's committed offsets, for partitions nothing was consumed from yet.
    group_starts: HashMap<TopicPartition, Option<i64>>,
    opened: Instant,
    /// Following: the one `End` has been returned.
    end_reported: bool,
    /// The last transport failure, while librdkafka reconnects.
    trouble: Option<RdError>,
    last_activity: Instant,
}

impl TopicReader {
    fn create(
        settings: &Settings,
        sink: LogSink,
        options: ReaderOptions<'_>,
    ) -> Result<TopicReader, KafkaError> {
        let chattiness = Chattiness::for_sink(&sink);
        let context = KopContext::new(sink, &settings.bootstrap, settings.timeout);
        let role = Role::Consumer {
            group: options.group,
            follow: options.follow,
        };
        let consumer = client_config(settings, role, chattiness)
            .create_with_context(ReaderContext(context.clone()))
            .map_err(|e| KafkaError::Config(describe(&e)))?;
        Ok(TopicReader {
            consumer,
            context,
            progress: HashMap::new(),
            topics: Vec::new(),
            group: options.group.map(str::to_string),
            subscribed: false,
            follow: options.follow,
            joined: false,
            join_warned: false,
            group_starts: HashMap::new(),
            opened: Instant::now(),
            end_reported: false,
            trouble: None,
            last_activity: Instant::now(),
        })
    }

    /// Reads these partitions, each from its offset (no group join).
    pub fn assign(
        settings: &Settings,
        sink: LogSink,
        options: ReaderOptions<'_>,
        starts: &[(TopicPartition, i64)],
    ) -> Result<TopicReader, KafkaError> {
        let mut reader = Self::create(settings, sink, options)?;
        let mut list = TopicPartitionList::new();
        for (tp, offset) in starts {
            list.add_partition_offset(&tp.topic, tp.partition, Offset::Offset(*offset))
                .map_err(|e| reader.failure(e))?;
            reader.progress.entry(tp.topic.clone()).or_default().insert(
                tp.partition,
                Progress {
                    next: *offset,
                    end: None,
                    eof: false,
                    stopped: None,
                },
            );
        }
        reader
            .consumer
            .assign(&list)
            .map_err(|e| reader.failure(e))?;
        let mut topics: Vec<String> = reader.progress.keys().cloned().collect();
        topics.sort();
        reader.topics = topics;
        Ok(reader)
    }

    /// Joins `options.group` and reads the topics from the group's committed offsets.
    pub fn subscribe(
        settings: &Settings,
        sink: LogSink,
        options: ReaderOptions<'_>,
        topics: &[String],
    ) -> Result<TopicReader, KafkaError> {
        let mut reader = Self::create(settings, sink, options)?;
        let names: Vec<&str> = topics.iter().map(String::as_str).collect();
        reader
            .consumer
            .subscribe(&names)
            .map_err(|e| reader.failure(e))?;
        reader.subscribed = true;
        reader.topics = topics.to_vec();
        Ok(reader)
    }

    /// The next record, waiting at most `wait`. Without `follow`, [`Read::End`] once every
    /// partition is at its end, and an error when the cluster sends nothing for the whole
    /// timeout before that.
    pub fn read(&mut self, wait: Duration) -> Result<Read<'_>, KafkaError> {
        let message = match self.consumer.poll(wait) {
            Some(Err(RdError::PartitionEOF(partition))) => {
                reached_end(&self.topics, &mut self.progress, partition);
                None
            }
            None => None,
            // A dropped connection is librdkafka's to mend; it reconnects on its own. A
            // reader that must end gives up at its timeout, naming this cause.
            Some(Err(e)) if e.rdkafka_error_code().is_some_and(is_transport) => {
                self.trouble = Some(e);
                None
            }
            Some(Err(e)) => return Err(self.failure(e)),
            Some(Ok(m)) => Some(m),
        };
        let Some(message) = message else {
            let done = if self.subscribed {
                subscription_at_end(
                    &self.consumer,
                    &mut self.group_starts,
                    self.context.timeout(),
                )
            } else {
                at_end(&self.consumer, &mut self.progress)
            };
            if !self.end_reported && done {
                self.end_reported = self.follow;
                return Ok(Read::End);
            }
            if self.opened.elapsed() > self.context.timeout()
                && never_joined(&self.consumer, self.subscribed, &mut self.joined)
            {
                let group = self.group.clone().unwrap_or_default();
                let after = self.context.timeout();
                if !self.follow {
                    return Err(KafkaError::GroupJoin { group, after });
                }
                if !self.join_warned {
                    self.join_warned = true;
                    self.context.warn(&format!(
                        "{}; still waiting",
                        KafkaError::GroupJoin { group, after }
                    ));
                }
            }
            if !self.follow && self.last_activity.elapsed() > self.context.timeout() {
                let what = format!("reading {} up to its end", self.topics.join(", "));
                return Err(match self.trouble.take() {
                    Some(e) => self.context.failure(&e, &what),
                    None => KafkaError::Timeout {
                        what,
                        after: self.context.timeout(),
                    },
                });
            }
            return Ok(Read::Idle);
        };
        self.last_activity = Instant::now();
        self.trouble = None;
        self.joined = true;
        let (partition, offset) = (message.partition(), message.offset());
        if let Some(progress) = self
            .progress
            .get_mut(message.topic())
            .and_then(|p| p.get_mut(&partition))
        {
            if progress.stopped.is_some() {
                // Fetched before the partition was paused: never delivered.
                return Ok(Read::Idle);
            }
            if progress.end.is_none() {
                progress.end = native::cached_high_watermark(
                    self.consumer.client(),
                    message.topic(),
                    partition,
                );
            }
            if let (false, Some(end)) = (self.follow, progress.end) {
                if offset >= end {
                    // Written after the reader opened: left for the next run.
                    progress.next = end;
                    return Ok(Read::Idle);
                }
            }
            progress.next = offset + 1;
        }
        Ok(Read::Record(RecordRef(message)))
    }

    /// The next offset to read in each assigned partition (never past its end unless
    /// following): what a cursor commits after the records before it are handled.
    pub fn positions(&self) -> Vec<(TopicPartition, i64)> {
        let positions = consumer_positions(&self.consumer);
        let mut out: Vec<(TopicPartition, i64)> = self
            .progress
            .iter()
            .flat_map(|(topic, parts)| {
                parts
                    .iter()
                    .map(move |(partition, p)| (TopicPartition::new(topic.clone(), *partition), *p))
            })
            .map(|(tp, p)| {
                if let Some(stop) = p.stopped {
                    return (tp, stop);
                }
                let mut next = p.next.max(positions.get(&tp).copied().unwrap_or(p.next));
                if let (false, Some(end)) = (self.follow, p.end) {
                    next = next.min(end.max(p.next));
                }
                (tp, next)
            })
            .collect();
        out.sort();
        out
    }

    /// Stops reading an assigned partition at `offset` (`--until`): it is paused, nothing
    /// from `offset` on is delivered, it counts as at its end, and [`positions`] gives
    /// `offset` for it, so that a cursor resumes there.
    ///
    /// [`positions`]: TopicReader::positions
    pub fn stop_partition(
        &mut self,
        topic: &str,
        partition: i32,
        offset: i64,
    ) -> Result<(), KafkaError> {
        let Some(progress) = self
            .progress
            .get_mut(topic)
            .and_then(|parts| parts.get_mut(&partition))
        else {
            return Ok(());
        };
        progress.stopped = Some(offset);
        progress.next = offset;
        let mut list = TopicPartitionList::new();
        list.add_partition(topic, partition);
        self.consumer.pause(&list).map_err(|e| self.failure(e))
    }

    /// Every assigned partition was stopped by [`TopicReader::stop_partition`].
    pub fn all_stopped(&self) -> bool {
        !self.progress.is_empty()
            && self
                .progress
                .values()
                .flat_map(BTreeMap::values)
                .all(|p| p.stopped.is_some())
    }

    /// Commits these next offsets for the reader's group, synchronously.
    pub fn commit(&self, offsets: &[(TopicPartition, i64)]) -> Result<(), KafkaError> {
        if offsets.is_empty() {
            return Ok(());
        }
        let list = offsets_list(offsets).map_err(|e| self.failure(e))?;
        self.consumer
            .commit(&list, CommitMode::Sync)
            .map_err(|e| self.failure(e))
    }

    /// Commits what a subscription has delivered so far.
    pub fn commit_consumed(&self) -> Result<(), KafkaError> {
        match self.consumer.commit_consumer_state(CommitMode::Sync) {
            Ok(()) | Err(RdError::ConsumerCommit(rdkafka::types::RDKafkaErrorCode::NoOffset)) => {
                Ok(())
            }
            Err(e) => Err(self.failure(e)),
        }
    }

    /// Marks a subscription's record as handled, for [`commit_consumed`].
    pub fn mark_consumed(
        &self,
        topic: &str,
        partition: i32,
        offset: i64,
    ) -> Result<(), KafkaError> {
        self.consumer
            .store_offset(topic, partition, offset)
            .map_err(|e| self.failure(e))
    }

    pub(super) fn group_metadata(&self) -> Option<rdkafka::consumer::ConsumerGroupMetadata> {
        self.consumer.group_metadata()
    }

    fn failure(&self, err: RdError) -> KafkaError {
        self.context.failure(&err, "reading")
    }
}

impl Drop for TopicReader {
    /// Closes the consumer (leaving its group, if it joined one) in short steps: rdkafka's
    /// own close, on drop, waits in 100 ms polls that nothing wakes when the close is done,
    /// so every reading command paid up to 100 ms at exit. rdkafka's drop then finds the
    /// consumer closed.
    fn drop(&mut self) {
        if self.consumer.close_queue().is_err() {
            return;
        }
        let deadline = Instant::now() + self.context.timeout();
        while !self.consumer.closed() && Instant::now() < deadline {
            // Serves what closing brings (a group's revocation) as it comes.
            let _ = self.consumer.poll(CLOSE_STEP);
        }
    }
}

/// librdkafka names only the partition of an end it reached: with one topic that is
/// enough; with several, waiting for the position to reach the high watermark is.
fn reached_end(
    topics: &[String],
    progress: &mut HashMap<String, BTreeMap<i32, Progress>>,
    partition: i32,
) {
    if let [topic] = topics {
        if let Some(p) = progress
            .get_mut(topic)
            .and_then(|parts| parts.get_mut(&partition))
        {
            p.eof = true;
        }
    }
}

/// A subscription that the group has not yet given any partition (`joined` remembers
/// that it has).
fn never_joined(
    consumer: &BaseConsumer<ReaderContext>,
    subscribed: bool,
    joined: &mut bool,
) -> bool {
    if subscribed && !*joined {
        *joined = consumer.assignment().is_ok_and(|list| list.count() > 0);
    }
    subscribed && !*joined
}

/// Every partition has reached its end (freezing ends as Fetch responses tell them).
/// A subscription is at its end when the group has given it partitions and each is read
/// up to the high watermark of its latest fetch. A partition nothing was consumed from has
/// no position: it is at its end when the group's start in it (its committed offset, else
/// the earliest) is already the high watermark — an empty partition, or one the group had
/// read to the end before. `starts` keeps the committed offsets looked up.
fn subscription_at_end(
    consumer: &BaseConsumer<ReaderContext>,
    starts: &mut HashMap<TopicPartition, Option<i64>>,
    timeout: Duration,
) -> bool {
    let Ok(assignment) = consumer.assignment() else {
        return false;
    };
    if assignment.count() == 0 {
        return false;
    }
    let positions = consumer_positions(consumer);
    assignment.elements().iter().all(|e| {
        let tp = TopicPartition::new(e.topic(), e.partition());
        let Some((low, high)) =
            native::cached_watermarks(consumer.client(), &tp.topic, tp.partition)
        else {
            return false;
        };
        if let Some(position) = positions.get(&tp) {
            return *position >= high;
        }
        let start = match starts.get(&tp) {
            Some(start) => *start,
            None => match committed_offset(consumer, &tp, timeout) {
                Some(start) => {
                    starts.insert(tp, start);
                    start
                }
                None => return false,
            },
        };
        start.unwrap_or(low).max(low) >= high
    })
}

/// The group's committed offset in one partition: `Some(None)` when it has none, `None`
/// when the coordinator did not say.
fn committed_offset(
    consumer: &BaseConsumer<ReaderContext>,
    tp: &TopicPartition,
    timeout: Duration,
) -> Option<Option<i64>> {
    let mut list = TopicPartitionList::new();
    list.add_partition(&tp.topic, tp.partition);
    let committed = consumer.committed_offsets(list, timeout).ok()?;
    let element = committed.find_partition(&tp.topic, tp.partition)?;
    Some(match element.offset() {
        Offset::Offset(o) => Some(o),
        _ => None,
    })
}

fn at_end(
    consumer: &BaseConsumer<ReaderContext>,
    progress: &mut HashMap<String, BTreeMap<i32, Progress>>,
) -> bool {
    let positions = consumer_positions(consumer);
    let mut done = true;
    for (topic, parts) in progress.iter_mut() {
        for (partition, p) in parts.iter_mut() {
            if p.end.is_none() {
                p.end = native::cached_high_watermark(consumer.client(), topic, *partition);
            }
            let position = positions
                .get(&TopicPartition::new(topic.clone(), *partition))
                .copied()
                .unwrap_or(p.next)
                .max(p.next);
            done &= p.stopped.is_some() || p.eof || p.end.is_some_and(|end| position >= end);
        }
    }
    done
}

/// The consumer's own next offset per assigned partition, where it knows one. It moves
/// past transaction markers, which never reach kop.
fn consumer_positions(consumer: &BaseConsumer<ReaderContext>) -> BTreeMap<TopicPartition, i64> {
    let Ok(list) = consumer.position() else {
        return BTreeMap::new();
    };
    list.elements()
        .iter()
        .filter_map(|e| match e.offset() {
            Offset::Offset(o) => Some((TopicPartition::new(e.topic(), e.partition()), o)),
            _ => None,
        })
        .collect()
}

pub(super) fn offsets_list(
    offsets: &[(TopicPartition, i64)],
) -> Result<TopicPartitionList, RdError> {
    let mut list = TopicPartitionList::new();
    for (tp, o) in offsets {
        list.add_partition_offset(&tp.topic, tp.partition, Offset::Offset(*o))?;
    }
    Ok(list)
}

/// The timestamp of the record at each offset (the age of a lagging partition's oldest
/// unconsumed record). Offsets whose partition sends nothing before its end are left out.
/// A consumer reads a partition from one place at a time, so several offsets of one
/// partition (two groups at different places) are read in rounds.
pub(crate) fn timestamps_at(
    settings: &Settings,
    sink: LogSink,
    offsets: &[(TopicPartition, i64)],
) -> Result<BTreeMap<(TopicPartition, i64), i64>, KafkaError> {
    let mut by_partition: BTreeMap<&TopicPartition, Vec<i64>> = BTreeMap::new();
    for (tp, offset) in offsets {
        by_partition.entry(tp).or_default().push(*offset);
    }
    let mut found = BTreeMap::new();
    for round in 0.. {
        let wanted: Vec<(TopicPartition, i64)> = by_partition
            .iter()
            .filter_map(|(tp, offsets)| offsets.get(round).map(|o| ((*tp).clone(), *o)))
            .collect();
        if wanted.is_empty() {
            break;
        }
        found.extend(first_timestamps(settings, sink.clone(), &wanted)?);
    }
    Ok(found)
}

/// The timestamp of the first record read from each partition, each at its own offset.
fn first_timestamps(
    settings: &Settings,
    sink: LogSink,
    starts: &[(TopicPartition, i64)],
) -> Result<BTreeMap<(TopicPartition, i64), i64>, KafkaError> {
    let options = ReaderOptions {
        group: None,
        follow: false,
    };
    let start_of: BTreeMap<&TopicPartition, i64> = starts.iter().map(|(tp, o)| (tp, *o)).collect();
    let mut reader = TopicReader::assign(settings, sink, options, starts)?;
    let mut found = BTreeMap::new();
    while found.len() < starts.len() {
        match reader.read(Duration::from_millis(50)) {
            Ok(Read::Record(record)) => {
                let tp = TopicPartition::new(record.topic(), record.partition());
                if let (Some(start), Some(ts)) = (start_of.get(&tp), record.timestamp()) {
                    found.entry((tp, *start)).or_insert(ts);
                }
            }
            Ok(Read::Idle) => {}
            Ok(Read::End) | Err(KafkaError::Timeout { .. }) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}
