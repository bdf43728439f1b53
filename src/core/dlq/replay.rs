//! Replay decisions: which letters a replay selects, where each goes, the headers it
//! carries, and the cursor that remembers how far a replay got.

use std::collections::BTreeMap;

use regex::Regex;
use serde_json::Value as Json;

use super::headers::{PROVENANCE_COUNT, PROVENANCE_OFFSET, PROVENANCE_PARTITION, PROVENANCE_TOPIC};
use super::ledger::Entry;
use super::Letter;
use crate::core::record::{Header, Headers, Record};

/// Every replay cursor's consumer group starts with this: `kop lag` and `kop health`
/// leave these groups out unless asked (`kop dlq stats` reports them).
pub const REPLAY_CURSOR_PREFIX: &str = "kop-replay.";

/// The filters of one replay. Each selection keeps its progress in a consumer group of
/// its own, so letters a filter leaves out stay available to a replay with other filters.
#[derive(Debug, Clone, Default)]
pub struct LetterFilter {
    pub topics: Vec<String>,
    pub error: Option<Regex>,
    /// Failure time bounds, milliseconds since the epoch (inclusive).
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// Fields of the original event (`--where`), matched on its decoded payload.
    pub fields: Vec<FieldMatch>,
}

/// `--where PATH=VALUE`: a field of a letter's original event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub path: Vec<String>,
    pub value: String,
}

impl FieldMatch {
    /// `child.id=7f0c...`: a dotted path, `=`, the value.
    pub fn parse(text: &str) -> Result<FieldMatch, String> {
        let (path, value) = text
            .split_once('=')
            .filter(|(p, _)| !p.is_empty() && p.split('.').all(|s| !s.is_empty()))
            .ok_or_else(|| {
                format!("--where {text}: expected FIELD=VALUE, e.g. child_id=7f0c2a1e")
            })?;
        Ok(FieldMatch {
            path: path.split('.').map(str::to_string).collect(),
            value: value.to_string(),
        })
    }

    /// The field holds the value: a string as its text, anything else as JSON (`7`,
    /// `true`). A path segment matches a field as written or in lowerCamelCase, the name
    /// Protobuf's JSON gives `child_id`.
    pub fn matches(&self, event: &Json) -> bool {
        let found = self.path.iter().try_fold(event, |node, part| {
            node.get(part.as_str())
                .or_else(|| node.get(lower_camel(part).as_str()))
        });
        match found {
            Some(Json::String(s)) => *s == self.value,
            Some(other) => serde_json::to_string(other).is_ok_and(|text| text == self.value),
            None => false,
        }
    }
}

fn lower_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

impl LetterFilter {
    /// Whether the letters' payloads must be decoded to select them.
    pub fn needs_event(&self) -> bool {
        !self.fields.is_empty()
    }

    /// `event`: the letter's original payload decoded to JSON (`None` when it could not
    /// be, or is a tombstone): it matches every `--where`.
    pub fn event_matches(&self, event: Option<&Json>) -> bool {
        match event {
            Some(event) => self.fields.iter().all(|f| f.matches(event)),
            None => self.fields.is_empty(),
        }
    }

    pub fn selects(&self, letter: &Letter) -> bool {
        let topic_ok = self.topics.is_empty()
            || letter
                .origin
                .as_ref()
                .is_some_and(|o| self.topics.contains(&o.topic));
        let error_ok = self
            .error
            .as_ref()
            .is_none_or(|re| letter.error.as_deref().is_some_and(|e| re.is_match(e)));
        let time = letter.failed_at;
        let since_ok = self.since.is_none_or(|s| time.is_some_and(|t| t >= s));
        let until_ok = self.until.is_none_or(|u| time.is_some_and(|t| t <= u));
        topic_ok && error_ok && since_ok && until_ok
    }

    fn is_everything(&self) -> bool {
        self.topics.is_empty()
            && self.error.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.fields.is_empty()
    }

