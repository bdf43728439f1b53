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
