//! JSON text → the compact JSON `serde_json` would print after parsing it, without building
//! the value: what a reader prints for a JSON payload, at a fraction of the cost.
//!
//! The output is byte for byte what `serde_json::to_string(&serde_json::from_slice::<Value>(
//! bytes)?)` gives (with `preserve_order`), or nothing: [`compact`] answers `false` for
//! anything it cannot be sure of (invalid JSON, a repeated key in an object, nesting past
//! [`MAX_DEPTH`]), and the caller takes the slow road, which also gives the error words.
//! Most of a payload is copied as it is: whitespace between tokens is dropped, plain
//! integers and strings without unusual escapes are already in serde_json's form; other
//! numbers and strings are parsed and printed one token at a time by serde_json itself.

use serde_json::Value as Json;

use crate::core::json_field::has_control;

/// Deeper nesting goes the slow way (serde_json refuses past 127 levels).
const MAX_DEPTH: usize = 100;

/// Objects with more keys go the slow way (repeated keys are looked for pairwise).
const MAX_KEYS: usize = 64;

/// Reusable state for [`compact`], so that a reader allocates nothing per record.
#[derive(Debug, Default)]
pub struct Compactor {
    /// The keys of every open object, as byte ranges of the input.
    keys: Vec<(usize, usize)>,
    /// Where each open object's keys start in `keys`.
    objects: Vec<usize>,
}