    /// The consumer group that records this selection's progress through `dlq`:
    /// `kop-replay.<dlq>` for a replay of everything, `kop-replay.<dlq>.<hash>` for a
    /// filtered one (the hash of the filters and `--to`, stable across kop versions).
    pub fn cursor(&self, dlq: &str, to: Option<&str>) -> String {
        if self.is_everything() && to.is_none() {
            return format!("{REPLAY_CURSOR_PREFIX}{dlq}");
        }
        let mut topics = self.topics.clone();
        topics.sort();
        let mut canonical = format!(
            "topics={};error={};since={:?};until={:?};to={:?}",
            topics.join(","),
            self.error.as_ref().map_or("", |r| r.as_str()),
            self.since,
            self.until,
            to
        );
        // Only when given, so the cursors of selections without it keep their names.
        if !self.fields.is_empty() {
            let mut fields: Vec<String> = self
                .fields
                .iter()
                .map(|f| format!("{}={}", f.path.join("."), f.value))
                .collect();
            fields.sort();
            canonical.push_str(&format!(";where={}", fields.join("\u{1f}")));
        }
        format!(
            "{REPLAY_CURSOR_PREFIX}{dlq}.{:016x}",
            fnv1a(canonical.as_bytes())
        )
    }
}

/// A consumer group that is one of kop's replay cursors (see [`LetterFilter::cursor`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayCursor {
    /// The dead-letter queue whose replay it records.
    pub dlq: String,
    /// The cursor of a filtered replay (or one with `--to`), not of a replay of everything.
    pub filtered: bool,
}

/// The replay a group records, when the group is one of kop's replay cursors.
pub fn replay_cursor(group: &str) -> Option<ReplayCursor> {
    let rest = group.strip_prefix("kop-replay.")?;
    if rest.is_empty() {
        return None;
    }
    let hashed = rest.rsplit_once('.').filter(|(dlq, hash)| {
        !dlq.is_empty()
            && hash.len() == 16
            && hash
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    });
    Some(match hashed {
        Some((dlq, _)) => ReplayCursor {
            dlq: dlq.to_string(),
            filtered: true,
        },
        None => ReplayCursor {
            dlq: rest.to_string(),
            filtered: false,
        },
    })
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Where selected letters go.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Send every letter here instead of its origin.
    pub to: Option<String>,
    /// Letters already retried this many times are parked instead.
    pub max_retries: Option<u32>,
    /// Where letters go that retried too often or cannot be routed; `None`: no parking,
    /// and the cursor stops before an unroutable letter.
    pub park_topic: Option<String>,
    /// Topics on the cluster, with their partition counts.
    pub topics: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Back to `target`; to `partition` when the letter recorded where it came from and
    /// the topic still has it, else by key.
    Replay {
        target: String,
        partition: Option<i32>,
    },
    Park {
        target: String,
        reason: String,
    },
    /// Not selected by the filters.
    Skip,
    /// Nowhere to go and nowhere to park: the cursor must stop before it.
    Unroutable {
        reason: String,
    },
}

pub fn decide(letter: &Letter, selection: &LetterFilter, policy: &Policy) -> Decision {
    if !selection.selects(letter) {
        return Decision::Skip;
    }
    let park = |reason: String| match &policy.park_topic {
        Some(target) => Decision::Park {
            target: target.clone(),
            reason,
        },
        None => Decision::Unroutable { reason },
    };
    if let Some(max) = policy.max_retries.filter(|max| letter.retry_count >= *max) {
        return park(format!(
            "retried {} times (--max-retries {max})",
            letter.retry_count
        ));
    }
    let target = match (&policy.to, &letter.origin) {
        (Some(to), _) => to.clone(),
        (None, Some(origin)) => origin.topic.clone(),
        (None, None) => {
            return park(format!(
                "no original topic in the letter ({} shape)",
                letter.shape.name()
            ))
        }
    };
    let Some(partitions) = policy.topics.get(&target).copied() else {
        return park(format!("topic {target} does not exist on the cluster"));
    };
    // Back where it came from, unless sent elsewhere or the topic has shrunk away from
    // it; otherwise the producer hashes the key, as the original producer did.
    let partition = match (&policy.to, &letter.origin) {
        (None, Some(origin)) => origin
            .partition
            .filter(|p| usize::try_from(*p).is_ok_and(|p| p < partitions)),
        _ => None,
    };
    Decision::Replay { target, partition }
}

