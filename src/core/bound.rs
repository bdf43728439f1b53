//! `--until`: where reading stops in each partition, for `kop tail` and `kop copy`. Pure.
//!
//! The bound is exclusive: a partition stops at its first record at or after the bound,
//! and that record is not read. So `--from X --until Y` then `--from Y --until Z` read
//! every record once, with no gap and no overlap.
//!
//! A time bound is checked on each record's own timestamp, on the client: it is the
//! definition the broker's offsets-for-times lookup uses too (the first offset whose
//! timestamp is at or after the time), so asking the broker first would save one record
//! per partition, and not every broker answers it faithfully (the test broker looks up its
//! own append times, and answers offset 0 after the last record).

use crate::util::time::{parse_time, TimeSpec, TIME_FORMS};

/// `--until` as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    Offset(i64),
    Time(TimeSpec),
}

/// An OFFSET (`5000`) or a TIME (RFC 3339, `@` and epoch milliseconds, `-DURATION` ago).
pub fn parse_until(text: &str) -> Result<Until, String> {
    let t = text.trim();
    if let Ok(offset) = t.parse::<i64>() {
        if offset < 0 {
            return Err(format!(
                "`{t}`: an offset is 0 or more (for a time ago, give a unit: -5m)"
            ));
        }
        return Ok(Until::Offset(offset));
    }
    parse_time(t)
        .map(Until::Time)
        .map_err(|_| format!("`{t}` is not an offset or {TIME_FORMS}"))
}

/// `--until`, resolved: an offset, or milliseconds since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Offset(i64),
    Time(i64),
}

impl Until {
    pub fn resolve(self, now_ms: i64) -> Bound {
        match self {
            Until::Offset(o) => Bound::Offset(o),
            Until::Time(spec) => Bound::Time(spec.resolve(now_ms)),
        }
    }
}

impl Bound {
    /// Whether a partition stops at this record (which is then not read). A record
    /// without a timestamp never stops a time bound.
    pub fn stops_at(self, offset: i64, timestamp: Option<i64>) -> bool {
        match self {
            Bound::Offset(bound) => offset >= bound,
            Bound::Time(bound) => timestamp.is_some_and(|ts| ts >= bound),
        }
    }

    /// Whether a partition starting at `offset` has nothing before the bound.
    pub fn excludes_start(self, offset: i64) -> bool {
        matches!(self, Bound::Offset(bound) if offset >= bound)
    }

    /// Following: a time bound the clock has passed ends a partition that has gone quiet
    /// (what arrives from now on was written after it). An offset bound waits for its
    /// record.
    pub fn passed_at(self, now_ms: i64) -> bool {
        matches!(self, Bound::Time(bound) if now_ms >= bound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn offsets_and_times_parse() {
        assert_eq!(parse_until("5000"), Ok(Until::Offset(5000)));
        assert_eq!(parse_until(" 0 "), Ok(Until::Offset(0)));
        assert_eq!(
            parse_until("@1736845923000"),
            Ok(Until::Time(TimeSpec::At(1_736_845_923_000)))
        );
        assert_eq!(
            parse_until("2025-01-14T09:12:03Z"),
            Ok(Until::Time(TimeSpec::At(1_736_845_923_000)))
        );
        assert_eq!(
            parse_until("-5m"),
            Ok(Until::Time(TimeSpec::Ago(Duration::from_secs(300))))
        );
        assert!(parse_until("end").is_err());
        assert!(parse_until("beginning").is_err());
        assert!(parse_until("yesterday").is_err());
        let negative = parse_until("-5").unwrap_err();
        assert!(negative.contains("give a unit"), "{negative}");
    }

    #[test]
    fn the_bound_is_exclusive_and_resolved_once() {
        let offset = Until::Offset(10).resolve(0);
        assert!(!offset.stops_at(9, None));
        assert!(offset.stops_at(10, None));
        assert!(offset.stops_at(11, Some(0)));
        assert!(offset.excludes_start(10));
        assert!(!offset.excludes_start(9));
        assert!(
            !offset.passed_at(i64::MAX),
            "an offset bound waits for its record"
        );

        let time = Until::Time(TimeSpec::Ago(Duration::from_secs(60))).resolve(100_000);
        assert_eq!(time, Bound::Time(40_000));
        assert!(!time.stops_at(0, Some(39_999)));
        assert!(time.stops_at(0, Some(40_000)));
        assert!(!time.stops_at(0, None), "no timestamp, no stop");
        assert!(!time.excludes_start(1_000_000));
        assert!(time.passed_at(40_000));
        assert!(!time.passed_at(39_999));
    }

    #[test]
    fn out_of_order_timestamps_stop_at_the_first_record_past_the_bound() {
        // CreateTime is the producer's: a partition's timestamps need not grow. The stop
        // is the first record at or after the bound, as offsets-for-times defines it.
        let bound = Bound::Time(100);
        let partition = [(0, 50), (1, 120), (2, 80)];
        let read: Vec<i64> = partition
            .iter()
            .take_while(|(o, ts)| !bound.stops_at(*o, Some(*ts)))
            .map(|(o, _)| *o)
            .collect();
        assert_eq!(read, [0]);
    }
}
