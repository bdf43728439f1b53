//! `kop schemas list`: which subjects, and the topic each belongs to.

use std::collections::BTreeSet;

use regex::Regex;

use super::{EffectiveLevel, Level, SchemaType};
use crate::core::subject::Strategy;

/// One subject's row: its latest version and the level that applies to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRow {
    pub subject: String,
    /// The topic the subject belongs to under the naming strategy, when it says.
    pub topic: Option<String>,
    pub version: u32,
    pub id: u32,
    pub schema_type: SchemaType,
    pub level: EffectiveLevel,
    /// Soft-deleted: hidden from the registry's ordinary answers, still readable by id.
    pub deleted: bool,
}

/// Every row, and the registry's global level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectListing {
    pub rows: Vec<SubjectRow>,
    pub global: Level,
}

/// The subjects to list, sorted, each with whether it is soft-deleted: `live` as the
/// registry lists them, `with_deleted` from `?deleted=true` (when `--deleted` asked).
pub fn select(
    live: &[String],
    with_deleted: Option<&[String]>,
    pattern: Option<&Regex>,
) -> Vec<(String, bool)> {
    let live_set: BTreeSet<&str> = live.iter().map(String::as_str).collect();
    let mut all: BTreeSet<(String, bool)> = live.iter().map(|s| (s.clone(), false)).collect();
    for s in with_deleted.unwrap_or_default() {
        if !live_set.contains(s.as_str()) {
            all.insert((s.clone(), true));
        }
    }
    all.into_iter()
        .filter(|(s, _)| pattern.is_none_or(|p| p.is_match(s)))
        .collect()
}

/// The topic a subject belongs to: `<topic>-key` / `<topic>-value` under the topic
/// strategy, `<topic>-<record>` under topic-record (the record's full name comes from the
/// subject's schema). Under the record strategy a subject serves any topic: `None`.
pub fn topic_of(subject: &str, strategy: Strategy, record: Option<&str>) -> Option<String> {
    let topic = match strategy {
        Strategy::Topic => subject
            .strip_suffix("-value")
            .or_else(|| subject.strip_suffix("-key")),
        Strategy::TopicRecord => {
            record.and_then(|r| subject.strip_suffix(r).and_then(|t| t.strip_suffix('-')))
        }
        Strategy::Record => None,
    };
    topic.filter(|t| !t.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_follow_the_strategy() {
        assert_eq!(
            topic_of("task.created-value", Strategy::Topic, None).as_deref(),
            Some("task.created")
        );
        assert_eq!(
            topic_of("task.created-key", Strategy::Topic, None).as_deref(),
            Some("task.created")
        );
        assert_eq!(topic_of("com.todo.Task", Strategy::Topic, None), None);
        assert_eq!(topic_of("-value", Strategy::Topic, None), None);
        assert_eq!(
            topic_of(
                "task.created-com.todo.Task",
                Strategy::TopicRecord,
                Some("com.todo.Task")
            )
            .as_deref(),
            Some("task.created")
        );
        assert_eq!(
            topic_of(
                "task.created-value",
                Strategy::TopicRecord,
                Some("com.todo.Task")
            ),
            None
        );
        assert_eq!(
            topic_of("com.todo.Task", Strategy::Record, Some("com.todo.Task")),
            None
        );
    }

    #[test]
    fn deleted_subjects_are_marked_and_patterns_filter() {
        let live = vec!["b-value".to_string(), "a-value".to_string()];
        let all = vec![
            "a-value".to_string(),
            "gone-value".to_string(),
            "b-value".to_string(),
        ];
        assert_eq!(
            select(&live, None, None),
            vec![("a-value".into(), false), ("b-value".into(), false)]
        );
        assert_eq!(
            select(&live, Some(&all), None),
            vec![
                ("a-value".into(), false),
                ("b-value".into(), false),
                ("gone-value".into(), true)
            ]
        );
        let pattern = Regex::new("^(a|gone)-").unwrap();
        assert_eq!(
            select(&live, Some(&all), Some(&pattern)),
            vec![("a-value".into(), false), ("gone-value".into(), true)]
        );
    }
}
