//! `kop tail TOPIC...`: find where each partition starts, read, filter, decode, print;
//! the last N across partitions by default, or a stream.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use crate::core::codec::{self, wire, Decoded, Format as Codec, SchemaSource};
use crate::core::compact_json::Compactor;
use crate::core::record::TopicPartition;
use crate::core::tail::{
    last_n_offset, merge_last, shown_headers, start_offset, LastN, Shown as ShownValue, StartAt,
    TailRecord,
};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{Admin, Read, ReaderOptions, RecordRef, TopicReader};
use crate::output::views::tail::RecordPrinter;
use crate::output::Output;
use crate::settings::{Settings, TailSettings, TailStart};
use crate::util::time::now_ms;

const POLL: Duration = Duration::from_millis(100);

pub(crate) fn run(
    settings: &Settings,
    tail: &TailSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    if let Some(note) = tail.note {
        out.status(note);
    }
    let mut decoder = Decoder {
        schemas: super::schema_source(settings),
        registry: settings.registry.is_some(),
        warned: HashSet::new(),
        reasons: HashSet::new(),
        one_line_json: RecordPrinter::one_line_json(out),
        compactor: Compactor::default(),
    };
    let mut reader = open(settings, tail, out)?;
    let mut shown = Shown::new(&tail.start, tail.limit);
    let mut printer = RecordPrinter::new(tail.key_separator.clone());
    // Records are read without waiting while librdkafka has them; when it has none, what
    // was printed is flushed (a follower's reader sees each record as it comes) and the
    // next read waits.
    let mut wait = Duration::ZERO;
    // Following: the backlog as of opening has been read.
    let mut caught_up = false;
    let outcome = loop {
        if interrupt::requested() {
            break Outcome::Interrupted;
        }
        if tail.until.is_some() && reader.all_stopped() {
            break Outcome::Clean;
        }
        let read = reader.read(wait)?;
        wait = match read {
            Read::Record(_) => Duration::ZERO,
            _ => POLL,
        };
        caught_up |= matches!(read, Read::End);
        match read {
            // Following, once the backlog is read, past a time bound the clock has passed:
            // what comes now was written after it.
            Read::Idle | Read::End
                if caught_up
                    && tail.follow
                    && tail.until.is_some_and(|b| b.passed_at(now_ms())) =>
            {
                break Outcome::Clean
            }
            Read::Idle => out.flush()?,
            Read::End if tail.follow => shown = shown.flush_last(&mut printer, out)?,
            Read::End => break Outcome::Clean,
            Read::Record(record) => {
                if let Some(bound) = tail.until {
                    if bound.stops_at(record.offset(), record.timestamp()) {
                        let (topic, partition) = (record.topic().to_string(), record.partition());
                        let offset = record.offset();
                        drop(record);
                        reader.stop_partition(&topic, partition, offset)?;
                        continue;
                    }
                }
                // A group commits what it read, shown or filtered out.
                let consumed = matches!(tail.start, TailStart::Group(_)).then(|| {
                    (
                        record.topic().to_string(),
                        record.partition(),
                        record.offset(),
                    )
                });
                let view = view(&record, tail, &mut decoder, out);
                drop(record);
                if let Some((topic, partition, offset)) = consumed {
                    reader.mark_consumed(&topic, partition, offset)?;
                }
                let Some(view) = view else {
                    continue;
                };
                if shown.add(view, &mut printer, out)? {
                    break Outcome::Clean;
                }
            }
        }
    };
    shown.flush_last(&mut printer, out)?;
    printer.finish(out)?;
    out.flush()?;
    if let TailStart::Group(_) = tail.start {
        reader.commit_consumed()?;
    }
    Ok(outcome)
}

