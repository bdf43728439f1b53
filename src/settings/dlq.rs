//! `kop dlq replay` and `kop dlq stats`: the selection, the policy and the cursor.

use regex::Regex;

use crate::cli::{DlqReplayArgs, DlqStatsArgs};
use crate::config::TopicsFile;
use crate::core::dlq::replay::{FieldMatch, LetterFilter};
use crate::core::dlq::{EnvelopeFields, Recogniser};
use crate::error::CommandError;
use crate::util::time::{now_ms, parse_time};

use super::Settings;

#[derive(Debug, Clone)]
pub(crate) struct ReplaySettings {
    pub dlq: String,
    pub selection: LetterFilter,
    /// The consumer group that remembers this selection's progress.
    pub cursor: String,
    pub to: Option<String>,
    pub max_retries: Option<u32>,
    /// Where letters are parked; `None`: no parking.
    pub park_topic: Option<String>,
    /// Replay letters the ledger says were replayed already.
    pub again: bool,
    pub limit: Option<u64>,
    /// Letters a second; `None` is as fast as the cluster takes them.
    pub rate: Option<f64>,
    pub dry_run: bool,
    pub follow: bool,
    pub transactions: bool,
    pub skip_unroutable: bool,
    /// `--yes`: no confirmation asked.
    pub yes: bool,
    pub recogniser: Recogniser,
    pub partitioner: String,
}

impl ReplaySettings {
    pub fn resolve(
        args: &DlqReplayArgs,
        global: &Settings,
        yes: bool,
    ) -> Result<ReplaySettings, CommandError> {
        let time = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|t| {
                    parse_time(t)
                        .map(|spec| spec.resolve(now_ms()))
                        .map_err(|e| CommandError::usage(format!("--{flag} {e}")))
                })
                .transpose()
        };
        let selection = LetterFilter {
            topics: args.topics.clone(),
            error: args
                .error
                .as_deref()
                .map(|e| {
                    Regex::new(e).map_err(|err| CommandError::usage(format!("--error: {err}")))
                })
                .transpose()?,
            since: time("since", &args.since)?,
            until: time("until", &args.until)?,
            fields: field_matches(&args.fields)?,
        };
        let rate = match args.rate {
            Some(r) if !(r > 0.0 && r.is_finite()) => {
                return Err(CommandError::usage(format!(
                    "--rate {r}: give a number of letters a second above 0"
                )))
            }
            other => other,
        };
        let cursor = args
            .cursor
            .clone()
            .unwrap_or_else(|| selection.cursor(&args.dlq, args.to.as_deref()));
        Ok(ReplaySettings {
            dlq: args.dlq.clone(),
            park_topic: args
                .park_topic
                .clone()
                .or_else(|| args.max_retries.map(|_| format!("{}.parked", args.dlq))),
            again: args.again,
            selection,
            cursor,
            to: args.to.clone(),
            max_retries: args.max_retries,
            limit: args.limit,
            rate,
            dry_run: args.dry_run,
            follow: args.follow,
            transactions: !args.no_transactions,
            skip_unroutable: args.skip_unroutable,
            yes,
            recogniser: recogniser(global.file.as_ref()),
            partitioner: global.partitioner(args.partitioner.as_deref()),
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct StatsSettings {
    pub dlq: String,
    /// Letters after this cursor count as pending.
    pub cursor: String,
    /// `--where`: only letters whose original event matches are counted.
    pub selection: LetterFilter,
    pub recogniser: Recogniser,
}

impl StatsSettings {
    pub fn resolve(args: &DlqStatsArgs, global: &Settings) -> Result<StatsSettings, CommandError> {
        Ok(StatsSettings {
            dlq: args.dlq.clone(),
            cursor: args
                .cursor
                .clone()
                .unwrap_or_else(|| LetterFilter::default().cursor(&args.dlq, None)),
            selection: LetterFilter {
                fields: field_matches(&args.fields)?,
                ..LetterFilter::default()
            },
            recogniser: recogniser(global.file.as_ref()),
        })
    }
}

/// `--where FIELD=VALUE`, each.
fn field_matches(texts: &[String]) -> Result<Vec<FieldMatch>, CommandError> {
    texts
        .iter()
        .map(|f| FieldMatch::parse(f).map_err(CommandError::usage))
        .collect()
}

/// The recogniser for the file's envelope names and `dead_letter` mappings.
fn recogniser(file: Option<&TopicsFile>) -> Recogniser {
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
