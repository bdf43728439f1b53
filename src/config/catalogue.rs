//! The catalogue of Kafka topic-level configs: every name a topic may carry and the type of
//! its value, so that a typo or a wrong value is caught in the file, before any request.
//!
//! Values are turned into Kafka's canonical string form (`"7d"` → `"604800000"`,
//! `["delete", "compact"]` → `"compact,delete"`), so that the file and the broker compare by
//! meaning and never by spelling.

use crate::util::names::closest;
use crate::util::units::{parse_duration_ms, parse_size_bytes, UnitError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Milliseconds; humane durations accepted; `-1` means unlimited where `allow_neg`.
    Duration {
        allow_neg: bool,
    },
    /// Bytes; humane sizes accepted; `-1` means unlimited where `allow_neg`.
    Size {
        allow_neg: bool,
    },
    /// A plain count.
    Int {
        min: i64,
    },
    Bool,
    /// A ratio between 0 and 1.
    Ratio,
    Enum(&'static [&'static str]),
    /// A comma-separated list whose items come from the set; order does not matter.
    EnumList(&'static [&'static str]),
    /// Free text, or a list of free text (replica throttles).
    Text,
}

pub struct ConfigSpec {
    pub name: &'static str,
    pub kind: Kind,
}

const fn spec(name: &'static str, kind: Kind) -> ConfigSpec {
    ConfigSpec { name, kind }
}

const MS: Kind = Kind::Duration { allow_neg: false };
const MS_OR_UNLIMITED: Kind = Kind::Duration { allow_neg: true };
const BYTES: Kind = Kind::Size { allow_neg: false };
const BYTES_OR_UNLIMITED: Kind = Kind::Size { allow_neg: true };

/// Kafka 3.x/4.x topic configs (`kafka-configs --describe --all` on a topic).
pub const TOPIC_CONFIGS: &[ConfigSpec] = &[
    spec("cleanup.policy", Kind::EnumList(&["compact", "delete"])),
    spec(
        "compression.type",
        Kind::Enum(&["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"]),
    ),
    spec("compression.gzip.level", Kind::Int { min: -1 }),
    spec("compression.lz4.level", Kind::Int { min: 1 }),
    spec("compression.zstd.level", Kind::Int { min: -131072 }),
    spec("delete.retention.ms", MS),
    spec("file.delete.delay.ms", MS),
    spec("flush.messages", Kind::Int { min: 1 }),
    spec("flush.ms", MS),
    spec("follower.replication.throttled.replicas", Kind::Text),
    spec("index.interval.bytes", BYTES),
    spec("leader.replication.throttled.replicas", Kind::Text),
    spec("local.retention.bytes", Kind::Size { allow_neg: true }),
    spec("local.retention.ms", Kind::Duration { allow_neg: true }),
    spec("max.compaction.lag.ms", MS),
    spec("max.message.bytes", BYTES),
    spec("message.downconversion.enable", Kind::Bool),
    spec("message.format.version", Kind::Text),
    spec("message.timestamp.after.max.ms", MS),
    spec("message.timestamp.before.max.ms", MS),
    spec("message.timestamp.difference.max.ms", MS),
    spec(
        "message.timestamp.type",
        Kind::Enum(&["CreateTime", "LogAppendTime"]),
    ),
    spec("min.cleanable.dirty.ratio", Kind::Ratio),
    spec("min.compaction.lag.ms", MS),
    spec("min.insync.replicas", Kind::Int { min: 1 }),
    spec("preallocate", Kind::Bool),
    spec("remote.log.copy.disable", Kind::Bool),
    spec("remote.log.delete.on.disable", Kind::Bool),
    spec("remote.storage.enable", Kind::Bool),
    spec("retention.bytes", BYTES_OR_UNLIMITED),
    spec("retention.ms", MS_OR_UNLIMITED),
    spec("segment.bytes", BYTES),
    spec("segment.index.bytes", BYTES),
    spec("segment.jitter.ms", MS),
    spec("segment.ms", MS),
    spec("unclean.leader.election.enable", Kind::Bool),
];

