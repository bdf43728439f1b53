//! One field of a JSON text, taken out without building the rest: what `publish
//! --key-field` needs of each event. The whole text is still read, so text that is not JSON
//! is refused with serde_json's own words.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;

/// The value at `path` (object keys, outermost first), `None` when some step is missing or
/// not an object. A repeated key counts by its last value, as a parsed tree would.
pub fn field(text: &str, path: &[String]) -> Result<Option<Json>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let found = Field(path).deserialize(&mut de)?;
    de.end()?;
    Ok(found)
}

/// A field found by [`plain_field`]'s scan, as written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainField<'t> {
    /// A string without escapes: its contents.
    Text(&'t str),
    /// A number, as written (`12345678901234567890123`, `1e2` and `-0` stay themselves,
    /// where a parsed tree would hold a double).
    Number(&'t str),
}

/// The value at `path` when it is a string without escapes or a number, found by a plain
/// scan of the text; `None` when the scan cannot be sure (the text is not strict JSON,
/// nests past [`MAX_DEPTH`], a key on the path has escapes, the value is missing or of
/// another kind, or anything else): then [`field`] decides, in serde_json's words. A
/// `Text` is always what [`field`] gives; the text is JSON the scan checked whole.
pub fn plain_field<'t>(text: &'t str, path: &[String]) -> Option<PlainField<'t>> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        at: 0,
    };
    scan.space();
    let found = scan.value(0, Some(path))?;
    scan.space();
    match (found, scan.at == text.len()) {
        (Look::Found(start, end), true) => text.get(start..end).map(PlainField::Text),
        (Look::Number(start, end), true) => text.get(start..end).map(PlainField::Number),
        _ => None,
    }
}

/// Deeper nesting is left to serde_json.
const MAX_DEPTH: usize = 100;

/// What a scan found at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// A string without escapes: its contents' byte range.
    Found(usize, usize),
    /// A number: its byte range.
    Number(usize, usize),
    /// Missing, or not such a string, or not on the path at all.
    Absent,
}

struct Scan<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Scan<'_> {
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let ok = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(ok);
        ok
    }

    /// One value; `path`: what is looked for inside it (`Some(&[])`: this value itself).
    /// `None` when the text is not strict JSON or the scan gives up.
    fn value(&mut self, depth: usize, path: Option<&[String]>) -> Option<Look> {
        if depth > MAX_DEPTH {
            return None;
        }
        // At the path only a plain string or a number is taken as written; anything else
        // is decoded by serde_json.
        if path == Some(&[]) {
            match self.bytes.get(self.at) {
                Some(b'"') => {}
                Some(b'-' | b'0'..=b'9') => {
                    let start = self.at;
                    self.number()?;
                    // One serde_json cannot hold (1e400) is left to it, to refuse.
                    let finite = std::str::from_utf8(&self.bytes[start..self.at])
                        .ok()
                        .and_then(|n| n.parse::<f64>().ok())
                        .is_some_and(f64::is_finite);
                    return finite.then_some(Look::Number(start, self.at));
                }
                _ => return None,
            }
        }
        match self.bytes.get(self.at)? {
            b'{' => self.object(depth, path),
            b'[' => self.array(depth).map(|()| Look::Absent),
            b'"' => {
                let (start, end, plain) = self.string()?;
                match (path, plain) {
                    (Some([]), true) => Some(Look::Found(start, end)),
                    (Some([]), false) => None,
                    _ => Some(Look::Absent),
                }
            }
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            _ => self.number().map(|()| Look::Absent),
        }
    }

    fn word(&mut self, word: &[u8]) -> Option<Look> {
        self.bytes[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            Look::Absent
        })
    }

    fn object(&mut self, depth: usize, path: Option<&[String]>) -> Option<Look> {
        self.at += 1;
        let (head, rest) = match path {
            Some([head, rest @ ..]) => (Some(head.as_bytes()), Some(rest)),
            _ => (None, None),
        };
        // A repeated key counts by its last value, as in a parsed tree.
        let mut found = Look::Absent;
        self.space();
        if self.eat(b'}') {
            return Some(found);
        }
        loop {
            self.space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return None;
            }
            let (start, end, plain) = self.string()?;
            let key = &self.bytes[start..end];
            let on_path = match head {
                // An escaped key might equal the one looked for: serde_json decides.
                Some(_) if !plain => return None,
                Some(head) => key == head,
                None => false,
            };
            self.space();
            if !self.eat(b':') {
                return None;
            }
            self.space();
            let look = self.value(depth + 1, if on_path { rest } else { None })?;
            if on_path {
                found = look;
            }
            self.space();
            if self.eat(b'}') {
                return Some(found);
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.at += 1;
        self.space();
        if self.eat(b']') {
            return Some(());
        }
        loop {
            self.space();
            self.value(depth + 1, None)?;
            self.space();
            if self.eat(b']') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A string: its contents' byte range, and whether it has no escapes.
    fn string(&mut self) -> Option<(usize, usize, bool)> {
        let start = self.at + 1;
        let mut i = start;
        let mut plain = true;
        loop {
            // Straight to the next quote or backslash; what lies between must hold no
            // control character.
            let rest = self.bytes.get(i..)?;
            let n = memchr::memchr2(b'"', b'\\', rest)?;
            if has_control(&rest[..n]) {
                return None;
            }
            i += n;
            match self.bytes[i] {
                b'"' => break,
                _ => {
                    plain = false;
                    match *self.bytes.get(i + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                        b'u' => {
                            let hex = self.bytes.get(i + 2..i + 6)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return None;
                            }
                            i += 6;
                        }
                        _ => return None,
                    }
                }
            }
        }
        self.at = i + 1;
        Some((start, i, plain))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.eat(b'.') && self.digits() == 0 {
            return None;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }
}

/// Whether the bytes hold a control character (JSON strings may not); written to be
/// vectorised.
pub(crate) fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |seen, &b| seen | (b < 0x20))
}

