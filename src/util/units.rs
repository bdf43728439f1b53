//! Humane durations and sizes: `"7d"`, `"90 days"`, `"1GiB"`, `"500MB"`, and their inverse
//! for display. Kafka wants milliseconds and bytes; people write days and gibibytes.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum UnitError {
    #[error("empty {0}")]
    Empty(&'static str),
    #[error(
        "`{text}` is not a duration: unknown unit `{unit}` (use ms, s, m, h, d or w, e.g. \"7d\")"
    )]
    DurationUnit { text: String, unit: String },
    #[error("`{text}` is not a size: unknown unit `{unit}` (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB, e.g. \"1GiB\")")]
    SizeUnit { text: String, unit: String },
    #[error("`{0}` is not a number followed by a unit")]
    Malformed(String),
    #[error("`{0}` is too large")]
    Overflow(String),
}

const SECOND: u64 = 1_000;
const MINUTE: u64 = 60 * SECOND;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const WEEK: u64 = 7 * DAY;

fn duration_unit(unit: &str) -> Option<u64> {
    Some(match unit {
        "ms" | "millis" | "millisecond" | "milliseconds" => 1,
        "s" | "sec" | "secs" | "second" | "seconds" => SECOND,
        "m" | "min" | "mins" | "minute" | "minutes" => MINUTE,
        "h" | "hr" | "hrs" | "hour" | "hours" => HOUR,
        "d" | "day" | "days" => DAY,
        "w" | "week" | "weeks" => WEEK,
        _ => return None,
    })
}

fn size_unit(unit: &str) -> Option<u64> {
    Some(match unit.to_ascii_lowercase().as_str() {
        "" | "b" | "byte" | "bytes" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "tb" | "t" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        _ => return None,
    })
}

/// Splits `"7d12h"` into `[(7, "d"), (12, "h")]`, allowing spaces between parts.
fn terms(text: &str) -> Result<Vec<(u64, String)>, UnitError> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    while chars.peek().is_some() {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut digits = String::new();
        while let Some(c) = chars
            .peek()
            .copied()
            .filter(|c| c.is_ascii_digit() || *c == '_')
        {
            if c != '_' {
                digits.push(c);
            }
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut unit = String::new();
        while let Some(c) = chars.peek().copied().filter(|c| c.is_alphabetic()) {
            unit.push(c);
            chars.next();
        }
        if digits.is_empty() {
            return Err(UnitError::Malformed(text.to_string()));
        }
        let n = digits
            .parse::<u64>()
            .map_err(|_| UnitError::Overflow(text.to_string()))?;
        out.push((n, unit));
    }
    if out.is_empty() {
        return Err(UnitError::Malformed(text.to_string()));
    }
    Ok(out)
}

/// Milliseconds in a humane duration. A bare number is milliseconds, as in Kafka configs.
pub fn parse_duration_ms(text: &str) -> Result<u64, UnitError> {
    if text.trim().is_empty() {
        return Err(UnitError::Empty("duration"));
    }
    let mut total: u64 = 0;
    for (n, unit) in terms(text)? {
        let factor = if unit.is_empty() {
            1
        } else {
            duration_unit(&unit).ok_or_else(|| UnitError::DurationUnit {
                text: text.to_string(),
                unit: unit.clone(),
            })?
        };
        total = n
            .checked_mul(factor)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| UnitError::Overflow(text.to_string()))?;
    }
    Ok(total)
}

/// Bytes in a humane size. A bare number is bytes.
pub fn parse_size_bytes(text: &str) -> Result<u64, UnitError> {
    if text.trim().is_empty() {
        return Err(UnitError::Empty("size"));
    }
    let parts = terms(text)?;
    if parts.len() != 1 {
        return Err(UnitError::Malformed(text.to_string()));
    }
    let (n, unit) = &parts[0];
    let factor = size_unit(unit).ok_or_else(|| UnitError::SizeUnit {
        text: text.to_string(),
        unit: unit.clone(),
    })?;
    n.checked_mul(factor)
        .ok_or_else(|| UnitError::Overflow(text.to_string()))
}

