//! Avro logical types in their natural JSON spelling: dates as `"2025-01-14"`, times as
//! `"09:12:03.250"`, timestamps as RFC 3339 (`"2025-01-14T09:12:03.250Z"`), decimals as
//! exact strings (`"12.34"`). Calendar arithmetic is done here (proleptic Gregorian,
//! UTC) so that no date library is needed.

use apache_avro::Decimal;
use serde_json::Value as Json;

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

fn parse_date(s: &str) -> Option<i64> {
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
fn parse_time(s: &str, per_second: i64) -> Option<i64> {
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
    let in_day = parse_time(clock, per_second)?;
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

pub fn date_from_json(json: &Json) -> Result<i32, String> {
    let days = match json {
        Json::String(s) => parse_date(s)
            .ok_or_else(|| format!("expected a date like \"2025-01-14\", found \"{s}\""))?,
        Json::Number(n) => n.as_i64().ok_or("expected a date or a day number")?,
        _ => return Err("expected a date like \"2025-01-14\"".into()),
    };
    i32::try_from(days).map_err(|_| "date out of range".to_string())
}

pub fn time_from_json(json: &Json, per_second: i64) -> Result<i64, String> {
    match json {
        Json::String(s) => parse_time(s, per_second)
            .ok_or_else(|| format!("expected a time like \"09:12:03.250\", found \"{s}\"")),
        Json::Number(n) => n
            .as_i64()
            .ok_or_else(|| "expected a time or a number".to_string()),
        _ => Err("expected a time like \"09:12:03.250\"".into()),
    }
}

pub fn timestamp_from_json(json: &Json, per_second: i64) -> Result<i64, String> {
    match json {
        Json::String(s) => parse_rfc3339(s, per_second).ok_or_else(|| {
            format!("expected an RFC 3339 timestamp like \"2025-01-14T09:12:03Z\", found \"{s}\"")
        }),
        Json::Number(n) => n
            .as_i64()
            .ok_or_else(|| "expected a timestamp or an integer".to_string()),
        _ => Err("expected an RFC 3339 timestamp or an integer".into()),
    }
}

/// `"12.34"` or `12.34` with the schema's scale → Avro's decimal (big-endian two's
/// complement of the unscaled value). Exact: more fraction digits than the scale is an
/// error, not a rounding.
pub fn decimal_from_json(json: &Json, precision: usize, scale: usize) -> Result<Decimal, String> {
    let text = match json {
        Json::String(s) => s.trim().to_string(),
        Json::Number(n) => n.to_string(),
        _ => {
            return Err(format!(
                "expected a decimal with {scale} fraction digits, as a string like \"12.34\""
            ))
        }
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int_part.is_empty() || !frac_part.is_empty();
    if !ok
        || !int_part
            .bytes()
            .chain(frac_part.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(format!("expected a decimal number, found \"{text}\""));
    }
    let frac_trimmed = frac_part.trim_end_matches('0');
    if frac_trimmed.len() > scale {
        return Err(format!("\"{text}\" has more than {scale} fraction digits"));
    }
    // Digits past the scale are zeros (checked above), so cutting them is exact.
    let frac: String = frac_part
        .chars()
        .chain(std::iter::repeat('0'))
        .take(scale)
        .collect();
    let unscaled_digits = format!("{int_part}{frac}");
    let unscaled_digits = unscaled_digits.trim_start_matches('0');
    if unscaled_digits.len() > precision {
        return Err(format!("\"{text}\" has more than {precision} digits"));
    }
    let magnitude: i128 = if unscaled_digits.is_empty() {
        0
    } else {
        unscaled_digits
            .parse()
            .map_err(|_| format!("\"{text}\" is too large (kop handles up to 38 digits)"))?
    };
    let unscaled = if negative { -magnitude } else { magnitude };
    Ok(Decimal::from(minimal_twos_complement(unscaled)))
}

fn minimal_twos_complement(n: i128) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let mut start = 0;
    while start < 15 {
        let (b, next) = (bytes[start], bytes[start + 1]);
        let redundant = (b == 0x00 && next & 0x80 == 0) || (b == 0xFF && next & 0x80 != 0);
        if !redundant {
            break;
        }
        start += 1;
    }
    bytes[start..].to_vec()
}

/// The exact decimal string for Avro decimal bytes.
pub fn decimal_to_string(bytes: &[u8], scale: usize) -> Option<String> {
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let fill = if bytes[0] & 0x80 != 0 { 0xFF } else { 0x00 };
    let mut buf = [fill; 16];
    buf[16 - bytes.len()..].copy_from_slice(bytes);
    let n = i128::from_be_bytes(buf);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    if scale == 0 {
        return Some(format!("{sign}{digits}"));
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int_part, frac) = padded.split_at(padded.len() - scale);
    Some(format!("{sign}{int_part}.{frac}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        assert_eq!(parse_time("09:12:03.25", 1_000), Some(33_123_250));
        assert_eq!(format_time(33_123_250, 1_000), "09:12:03.250");
        assert_eq!(parse_time("24:00:00", 1_000), None);
    }

    #[test]
    fn decimals_are_exact() {
        let cases = [
            ("12.34", 2, "12.34"),
            ("-0.5", 2, "-0.50"),
            ("100", 2, "100.00"),
            ("0", 0, "0"),
            ("-128", 0, "-128"),
        ];
        for (text, scale, back) in cases {
            let d = decimal_from_json(&json!(text), 10, scale).unwrap();
            let bytes: Vec<u8> = Vec::try_from(&d).unwrap();
            assert_eq!(
                decimal_to_string(&bytes, scale).as_deref(),
                Some(back),
                "{text}"
            );
        }
        let d = decimal_from_json(&json!(12.5), 5, 1).unwrap();
        assert_eq!(Vec::<u8>::try_from(&d).unwrap(), vec![125]);
        assert!(decimal_from_json(&json!("1.234"), 10, 2).is_err());
        assert!(decimal_from_json(&json!("123456"), 4, 0).is_err());
        assert!(decimal_from_json(&json!("abc"), 4, 0).is_err());
    }
}
