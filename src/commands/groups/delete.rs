//! `kop groups delete`: check each group exists and has no connected member, say what
//! goes, confirm, delete them all in one request per coordinator, report.

use super::{described, missing, refuse_active};
use crate::commands::confirm::{confirm, Confirmation};
use crate::core::groups::{compact_partitions, exists};
use crate::core::record::TopicPartition;
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::group_delete::render_deleted;
use crate::output::Output;
use crate::settings::Settings;

pub(crate) fn run(
    settings: &Settings,
    names: &[String],
    yes: bool,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let groups = described(&admin, names)?;
    let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    let mut offsets = admin.group_offsets(&names)?;
    for group in &groups {
        let committed: Vec<TopicPartition> = offsets
            .remove(&group.name)
            .transpose()?
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, o)| o.is_some())
            .map(|(tp, _)| tp)
            .collect();
        if !exists(group, !committed.is_empty()) {
            return Err(missing(&admin, &group.name).context("nothing was deleted"));
        }
        if group.is_active() {
            return Err(refuse_active(group, "delete it"));
        }
        out.status(&format!(
            "group {}: its committed offsets on {} go with it",
            group.name,
            compact_partitions(&committed)
        ));
    }
    let n = names.len();
    let question = format!(
        "Delete {} and {} committed offsets?",
        if n == 1 {
            format!("group {}", names[0])
        } else {
            format!("{n} groups")
        },
        if n == 1 { "its" } else { "their" }
    );
    confirm(
        out,
        yes,
        true,
        &Confirmation {
            question: &question,
            refusal: "refusing to delete consumer groups without confirmation; nothing was deleted",
            hint: "there is no terminal to ask on: add --yes to delete",
            declined: "not deleted: the answer was no",
        },
    )?;
    let results: Vec<(String, Result<(), String>)> = admin
        .delete_groups(&names)?
        .into_iter()
        .map(|(g, r)| (g, r.map_err(|e| e.to_string())))
        .collect();
    render_deleted(out, &results)?;
    let failed = results.iter().filter(|(_, r)| r.is_err()).count();
    if failed > 0 {
        return Err(CommandError::failed(format!(
            "{failed} of {} groups were not deleted",
            results.len()
        )));
    }
    Ok(Outcome::Clean)
}