/// `604800000` → `"7d"`, `5400000` → `"1h30m"`, `1500` → `"1s500ms"`. Exact: never rounds.
pub fn format_duration_ms(ms: u64) -> String {
    if ms == 0 {
        return "0ms".into();
    }
    if ms < MINUTE && ms % SECOND != 0 {
        return if ms < SECOND {
            format!("{ms}ms")
        } else {
            format!("{}s{}ms", ms / SECOND, ms % SECOND)
        };
    }
    let mut rest = ms;
    let mut out = String::new();
    // No weeks: retention is thought of in days ("7d", "30d", "90d").
    for (unit, size) in [("d", DAY), ("h", HOUR), ("m", MINUTE), ("s", SECOND)] {
        if rest >= size {
            out.push_str(&format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    if rest > 0 {
        out.push_str(&format!("{rest}ms"));
    }
    out
}

/// `1073741824` → `"1GiB"`; sizes that are not a whole number of a binary unit stay in bytes.
pub fn format_size_bytes(bytes: u64) -> String {
    for (unit, size) in [
        ("TiB", 1u64 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
    ] {
        if bytes >= size && bytes % size == 0 {
            return format!("{}{unit}", bytes / size);
        }
    }
    format!("{bytes}B")
}

/// An age or a wait for people, rounded to what matters: `42s`, `23m`, `5h12m`, `3d4h`.
pub fn humane_age(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..=59 => format!("{secs}s"),
        60..=3_599 => format!("{}m", secs / 60),
        3_600..=86_399 => match (secs / 3_600, secs % 3_600 / 60) {
            (h, 0) => format!("{h}h"),
            (h, m) => format!("{h}h{m}m"),
        },
        _ => match (secs / 86_400, secs % 86_400 / 3_600) {
            (d, 0) => format!("{d}d"),
            (d, h) => format!("{d}d{h}h"),
        },
    }
}

/// A size for people, to three figures: `512 B`, `1.5 KiB`, `50.3 MiB`.
pub fn humane_size(bytes: u64) -> String {
    let units = [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in units {
        if bytes >= size {
            let n = bytes as f64 / size as f64;
            return if n >= 100.0 {
                format!("{n:.0} {unit}")
            } else {
                format!("{n:.1} {unit}")
            };
        }
    }
    format!("{bytes} B")
}

/// A `Duration` for command-line flags such as `--timeout 3s`.
pub fn parse_std_duration(text: &str) -> Result<std::time::Duration, UnitError> {
    parse_duration_ms(text).map(std::time::Duration::from_millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let cases = [
            ("7d", 604_800_000),
            ("7 days", 604_800_000),
            ("1w", 604_800_000),
            ("30d", 2_592_000_000),
            ("12h", 43_200_000),
            ("1d12h", 129_600_000),
            ("90s", 90_000),
            ("1500ms", 1_500),
            ("1500", 1_500),
            ("1_000", 1_000),
        ];
        for (text, ms) in cases {
            assert_eq!(parse_duration_ms(text), Ok(ms), "{text}");
        }
    }

    #[test]
    fn bad_durations_say_what_is_wrong() {
        let err = parse_duration_ms("7 fortnights").unwrap_err();
        assert!(
            err.to_string().contains("unknown unit `fortnights`"),
            "{err}"
        );
        assert!(matches!(
            parse_duration_ms("d"),
            Err(UnitError::Malformed(_))
        ));
        assert!(matches!(parse_duration_ms(""), Err(UnitError::Empty(_))));
        assert!(matches!(
            parse_duration_ms("99999999999999999999w"),
            Err(UnitError::Overflow(_))
        ));
    }

    #[test]
    fn sizes() {
        let cases = [
            ("1GiB", 1_073_741_824),
            ("1 GiB", 1_073_741_824),
            ("500MB", 500_000_000),
            ("1mib", 1_048_576),
            ("1024", 1_024),
            ("10KB", 10_000),
        ];
        for (text, bytes) in cases {
            assert_eq!(parse_size_bytes(text), Ok(bytes), "{text}");
        }
        assert!(parse_size_bytes("1 parsec").is_err());
        assert!(parse_size_bytes("1GiB 2MiB").is_err());
    }

    #[test]
    fn formatting_is_exact_and_round_trips() {
        assert_eq!(format_duration_ms(604_800_000), "7d");
        assert_eq!(format_duration_ms(2_592_000_000), "30d");
        assert_eq!(format_duration_ms(129_600_000), "1d12h");
        assert_eq!(format_duration_ms(1_500), "1s500ms");
        assert_eq!(format_duration_ms(250), "250ms");
        assert_eq!(format_size_bytes(1_073_741_824), "1GiB");
        assert_eq!(format_size_bytes(1_000), "1000B");
        for ms in [
            1,
            999,
            1_000,
            61_001,
            90_061_001,
            604_800_000,
            7_776_000_000,
        ] {
            assert_eq!(parse_duration_ms(&format_duration_ms(ms)), Ok(ms));
        }
    }

    #[test]
    fn sizes_read_in_human_units() {
        assert_eq!(humane_size(512), "512 B");
        assert_eq!(humane_size(1_536), "1.5 KiB");
        assert_eq!(humane_size(53_024_890), "50.6 MiB");
        assert_eq!(humane_size(300 << 20), "300 MiB");
    }

    #[test]
    fn ages_are_rounded_to_what_matters() {
        let age = |s| humane_age(std::time::Duration::from_secs_f64(s));
        assert_eq!(age(8.6), "8s");
        assert_eq!(age(23.0 * 60.0 + 8.64), "23m");
        assert_eq!(age(5.0 * 3600.0 + 12.0 * 60.0 + 9.0), "5h12m");
        assert_eq!(age(7200.0), "2h");
        assert_eq!(age(3.0 * 86400.0 + 4.0 * 3600.0 + 100.0), "3d4h");
    }
}
