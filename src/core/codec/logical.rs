//! Avro logical types in their natural JSON spelling: dates as `"2025-01-14"`, times as
//! `"09:12:03.250"`, timestamps as RFC 3339 (`"2025-01-14T09:12:03.250Z"`), decimals as
//! exact strings (`"12.34"`). The calendar arithmetic is `util::time`'s.

use apache_avro::Decimal;
use serde_json::Value as Json;

use crate::util::time::{parse_date, parse_rfc3339, parse_time_of_day};

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
        Json::String(s) => parse_time_of_day(s, per_second)
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
