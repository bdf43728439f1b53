//! `kop groups ...`: one module per command, and what they share: describing the named
//! groups, and refusing to change a group whose consumers are connected.

pub(crate) mod delete;
pub(crate) mod delete_offsets;
pub(crate) mod describe;
pub(crate) mod list;
pub(crate) mod reset;

use crate::core::groups::Group;
use crate::error::CommandError;
use crate::kafka::{Admin, KafkaError};

/// The named groups as their coordinators describe them, in the order given (each name
/// once). A group the coordinator does not know is described as Kafka describes it when
/// it answers without an error: `Dead`, with nothing in it.
fn described(admin: &Admin, names: &[String]) -> Result<Vec<Group>, CommandError> {
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        if !unique.contains(name) {
            unique.push(name.clone());
        }
    }
    let mut described = admin.describe_groups(&unique)?;
    unique
        .iter()
        .map(|name| match described.remove(name) {
            Some(Ok(group)) => Ok(group),
            Some(Err(KafkaError::NotFound { .. })) => Ok(Group {
                name: name.clone(),
                state: "Dead".into(),
                ..Group::default()
            }),
            Some(Err(e)) => Err(e.into()),
            None => Err(CommandError::internal(format!(
                "the cluster's answer left out group {name}"
            ))),
        })
        .collect()
}

/// `group billing is active (state Stable, 2 members connected)`.
fn active_words(group: &Group) -> String {
    let members = match group.members.len() {
        0 => String::new(),
        1 => ", 1 member connected".to_string(),
        n => format!(", {n} members connected"),
    };
    format!(
        "group {} is active (state {}{members})",
        group.name, group.state
    )
}

/// The error for a change Kafka refuses while the group's consumers are connected.
fn refuse_active(group: &Group, doing: &str) -> CommandError {
    CommandError::failed(format!(
        "{}: Kafka refuses to {doing} while its consumers run; nothing was changed",
        active_words(group)
    ))
    .with_hint(format!(
        "stop the group's consumers (or wait until their sessions time out), then run this again; `kop groups describe {}` shows who they are",
        group.name
    ))
}

/// A group that does not exist, with the closest name there is when the cluster says.
fn missing(admin: &Admin, name: &str) -> CommandError {
    let names: Vec<String> = admin
        .groups()
        .map(|groups| groups.into_iter().map(|g| g.name).collect())
        .unwrap_or_default();
    crate::commands::names::no_such_group(name, names.iter().map(String::as_str))
}