/// Gathers where each partition starts and opens the reader there (or joins the group).
fn open(
    settings: &Settings,
    tail: &TailSettings,
    out: &Output,
) -> Result<TopicReader, CommandError> {
    if let TailStart::Group(group) = &tail.start {
        let options = ReaderOptions {
            group: Some(group),
            follow: tail.follow,
        };
        return Ok(TopicReader::subscribe(
            settings,
            out.log_sink(),
            options,
            &tail.topics,
        )?);
    }
    let admin = Admin::connect(settings, out.log_sink())?;
    let partitions = partitions(&admin, tail)?;
    let ends = admin.partition_ends(&partitions)?;
    let at_time = match tail.start {
        TailStart::From(StartAt::Time(spec)) => {
            Some(admin.offsets_for_time(&partitions, spec.resolve(now_ms()))?)
        }
        _ => None,
    };
    let starts: Vec<(TopicPartition, i64)> = partitions
        .into_iter()
        .map(|tp| {
            let e = ends.get(&tp).copied().unwrap_or_default();
            let offset = match tail.start {
                TailStart::Last(n) => last_n_offset(n, e),
                TailStart::From(start) => {
                    let found = at_time.as_ref().and_then(|t| t.get(&tp).copied().flatten());
                    start_offset(start, e, found)
                }
                TailStart::Group(_) => e.earliest,
            };
            (tp, offset)
        })
        .collect();
    let options = ReaderOptions {
        group: None,
        follow: tail.follow,
    };
    let mut reader = TopicReader::assign(settings, out.log_sink(), options, &starts)?;
    // A partition that starts at or past an offset bound has nothing to read.
    if let Some(bound) = tail.until {
        for (tp, start) in starts.iter().filter(|(_, s)| bound.excludes_start(*s)) {
            reader.stop_partition(&tp.topic, tp.partition, *start)?;
        }
    }
    Ok(reader)
}

/// The partitions to read; naming a partition a topic lacks is an error.
fn partitions(admin: &Admin, tail: &TailSettings) -> Result<Vec<TopicPartition>, CommandError> {
    let mut out = Vec::new();
    for topic in &tail.topics {
        let available: Vec<i32> = crate::commands::names::topic_or_closest(admin, topic, || {
            format!("topic {topic} does not exist")
        })?
        .partitions
        .iter()
        .map(|p| p.id)
        .collect();
        if let Some(missing) = tail.partitions.iter().find(|p| !available.contains(p)) {
            return Err(CommandError::failed(format!(
                "{topic} has no partition {missing} (it has {})",
                available.len()
            )));
        }
        out.extend(
            available
                .into_iter()
                .filter(|p| tail.partitions.is_empty() || tail.partitions.contains(p))
                .map(|p| TopicPartition::new(topic.clone(), p)),
        );
    }
    Ok(out)
}

/// What has been shown, and what is still to show.
enum Shown {
    /// Collecting the last N of each partition, shown when the backlog is read.
    Last {
        parts: Vec<LastN<TailRecord>>,
        index: HashMap<TopicPartition, usize>,
        n: usize,
    },
    /// Printing as read; stop after `limit` when given.
    Stream { printed: u64, limit: Option<u64> },
}

impl Shown {
    fn new(start: &TailStart, limit: Option<u64>) -> Shown {
        match start {
            TailStart::Last(n) => Shown::Last {
                parts: Vec::new(),
                index: HashMap::new(),
                n: usize::try_from(*n).unwrap_or(usize::MAX),
            },
            _ => Shown::Stream { printed: 0, limit },
        }
    }

    /// Takes one record; `true` when the limit is reached.
    fn add(
        &mut self,
        record: TailRecord,
        printer: &mut RecordPrinter,
        out: &mut Output,
    ) -> Result<bool, CommandError> {
        match self {
            Shown::Last { parts, index, n } => {
                let key = TopicPartition::new(record.topic.clone(), record.partition);
                let i = *index.entry(key).or_insert_with(|| {
                    parts.push(LastN::new(*n));
                    parts.len() - 1
                });
                parts[i].push(record.timestamp.unwrap_or(0), record);
                Ok(false)
            }
            Shown::Stream { printed, limit } => {
                printer.record(out, &record)?;
                *printed += 1;
                Ok(limit.is_some_and(|l| *printed >= l))
            }
        }
    }

    /// Prints the collected last N (once) and goes on as a stream.
    fn flush_last(
        self,
        printer: &mut RecordPrinter,
        out: &mut Output,
    ) -> Result<Shown, CommandError> {
        if let Shown::Last { parts, n, .. } = self {
            for record in merge_last(parts, n) {
                printer.record(out, &record)?;
            }
            out.flush()?;
            return Ok(Shown::Stream {
                printed: 0,
                limit: None,
            });
        }
        Ok(self)
    }
}