/// Vendor extensions (Confluent Server) are passed through as text, unchecked.
const PASS_THROUGH_PREFIXES: &[&str] = &["confluent."];

pub fn lookup(name: &str) -> Option<&'static ConfigSpec> {
    TOPIC_CONFIGS.iter().find(|s| s.name == name)
}

/// A value as written in `topics.toml`, before it is checked against the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    List(Vec<String>),
}

/// Why a config name or value is refused. The message is complete on its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("unknown topic config `{name}`{suggestion}")]
    UnknownName { name: String, suggestion: String },
    #[error("`{name}` expects {expected}, not {found}")]
    WrongValue {
        name: String,
        expected: String,
        found: String,
    },
    #[error("`{name}`: {detail}")]
    BadUnit { name: String, detail: String },
}

/// Why a value does not fit: the expectation, or a more precise word from the unit parser.
enum Misfit {
    Expected(String),
    Unit(crate::util::units::UnitError),
}

/// Checks a value against the catalogue and returns Kafka's canonical string form.
pub fn canonicalise(name: &str, value: &RawValue) -> Result<String, CatalogueError> {
    let Some(spec) = lookup(name) else {
        if PASS_THROUGH_PREFIXES.iter().any(|p| name.starts_with(p)) {
            return Ok(raw_text(value));
        }
        return Err(CatalogueError::UnknownName {
            name: name.to_string(),
            suggestion: suggestion(name),
        });
    };
    canonical_for(spec, value).map_err(|misfit| match misfit {
        Misfit::Expected(expected) => CatalogueError::WrongValue {
            name: name.to_string(),
            expected,
            found: describe(value),
        },
        Misfit::Unit(err) => CatalogueError::BadUnit {
            name: name.to_string(),
            detail: err.to_string(),
        },
    })
}

/// The canonical form of a value the broker returned, for comparison with the file.
/// Values the catalogue cannot read are kept as they are.
pub fn canonicalise_broker_value(name: &str, value: &str) -> String {
    match lookup(name) {
        Some(spec) => canonical_for(spec, &RawValue::Text(value.to_string()))
            .unwrap_or_else(|_| value.to_string()),
        None => value.to_string(),
    }
}

/// A canonical value as people read it: `604800000` → `7d` for durations, `1073741824` →
/// `1GiB` for sizes, `-1` → `unlimited` where that is its meaning; anything else as is.
pub fn humane_value(name: &str, canonical: &str) -> String {
    let Some(spec) = lookup(name) else {
        return canonical.to_string();
    };
    let Ok(n) = canonical.parse::<i64>() else {
        return canonical.to_string();
    };
    match spec.kind {
        Kind::Duration { .. } | Kind::Size { .. } if n < 0 => "unlimited".into(),
        Kind::Duration { .. } => crate::util::units::format_duration_ms(n as u64),
        Kind::Size { .. } => crate::util::units::format_size_bytes(n as u64),
        _ => canonical.to_string(),
    }
}

fn canonical_for(spec: &ConfigSpec, value: &RawValue) -> Result<String, Misfit> {
    match spec.kind {
        Kind::Duration { allow_neg } => number_with_units(
            value,
            allow_neg,
            parse_duration_ms,
            "a duration (e.g. \"7d\", \"12h\" or milliseconds)",
        ),
        Kind::Size { allow_neg } => number_with_units(
            value,
            allow_neg,
            parse_size_bytes,
            "a size (e.g. \"1GiB\", \"500MB\" or bytes)",
        ),
        Kind::Int { min } => integer(value, min),
        Kind::Bool => boolean(value),
        Kind::Ratio => ratio(value),
        Kind::Enum(allowed) => symbol(value, allowed),
        Kind::EnumList(allowed) => symbols(value, allowed),
        Kind::Text => match value {
            RawValue::Text(_) | RawValue::List(_) => Ok(raw_text(value)),
            _ => Err(Misfit::Expected("text".into())),
        },
    }
}

