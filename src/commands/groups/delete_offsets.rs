//! `kop groups delete-offsets`: check the group has no connected member, find its
//! committed offsets on the topics named, confirm, delete them in one request, report.

use super::{described, refuse_active};
use crate::commands::confirm::{confirm, Confirmation};
use crate::core::groups::compact_partitions;
use crate::core::record::TopicPartition;
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::group_delete::render_offsets_deleted;
use crate::output::Output;
use crate::settings::{DeleteOffsetsSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    delete: &DeleteOffsetsSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let name = &delete.group;
    let group = described(&admin, std::slice::from_ref(name))?
        .into_iter()
        .next()
        .ok_or_else(|| CommandError::internal("no description of the group"))?;
    if group.is_active() {
        return Err(refuse_active(&group, "delete its committed offsets"));
    }
    let committed = admin
        .group_offsets(std::slice::from_ref(name))?
        .remove(name)
        .transpose()?
        .unwrap_or_default();
    let partitions: Vec<TopicPartition> = committed
        .into_iter()
        .filter(|(tp, o)| {
            o.is_some()
                && delete.topics.iter().any(|t| {
                    t.topic == tp.topic
                        && t.partitions
                            .as_ref()
                            .is_none_or(|ps| ps.contains(&tp.partition))
                })
        })
        .map(|(tp, _)| tp)
        .collect();
    if partitions.is_empty() {
        let topics: Vec<&str> = delete.topics.iter().map(|t| t.topic.as_str()).collect();
        return Err(CommandError::failed(format!(
            "group {name} has no committed offsets on {}; nothing was deleted",
            topics.join(", ")
        ))
        .with_hint(format!(
            "`kop groups describe {name}` shows where it has committed"
        )));
    }
    let question = format!(
        "Delete the committed offsets of group {name} on {}?",
        compact_partitions(&partitions)
    );
    confirm(
        out,
        delete.yes,
        true,
        &Confirmation {
            question: &question,
            refusal:
                "refusing to delete committed offsets without confirmation; nothing was deleted",
            hint: "there is no terminal to ask on: add --yes to delete",
            declined: "not deleted: the answer was no",
        },
    )?;
    let results: Vec<(TopicPartition, Result<(), String>)> = admin
        .delete_group_offsets(settings, &group, &partitions)?
        .into_iter()
        .map(|(tp, r)| (tp, r.map_err(|e| e.to_string())))
        .collect();
    render_offsets_deleted(out, name, &results)?;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    if failed > 0 {
        return Err(CommandError::failed(format!(
            "{failed} of {} partitions kept their committed offsets",
            results.len()
        )));
    }
    Ok(Outcome::Clean)
}
