//! Time: now, RFC 3339 and the calendar behind it, and the one grammar every time flag
//! accepts (`--from`, `--since`, `--until`, `--timestamp`).
//!
//! A TIME is an RFC 3339 time (`2025-01-14T09:12:03Z`), `@` and milliseconds since the
//! epoch (`@1736845923000`), or a duration before now (`-15m`). Calendar arithmetic is
//! done here (proleptic Gregorian, UTC) so that no date library is needed.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::util::units::parse_duration_ms;

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A point in time as the user wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSpec {
    /// Milliseconds since the epoch.
    At(i64),
    /// This long before now.
    Ago(Duration),
}

impl TimeSpec {
    /// Milliseconds since the epoch, with "ago" counted back from `now_ms`.
    pub fn resolve(self, now_ms: i64) -> i64 {
        match self {
            TimeSpec::At(ms) => ms,
            TimeSpec::Ago(d) => now_ms - i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        }
    }
}

/// The forms of a TIME, for error messages.
pub const TIME_FORMS: &str =
    "an RFC 3339 time (2025-01-14T09:12:03Z), @ and epoch milliseconds (@1736845923000), or -DURATION ago (-15m)";

/// Parses a TIME: RFC 3339, `@EPOCH_MILLIS` or `-DURATION`.
pub fn parse_time(text: &str) -> Result<TimeSpec, String> {
    let t = text.trim();
    if let Some(ago) = t.strip_prefix('-') {
        return parse_duration_ms(ago)
            .map(|ms| TimeSpec::Ago(Duration::from_millis(ms)))
            .map_err(|e| format!("`{t}`: {e}"));
    }
    if let Some(ms) = t.strip_prefix('@') {
        return ms
            .parse()
            .map(TimeSpec::At)
            .map_err(|_| format!("`{t}`: expected @ and milliseconds since the epoch"));
    }
    parse_rfc3339(t, 1_000)
        .map(TimeSpec::At)
        .ok_or_else(|| format!("`{t}` is not a time: use {TIME_FORMS}"))
}

