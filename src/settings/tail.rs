//! `kop tail`: where to start, how many, which partitions, how to decode, what to keep.

use crate::cli::{ReadFormat, TailArgs};
use crate::core::bound::{parse_until, Bound};
use crate::core::codec::Format as Codec;
use crate::core::tail::{parse_start, Filter, StartAt};
use crate::error::CommandError;
use crate::util::time::now_ms;

/// Events shown when no count and no start are given.
const DEFAULT_COUNT: u64 = 10;

/// Where reading starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TailStart {
    /// The last N of the topics, oldest first.
    Last(u64),
    /// From a position in every partition.
    From(StartAt),
    /// Where this consumer group stopped; what is read is committed.
    Group(String),
}

#[derive(Debug, Clone)]
pub(crate) struct TailSettings {
    pub topics: Vec<String>,
    pub start: TailStart,
    /// Stop after this many events (from a start or a group).
    pub limit: Option<u64>,
    pub follow: bool,
    /// Where each partition stops (`--until`).
    pub until: Option<Bound>,
    /// Only these partitions (all when empty).
    pub partitions: Vec<i32>,
    pub value_format: Codec,
    pub key_format: Codec,
    pub filter: Filter,
    /// Print KEY<SEP>VALUE lines.
    pub key_separator: Option<String>,
    /// A word for someone with another tool's habits (kcat's `-e`).
    pub note: Option<&'static str>,
}

impl TailSettings {
    pub fn resolve(args: &TailArgs) -> Result<TailSettings, CommandError> {
        let filter =
            Filter::new(args.grep.as_deref(), &args.headers).map_err(CommandError::usage)?;
        let start = match (&args.group, &args.from) {
            (Some(group), _) => TailStart::Group(group.clone()),
            (None, Some(from)) => TailStart::From(
                parse_start(from).map_err(|e| CommandError::usage(format!("--from {e}")))?,
            ),
            // A dump is the whole topic unless --from says otherwise.
            (None, None) if args.dump => TailStart::From(StartAt::Beginning),
            (None, None) => TailStart::Last(args.count.unwrap_or(DEFAULT_COUNT)),
        };
        let until = until_flag(args.until.as_deref())?;
        if until.is_some() && matches!(start, TailStart::Last(_)) {
            return Err(CommandError::usage(
                "--until stops a stream, which needs a start: add --from (or --dump, which starts at the beginning)",
            ));
        }
        // A dump reads bytes as they are: what `kop publish --records` sends back.
        let (value_format, key_format) = match args.dump {
            true => (Codec::Raw, Codec::Raw),
            false => (
                codec(args.format),
                match args.key_format {
                    ReadFormat::Auto => Codec::AutoText,
                    other => codec(other),
                },
            ),
        };
        let limit = match start {
            TailStart::Last(_) => None,
            _ => args.count,
        };
        Ok(TailSettings {
            topics: args.topics.clone(),
            start,
            limit,
            follow: args.follow,
            until,
            partitions: args.partition.clone(),
            value_format,
            key_format,
            filter,
            key_separator: super::publish::key_separator(args.key_separator.as_deref())?,
            note: args.exit_at_end.then_some(
                "kop tail stops at the end by default (kcat's -e is not needed); -f follows",
            ),
        })
    }
}

fn codec(format: ReadFormat) -> Codec {
    match format {
        ReadFormat::Auto => Codec::Auto,
        ReadFormat::Json => Codec::Json,
        ReadFormat::Avro => Codec::Avro,
        ReadFormat::JsonSchema => Codec::JsonSchema,
        ReadFormat::Protobuf => Codec::Protobuf,
        ReadFormat::Raw => Codec::Raw,
    }
}

/// `--until` (of tail and copy): an offset, or a time resolved against now.
pub(super) fn until_flag(text: Option<&str>) -> Result<Option<Bound>, CommandError> {
    text.map(|text| {
        parse_until(text)
            .map(|u| u.resolve(now_ms()))
            .map_err(|e| CommandError::usage(format!("--until {e}")))
    })
    .transpose()
}