/// How a replay runs, as its report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayMode {
    /// Nothing is sent: the counts are what would happen.
    DryRun,
    /// Each batch's letters and the cursor commit are one transaction.
    Transactional,
    /// The cursor is committed after every letter of a batch is acknowledged.
    AtLeastOnce,
}

impl ReplayMode {
    pub fn name(self) -> &'static str {
        match self {
            ReplayMode::DryRun => "dry-run",
            ReplayMode::Transactional => "transactional",
            ReplayMode::AtLeastOnce => "at-least-once",
        }
    }
}

/// The counts of one pass over a queue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayTally {
    pub replayed: u64,
    pub parked: u64,
    pub skipped: u64,
    /// Skipped because the ledger says another cursor (or an earlier run) replayed them.
    pub already_replayed: u64,
    /// Unroutable with nowhere to park: the cursor stops before each.
    pub unroutable: u64,
    /// Letters behind an unroutable one in its partition, left for a later run.
    pub held: u64,
    pub failed: u64,
    /// Sent in the batch open when the replay was interrupted, which the cursor does not
    /// pass: rolled back with its transaction, or (without one) possibly delivered; the
    /// next run replays them.
    pub uncommitted: u64,
    /// Target topic (parked ones marked) → letters.
    pub by_target: BTreeMap<String, u64>,
    pub unroutable_reasons: BTreeMap<String, u64>,
    pub seconds: f64,
    /// Why the pass stopped early, when it did.
    pub error: Option<String>,
}

impl ReplayTally {
    /// Letters that went somewhere (replayed or parked).
    pub fn moved(&self) -> u64 {
        self.replayed + self.parked
    }

    /// Counts a letter sent (or, in a dry run, that would be) to `target`.
    pub fn count_sent(&mut self, target: &str, parked: bool) {
        if parked {
            self.parked += 1;
            *self
                .by_target
                .entry(format!("{target} (parked)"))
                .or_default() += 1;
        } else {
            self.replayed += 1;
            *self.by_target.entry(target.to_string()).or_default() += 1;
        }
    }

    pub fn count_unroutable(&mut self, reason: String) {
        self.unroutable += 1;
        *self.unroutable_reasons.entry(reason).or_default() += 1;
    }

    /// Adds a committed batch's counts.
    pub fn absorb(&mut self, batch: ReplayTally) {
        self.replayed += batch.replayed;
        self.parked += batch.parked;
        for (target, n) in batch.by_target {
            *self.by_target.entry(target).or_default() += n;
        }
    }

    pub fn letters_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.moved() as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// A replay's result (or plan), for its view.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayReport {
    pub dlq: String,
    pub cursor: String,
    pub mode: ReplayMode,
    pub tally: ReplayTally,
}

/// The replayed message's headers: the original ones, then where the letter came from and
/// how many times it has been replayed (`count`, see [`replay_count`]).
pub fn replayed_headers(letter: &Letter, source: &Record, count: u32) -> Headers {
    let mut headers = letter.headers.clone();
    let provenance = [
        (PROVENANCE_TOPIC, source.topic.clone()),
        (PROVENANCE_PARTITION, source.partition.to_string()),
        (PROVENANCE_OFFSET, source.offset.to_string()),
        (PROVENANCE_COUNT, count.to_string()),
    ];
    for (name, value) in provenance {
        headers.push(Header::text(name, value));
    }
    headers
}