fn integer(value: &RawValue, min: i64) -> Result<String, Misfit> {
    let expected = || Misfit::Expected(format!("an integer of at least {min}"));
    let n = match value {
        RawValue::Integer(n) => *n,
        RawValue::Text(t) => t.trim().parse::<i64>().map_err(|_| expected())?,
        _ => return Err(expected()),
    };
    if n < min {
        return Err(expected());
    }
    Ok(n.to_string())
}

fn boolean(value: &RawValue) -> Result<String, Misfit> {
    match value {
        RawValue::Bool(b) => Ok(b.to_string()),
        RawValue::Text(t) if t.eq_ignore_ascii_case("true") => Ok("true".into()),
        RawValue::Text(t) if t.eq_ignore_ascii_case("false") => Ok("false".into()),
        _ => Err(Misfit::Expected("true or false".into())),
    }
}

fn ratio(value: &RawValue) -> Result<String, Misfit> {
    let expected = || Misfit::Expected("a number between 0 and 1".into());
    let f = match value {
        RawValue::Float(f) => *f,
        RawValue::Integer(n) => *n as f64,
        RawValue::Text(t) => t.trim().parse::<f64>().map_err(|_| expected())?,
        _ => return Err(expected()),
    };
    if !(0.0..=1.0).contains(&f) {
        return Err(expected());
    }
    Ok(format!("{f}"))
}

fn symbol(value: &RawValue, allowed: &[&str]) -> Result<String, Misfit> {
    let expected = || Misfit::Expected(format!("one of {}", allowed.join(", ")));
    let RawValue::Text(t) = value else {
        return Err(expected());
    };
    allowed
        .iter()
        .find(|a| a.eq_ignore_ascii_case(t.trim()))
        .map(|a| a.to_string())
        .ok_or_else(expected)
}

/// A set of symbols, in a canonical (sorted, deduplicated) order.
fn symbols(value: &RawValue, allowed: &[&'static str]) -> Result<String, Misfit> {
    let expected = || Misfit::Expected(format!("a list of {}", allowed.join(", ")));
    let items: Vec<String> = match value {
        RawValue::Text(t) => t.split(',').map(|s| s.trim().to_string()).collect(),
        RawValue::List(items) => items.clone(),
        _ => return Err(expected()),
    };
    let mut canonical = Vec::new();
    for item in &items {
        let a = allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(item))
            .ok_or_else(expected)?;
        if !canonical.contains(a) {
            canonical.push(*a);
        }
    }
    if canonical.is_empty() {
        return Err(expected());
    }
    canonical.sort_unstable();
    Ok(canonical.join(","))
}

fn number_with_units(
    value: &RawValue,
    allow_neg: bool,
    parse: fn(&str) -> Result<u64, crate::util::units::UnitError>,
    expected: &str,
) -> Result<String, Misfit> {
    let unlimited = if allow_neg {
        format!("{expected}, or -1 / \"unlimited\"")
    } else {
        expected.to_string()
    };
    match value {
        RawValue::Integer(n) if *n >= 0 => Ok(n.to_string()),
        RawValue::Integer(-1) if allow_neg => Ok("-1".into()),
        RawValue::Text(t) if allow_neg && is_unlimited(t) => Ok("-1".into()),
        RawValue::Text(t) => parse(t).map(|n| n.to_string()).map_err(|e| match e {
            // A wrong unit deserves its own message; anything else, the expectation.
            UnitError::DurationUnit { .. }
            | UnitError::SizeUnit { .. }
            | UnitError::Overflow(_) => Misfit::Unit(e),
            _ => Misfit::Expected(unlimited.clone()),
        }),
        _ => Err(Misfit::Expected(unlimited)),
    }
}

fn is_unlimited(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "-1" | "unlimited" | "infinite" | "forever"
    )
}