/// Filters and decodes a record; `None` when a filter drops it.
fn view(
    r: &RecordRef<'_>,
    tail: &TailSettings,
    decoder: &mut Decoder,
    out: &Output,
) -> Option<TailRecord> {
    let headers = r.headers();
    if !tail.filter.headers_match(&headers) {
        return None;
    }
    let place = || format!("{}/{} @{}", r.topic(), r.partition(), r.offset());
    let key = r
        .key()
        .map(|k| decoder.decode(k, tail.key_format, out, &|| format!("{} key", place())));
    let value = r.value().map(|v| {
        let mut shown = decoder.decode_value(v, tail.value_format, out, &place);
        // Raw bytes in the wire format: the id is noted, the bytes left as they are.
        if let ShownValue::Decoded(decoded) = &mut shown {
            if tail.value_format == Codec::Raw && decoded.schema_id.is_none() {
                decoded.schema_id = wire::split(v).map(|(id, _)| id);
            }
        }
        shown
    });
    if tail.filter.needs_text() {
        let key = key
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default();
        let value = value
            .as_ref()
            .map(|v| v.compact().into_owned())
            .unwrap_or_default();
        if !tail.filter.text_matches(&[&key, &value]) {
            return None;
        }
    }
    Some(TailRecord {
        topic: r.topic().to_string(),
        partition: r.partition(),
        offset: r.offset(),
        timestamp: r.timestamp(),
        timestamp_type: r.timestamp_type(),
        key,
        headers: shown_headers(&headers),
        value,
    })
}

/// Decodes payloads, warning once per schema id when a value is in a registry's wire
/// format but no registry is configured, and once per reason when one does not decode.
struct Decoder {
    schemas: Box<dyn SchemaSource + Send + Sync>,
    registry: bool,
    warned: HashSet<u32>,
    /// Decoding failures already warned about.
    reasons: HashSet<String>,
    /// Values are printed as compact JSON on one line: a JSON value is copied in that
    /// form, with no tree built.
    one_line_json: bool,
    compactor: Compactor,
}

impl Decoder {
    /// A value as shown: JSON that is already valid goes through as compact text when
    /// the output is one line of JSON (what decoding and printing it would give, byte for
    /// byte); anything else is decoded.
    fn decode_value(
        &mut self,
        bytes: &[u8],
        format: Codec,
        out: &Output,
        place: &dyn Fn() -> String,
    ) -> ShownValue {
        let json_first = match format {
            Codec::Json => true,
            // Auto reads the wire format first, then JSON.
            Codec::Auto => wire::split(bytes).is_none(),
            _ => false,
        };
        if self.one_line_json && json_first {
            let mut text = Vec::with_capacity(bytes.len());
            if self.compactor.compact(bytes, &mut text) {
                if let Ok(text) = String::from_utf8(text) {
                    return ShownValue::CompactJson(text);
                }
            }
        }
        ShownValue::Decoded(self.decode(bytes, format, out, place))
    }

    /// Decodes, or falls back to base64 with a warning: tail never stops on a bad payload.
    fn decode(
        &mut self,
        bytes: &[u8],
        format: Codec,
        out: &Output,
        place: &dyn Fn() -> String,
    ) -> Decoded {
        let wire_format = !matches!(format, Codec::Json | Codec::Raw);
        if let (false, true, Some((id, _))) = (self.registry, wire_format, wire::split(bytes)) {
            if self.warned.insert(id) {
                out.warn(&format!(
                    "{} looks like the Confluent wire format (schema id {id}), but no Schema Registry is configured: shown as base64; set --registry URL (or SCHEMA_REGISTRY_URL) to decode it",
                    place()
                ));
            }
            return codec::base64(bytes);
        }
        codec::decode(bytes, format, self.schemas.as_ref()).unwrap_or_else(|e| {
            // Once per reason: a topic full of one unknown schema id says so once.
            if self.reasons.insert(e.0.clone()) {
                out.warn(&format!("{}: {e}; shown as base64", place()));
            }
            codec::base64(bytes)
        })
    }
}