/// How many times a letter will have been replayed after this replay: one more than the
/// letter says or the ledger remembers, whichever is more.
pub fn replay_count(letter: &Letter, before: Option<&Entry>) -> u32 {
    letter.retry_count.max(before.map_or(0, |e| e.count)) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dlq::fixtures::letter;

    fn policy() -> Policy {
        Policy {
            to: None,
            max_retries: Some(3),
            park_topic: Some("dlq.parked".into()),
            topics: BTreeMap::from([
                ("orders".to_string(), 3),
                ("payments".to_string(), 1),
                ("dlq.parked".to_string(), 1),
            ]),
        }
    }

    #[test]
    fn decisions() {
        let all = LetterFilter::default();
        let p = policy();
        assert_eq!(
            decide(&letter(Some("orders"), "x", 1, 0), &all, &p),
            Decision::Replay {
                target: "orders".into(),
                partition: None
            }
        );
        assert_eq!(
            decide(&letter(Some("orders"), "x", 1, 3), &all, &p),
            Decision::Park {
                target: "dlq.parked".into(),
                reason: "retried 3 times (--max-retries 3)".into()
            }
        );
        let to = Policy {
            to: Some("payments".into()),
            ..policy()
        };
        assert_eq!(
            decide(&letter(None, "x", 1, 0), &all, &to),
            Decision::Replay {
                target: "payments".into(),
                partition: None
            }
        );
    }

    #[test]
    fn unroutable_letters_are_parked_with_the_reason_or_stop_the_cursor() {
        let all = LetterFilter::default();
        let parked = decide(&letter(Some("gone"), "x", 1, 0), &all, &policy());
        assert_eq!(
            parked,
            Decision::Park {
                target: "dlq.parked".into(),
                reason: "topic gone does not exist on the cluster".into()
            }
        );
        let no_parking = Policy {
            park_topic: None,
            max_retries: None,
            ..policy()
        };
        assert_eq!(
            decide(&letter(None, "x", 1, 0), &all, &no_parking),
            Decision::Unroutable {
                reason: "no original topic in the letter (envelope shape)".into()
            }
        );
        assert!(matches!(
            decide(&letter(Some("gone"), "x", 1, 0), &all, &no_parking),
            Decision::Unroutable { .. }
        ));
    }

    #[test]
    fn letters_go_back_to_their_recorded_partition_while_the_topic_has_it() {
        let all = LetterFilter::default();
        let from = |partition| {
            let mut l = letter(Some("orders"), "x", 1, 0);
            l.origin.as_mut().unwrap().partition = Some(partition);
            l
        };
        assert_eq!(
            decide(&from(2), &all, &policy()),
            Decision::Replay {
                target: "orders".into(),
                partition: Some(2)
            }
        );
        assert_eq!(
            decide(&from(5), &all, &policy()),
            Decision::Replay {
                target: "orders".into(),
                partition: None
            },
            "orders has 3 partitions now: hashed by key instead"
        );
        let elsewhere = Policy {
            to: Some("payments".into()),
            ..policy()
        };
        assert!(matches!(
            decide(&from(0), &all, &elsewhere),
            Decision::Replay {
                partition: None,
                ..
            }
        ));
    }

    #[test]
    fn filters_select_and_the_rest_is_skipped() {
        let s = LetterFilter {
            topics: vec!["orders".into()],
            error: Some(Regex::new("timeout").unwrap()),
            since: Some(10),
            until: Some(20),
            fields: Vec::new(),
        };
        let p = policy();
        assert_eq!(
            decide(&letter(Some("orders"), "Handler timeout", 15, 0), &s, &p),
            Decision::Replay {
                target: "orders".into(),
                partition: None
            }
        );
        for skipped in [
            letter(Some("payments"), "Handler timeout", 15, 0),
            letter(Some("orders"), "bad schema", 15, 0),
            letter(Some("orders"), "Handler timeout", 9, 0),
            letter(Some("orders"), "Handler timeout", 21, 0),
            letter(None, "Handler timeout", 15, 0),
        ] {
            assert_eq!(decide(&skipped, &s, &p), Decision::Skip);
        }
    }

    #[test]
    fn cursors_are_per_selection_and_stable() {
        let all = LetterFilter::default();
        assert_eq!(
            all.cursor("dlq.failed-events", None),
            "kop-replay.dlq.failed-events"
        );
        let orders = LetterFilter {
            topics: vec!["orders".into()],
            ..LetterFilter::default()
        };
        let a = orders.cursor("dlq", None);
        assert_eq!(a, orders.cursor("dlq", None));
        assert_ne!(a, all.cursor("dlq", None));
        assert_ne!(a, orders.cursor("dlq", Some("other")));
        assert!(a.starts_with("kop-replay.dlq."));
        // Pinned: cursors must survive kop upgrades.
        assert_eq!(fnv1a(b"kop"), 0x3da7_5719_363e_409d);
    }

    #[test]
    fn where_matches_fields_of_the_original_event_as_written_or_in_camel_case() {
        let registered = serde_json::json!({"event_type": "child.registered", "age": 7,
            "device": {"device_id": "d1"}});
        let proto3 = serde_json::json!({"eventType": "child.registered", "age": 7,
            "device": {"deviceId": "d1"}});
        let filter = LetterFilter {
            fields: vec![
                FieldMatch::parse("event_type=child.registered").unwrap(),
                FieldMatch::parse("device.device_id=d1").unwrap(),
                FieldMatch::parse("age=7").unwrap(),
            ],
            ..LetterFilter::default()
        };
        assert!(filter.needs_event());
        assert!(filter.event_matches(Some(&registered)));
        assert!(filter.event_matches(Some(&proto3)));
        assert!(
            !filter.event_matches(None),
            "an undecodable payload is not selected"
        );
        let mut other = registered.clone();
        other["age"] = serde_json::json!(8);
        assert!(!filter.event_matches(Some(&other)));
        assert!(LetterFilter::default().event_matches(None));
        assert!(FieldMatch::parse("age").is_err());
        assert!(FieldMatch::parse("a..b=1").is_err());
        // Its own cursor; selections without --where keep theirs.
        assert_ne!(
            filter.cursor("dlq", None),
            LetterFilter::default().cursor("dlq", None)
        );
        let reordered = LetterFilter {
            fields: filter.fields.iter().rev().cloned().collect(),
            ..LetterFilter::default()
        };
        assert_eq!(filter.cursor("dlq", None), reordered.cursor("dlq", None));
    }

    #[test]
    fn cursors_are_recognised_from_their_names() {
        let orders = LetterFilter {
            topics: vec!["orders".into()],
            ..LetterFilter::default()
        };
        for (cursor, dlq, filtered) in [
            (
                LetterFilter::default().cursor("dlq.failed-events", None),
                "dlq.failed-events",
                false,
            ),
            (
                orders.cursor("dlq.failed-events", None),
                "dlq.failed-events",
                true,
            ),
            (
                orders.cursor("orders.dead-letter", Some("x")),
                "orders.dead-letter",
                true,
            ),
        ] {
            assert_eq!(
                replay_cursor(&cursor),
                Some(ReplayCursor {
                    dlq: dlq.into(),
                    filtered
                }),
                "{cursor}"
            );
        }
        assert_eq!(replay_cursor("billing"), None);
        assert_eq!(replay_cursor("kop-replay."), None);
        assert_eq!(
            replay_cursor("kop-replay.a.b").map(|c| c.dlq),
            Some("a.b".to_string()),
            "a dotted queue name is not a hash"
        );
    }

    #[test]
    fn replayed_headers_carry_the_originals_and_provenance() {
        let source = Record {
            topic: "dlq".into(),
            partition: 2,
            offset: 41,
            ..Record::default()
        };
        let headers = replayed_headers(&letter(Some("orders"), "x", 1, 1), &source, 2);
        let text: Vec<(String, String)> = headers
            .into_iter()
            .map(|h| (h.key, String::from_utf8(h.value.unwrap()).unwrap()))
            .collect();
        assert_eq!(
            text,
            vec![
                ("trace".to_string(), "t1".to_string()),
                (PROVENANCE_TOPIC.into(), "dlq".into()),
                (PROVENANCE_PARTITION.into(), "2".into()),
                (PROVENANCE_OFFSET.into(), "41".into()),
                (PROVENANCE_COUNT.into(), "2".into()),
            ]
        );
    }
}
