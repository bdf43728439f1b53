//! Subject naming strategies, as Confluent's serializers name subjects.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// `<topic>-key` / `<topic>-value` (the default).
    Topic,
    /// The record's full name.
    Record,
    /// `<topic>-<record full name>`.
    TopicRecord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Key,
    Value,
}

/// The subject for a topic's key or value. The record strategies need the record's full
/// name; `None` when the schema is not known yet (then only the topic strategy works).
pub fn subject(
    strategy: Strategy,
    topic: &str,
    part: Part,
    record: Option<&str>,
) -> Result<String, String> {
    let suffix = match part {
        Part::Key => "key",
        Part::Value => "value",
    };
    match (strategy, record) {
        (Strategy::Topic, _) => Ok(format!("{topic}-{suffix}")),
        (Strategy::Record, Some(r)) => Ok(r.to_string()),
        (Strategy::TopicRecord, Some(r)) => Ok(format!("{topic}-{r}")),
        (_, None) => Err(
            "the record name strategies need the schema (--schema-file) or an explicit --subject"
                .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies() {
        let r = Some("com.todoapp.events.TaskCreatedEvent");
        assert_eq!(
            subject(Strategy::Topic, "task.created", Part::Value, r).unwrap(),
            "task.created-value"
        );
        assert_eq!(
            subject(Strategy::Topic, "task.created", Part::Key, None).unwrap(),
            "task.created-key"
        );
        assert_eq!(
            subject(Strategy::Record, "task.created", Part::Value, r).unwrap(),
            "com.todoapp.events.TaskCreatedEvent"
        );
        assert_eq!(
            subject(Strategy::TopicRecord, "task.created", Part::Value, r).unwrap(),
            "task.created-com.todoapp.events.TaskCreatedEvent"
        );
        assert!(subject(Strategy::Record, "t", Part::Value, None).is_err());
    }
}