fn raw_text(value: &RawValue) -> String {
    match value {
        RawValue::Text(t) => t.clone(),
        RawValue::Integer(n) => n.to_string(),
        RawValue::Float(f) => f.to_string(),
        RawValue::Bool(b) => b.to_string(),
        RawValue::List(items) => items.join(","),
    }
}

fn describe(value: &RawValue) -> String {
    match value {
        RawValue::Text(t) => format!("\"{t}\""),
        RawValue::Integer(n) => n.to_string(),
        RawValue::Float(f) => f.to_string(),
        RawValue::Bool(b) => b.to_string(),
        RawValue::List(items) => format!("[{}]", items.join(", ")),
    }
}

/// " (did you mean `retention.ms`?)" for near misses, else nothing.
fn suggestion(name: &str) -> String {
    match closest(name, TOPIC_CONFIGS.iter().map(|s| s.name)) {
        Some(candidate) => format!(" (did you mean `{candidate}`?)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawValue {
        RawValue::Text(s.to_string())
    }

    #[test]
    fn canonical_forms() {
        let cases = [
            ("retention.ms", text("7d"), "604800000"),
            ("retention.ms", RawValue::Integer(604_800_000), "604800000"),
            ("retention.ms", text("unlimited"), "-1"),
            ("retention.ms", RawValue::Integer(-1), "-1"),
            ("retention.bytes", text("1GiB"), "1073741824"),
            ("segment.bytes", RawValue::Integer(1024), "1024"),
            ("cleanup.policy", text("delete,compact"), "compact,delete"),
            (
                "cleanup.policy",
                RawValue::List(vec!["compact".into()]),
                "compact",
            ),
            ("compression.type", text("Snappy"), "snappy"),
            ("min.insync.replicas", text("2"), "2"),
            ("min.insync.replicas", RawValue::Integer(2), "2"),
            (
                "unclean.leader.election.enable",
                RawValue::Bool(false),
                "false",
            ),
            ("min.cleanable.dirty.ratio", RawValue::Float(0.5), "0.5"),
            ("confluent.placement.constraints", text("{}"), "{}"),
        ];
        for (name, value, want) in cases {
            assert_eq!(canonicalise(name, &value).as_deref(), Ok(want), "{name}");
        }
    }

    #[test]
    fn wrong_values_name_the_expectation() {
        let err = canonicalise("min.insync.replicas", &text("two")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`min.insync.replicas` expects an integer of at least 1, not \"two\""
        );
        assert!(canonicalise("retention.ms", &RawValue::Bool(true)).is_err());
        assert!(canonicalise("segment.ms", &RawValue::Integer(-1)).is_err());
        assert!(canonicalise("cleanup.policy", &text("archive")).is_err());
        assert!(canonicalise("min.cleanable.dirty.ratio", &RawValue::Float(1.5)).is_err());
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let err = canonicalise("retention.msec", &text("1")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown topic config `retention.msec` (did you mean `retention.ms`?)"
        );
        let err = canonicalise("colour", &text("1")).unwrap_err();
        assert_eq!(err.to_string(), "unknown topic config `colour`");
    }

    #[test]
    fn humane_values() {
        assert_eq!(humane_value("retention.ms", "604800000"), "7d");
        assert_eq!(humane_value("retention.ms", "-1"), "unlimited");
        assert_eq!(humane_value("retention.bytes", "1073741824"), "1GiB");
        assert_eq!(humane_value("cleanup.policy", "compact"), "compact");
        assert_eq!(humane_value("unknown.key", "12"), "12");
    }

    #[test]
    fn broker_values_compare_canonically() {
        assert_eq!(
            canonicalise_broker_value("cleanup.policy", "delete,compact"),
            "compact,delete"
        );
        assert_eq!(
            canonicalise_broker_value("retention.ms", "604800000"),
            "604800000"
        );
        assert_eq!(canonicalise_broker_value("something.else", "x"), "x");
    }
}