struct Field<'p>(&'p [String]);

impl<'de> DeserializeSeed<'de> for Field<'_> {
    type Value = Option<Json>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Json>, D::Error> {
        match self.0.split_first() {
            None => serde::Deserialize::deserialize(d).map(Some),
            Some((head, rest)) => d.deserialize_any(Step { head, rest }),
        }
    }
}

/// One step down the path: into an object's `head` member.
struct Step<'p> {
    head: &'p str,
    rest: &'p [String],
}

impl<'de> Visitor<'de> for Step<'_> {
    type Value = Option<Json>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Json>, A::Error> {
        let mut found = None;
        while let Some(matches) = map.next_key_seed(KeyIs(self.head))? {
            if matches {
                found = map.next_value_seed(Field(self.rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Json>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<Json>, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<Json>, E> {
        Ok(None)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<Json>, E> {
        Ok(None)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<Json>, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<Json>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Json>, E> {
        Ok(None)
    }
}

/// Reads a key and says whether it is the one looked for, without keeping it.
struct KeyIs<'p>(&'p str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_string).collect()
    }

    /// What looking the path up in a parsed tree gives.
    fn tree(text: &str, p: &str) -> Result<Option<Json>, String> {
        let json: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Ok(path(p)
            .iter()
            .try_fold(&json, |node, part| node.get(part.as_str()))
            .cloned())
    }

    #[test]
    fn a_field_is_what_the_parsed_tree_holds_there() {
        for (text, p) in [
            (r#"{"user": {"id": "u-7"}, "n": 1}"#, "user.id"),
            (r#"{"user": {"id": "u-7"}, "n": 1}"#, "n"),
            (r#"{"user": {"id": {"deep": [1, 2.5]}}}"#, "user.id"),
            (r#"{"a": 1, "a": 2}"#, "a"),
            (r#"{"a": {"b": 1}, "a": 3}"#, "a.b"),
            (r#"{"a": 3, "a": {"b": 1}}"#, "a.b"),
            (r#"{"a": null}"#, "a"),
            (r#"{"a\u0062": "escaped key"}"#, "ab"),
            (r#"{"x": 1}"#, "missing"),
            (r#"[{"a": 1}]"#, "a"),
            (r#""text""#, "a"),
            (r#"{"a": "é \" \n"}"#, "a"),
        ] {
            assert_eq!(
                field(text, &path(p)).map_err(|e| e.to_string()),
                tree(text, p),
                "{text} {p}"
            );
        }
    }

    /// Whenever the plain scan answers, it answers what serde_json finds.
    fn same(text: &str, p: &str) -> bool {
        let fast = match plain_field(text, &path(p)) {
            Some(PlainField::Text(found)) => Some(found),
            _ => None,
        };
        if let Some(found) = fast {
            let slow = field(text, &path(p)).ok().flatten();
            assert_eq!(Some(Json::String(found.to_string())), slow, "{text} {p}");
        }
        fast.is_some()
    }

    #[test]
    fn plain_string_fields_are_found_by_a_plain_scan() {
        for (text, p) in [
            (
                r#"{"event_type": "x", "child_id": "7f0c", "age": 7, "ok": true}"#,
                "child_id",
            ),
            (
                r#" { "user" : { "id" : "u-7" } , "n" : [1, {"id": 2}, -0.5e3] } "#,
                "user.id",
            ),
            (r#"{"a": "first", "b": {"c": "\u00e9"}, "a": "last"}"#, "a"),
            (r#"{"a": {"b": "x"}, "a": {"b": "y"}}"#, "a.b"),
            ("{\"b\": {\"k\\n\": 1}, \"a\": \"é 😀 \u{7f}\"}", "a"),
        ] {
            assert!(same(text, p), "{text} {p}");
        }
        assert_eq!(
            plain_field(r#"{"a": "first", "a": "last"}"#, &path("a")),
            Some(PlainField::Text("last"))
        );
    }

    #[test]
    fn numbers_at_the_path_are_taken_as_written() {
        for (text, p, written) in [
            (
                r#"{"id": 12345678901234567890123}"#,
                "id",
                "12345678901234567890123",
            ),
            (r#"{"a": {"b": 1e2}, "c": [1]}"#, "a.b", "1e2"),
            (r#"{"n": -0}"#, "n", "-0"),
            (r#"{"n": 1.0, "n": 7}"#, "n", "7"),
        ] {
            assert_eq!(
                plain_field(text, &path(p)),
                Some(PlainField::Number(written)),
                "{text}"
            );
        }
        // Not a number after all: the scan refuses, serde_json says why.
        assert_eq!(plain_field(r#"{"n": 01}"#, &path("n")), None);
        assert_eq!(plain_field(r#"{"n": 1.}"#, &path("n")), None);
        assert_eq!(plain_field(r#"{"n": 1e400}"#, &path("n")), None);
    }

    #[test]
    fn anything_the_plain_scan_is_not_sure_of_is_left_to_serde_json() {
        for (text, p) in [
            (r#"{"a": "esc\"aped"}"#, "a"),
            (r#"{"a": 12}"#, "a"),
            (r#"{"a": null}"#, "a"),
            (r#"{"a": "x", "a": 1}"#, "a"),
            (r#"{"a": {"b": "x"}, "a": {}}"#, "a.b"),
            (r#"{"\u0061": "x"}"#, "a"),
            (r#"{"x": "y"}"#, "a"),
            (r#"["a"]"#, "a"),
            (r#"{"a": "x"} trailing"#, "a"),
            (r#"{"a": "x",}"#, "a"),
            (r#"{"a": "x", "n": 01}"#, "a"),
            (r#"{"a": "x", "n": 1.}"#, "a"),
            (r#"{"a": "x", "s": "\x"}"#, "a"),
            (r#"{"a": "x", "s": "\u12"}"#, "a"),
            ("{\"a\": \"x\u{1}\"}", "a"),
            (r#"{"a": "x""#, "a"),
            ("", "a"),
        ] {
            assert!(!same(text, p), "{text} {p}");
        }
        let deep = format!(
            "{{\"a\": \"x\", \"d\": {}1{}}}",
            "[".repeat(150),
            "]".repeat(150)
        );
        assert!(!same(&deep, "a"));
        // What the scan accepts, serde_json accepts too.
        let text = r#"{"a": "x", "n": [1e400, -0, 0.5E+2], "s": "\ud800 \/"}"#;
        assert!(same(text, "a"));
        assert!(field(text, &path("a")).is_ok());
    }

    /// Random documents from awkward pieces: whatever the plain scan answers, serde_json
    /// agrees with, and it answers often on well-formed ones.
    #[test]
    fn random_documents_agree_with_serde_json() {
        let values = [
            "\"x\"",
            "\"y\\\"\"",
            "1",
            "-0.5e3",
            "null",
            "true",
            "[]",
            "{}",
            "{\"a\": \"in\"}",
            "[\"a\", {\"a\": 1}]",
            "\"\\u00e9\"",
            "1e400",
            "01",
            "\"\x01\"",
            "{\"a\": }",
            "\"",
        ];
        let keys = ["\"a\"", "\"b\"", "\"\\u0061\"", "\"a\\n\""];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        let mut answered = 0;
        for _ in 0..20_000 {
            let members: Vec<String> = (0..1 + next(4))
                .map(|_| format!("{}: {}", keys[next(keys.len())], values[next(values.len())]))
                .collect();
            let text = format!("{{{}}}", members.join(", "));
            answered += usize::from(same(&text, "a"));
            let nested = format!("{{\"a\": {text}, \"z\": {}}}", values[next(values.len())]);
            answered += usize::from(same(&nested, "a.a"));
        }
        assert!(answered > 100, "{answered}");
    }

    #[test]
    fn text_that_is_not_json_is_refused_in_serde_jsons_words() {
        // (What the rest of the text holds is checked as `publish` checks a value without a
        // key field: a number out of f64's range or a lone surrogate escape outside the
        // field passes, as it does there.)
        for text in ["{oops", r#"{"a": 1} trailing"#, r#"{"a": [1,}"#, ""] {
            let fast = field(text, &path("a")).map_err(|e| e.to_string());
            let slow = serde_json::from_str::<Json>(text).map_err(|e| e.to_string());
            assert_eq!(fast.unwrap_err(), slow.unwrap_err(), "{text}");
        }
    }
}