/// A record timestamp (`publish --timestamp`): a TIME, or bare epoch milliseconds as
/// producers write them.
pub fn parse_timestamp(text: &str) -> Result<TimeSpec, String> {
    match text.trim().parse::<i64>() {
        Ok(ms) => Ok(TimeSpec::At(ms)),
        Err(_) => parse_time(text).map_err(|_| {
            format!(
                "`{}` is not a time: use epoch milliseconds (1736845923000), {TIME_FORMS}",
                text.trim()
            )
        }),
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

pub fn parse_date(s: &str) -> Option<i64> {
    let mut parts = s.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    // Reject 2025-02-30 and the like: the date must survive the round trip.
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `"HH:MM:SS[.fraction]"` → units since midnight (`per_second` units in a second).
pub fn parse_time_of_day(s: &str, per_second: i64) -> Option<i64> {
    let (hms, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut parts = hms.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let sec: i64 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let fraction = match frac {
        Some(f) => fraction_units(f, per_second)?,
        None => 0,
    };
    Some((h * 3600 + m * 60 + sec) * per_second + fraction)
}

/// ".25" of a second in units of 1/per_second; digits beyond the unit are refused.
fn fraction_units(digits: &str, per_second: i64) -> Option<i64> {
    let width = per_second.ilog10() as usize;
    if digits.is_empty() || digits.len() > width || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{digits:0<width$}");
    padded.parse().ok()
}

fn format_fraction(units: i64, per_second: i64) -> String {
    let width = per_second.ilog10() as usize;
    format!("{:0width$}", units, width = width)
}

pub fn format_time(units: i64, per_second: i64) -> String {
    let secs = units.div_euclid(per_second);
    let frac = units.rem_euclid(per_second);
    format!(
        "{:02}:{:02}:{:02}.{}",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60,
        format_fraction(frac, per_second)
    )
}

/// RFC 3339 → units since the epoch. Offsets are applied; `Z` is UTC.
pub fn parse_rfc3339(s: &str, per_second: i64) -> Option<i64> {
    let (date, rest) = s.split_once(['T', 't', ' '])?;
    let days = parse_date(date)?;
    let (clock, offset_secs) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let i = rest.rfind(['+', '-'])?;
        let (clock, off) = rest.split_at(i);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off[1..].split_once(':')?;
        let secs = oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60;
        (clock, sign * secs)
    };
    let in_day = parse_time_of_day(clock, per_second)?;
    Some((days * 86_400 - offset_secs) * per_second + in_day)
}

pub fn format_rfc3339(units: i64, per_second: i64) -> String {
    let secs = units.div_euclid(per_second);
    let frac = units.rem_euclid(per_second);
    let days = secs.div_euclid(86_400);
    let in_day = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}.{}Z",
        format_date(days),
        in_day / 3600,
        (in_day / 60) % 60,
        in_day % 60,
        format_fraction(frac, per_second)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for (text, days) in [
            ("1970-01-01", 0),
            ("2025-01-14", 20_102),
            ("1969-12-31", -1),
            ("2000-02-29", 11_016),
        ] {
            assert_eq!(parse_date(text), Some(days), "{text}");
            assert_eq!(format_date(days), text);
        }
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("2025-13-01"), None);
    }

    #[test]
    fn timestamps_round_trip_in_every_unit() {
        let ms = parse_rfc3339("2025-01-14T09:12:03.250Z", 1_000).unwrap();
        assert_eq!(ms, 1_736_845_923_250);
        assert_eq!(format_rfc3339(ms, 1_000), "2025-01-14T09:12:03.250Z");
        let us = parse_rfc3339("2025-01-14T10:12:03.000001+01:00", 1_000_000).unwrap();
        assert_eq!(us, 1_736_845_923_000_001);
        assert_eq!(format_rfc3339(us, 1_000_000), "2025-01-14T09:12:03.000001Z");
        assert_eq!(
            parse_rfc3339("2025-01-14T09:12:03.1234Z", 1_000),
            None,
            "sub-unit digits are refused"
        );
        assert_eq!(format_rfc3339(-1, 1_000), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn times() {
        assert_eq!(parse_time_of_day("09:12:03.25", 1_000), Some(33_123_250));
        assert_eq!(format_time(33_123_250, 1_000), "09:12:03.250");
        assert_eq!(parse_time_of_day("24:00:00", 1_000), None);
    }

    #[test]
    fn the_time_grammar() {
        assert_eq!(
            parse_time("2025-01-14T09:12:03.250Z"),
            Ok(TimeSpec::At(1_736_845_923_250))
        );
        assert_eq!(
            parse_time("@1736845923250"),
            Ok(TimeSpec::At(1_736_845_923_250))
        );
        assert_eq!(
            parse_time("-15m"),
            Ok(TimeSpec::Ago(Duration::from_secs(900)))
        );
        assert!(
            parse_time("1736845923250").is_err(),
            "bare numbers are not times"
        );
        assert!(parse_time("yesterday").unwrap_err().contains("RFC 3339"));
        assert!(parse_time("-15 fortnights").is_err());
        assert_eq!(TimeSpec::Ago(Duration::from_secs(1)).resolve(5_000), 4_000);
    }

    #[test]
    fn timestamps_also_take_bare_epoch_millis() {
        assert_eq!(
            parse_timestamp("1736845923250"),
            Ok(TimeSpec::At(1_736_845_923_250))
        );
        assert_eq!(
            parse_timestamp("2025-01-14T09:12:03.250Z"),
            Ok(TimeSpec::At(1_736_845_923_250))
        );
        assert!(parse_timestamp("yesterday")
            .unwrap_err()
            .contains("epoch milliseconds"));
    }
}