impl Compactor {
    /// Appends the compact form of `bytes` to `out`; `false` (and `out` as it was) when
    /// the slow road must decide.
    pub fn compact(&mut self, bytes: &[u8], out: &mut Vec<u8>) -> bool {
        let mark = out.len();
        self.keys.clear();
        self.objects.clear();
        let ok = std::str::from_utf8(bytes).is_ok() && {
            let mut scan = Scan {
                bytes,
                at: 0,
                out,
                keys: &mut self.keys,
                objects: &mut self.objects,
            };
            scan.document()
        };
        if !ok {
            out.truncate(mark);
        }
        ok
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    out: &'a mut Vec<u8>,
    keys: &'a mut Vec<(usize, usize)>,
    objects: &'a mut Vec<usize>,
}

impl Scan<'_> {
    fn document(&mut self) -> bool {
        self.skip_space();
        if !self.value(0) {
            return false;
        }
        self.skip_space();
        self.at == self.bytes.len()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self, depth: usize) -> bool {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string(false),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            _ => false,
        }
    }

    fn word(&mut self, word: &[u8]) -> bool {
        if self.bytes[self.at..].starts_with(word) {
            self.out.extend_from_slice(word);
            self.at += word.len();
            true
        } else {
            false
        }
    }

    fn array(&mut self, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.take(b'[');
        self.skip_space();
        if self.take(b']') {
            return true;
        }
        loop {
            self.skip_space();
            if !self.value(depth) {
                return false;
            }
            self.skip_space();
            if self.take(b']') {
                return true;
            }
            if !self.take(b',') {
                return false;
            }
        }
    }

    /// Copies `byte` when it is next.
    fn take(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
            self.out.push(byte);
        }
        next
    }

    fn object(&mut self, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.take(b'{');
        self.objects.push(self.keys.len());
        self.skip_space();
        if self.take(b'}') {
            return self.close_object();
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return false;
            }
            let start = self.at;
            if !self.string(true) {
                return false;
            }
            if !self.new_key(start, self.at) {
                return false;
            }
            self.skip_space();
            if !self.take(b':') {
                return false;
            }
            self.skip_space();
            if !self.value(depth) {
                return false;
            }
            self.skip_space();
            if self.take(b'}') {
                return self.close_object();
            }
            if !self.take(b',') {
                return false;
            }
        }
    }

    fn close_object(&mut self) -> bool {
        match self.objects.pop() {
            Some(first) => {
                self.keys.truncate(first);
                true
            }
            None => false,
        }
    }

    /// Records a key of the innermost object; `false` when it repeats one (serde_json
    /// keeps the last value at the first one's place: the slow road does that).
    fn new_key(&mut self, start: usize, end: usize) -> bool {
        let first = self.objects.last().copied().unwrap_or(0);
        let key = &self.bytes[start..end];
        let open = &self.keys[first..];
        if open.len() >= MAX_KEYS || open.iter().any(|&(s, e)| &self.bytes[s..e] == key) {
            return false;
        }
        self.keys.push((start, end));
        true
    }

    /// A string, copied when it holds only the escapes serde_json itself writes (so equal
    /// keys are equal bytes); else, unless it is a key, decoded and printed by serde_json.
    fn string(&mut self, key: bool) -> bool {
        let start = self.at;
        let mut i = start + 1;
        let mut plain = true;
        loop {
            // Straight to the next quote or backslash; what lies between must hold no
            // control character.
            let Some(rest) = self.bytes.get(i..) else {
                return false;
            };
            let Some(n) = memchr::memchr2(b'"', b'\\', rest) else {
                return false;
            };
            if has_control(&rest[..n]) {
                return false;
            }
            i += n;
            if self.bytes[i] == b'"' {
                break;
            }
            match self.bytes.get(i + 1) {
                Some(b'"' | b'\\' | b'n' | b'r' | b't' | b'b' | b'f') => {}
                Some(b'/' | b'u') => plain = false,
                _ => return false,
            }
            i += 2;
        }
        let end = i + 1;
        self.at = end;
        let token = &self.bytes[start..end];
        if plain {
            self.out.extend_from_slice(token);
            return true;
        }
        !key && self.reprint::<String>(token)
    }

    /// A number: plain integers that fit 64 bits are already in serde_json's form; the
    /// rest (fractions, exponents, big integers, `-0`) is parsed and printed by serde_json.
    fn number(&mut self) -> bool {
        let start = self.at;
        let mut i = start;
        if self.bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits_start = i;
        while let Some(b'0'..=b'9') = self.bytes.get(i) {
            i += 1;
        }
        let digits = i - digits_start;
        let mut integer = true;
        if self.bytes.get(i) == Some(&b'.') {
            integer = false;
            i += 1;
            while let Some(b'0'..=b'9') = self.bytes.get(i) {
                i += 1;
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(i) {
            integer = false;
            i += 1;
            if let Some(b'+' | b'-') = self.bytes.get(i) {
                i += 1;
            }
            while let Some(b'0'..=b'9') = self.bytes.get(i) {
                i += 1;
            }
        }
        self.at = i;
        let token = &self.bytes[start..i];
        let leading_zero = digits > 1 && self.bytes[digits_start] == b'0';
        let negative_zero = token == b"-0";
        if integer && (1..=18).contains(&digits) && !leading_zero && !negative_zero {
            self.out.extend_from_slice(token);
            return true;
        }
        self.reprint::<Json>(token)
    }

    /// One token parsed and printed by serde_json, exactly as inside a whole value.
    fn reprint<T: serde::de::DeserializeOwned + serde::Serialize>(&mut self, token: &[u8]) -> bool {
        match serde_json::from_slice::<T>(token) {
            Ok(value) => serde_json::to_writer(&mut *self.out, &value).is_ok(),
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the slow road prints, or `None` when it cannot parse the bytes.
    fn slow(bytes: &[u8]) -> Option<String> {
        serde_json::from_slice::<Json>(bytes)
            .ok()
            .map(|v| serde_json::to_string(&v).unwrap())
    }

    fn fast(bytes: &[u8]) -> Option<String> {
        let mut out = b"prefix".to_vec();
        let ok = Compactor::default().compact(bytes, &mut out);
        let text = String::from_utf8(out).unwrap();
        match ok {
            true => Some(text.strip_prefix("prefix").unwrap().to_string()),
            false => {
                assert_eq!(text, "prefix", "a refusal leaves the output as it was");
                None
            }
        }
    }

    /// Whenever the fast road answers, it answers what the slow one prints.
    fn same(bytes: &[u8]) -> bool {
        let fast = fast(bytes);
        if let Some(text) = &fast {
            assert_eq!(
                Some(text.clone()),
                slow(bytes),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        fast.is_some()
    }

    #[test]
    fn everyday_events_take_the_fast_road_and_print_as_serde_json_does() {
        for text in [
            r#"{"event_type": "child.registered", "age": 7, "seq": 36396, "ok": true, "x": null}"#,
            "  {\n\t\"a\" : [1, 2 ,3], \"b\":{ } , \"c\":[ ]}\r\n",
            r#"{"nested": {"deeper": {"list": [{"a": -12}, "s", false]}}}"#,
            r#""just a string""#,
            "123456789012345678",
            "-5",
            "0",
            r#"{"quote": "say \"hi\"\n\tback\\slash \b \f \r"}"#,
            r#"{"unicode": "é ☃ 😀", "escaped del": "\u007f"}"#,
            "{\"raw del\": \"\x7f\"}",
            "[]",
            "{}",
        ] {
            assert!(same(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn numbers_serde_json_would_change_are_printed_as_it_prints_them() {
        for text in [
            "1.0",
            "1.50",
            "1e2",
            "1E+2",
            "-0",
            "-0.0",
            "0.1",
            "123456789012345678901234",
            "18446744073709551615",
            "-9223372036854775808",
            "1e-400",
            "2.5e-3",
            "[1.0, 2e10, -3.25]",
        ] {
            assert!(same(text.as_bytes()), "{text}");
        }
        assert_eq!(fast(b"1e2").as_deref(), Some("100.0"));
        assert_eq!(fast(b"-0").as_deref(), Some("-0.0"));
        // Out of f64's range: serde_json refuses the whole value, and so does this.
        assert!(!same(b"1e400"));
        assert!(!same(br#"{"a": 1e400}"#));
    }

    #[test]
    fn strings_with_other_escapes_are_decoded_and_printed_again() {
        for text in [
            r#""\u00e9\u0041\/""#,
            r#"{"a": "\ud83d\ude00 smile"}"#,
            r#"{"ctl": "\u0001\u001f"}"#,
        ] {
            assert!(same(text.as_bytes()), "{text}");
        }
        assert_eq!(fast(br#""\u00e9\/""#).as_deref(), Some("\"é/\""));
        // A lone surrogate is not a string serde_json takes.
        assert!(!same(br#""\ud800""#));
        // A key with such an escape might repeat another: the slow road decides.
        assert!(!same(br#"{"\u0061": 1}"#));
    }

    #[test]
    fn what_is_not_json_or_not_certain_goes_the_slow_road() {
        let refused: &[&[u8]] = &[
            b"",
            b"   ",
            b"not json",
            b"{\"a\": 1,}",
            b"[1, 2",
            b"{\"a\" 1}",
            b"01",
            b"1.",
            b"-",
            b"+1",
            b"tru",
            b"nul",
            b"{\"a\": 1} trailing",
            b"\"raw\x01control\"",
            b"\"bad escape \\x\"",
            b"\xff\xfe",
            b"\"\xc3\"",
            // serde_json keeps the last value at the first key's place.
            b"{\"a\": 1, \"b\": 2, \"a\": 3}",
            b"\xef\xbb\xbf{}",
            b"NaN",
        ];
        for bytes in refused {
            assert!(!same(bytes), "{:?}", String::from_utf8_lossy(bytes));
        }
        // The same key in different objects is no repeat.
        assert!(same(br#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#));
    }

    #[test]
    fn deep_nesting_and_wide_objects_go_the_slow_road() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(same(deep(MAX_DEPTH).as_bytes()));
        assert!(!same(deep(MAX_DEPTH + 1).as_bytes()));
        assert!(!same(deep(200).as_bytes()));
        let wide = |n: usize| {
            let fields: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            format!("{{{}}}", fields.join(", "))
        };
        assert!(same(wide(MAX_KEYS).as_bytes()));
        assert!(!same(wide(MAX_KEYS + 1).as_bytes()));
    }

    /// Random documents built from awkward pieces (and random cuts of them): whatever the
    /// fast road answers is what the slow road prints.
    #[test]
    fn random_awkward_documents_print_as_serde_json_prints_them() {
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\n",
            "\"a\"",
            "\"b\"",
            "\"\\u0041\"",
            "\"\\n\\\"\"",
            "\"é\"",
            "0",
            "-0",
            "7",
            "-12",
            "1.5",
            "1e400",
            "2E-3",
            "12345678901234567890",
            "true",
            "false",
            "null",
            "\"\\/\"",
            "\"\x7f\"",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        let mut fast_roads = 0;
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            fast_roads += usize::from(same(text.as_bytes()));
        }
        // And well-formed ones, so the fast road is exercised, not only refused.
        for _ in 0..5_000 {
            let text = format!(
                "{{\"a\": [{}, {}], \"b\": {{\"c\": {}}}, \"d\": {}}}",
                pieces[13 + next(13)],
                pieces[13 + next(13)],
                pieces[13 + next(13)],
                pieces[8 + next(5)],
            );
            fast_roads += usize::from(same(text.as_bytes()));
        }
        assert!(fast_roads > 1_000, "{fast_roads}");
    }

    #[test]
    fn a_compactor_is_reused_without_leftovers() {
        let mut compactor = Compactor::default();
        let mut out = Vec::new();
        assert!(!compactor.compact(br#"{"a": {"b": 1, "b": 2}}"#, &mut out));
        assert!(compactor.compact(br#"{"b": 1}"#, &mut out));
        assert_eq!(out, br#"{"b":1}"#);
    }
}
