//! Names that do not exist on the cluster, said the same way by every command: what was
//! asked for, and the closest name there is (a typo is the usual cause).

use crate::core::cluster::{ClusterMetadata, TopicInfo};
use crate::error::CommandError;
use crate::kafka::{Admin, KafkaError};
use crate::util::names::closest;

/// `message` about a topic that does not exist, with the closest topic name on the cluster.
pub(crate) fn no_such_topic(
    message: String,
    name: &str,
    cluster: &ClusterMetadata,
) -> CommandError {
    let names = cluster.topics.iter().map(|t| t.name.as_str());
    with_suggestion(
        CommandError::failed(message),
        name,
        names,
        "`kop topics list` shows the topics there are",
    )
}

/// `--topic` of a topic that does not exist would otherwise print "nothing" and pass a CI
/// gate that checks nothing.
pub(crate) fn check_topics_exist(admin: &Admin, topics: &[String]) -> Result<(), CommandError> {
    if topics.is_empty() {
        return Ok(());
    }
    let cluster = admin.metadata()?;
    match topics.iter().find(|t| cluster.topic(t).is_none()) {
        Some(topic) => Err(no_such_topic(
            format!("--topic {topic}: no such topic on the cluster"),
            topic,
            &cluster,
        )),
        None => Ok(()),
    }
}

/// The topic, or an error saying `message` with the closest name there is.
pub(crate) fn topic_or_closest(
    admin: &Admin,
    name: &str,
    message: impl FnOnce() -> String,
) -> Result<TopicInfo, CommandError> {
    match admin.topic(name) {
        Ok(topic) => Ok(topic),
        Err(KafkaError::NotFound { .. }) => {
            let cluster = admin.metadata()?;
            Err(no_such_topic(message(), name, &cluster))
        }
        Err(e) => Err(e.into()),
    }
}

/// A consumer group that does not exist, with the closest group name there is.
pub(crate) fn no_such_group<'a>(
    name: &str,
    groups: impl IntoIterator<Item = &'a str>,
) -> CommandError {
    with_suggestion(
        CommandError::failed(format!("no consumer group named {name} on the cluster")),
        name,
        groups,
        "`kop groups list` shows the groups there are",
    )
}

fn with_suggestion<'a>(
    error: CommandError,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    otherwise: &str,
) -> CommandError {
    match closest(name, candidates) {
        Some(candidate) => error.with_hint(format!("did you mean {candidate}?")),
        None => error.with_hint(otherwise.to_string()),
    }
}
